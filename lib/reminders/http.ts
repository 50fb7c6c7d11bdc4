import { logger } from "@/lib/log";

// The reminders routes' one error shape: { error: { code, message } }, nothing leaked.

export function apiError(status: number, code: string, message: string, headers?: HeadersInit): Response {
  return Response.json(
    { error: { code, message } },
    { status, headers: { "cache-control": "no-store", ...headers } },
  );
}

/** Logs the failure (ids only) and answers a generic 500. */
export function unexpected(route: string, error: unknown): Response {
  logger.error({ err: error, route }, "route failed");
  return apiError(500, "internal", "Something went wrong. Try again later.");
}
