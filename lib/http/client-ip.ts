import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The client's address, for rate limits only (never stored). Next.js appends the
 * socket's peer to X-Forwarded-For; each trusted proxy in front appends one more,
 * so the entry TRUSTED_PROXY_HOPS from the right is the first one nobody forged.
 */
export async function clientIp(): Promise<string> {
  const list = await headers();
  const forwarded = (list.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const index = forwarded.length - 1 - env().TRUSTED_PROXY_HOPS;
  return forwarded[Math.max(0, index)] ?? list.get("x-real-ip") ?? "unknown";
}
