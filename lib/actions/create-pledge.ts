"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { campaign } from "@/lib/campaign";
import { clientIp } from "@/lib/http/client-ip";
import { savePledgeAndSendLink } from "@/lib/pledges/create-pledge";
import { pledgeFormValues } from "@/lib/pledges/form-check";
import { REFERRAL_COOKIE } from "@/lib/pledges/referral-cookie";
import { pledgeSchema } from "@/lib/pledges/schema";
import { consumeSignIn } from "@/lib/rate-limit";
import { consentLabelKey } from "@/lib/reminders/consent-wording";
import { consentWordingFor } from "@/lib/reminders/schedule";
import { defineAction } from "./safe-action";

// POST from the pledge form. Known and unknown addresses get the same answer (the
// "check your email" page), so the form reveals nothing about who has pledged. An
// address whose mail bounced or was marked as spam gets that answer too, and
// nothing else: no pledge that could never be confirmed, no email. Two round trips
// to the database: the rate limits, then one statement for the pledge, its counter,
// the sign-in token and the queued email (rendered and sent by the outbox drain).
export const createPledge = defineAction(
  {
    name: "create-pledge",
    schema: () => pledgeSchema(campaign().platforms.map((p) => p.id)),
    input: pledgeFormValues,
    requireUser: false,
  },
  async (input) => {
    const limit = await consumeSignIn({ email: input.email, ip: await clientIp() });
    if (!limit.ok) return { ok: false, error: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };

    const t = await getTranslations({ locale: input.locale, namespace: "pledge.form" });
    const now = new Date();
    // No reminder is left for a consent given now (a page rendered a moment before the
    // last one's point, or a forged post): none is recorded.
    const remindersConsent = input.remindersConsent && consentWordingFor(campaign(), now) !== null;
    await savePledgeAndSendLink(
      { ...input, remindersConsent },
      {
        // The invitation page the form was on names its inviter; elsewhere the cookie
        // that /r/CODE or ?ref=CODE left does.
        referralCode: input.referralCode ?? (await cookies()).get(REFERRAL_COOKIE)?.value,
        consentText: t(consentLabelKey(input.consentWording)),
        now,
        redirectTo: `/${input.locale}/dashboard?welcome=1`,
      },
    );
    redirect(`/${input.locale}/pledge/check-email`);
  },
);
