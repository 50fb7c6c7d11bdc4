"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { isOrganiserEmail } from "@/lib/auth/organiser";
import { clientIp } from "@/lib/http/client-ip";
import { findPledgedUser } from "@/lib/pledges/find-pledged-user";
import { signInFormValues } from "@/lib/pledges/form-check";
import { rehearseSignIn } from "@/lib/pledges/rehearse-sign-in";
import { signInSchema } from "@/lib/pledges/schema";
import { consumeSignIn } from "@/lib/rate-limit";
import { defineAction } from "./safe-action";

// POST from the sign-in form. A link goes only to addresses that have pledged (or are
// an organiser's, lib/auth/organiser.ts) and can take mail; the answer is the same
// either way, and so is the work done to reach it (rehearseSignIn), so neither the page
// nor its timing tells who has pledged. The check-email pages' "send it again" posts
// here too, so a resend is rate limited alike.
export const requestSignIn = defineAction(
  {
    name: "request-sign-in",
    schema: signInSchema,
    input: signInFormValues,
    requireUser: false,
  },
  async (input) => {
    const limit = await consumeSignIn({ email: input.email, ip: await clientIp() });
    if (!limit.ok) return { ok: false, error: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };

    const isOrganiser = isOrganiserEmail(input.email);
    if (await findPledgedUser(input.email, { isOrganiser })) {
      await signIn("email", {
        email: input.email,
        redirect: false,
        // A new pledge's link, sent again, opens the welcome as the first one would.
        redirectTo: isOrganiser
          ? `/${input.locale}/organiser`
          : `/${input.locale}/dashboard${input.resendFrom === "pledge" ? "?welcome=1" : ""}`,
      });
    } else {
      await rehearseSignIn(input.email, input.locale);
    }
    redirect(
      input.resendFrom
        ? `/${input.locale}/${input.resendFrom === "pledge" ? "pledge" : "sign-in"}/check-email?resent=1`
        : `/${input.locale}/sign-in/check-email`,
    );
  },
);
