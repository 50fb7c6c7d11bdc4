"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { requestLogger } from "@/lib/http/request-log";
import { eraseUser } from "@/lib/privacy";
import { deleteAccountFormValues, deleteAccountSchema } from "@/lib/privacy/schema";
import { defineAction } from "./safe-action";

// Auth.js's session cookie names (the __Secure- one over HTTPS).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

// POST from the account page's confirmation step: erases the signed-in person at once
// (lib/privacy/erase.ts), ends the browser's session and shows the goodbye page.
export const deleteAccount = defineAction(
  { name: "delete-account", schema: deleteAccountSchema, input: deleteAccountFormValues, requireUser: true },
  async ({ locale }, { user }) => {
    const erased = await eraseUser(user.id);
    const log = await requestLogger({ action: "delete-account" });
    // No id: the person is gone, and so is every way to link this line to them.
    log.info({ erased: erased !== null }, "account erased");
    const jar = await cookies();
    for (const name of SESSION_COOKIES) if (jar.has(name)) jar.delete(name);
    redirect(`/${locale}/account/deleted`);
  },
);
