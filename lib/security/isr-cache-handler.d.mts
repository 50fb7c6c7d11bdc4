export function stampPolicy(
  key: string,
  value: { kind?: string; html?: unknown; headers?: Record<string, unknown> } | null | undefined,
): void;
declare const HashPolicyCache: new (...args: unknown[]) => object;
export default HashPolicyCache;
