import "server-only";
import { unstable_rethrow } from "next/navigation";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { hashNetwork } from "./network-hash";

/**
 * The salted hash of the current request's /24 (IPv4) or /48 (IPv6), for burst
 * detection; never the address itself. Null without a secret, without a parsable
 * address, or outside a request (scripts and tests call savePledge directly).
 */
export async function requestNetworkHash(): Promise<string | null> {
  const secret = env().AUTH_SECRET;
  if (!secret) return null;
  let ip: string;
  try {
    ip = await clientIp();
  } catch (error) {
    unstable_rethrow(error);
    return null;
  }
  return hashNetwork(ip, secret);
}
