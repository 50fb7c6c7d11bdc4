import pino from "pino";
import { env } from "@/lib/env";

// Structured logs. Never log email addresses, names, tokens or links: log ids and
// counts. The redaction list is a safety net, not a licence.
export const logger = pino({
  level: env().LOG_LEVEL,
  base: undefined,
  redact: {
    paths: ["email", "to", "url", "token", "firstName", "*.email", "*.to", "*.url", "*.token", "*.firstName"],
    censor: "[redacted]",
  },
});
