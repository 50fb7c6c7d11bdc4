import { logger } from "@/lib/log";

// Ids and counts only: never an address, a name, a token or a link.
export const remindersLog = logger.child({ module: "reminders" });
