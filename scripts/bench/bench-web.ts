// npm run bench:web: what a phone downloads and how Lighthouse judges the pages, next
// to a bare page built by the same Next.js in the same run.
//
// Builds the app (into .next-bench) and the bare App Router app of scripts/bench/bare-next,
// starts both (the app on a throw-away database with a signed-in person), then for the
// landing, pledge, stats and dashboard pages and the two bare pages:
//   a) first-load JavaScript: every <script src> (but `nomodule` ones, the polyfills
//      that browsers with modules skip), <link rel=modulepreload> and
//      <link rel=preload as=script> of the page's HTML, each fetched and gzipped with
//      node:zlib at level 9, summed. Goal: <= 1.15x the bare page's.
//   b) Lighthouse 12.2.3 in its default mobile mode (emulation and simulated throttling)
//      on Debian's Chromium, BENCH_LIGHTHOUSE_RUNS (3) runs per page, rounds interleaved
//      so that the machine's load falls on every page alike. Goals: median performance
//      >= the bare page's, median total blocking time <= 1.2x the bare page's,
//      accessibility, best practices and SEO 100 in every run.
// Public pages are judged against the bare prerendered page, the dashboard against the
// bare per-request page. Exits 1 when a goal is missed. CHROME_PATH overrides
// /usr/bin/chromium; BENCH_LIGHTHOUSE_DIR=folder keeps every run's report (JSON, for
// the Lighthouse viewer).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { z } from "zod";
import {
  type BenchPage,
  cleanups,
  fetchHtml,
  log,
  referenceOf,
  runBench,
  startPageBench,
} from "./bench-support";

const GZIP_LEVEL = 9;
const JS_GOAL = 1.15;
const TBT_GOAL = 1.2;
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const REPORT_DIR = process.env.BENCH_LIGHTHOUSE_DIR;
// chrome-launcher adds its own quiet defaults (no background networking, sync, first run).
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];
const LABELS: Record<Category, string> = {
  performance: "performance",
  accessibility: "accessibility",
  "best-practices": "best practices",
  seo: "SEO",
};
// A signed-in person's pages say `noindex` on purpose (README: never indexed), which
// Lighthouse's is-crawlable audit fails; their SEO is judged on the other audits.
const NOINDEX_BY_DESIGN = "is-crawlable";

// ---- a) first-load JavaScript ------------------------------------------------------

type Chunk = { url: string; raw: number; gzip: number };
type FirstLoad = { chunks: Chunk[]; raw: number; gzip: number; inlineGzip: number; noModuleGzip: number };

const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const LINK_TAG = /<link\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const JS_TYPES = new Set(["", "text/javascript", "application/javascript", "module"]);

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of tag.matchAll(ATTRIBUTE))
    attributes.set(m[1]!.toLowerCase(), (m[2] ?? m[3] ?? m[4] ?? "").replaceAll("&amp;", "&"));
  return attributes;
}

/** The scripts a page's HTML makes a browser load at once, its inline and its `nomodule` scripts. */
function scriptsOf(html: string, pageUrl: string): { urls: string[]; inline: string[]; noModule: string[] } {
  const urls = new Set<string>();
  const inline: string[] = [];
  const noModule: string[] = [];
  for (const [, tag, body] of html.matchAll(SCRIPT_TAG)) {
    const attributes = attributesOf(tag!);
    if (!JS_TYPES.has((attributes.get("type") ?? "").toLowerCase())) continue;
    const src = attributes.get("src");
    if (src && attributes.has("nomodule")) noModule.push(new URL(src, pageUrl).href);
    else if (src) urls.add(new URL(src, pageUrl).href);
    else if (body) inline.push(body);
  }
  for (const [, tag] of html.matchAll(LINK_TAG)) {
    const attributes = attributesOf(tag!);
    const rel = (attributes.get("rel") ?? "").toLowerCase().split(/\s+/);
    const href = attributes.get("href");
    const isScript =
      rel.includes("modulepreload") || (rel.includes("preload") && attributes.get("as") === "script");
    if (href && isScript) urls.add(new URL(href, pageUrl).href);
  }
  return { urls: [...urls], inline, noModule };
}

const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: GZIP_LEVEL }).byteLength;

async function fetchChunk(page: BenchPage, url: string): Promise<Chunk> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${page.name}: ${url} answered ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { url, raw: bytes.byteLength, gzip: gzipped(bytes) };
}

