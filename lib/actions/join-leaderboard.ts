"use server";

import { revalidatePath } from "next/cache";
import { joinLeaderboard as join } from "@/lib/referrals";
import { joinLeaderboardFormValues, joinLeaderboardSchema } from "@/lib/referrals/schema";
import { defineAction } from "./safe-action";

// POST from the invite card: appear on the public leaderboard (or rename). The name
// is validated by the shared schema and stored exactly as plain text.
export const joinLeaderboard = defineAction(
  {
    name: "join-leaderboard",
    schema: joinLeaderboardSchema,
    input: joinLeaderboardFormValues,
    requireUser: true,
  },
  async (input, { user }) => {
    if (!(await join(user.id, input.displayName, new Date()))) return { ok: false, error: "no_pledge" };
    revalidatePath(`/${input.locale}/dashboard`);
    revalidatePath(`/${input.locale}/leaderboard`);
    return { ok: true, data: { name: input.displayName } };
  },
);
