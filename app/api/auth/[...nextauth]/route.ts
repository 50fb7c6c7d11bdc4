// GET|POST /api/auth/* - Auth.js: magic-link callback, session and sign-out.
import type { NextRequest } from "next/server";
import { appRedirect, handlers } from "@/lib/auth";

/**
 * Auth.js redirects only inside the app, but builds some of those URLs (its error
 * page) on the request's URL, which Next.js normalises to http://localhost:PORT for
 * loopback addresses. Every Location it sends is put back on APP_URL.
 */
async function onAppUrl(response: Response): Promise<Response> {
  const location = response.headers.get("location");
  if (!location) return response;
  const target = new URL(location, "http://app.invalid");
  const headers = new Headers(response.headers);
  headers.set("location", appRedirect(`${target.pathname}${target.search}${target.hash}`));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export async function GET(request: NextRequest) {
  return onAppUrl(await handlers.GET(request));
}

// Sign-in links are requested only through our pledge and sign-in forms, which
// validate and rate-limit first; Auth.js's own sign-in endpoint would bypass that.
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/auth/signin")) {
    return Response.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });
  }
  return onAppUrl(await handlers.POST(request));
}
