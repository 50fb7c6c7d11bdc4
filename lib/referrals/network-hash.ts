import { createHash } from "node:crypto";
import { isIP } from "node:net";

// Network prefixes for burst detection (Node only): the raw address is reduced to
// its /24 or /48 and hashed with a secret before anything is stored.

/**
 * The coarse network an address belongs to: its /24 for IPv4 (IPv4-mapped IPv6
 * included), its /48 for IPv6. Null for anything that is not an IP address.
 */
export function networkPrefix(ip: string): string | null {
  let address = ip.trim();
  if (address.startsWith("[") && address.includes("]")) address = address.slice(1, address.indexOf("]"));
  address = address.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) address = mapped[1];
  const version = isIP(address);
  if (version === 4) return `${address.split(".").slice(0, 3).join(".")}.0/24`;
  if (version !== 6) return null;
  return `${expandIpv6(address).slice(0, 3).join(":")}::/48`;
}

function expandIpv6(address: string): string[] {
  const [head = "", tail] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  const groups =
    tail === undefined ? left : [...left, ...Array.from({ length: missing }, () => "0"), ...right];
  return groups.map((g) => (g.includes(".") ? g : g.replace(/^0+(?=.)/, "")));
}

/** sha256(secret + prefix) as hex: the only trace of the address that is stored. */
export function hashNetwork(ip: string, secret: string): string | null {
  const prefix = networkPrefix(ip);
  if (!prefix) return null;
  return createHash("sha256").update(`${secret}${prefix}`).digest("hex");
}
