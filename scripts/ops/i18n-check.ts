// Lists what a locale's messages lack or get wrong compared with English.
// Usage: npx tsx scripts/ops/i18n-check.ts fr [de ...]
import path from "node:path";
import { checkMessages } from "../../lib/i18n/check-messages";

const root = path.join(import.meta.dirname, "../../messages");
let failed = false;
for (const locale of process.argv.slice(2)) {
  const problems = checkMessages(root, locale);
  console.log(`${locale}: ${problems.length === 0 ? "complete" : `${problems.length} problem(s)`}`);
  for (const p of problems) console.log(`  ${p.file} ${p.key}: ${p.problem}`);
  failed ||= problems.length > 0;
}
process.exit(failed ? 1 : 0);
