// The tail every ops command shares: run `main`, close the database pool, and exit
// with main's code (1 on an uncaught error, after printing it).
import { db } from "@/lib/db";

/** Closing the pool waits for queries in flight; one stuck on a lock must not keep a CLI alive. */
const DISCONNECT_TIMEOUT_MS = 10_000;

export function runCli(main: () => Promise<number>): void {
  main()
    .catch((error: unknown) => {
      console.error(error);
      return 1;
    })
    .then(async (code) => {
      const timeout = new Promise<"timeout">((resolve) =>
        setTimeout(() => resolve("timeout"), DISCONNECT_TIMEOUT_MS),
      );
      if ((await Promise.race([db.$disconnect(), timeout])) === "timeout") {
        console.error(
          `The database pool did not close within ${DISCONNECT_TIMEOUT_MS / 1000} s (a query still running): exiting anyway.`,
        );
      }
      process.exit(code);
    });
}
