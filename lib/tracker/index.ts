// The tracker domain's server surface: what a signed-in person still has to do and
// what they did, always scoped by their user id. Forms import ./schema directly.
import "server-only";

export type { TrackerContext } from "./context";
export type { DayError } from "./dates";
export {
  dayToInstant,
  earliestObjectionDay,
  instantToDay,
  latestAllowedDay,
  objectionDayError,
} from "./dates";
export {
  countOpenLinkReports,
  type OpenLinkReports,
  reportBrokenLink,
  resolveLinkReports,
} from "./link-reports";
export { computeProgress, type Guidance, type Progress, type Status, trackerGuidance } from "./progress";
export { saveQuestionnaire, startChecklist } from "./questionnaire";
export type { TrackerError, TrackerResult } from "./result";
export { type StatusChange, updateSubmissionStatus } from "./status";
export {
  getTracker,
  type QuestionnaireAnswers,
  type Tracker,
  type TrackerAccount,
  type TrackerPlatform,
} from "./tracker";
