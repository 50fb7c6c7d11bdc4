// Runs once when a server instance starts: resume sending mail that was queued (or
// left mid-retry) before a restart. NEXT_RUNTIME is set by Next.js itself.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { kickOutbox } = await import("@/lib/mail");
  kickOutbox();
}
