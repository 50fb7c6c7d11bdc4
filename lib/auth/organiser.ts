import "server-only";
import { notFound } from "next/navigation";
import { isOrganiserEmail } from "./organiser-role";
import { currentUser, type SessionUser } from "./session";

// The organiser role: granted by configuration (ORGANISER_EMAILS), to people who sign
// in by email link like everyone else. Anyone without it gets a 404 from every
// organiser page, route and action, so the console does not even admit it exists.

export { isOrganiserEmail };

/** The signed-in organiser, or null (signed out, or signed in without the role). */
export async function currentOrganiser(): Promise<SessionUser | null> {
  const user = await currentUser();
  return user && isOrganiserEmail(user.email) ? user : null;
}

/** The signed-in organiser; anyone else gets the 404 page. */
export async function requireOrganiser(): Promise<SessionUser> {
  const organiser = await currentOrganiser();
  if (!organiser) notFound();
  return organiser;
}
