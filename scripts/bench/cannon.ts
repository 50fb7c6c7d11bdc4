// autocannon, as the benchmarks run it (in a process of its own, next to the server),
// with one change: it does not keep each response's body.
//
// autocannon 8 appends every body chunk to a string (`req.body += chunk`, a UTF-8
// decode and a concatenation) so that it could compare bodies, which we never ask it
// to. On a page with a few non-ASCII characters (any page in German, or with a "’")
// that costs the load generator nine times more than the server's whole answer:
// measured here, one core of autocannon gets 1.8k req/s out of a plain Node server
// sending a 73 KB page, and 16.5k req/s when the same page is ASCII only. The figures
// then measured autocannon, and whatever page had more non-ASCII text looked slower.
// Without the copy, the same server gives the same figure either way.
//
//   node --import tsx scripts/bench/cannon.ts '<autocannon options as JSON>'   (prints the result as JSON)
import { createRequire } from "node:module";
import autocannon from "autocannon";

const require = createRequire(import.meta.url);
const queue = require("autocannon/lib/pipelinedRequestsQueue") as {
  prototype: { addBody(data: unknown): void };
};
queue.prototype.addBody = () => {};

const options = JSON.parse(process.argv[2] ?? "{}") as Parameters<typeof autocannon>[0];
autocannon(options).then(
  (result) => process.stdout.write(JSON.stringify(result)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
