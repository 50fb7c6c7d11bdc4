// `tsx --import ./scripts/ops/allow-server-only.ts scripts/ops/<tool>.ts`: lets a
// command-line tool import modules marked `import "server-only"`. That package throws
// unless resolved with the react-server condition, and that condition would also load
// React's server build, without the hooks that lib/mail's templates (next-intl) import.
// A command-line tool is server code, so the marker resolves to an empty module here.
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(specifier, context, next) {
      if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
      return next(specifier, context);
    }`,
  )}`,
);