async function firstLoadJs(page: BenchPage): Promise<FirstLoad> {
  const { urls, inline, noModule } = scriptsOf(await fetchHtml(page), page.url);
  const chunks: Chunk[] = [];
  for (const url of urls) chunks.push(await fetchChunk(page, url));
  chunks.sort((a, b) => b.gzip - a.gzip);
  let noModuleGzip = 0;
  for (const url of noModule) noModuleGzip += (await fetchChunk(page, url)).gzip;
  return {
    chunks,
    raw: chunks.reduce((sum, c) => sum + c.raw, 0),
    gzip: chunks.reduce((sum, c) => sum + c.gzip, 0),
    inlineGzip: inline.reduce((sum, body) => sum + gzipped(Buffer.from(body)), 0),
    noModuleGzip,
  };
}

// ---- b) Lighthouse -----------------------------------------------------------------

const lhrSchema = z.object({
  lighthouseVersion: z.string(),
  runtimeError: z.object({ code: z.string(), message: z.string() }).optional(),
  runWarnings: z.array(z.string()),
  environment: z.object({ benchmarkIndex: z.number() }),
  categories: z.record(
    z.string(),
    z.object({ score: z.number().nullable(), auditRefs: z.array(z.object({ id: z.string() })) }),
  ),
  audits: z.record(
    z.string(),
    z.object({
      score: z.number().nullable(),
      scoreDisplayMode: z.string(),
      numericValue: z.number().optional(),
      errorMessage: z.string().optional(),
      details: z.unknown().optional(),
    }),
  ),
});
const detailItems = z.object({ items: z.array(z.record(z.string(), z.unknown())) });
const resourceSummary = z.object({
  items: z.array(z.object({ resourceType: z.string(), transferSize: z.number() })),
});

type LighthouseRun = {
  scores: Record<Category, number>;
  tbt: number;
  /** Script bytes Chromium downloaded (as served), lazy chunks included. */
  scriptTransfer: number;
  failing: Record<Category, Failure[]>;
  /** Audits Lighthouse could not run: no score, left out of their category's score. */
  errored: Map<string, string>;
  warnings: string[];
  version: string;
  benchmarkIndex: number;
};

/** A failing audit and, for the categories judged at 100, what it found first. */
type Failure = { id: string; found: string };

// Lighthouse's own report counts an audit as passed from 0.9 (binary ones score 0 or 1).
const GRADED = new Set(["binary", "numeric", "metricSavings"]);

/** The first few things an audit flagged (a console message, an element, a link), in one line. */
function foundBy(details: unknown): string {
  const parsed = detailItems.safeParse(details);
  if (!parsed.success) return "";
  const describe = (item: Record<string, unknown>) => {
    const node = z.object({ snippet: z.string() }).safeParse(item.node);
    const location = z.object({ url: z.string() }).safeParse(item.sourceLocation);
    const parts = [
      typeof item.description === "string" ? item.description : "",
      node.success ? node.data.snippet : "",
      location.success ? location.data.url : typeof item.url === "string" ? item.url : "",
    ];
    return parts.filter(Boolean).join(" ").replace(/\s+/g, " ").slice(0, 200);
  };
  const items = parsed.data.items.map(describe).filter(Boolean);
  return items.slice(0, 3).join(" | ") + (items.length > 3 ? ` | +${items.length - 3} more` : "");
}

function readRun(raw: unknown): LighthouseRun {
  const lhr = lhrSchema.parse(raw);
  if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const scores = {} as Record<Category, number>;
  const failing = {} as Record<Category, Failure[]>;
  const errored = new Map<string, string>();
  for (const category of CATEGORIES) {
    const result = lhr.categories[category];
    if (!result || result.score === null) throw new Error(`no ${category} score`);
    scores[category] = Math.round(result.score * 100);
    failing[category] = result.auditRefs.flatMap(({ id }) => {
      const audit = lhr.audits[id];
      if (!audit) return [];
      if (audit.scoreDisplayMode === "error") errored.set(id, audit.errorMessage ?? "no message");
      if (!GRADED.has(audit.scoreDisplayMode) || audit.score === null || audit.score >= 0.9) return [];
      return [{ id, found: category === "performance" ? "" : foundBy(audit.details) }];
    });
  }
  const summary = resourceSummary.safeParse(lhr.audits["resource-summary"]?.details);
  return {
    scores,
    tbt: lhr.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
    scriptTransfer: summary.success
      ? (summary.data.items.find((item) => item.resourceType === "script")?.transferSize ?? 0)
      : Number.NaN,
    failing,
    errored,
    warnings: lhr.runWarnings,
    version: lhr.lighthouseVersion,
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

function keepReport(page: BenchPage, round: number, lhr: unknown) {
  if (!REPORT_DIR || !lhr) return;
  mkdirSync(REPORT_DIR, { recursive: true });
  const slug = page.name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "");
  writeFileSync(path.join(REPORT_DIR, `${slug}-${round}.json`), JSON.stringify(lhr));
}

/** One Lighthouse run in a Chromium of its own, stopped whatever happens. */
async function lighthouseRun(page: BenchPage, round: number): Promise<LighthouseRun> {
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: CHROME_FLAGS,
    handleSIGINT: false,
    logLevel: "silent",
  });
  const kill = () => {
    const at = cleanups.indexOf(kill);
    if (at >= 0) cleanups.splice(at, 1);
    chrome.kill();
  };
  cleanups.push(kill);
  try {
    const result = await lighthouse(page.url, {
      port: chrome.port,
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
      extraHeaders: page.headers,
      disableFullPageScreenshot: true,
    });
    keepReport(page, round, result?.lhr);
    return readRun(result?.lhr);
  } finally {
    kill();
  }
}

