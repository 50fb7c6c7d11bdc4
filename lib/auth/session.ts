import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./index";

export type SessionUser = { id: string; email: string };

/** The signed-in person, or null. Cached for one request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const email = session?.user?.email;
  return id && email ? { id, email } : null;
});

/** The signed-in person; anyone else is sent to the sign-in page. */
export async function requireUser(locale: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/${locale}/sign-in`);
  return user;
}
