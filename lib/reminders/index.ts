// The reminders domain's server surface. Scripts import the modules they need
// directly (./sender, ./queue), since "server-only" refuses plain Node.
import "server-only";

export { buildDeadlineIcs, type CalendarText } from "./calendar";
export { formatDeadline } from "./content";
export { type DoneError, type DoneResult, type DoneTarget, describeDone, recordDone } from "./done";
export { remindersTranslator } from "./i18n";
export {
  checkUnsubscribeToken,
  getReminderPreference,
  type ReminderPreference,
  reminderPreferenceOf,
  setReminderPreference,
  type UnsubscribeResult,
  unsubscribeByToken,
} from "./preferences";
export { dueReminder, type ReminderKey, type ReminderSlot, reminderSlots } from "./schedule";
export { type RunOptions, type RunResult, runReminders } from "./sender";
export type { TokenError, TokenPurpose } from "./tokens";
