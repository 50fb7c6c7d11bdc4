// GET /api/health - liveness and database readiness for load balancers and the CI smoke test.
import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  return NextResponse.json(
    { ok: database.ok, database },
    { status: database.ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