type LighthouseSummary = {
  runs: LighthouseRun[];
  errors: string[];
  performance: number;
  tbt: number;
  scriptTransfer: number;
  /** Lighthouse's measure of the CPU during the runs (median): the machine's load at the time. */
  benchmarkIndex: number;
  /** The lowest score of the runs: one run with a console error is a failure. */
  lowest: Record<Category, number>;
  /** Failing audits of any run: in how many runs they failed, and what they found. */
  failing: Record<Category, Map<string, { runs: number; found: string }>>;
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function summarise(runs: LighthouseRun[], errors: string[]): LighthouseSummary {
  const lowest = {} as Record<Category, number>;
  const failing = {} as Record<Category, Map<string, { runs: number; found: string }>>;
  for (const category of CATEGORIES) {
    lowest[category] = runs.length ? Math.min(...runs.map((r) => r.scores[category])) : Number.NaN;
    const seen = new Map<string, { runs: number; found: string }>();
    for (const run of runs)
      for (const { id, found } of run.failing[category])
        seen.set(id, { runs: (seen.get(id)?.runs ?? 0) + 1, found: seen.get(id)?.found || found });
    failing[category] = seen;
  }
  return {
    runs,
    errors,
    performance: runs.length ? median(runs.map((r) => r.scores.performance)) : Number.NaN,
    tbt: runs.length ? median(runs.map((r) => r.tbt)) : Number.NaN,
    scriptTransfer: runs.length ? median(runs.map((r) => r.scriptTransfer)) : Number.NaN,
    benchmarkIndex: runs.length ? median(runs.map((r) => r.benchmarkIndex)) : Number.NaN,
    lowest,
    failing,
  };
}

async function lighthouseAll(targets: BenchPage[]): Promise<Map<string, LighthouseSummary>> {
  const runs = new Map(targets.map((t) => [t.name, [] as LighthouseRun[]]));
  const errors = new Map(targets.map((t) => [t.name, [] as string[]]));
  for (let round = 1; round <= RUNS; round += 1) {
    for (const target of targets) {
      // A run Lighthouse itself gives up on (NO_NAVSTART and the like, under load) gets one retry.
      for (let attempt = 1; attempt <= 2; attempt += 1) {
        try {
          const run = await lighthouseRun(target, round);
          runs.get(target.name)!.push(run);
          log(
            `lighthouse ${round}/${RUNS} ${target.name.padEnd(24)} performance ${run.scores.performance}, TBT ${run.tbt.toFixed(0)} ms`,
          );
          break;
        } catch (error) {
          const message = (error as Error).message;
          errors.get(target.name)!.push(message);
          log(`lighthouse ${round}/${RUNS} ${target.name}: run failed (attempt ${attempt}): ${message}`);
        }
      }
    }
  }
  return new Map(targets.map((t) => [t.name, summarise(runs.get(t.name)!, errors.get(t.name)!)]));
}

// ---- report ------------------------------------------------------------------------

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
/** A figure, or "-" where no run gave one. */
const figure = (value: number) => (Number.isFinite(value) ? String(Math.round(value)) : "-");
function times(value: number, reference: number): string {
  if (!Number.isFinite(value) || !Number.isFinite(reference)) return "n/a";
  if (reference > 0) return `${(value / reference).toFixed(2)}x`;
  return value === 0 ? "1.00x" : "n/a";
}
const chunkName = (url: string) => new URL(url).pathname.replace("/_next/static/chunks/", "");

function printFirstLoad(pages: BenchPage[], bare: BenchPage[], js: Map<string, FirstLoad>) {
  console.log(
    `\nbench:web a) first-load JavaScript: the <script src> (but nomodule), modulepreload and preload-as-script files of each page's HTML, each gzipped (node:zlib, level ${GZIP_LEVEL}), summed`,
  );
  console.log(
    `  ${"page".padEnd(24)} ${"files".padStart(5)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)}  ${"vs bare".padStart(7)}  ${`goal <= ${JS_GOAL}x`.padEnd(13)}  not counted, gzip KB: inline scripts (RSC payload), nomodule polyfills`,
  );
  for (const page of [...pages, ...bare]) {
    const first = js.get(page.name)!;
    const isApp = pages.includes(page);
    const reference = js.get(referenceOf(page, bare).name)!;
    const verdict = isApp ? (first.gzip <= JS_GOAL * reference.gzip ? "ok" : "MISSED") : "";
    console.log(
      `  ${page.name.padEnd(24)} ${String(first.chunks.length).padStart(5)} ${kb(first.raw).padStart(8)} ${kb(first.gzip).padStart(8)}  ${(isApp ? times(first.gzip, reference.gzip) : "").padStart(7)}  ${verdict.padEnd(13)}  ${kb(first.inlineGzip).padStart(6)} ${kb(first.noModuleGzip).padStart(6)}`,
    );
  }
  const landing = new Set(js.get(pages[0]!.name)!.chunks.map((c) => chunkName(c.url)));
  console.log(`  files, gzip KB, largest first (* = not loaded by ${pages[0]!.name}):`);
  for (const page of [...pages, bare[0]!]) {
    const list = js
      .get(page.name)!
      .chunks.map((c) => {
        const name = chunkName(c.url);
        const mark = pages.includes(page) && page !== pages[0] && !landing.has(name) ? "*" : "";
        return `${name} ${kb(c.gzip)}${mark}`;
      })
      .join(", ");
    console.log(`    ${page.name}: ${list}`);
  }
}

function printLighthouse(pages: BenchPage[], bare: BenchPage[], lh: Map<string, LighthouseSummary>) {
  const version = [...lh.values()].flatMap((s) => s.runs)[0]?.version ?? "?";
  console.log(
    `\nbench:web b) Lighthouse ${version}, mobile (default emulation and simulated throttling), ${CHROMIUM}, ${RUNS} runs per page, rounds interleaved`,
  );
  console.log(
    "  performance, TBT, CPU index and scripts transferred: median of the runs; accessibility, best practices, SEO: the lowest run",
  );
  console.log(
    "  CPU index: Lighthouse's benchmark of the CPU at each run (it warns below 1000): TBT grows as it falls, so a load that moves during the run moves the ratios",
  );
  console.log(
    "  scripts transferred: every script Chromium downloaded, as served, the chunks of prefetched links included",
  );
  console.log(
    `  ${"page".padEnd(24)} ${"perf".padStart(4)} ${"(runs)".padEnd(12)} ${"vs bare".padStart(7)} ${"TBT ms".padStart(7)} ${"vs bare".padStart(7)} ${"a11y".padStart(5)} ${"b-p".padStart(4)} ${"SEO".padStart(4)} ${"CPU index".padStart(9)} ${"scripts KB".padStart(10)}`,
  );
  for (const page of [...pages, ...bare]) {
    const s = lh.get(page.name)!;
    const reference = lh.get(referenceOf(page, bare).name)!;
    const isApp = pages.includes(page);
    const runs = `(${s.runs.map((r) => r.scores.performance).join(" ")}${s.errors.length ? ` +${s.errors.length} failed` : ""})`;
    console.log(
      `  ${page.name.padEnd(24)} ${figure(s.performance).padStart(4)} ${runs.padEnd(12)} ${(isApp ? times(s.performance, reference.performance) : "").padStart(7)} ${figure(s.tbt).padStart(7)} ${(isApp ? times(s.tbt, reference.tbt) : "").padStart(7)} ${figure(s.lowest.accessibility).padStart(5)} ${figure(s.lowest["best-practices"]).padStart(4)} ${figure(s.lowest.seo).padStart(4)} ${figure(s.benchmarkIndex).padStart(9)} ${(Number.isFinite(s.scriptTransfer) ? kb(s.scriptTransfer) : "-").padStart(10)}`,
    );
  }
}

/** Prints each page's verdicts and the audits to fix; returns how many goals were missed. */
function judge(
  pages: BenchPage[],
  bare: BenchPage[],
  js: Map<string, FirstLoad>,
  lh: Map<string, LighthouseSummary>,
): number {
  let missed = 0;
  console.log("\nbench:web goals");
  for (const page of pages) {
    const s = lh.get(page.name)!;
    const reference = referenceOf(page, bare);
    const r = lh.get(reference.name)!;
    const jsValue = js.get(page.name)!.gzip;
    const jsReference = js.get(reference.name)!.gzip;
    const seoFailing = [...s.failing.seo.keys()].filter(
      (id) => !(page.perRequest && id === NOINDEX_BY_DESIGN),
    );
    const checks: [string, boolean][] = [
      [`first-load JS ${times(jsValue, jsReference)} <= ${JS_GOAL}x`, jsValue <= JS_GOAL * jsReference],
      [`performance ${figure(s.performance)} >= ${figure(r.performance)}`, s.performance >= r.performance],
      [`TBT ${figure(s.tbt)} <= ${TBT_GOAL}x ${figure(r.tbt)} ms`, s.tbt <= TBT_GOAL * r.tbt],
      [`accessibility ${figure(s.lowest.accessibility)} = 100`, s.lowest.accessibility === 100],
      [`best practices ${figure(s.lowest["best-practices"])} = 100`, s.lowest["best-practices"] === 100],
      page.perRequest
        ? [
            `SEO ${figure(s.lowest.seo)} (100 but for ${NOINDEX_BY_DESIGN}: noindex by design)`,
            seoFailing.length === 0,
          ]
        : [`SEO ${figure(s.lowest.seo)} = 100`, s.lowest.seo === 100],
    ];
    if (s.runs.length === 0) checks.push([`Lighthouse runs ${s.errors.length} failed`, false]);
    const failed = checks.filter(([, ok]) => !ok).length;
    missed += failed;
    console.log(`  ${page.name.padEnd(24)} ${failed === 0 ? "ok" : `MISSED ${failed}`}`);
    console.log(`    ${checks.map(([text, ok]) => `${text}: ${ok ? "ok" : "MISSED"}`).join("; ")}`);
  }

  console.log(`\nFailing audits (score < 0.9) of categories under 100, with in how many of the runs:`);
  for (const page of [...pages, ...bare]) {
    const s = lh.get(page.name)!;
    for (const category of CATEGORIES) {
      if (!(s.lowest[category] < 100) || s.failing[category].size === 0) continue;
      const entries = [...s.failing[category]];
      if (category === "performance") {
        const list = entries.map(([id, { runs }]) => `${id} (${runs}/${s.runs.length})`).join(", ");
        console.log(`  ${page.name} ${LABELS[category]}: ${list}`);
        continue;
      }
      for (const [id, { runs, found }] of entries)
        console.log(
          `  ${page.name} ${LABELS[category]}: ${id} (${runs}/${s.runs.length})${found ? `: ${found}` : ""}`,
        );
    }
    for (const error of new Set(s.errors)) console.log(`  ${page.name}: a run failed: ${error}`);
  }
  const errored = new Map<string, { message: string; pages: Set<string> }>();
  for (const page of [...pages, ...bare])
    for (const run of lh.get(page.name)!.runs)
      for (const [id, message] of run.errored) {
        const entry = errored.get(id) ?? { message, pages: new Set<string>() };
        entry.pages.add(page.name);
        errored.set(id, entry);
      }
  if (errored.size)
    console.log(
      "\nAudits Lighthouse could not run (no score; they weigh nothing in the scores above, which would otherwise be missing):",
    );
  for (const [id, { message, pages: on }] of errored) {
    const where = on.size === pages.length + bare.length ? "every page" : [...on].join(", ");
    console.log(`  ${id} on ${where}: ${message.slice(0, 200)}`);
  }
  return missed;
}

async function main(): Promise<number> {
  const { pages, bare } = await startPageBench("bench_web");
  const targets = [...pages, ...bare];

  // Each page once before measuring: a prerendered page replaces its build-time copy on
  // its first request, and the dashboard builds the person's checklist on the first visit.
  for (const page of targets) await fetchHtml(page);

  const js = new Map<string, FirstLoad>();
  for (const page of targets) {
    js.set(page.name, await firstLoadJs(page));
    log(`${page.name.padEnd(28)} first-load JS ${kb(js.get(page.name)!.gzip)} KB gzip`);
  }
  const lh = await lighthouseAll(targets);

  printFirstLoad(pages, bare, js);
  printLighthouse(pages, bare, lh);
  const missed = judge(pages, bare, js, lh);
  const warnings = new Set([...lh.values()].flatMap((s) => s.runs.flatMap((r) => r.warnings)));
  if (warnings.size) console.log("\nLighthouse warned:");
  for (const warning of warnings) console.log(`  ${warning.replace(/\s+/g, " ")}`);
  console.log(missed === 0 ? "\nEvery goal met." : `\n${missed} goal(s) missed.`);
  return missed === 0 ? 0 : 1;
}

runBench(main);
