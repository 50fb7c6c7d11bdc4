// Where a server spends its CPU during a benchmark.
//
//   BENCH_CPU_PROF=/tmp/prof npm run bench:signup      (the app runs with node --cpu-prof)
//   tsx scripts/bench/cpu-profile.ts /tmp/prof/*.cpuprofile
//
// Prints the self time per function and per package (node_modules/<name>, Next.js's
// compiled bundles, the app's own build output, Node internals), biggest first: the
// figures a "remove the biggest costs" pass starts from.
import { readFileSync } from "node:fs";
import { z } from "zod";

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({
        functionName: z.string(),
        url: z.string(),
        lineNumber: z.number(),
      }),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

/** The package a script URL belongs to, as a reader would name it. */
export function packageOf(url: string, functionName = ""): string {
  // V8's own entries: (idle), (garbage collector), (program), (root).
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node internals";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "/node_modules/".length).split("/");
    const name = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    if (name === "next") {
      const compiled = rest.indexOf("compiled");
      return compiled >= 0 ? `next (compiled ${rest[compiled + 1]})` : "next";
    }
    return name;
  }
  const chunk = url.match(/\/\.next[\w-]*\/server\/(.*)$/);
  if (chunk) return `app build (${chunk[1]!.startsWith("chunks") ? "server chunks" : "routes"})`;
  return url.replace(/^file:\/\//, "").replace(process.cwd(), ".");
}

type Row = { name: string; ms: number };

export function summarise(raw: unknown): { total: number; functions: Row[]; packages: Row[] } {
  const profile = profileSchema.parse(raw);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    total += ms;
    const where = frame.url ? `${packageOf(frame.url)}:${frame.lineNumber + 1}` : "";
    const fn = `${frame.functionName || "(anonymous)"} ${where}`.trim();
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
    const pkg = packageOf(frame.url, frame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
  });
  const sorted = (map: Map<string, number>) =>
    [...map].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { total, functions: sorted(functions), packages: sorted(packages) };
}

function print(file: string, top = 25) {
  const { total, functions, packages } = summarise(JSON.parse(readFileSync(file, "utf8")));
  const line = ({ name, ms }: Row) =>
    `  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${name}`;
  const idle = packages.find((row) => row.name === "(idle)")?.ms ?? 0;
  console.log(`${file}: ${(total / 1000).toFixed(1)} s sampled, ${((100 * idle) / total).toFixed(0)}% idle`);
  console.log("self time by package:");
  for (const row of packages.slice(0, 15)) console.log(line(row));
  console.log(`self time by function (top ${top}):`);
  for (const row of functions.slice(0, top)) console.log(line(row));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("usage: tsx scripts/bench/cpu-profile.ts <file.cpuprofile>...");
    process.exit(2);
  }
  for (const file of files) print(file);
}
