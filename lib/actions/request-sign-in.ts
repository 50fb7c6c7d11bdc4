"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { db } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { hashEmail } from "@/lib/mail";
import { signInSchema } from "@/lib/pledges/schema";
import { consumeAll } from "@/lib/rate-limit";
import { defineAction } from "./safe-action";

// POST from the sign-in form. A link goes only to addresses that have pledged; the
// answer is the same either way.
export const requestSignIn = defineAction(
  {
    name: "request-sign-in",
    schema: signInSchema,
    input: (form) => ({ email: form.get("email") ?? undefined, locale: form.get("locale") ?? undefined }),
    requireUser: false,
  },
  async (input) => {
    const limit = await consumeAll([
      ["signInPerEmail", hashEmail(input.email)],
      ["signInPerIp", await clientIp()],
    ]);
    if (!limit.ok) return { ok: false, error: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };

    const pledged = await db.user.findUnique({
      where: { email: input.email },
      select: { pledge: { select: { id: true } } },
    });
    if (pledged?.pledge) {
      await signIn("email", {
        email: input.email,
        redirect: false,
        redirectTo: `/${input.locale}/dashboard`,
      });
    }
    redirect(`/${input.locale}/sign-in/check-email`);
  },
);
