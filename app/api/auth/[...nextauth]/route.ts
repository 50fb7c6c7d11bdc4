// GET|POST /api/auth/* - Auth.js: magic-link callback, session and sign-out.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";

export const GET = handlers.GET;

// Sign-in links are requested only through our pledge and sign-in forms, which
// validate and rate-limit first; Auth.js's own sign-in endpoint would bypass that.
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/auth/signin")) {
    return Response.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });
  }
  return handlers.POST(request);
}
