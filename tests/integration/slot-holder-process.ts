// For mail-send-slots.test.ts, started with `fork(this file, [limit], { execArgv:
// ["--import", "tsx"] })`: takes every one of the `limit` shared send slots through the
// real limiter, as requests in flight would, says "held" and then waits to be killed
// (a deploy or a crash mid-request). It never releases them.
import { RequestRateLimiter } from "@/lib/mail/rate-limiter";
import { postgresSlotStore } from "@/lib/mail/send-slots";

const limit = Number(process.argv[2]);
const limiter = new RequestRateLimiter(() => limit, postgresSlotStore());
for (let i = 0; i < limit; i++) await limiter.acquire();
process.send?.("held");
setInterval(() => undefined, 60_000);
