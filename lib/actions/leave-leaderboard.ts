"use server";

import { revalidatePath } from "next/cache";
import { leaveLeaderboard as leave } from "@/lib/referrals";
import { leaveLeaderboardFormValues, leaveLeaderboardSchema } from "@/lib/referrals/schema";
import { defineAction } from "./safe-action";

// POST from the invite card: leave the public leaderboard at once.
export const leaveLeaderboard = defineAction(
  {
    name: "leave-leaderboard",
    schema: leaveLeaderboardSchema,
    input: leaveLeaderboardFormValues,
    requireUser: true,
  },
  async (input, { user }) => {
    if (!(await leave(user.id))) return { ok: false, error: "no_pledge" };
    revalidatePath(`/${input.locale}/dashboard`);
    revalidatePath(`/${input.locale}/leaderboard`);
    return { ok: true, data: null };
  },
);
