import "server-only";
import type { Logger } from "pino";
import { env } from "@/lib/env";
import { apiError, unexpectedError } from "./api-error";
import { bearerAccess } from "./bearer";
import { loggerFor } from "./request-log";

type CronHandler = (context: { request: Request; log: Logger }) => Promise<Response>;

/**
 * Every cron route goes through this: `Authorization: Bearer <CRON_SECRET>` (what
 * Vercel Cron sends; 401 otherwise, 404 when CRON_SECRET is unset), a logger tagged
 * with the route and request id, and a generic 500 that leaks nothing.
 */
export function withCron(route: string, handler: CronHandler): (request: Request) => Promise<Response> {
  return async (request) => {
    const log = loggerFor(request.headers, { route });
    const access = bearerAccess(request.headers.get("authorization"), env().CRON_SECRET);
    if (access === "disabled") return apiError(404, "not_found", "Not found.");
    if (access === "unauthorized") {
      return apiError(401, "unauthorized", "Missing or wrong bearer token.", {
        "www-authenticate": "Bearer",
      });
    }
    try {
      return await handler({ request, log });
    } catch (error) {
      return unexpectedError(log, route, error);
    }
  };
}
