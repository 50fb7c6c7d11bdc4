// The tail every ops command shares: run `main`, close the database pool, and exit
// with main's code (1 on an uncaught error, after printing it).
import { db } from "@/lib/db";

export function runCli(main: () => Promise<number>): void {
  main()
    .catch((error: unknown) => {
      console.error(error);
      return 1;
    })
    .then(async (code) => {
      await db.$disconnect();
      process.exit(code);
    });
}
