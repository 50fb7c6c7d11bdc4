import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientAddress, forwardedFor, normalizeAddress, PEER_ADDRESS_HEADER } from "./client-address";

/**
 * The client's address, for rate limits only (never stored):
 * - `npm start` (scripts/server.ts): the socket's peer, or behind TRUSTED_PROXY_HOPS
 *   proxies the entry that many from the right of X-Forwarded-For + peer.
 * - Vercel: x-real-ip. Vercel's edge sets it to the connecting client and replaces any
 *   X-Forwarded-For the client sent, so there is nothing to count (lib/env refuses
 *   TRUSTED_PROXY_HOPS > 0 there).
 * - `next dev` and tests, which have no peer header: the nearest X-Forwarded-For entry
 *   stands in for the peer (Next fills it in from the socket when a request has none).
 * In production without the peer header it throws: any client could pick the answer.
 */
export async function clientIp(): Promise<string> {
  const list = await headers();
  const { TRUSTED_PROXY_HOPS: trustedHops, VERCEL, NODE_ENV } = env();
  const forwarded = list.get("x-forwarded-for");
  if (VERCEL) return normalizeAddress(list.get("x-real-ip") ?? forwardedFor(forwarded).at(-1) ?? "unknown");

  const peer = list.get(PEER_ADDRESS_HEADER);
  if (peer) return clientAddress({ peer, forwardedFor: forwarded, trustedHops });
  if (NODE_ENV === "production") {
    throw new Error(
      `No ${PEER_ADDRESS_HEADER} header: serve the app with \`npm start\` (scripts/server.ts), not \`next start\`, so that clients cannot choose their address`,
    );
  }
  const chain = forwardedFor(forwarded);
  const nearest = chain.pop();
  if (!nearest) return "unknown";
  return clientAddress({ peer: nearest, forwardedFor: chain.join(","), trustedHops });
}
