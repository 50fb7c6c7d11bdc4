export {
  DATA_MODEL,
  INTERNAL_TABLES,
  type RetentionRule,
  type TableDoc,
  UNVERIFIED_PLEDGE_DAYS,
} from "./data-model";
export { type ErasureResult, eraseUser } from "./erase";
export {
  EXPORT_FORMAT,
  exportFileName,
  exportPersonalData,
  type PersonalDataExport,
  serializeExport,
} from "./export";
export {
  type CampaignRetention,
  type RetentionOptions,
  type RetentionReport,
  runRetention,
} from "./retention";
