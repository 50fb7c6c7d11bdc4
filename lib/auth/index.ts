import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { campaign, localized } from "@/lib/campaign";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { sendPledgeConfirmed, sendSignInLink } from "@/lib/mail";
import { findPendingPledge } from "@/lib/pledges/find-pending-pledge";
import { markPledgeVerified } from "@/lib/pledges/verify-pledge";
import { appRedirect, confirmUrlFor, localeOf, MAGIC_LINK_MAX_AGE_SECONDS } from "./magic-link";
import { isOrganiserEmail } from "./organiser-role";

export { appRedirect, confirmUrlFor, MAGIC_LINK_MAX_AGE_SECONDS } from "./magic-link";

// Auth.js takes its origin from AUTH_URL, else from the request, whose URL Next.js
// builds on the address it listens on (http://localhost:PORT), not on the public
// host. Deriving AUTH_URL from APP_URL puts every Auth.js URL (callbacks,
// redirects, cookies' Secure flag) on the public origin, behind a proxy or not.
// next-auth reads it from process.env only, hence the assignment.
process.env.AUTH_URL = new URL("/api/auth", env().APP_URL).toString();

const emailProvider: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
  async sendVerificationRequest({ identifier, url }) {
    const locale = localeOf(new URL(url).searchParams.get("callbackUrl"));
    // Until a link has confirmed the pledge, every link confirms it: say so.
    const pending = await findPendingPledge(identifier);
    await sendSignInLink({
      to: identifier,
      url: confirmUrlFor(url, pending ? "pledge" : undefined),
      locale,
      pledge: pending
        ? { campaignName: localized(campaign().name, locale), firstName: pending.firstName }
        : undefined,
    });
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth({
  adapter: PrismaAdapter(db),
  secret: env().AUTH_SECRET,
  // Behind a proxy or on Vercel the Host header is the app's; mailed links use APP_URL regardless.
  trustHost: true,
  session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
  providers: [emailProvider],
  pages: {
    signIn: `/${DEFAULT_LOCALE}/sign-in`,
    verifyRequest: `/${DEFAULT_LOCALE}/pledge/check-email`,
    error: `/${DEFAULT_LOCALE}/sign-in/error`,
  },
  callbacks: {
    // Where a person lands after the link, an error or sign-out: always on APP_URL.
    redirect: ({ url }) => appRedirect(url),
    // Links are only sent by our own server actions (after validation and rate
    // limits) to addresses with a pledge; Auth.js's own sign-in POST is closed
    // (app/api/auth/[...nextauth]/route.ts).
    async signIn({ user, email }) {
      if (email?.verificationRequest) {
        // A pledge in any campaign: someone who only joined an earlier one can still
        // sign in to export or delete their data (the dashboard then offers the
        // running campaign's pledge form).
        const pledge = user.id
          ? await db.pledge.findFirst({ where: { userId: user.id }, select: { id: true } })
          : null;
        // Organisers sign in to the console whether or not they pledged.
        return pledge !== null || (user.email ? isOrganiserEmail(user.email) : false);
      }
      return true;
    },
    session({ session, user }) {
      session.user.id = user.id;
      return session;
    },
  },
  events: {
    // Clicking the link is the double opt-in: the pledge becomes verified (once).
    async signIn({ user }) {
      if (!user.id || !user.email) return;
      const verified = await markPledgeVerified(user.id, new Date());
      if (verified) {
        await sendPledgeConfirmed({
          to: user.email,
          locale: verified.locale,
          firstName: verified.firstName ?? undefined,
          dashboardUrl: new URL(`/${verified.locale}/dashboard`, env().APP_URL).toString(),
          pledgeId: verified.id,
        });
      }
    },
  },
});
