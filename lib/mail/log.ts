import { logger } from "@/lib/log";

// Ids and counts only: never an address, a subject or a link.
export const mailLog = logger.child({ module: "mail" });
