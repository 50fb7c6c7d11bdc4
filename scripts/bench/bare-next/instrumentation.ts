// The bare reference app's own (empty) instrumentation hook. Without it, Turbopack,
// whose root is the repository, compiles the campaign app's instrumentation.ts into
// this build, and that one refuses `next start` (lib/env).
export function register(): void {}
