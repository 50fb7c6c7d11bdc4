import { notFound } from "next/navigation";
import { connection } from "next/server";

// Unknown paths under a locale render the localised not-found page, per request (with
// the CSP nonce on its scripts).
export default async function CatchAll() {
  await connection();
  notFound();
}
