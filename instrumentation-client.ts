import { config } from "zod/v4/core";

// Runs in the browser before any page's code. Zod 4 probes once whether it may compile
// its parsers with `Function("")`; our CSP forbids eval (no 'unsafe-eval'), so the
// probe is refused and reported as a CSP violation on every page with a form. Zod's
// own switch tells it up front to parse without compiling (the outcome of the probe).
config({ jitless: true });
