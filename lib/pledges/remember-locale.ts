import "server-only";
import { db } from "@/lib/db";
import { isLocale } from "@/lib/i18n/locales";

/**
 * Remembers the language a signed-in person last used the app in, so that their
 * magic links, reminders and other mail arrive in it. One cheap UPDATE that matches
 * nothing when the language has not changed.
 */
export async function rememberLocale(userId: string, campaignId: string, locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  await db.pledge.updateMany({ where: { userId, campaignId, NOT: { locale } }, data: { locale } });
}
