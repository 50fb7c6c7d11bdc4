import "server-only";
import { headers } from "next/headers";
import type { Logger } from "pino";
import { logger } from "@/lib/log";
import { REQUEST_ID_HEADER } from "@/lib/security/headers";

/** A child logger tagged with the request id the proxy set (x-request-id), when there is one. */
export function loggerFor(requestHeaders: Headers, bindings: Record<string, string> = {}): Logger {
  const requestId = requestHeaders.get(REQUEST_ID_HEADER);
  return logger.child(requestId ? { ...bindings, requestId } : bindings);
}

/** The same, for server components and actions (reads the current request's headers). */
export async function requestLogger(bindings: Record<string, string> = {}): Promise<Logger> {
  return loggerFor(await headers(), bindings);
}
