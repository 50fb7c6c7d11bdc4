import type { Logger } from "pino";

// Route handlers' one error shape: { error: { code, message } }, never a stack or input.

export function apiError(status: number, code: string, message: string, headers?: HeadersInit): Response {
  return Response.json(
    { error: { code, message } },
    { status, headers: { "cache-control": "no-store", ...headers } },
  );
}

/** Logs the failure (ids only, through the request's logger) and answers a generic 500. */
export function unexpectedError(log: Logger, route: string, error: unknown): Response {
  log.error({ err: error, route }, "route failed");
  return apiError(500, "internal", "Something went wrong. Try again later.");
}
