export function stampPolicy(
  key: string,
  value: { kind?: string; html?: unknown; headers?: Record<string, unknown> } | null | undefined,
): void;
export function isAnswerWithoutPage(value: { kind?: string; status?: unknown } | null | undefined): boolean;
/** Next.js's file-system cache (its constructor context and entries are Next.js's own). */
declare class HashPolicyCache {
  constructor(ctx: Record<string, unknown>);
  get(key: string, ctx: Record<string, unknown>): Promise<{ value: unknown } | null>;
  set(key: string, data: unknown, ctx: Record<string, unknown>): Promise<void>;
}
export default HashPolicyCache;
