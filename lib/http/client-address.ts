// Which address a request comes from, for per-client rate limits. Next.js fills
// X-Forwarded-For in only when a request has none, so whatever a client sends reaches
// the app unchanged; the socket's address is the one a client cannot choose, and Next
// does not expose it. scripts/server.ts (`npm start`) puts it in PEER_ADDRESS_HEADER
// after dropping any copy the client sent. Free of `server-only` so that the server
// script can import it.

export const PEER_ADDRESS_HEADER = "x-peer-address";

/** Entries of an X-Forwarded-For header, left (farthest) to right (nearest). */
export function forwardedFor(header: string | null | undefined): string[] {
  return (header ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is 192.0.2.1. */
export function normalizeAddress(address: string): string {
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}

/**
 * The client behind `trustedHops` reverse proxies: the chain is X-Forwarded-For plus
 * the socket's peer, and each trusted proxy added exactly one entry on the right, so
 * the entry `trustedHops` from the right (the peer counting as 0) is the first one
 * that no client wrote. A shorter chain (a request that skipped a proxy) gives its
 * leftmost entry.
 */
export function clientAddress(options: {
  peer: string;
  forwardedFor: string | null | undefined;
  trustedHops: number;
}): string {
  if (options.trustedHops === 0) return normalizeAddress(options.peer);
  const chain = [...forwardedFor(options.forwardedFor), options.peer];
  const index = Math.max(0, chain.length - 1 - options.trustedHops);
  return normalizeAddress(chain[index]!);
}
