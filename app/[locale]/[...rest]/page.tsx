import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { notFoundMetadata } from "@/lib/i18n/metadata";

// Unknown paths under a locale render the localised not-found page, per request (with
// the CSP nonce on its scripts), with the not-found title in that language.

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  return notFoundMetadata((await params).locale);
}

export default async function CatchAll() {
  await connection();
  notFound();
}
