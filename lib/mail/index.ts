import "server-only";

// Every email of the app goes through this module: templates are rendered to HTML and
// text, queued in the outbox (table outbox_emails) and sent in batches through Resend.

export { drainUntilIdle, kickOutbox } from "./kick";
export { type LocalEmail, listLocalEmails } from "./mailbox";
export {
  type DrainOptions,
  type DrainResult,
  drainOutbox,
  type QueueEmailInput,
  type QueueEmailResult,
  queueEmail,
} from "./outbox";
export { type RenderedEmail, renderEmail } from "./render";
export {
  campaignHeaders,
  type PledgeConfirmedInput,
  type SignInLinkInput,
  sendPledgeConfirmed,
  sendSignInLink,
} from "./send";
export { isResendConfigured, type OutgoingEmail, type SendBatchResult, sendBatch } from "./send-batch";
export { hashEmail, isSkippedBySuppression, isSuppressed, isSuppressible } from "./suppression";
