/**
 * HC_CustomerSyncLib: the companion library every HotWax customer sync script loads
 * (./lib/HC_CustomerSyncLib). CSV, SFTP, configuration, governance and checkpoints, plus each
 * script's logic as plain functions over small adapters. Entry points import from here only, so
 * the build ships one copy of it.
 *
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */

export {
  CSV_EOL,
  PARTY_IDENTIFICATION_HEADER,
  HISTORICAL_CUSTOMER_HEADER,
  ERROR_REPORT_HEADER,
  CUSTOMER_FEED_COLUMNS,
  toCsv,
  csvLine,
  parseCsvRecords,
  readCsv,
  readCustomerFeed,
  normalizeHeaderName,
  neutralizeCell,
  toReportCsv,
  physicalLineCount,
} from './csv';
export type {
  CsvCell,
  ColumnSpec,
  CustomerFeedColumn,
  ToCsvOptions,
  CsvProblemCode,
  CsvProblem,
  CsvRecord,
  ParsedCsv,
  ReadCsvOptions,
  CsvRow,
  ReadCsvResult,
  CustomerFeed,
} from './csv';

export { SyncError, describeError } from './errors';
export { GovernanceBudget, UNITS, STOP_RESERVE } from './governance';
export { SFTP_RECORD, SFTP_FOLDERS, sftpSettingsFrom, parseHostKey, normaliseDirectory } from './config';
export type { SftpSettings } from './config';
export { SftpFolderClient, customerFeedFolder } from './sftp';
export {
  utcStamp,
  uniqueSuffix,
  timestampedCsvName,
  alternativeName,
  temporaryName,
  isCsv,
  stem,
} from './fileNames';
export { CheckpointStore, CHECKPOINT_RECORD, checkpointExternalId } from './checkpoint';
export { deploymentIsRunning, QUEUED_OR_ALIVE } from './scriptInstances';
export { submitMapReduce } from './mapReduceTask';
export { NetSuiteCustomerStore, allResults } from './customers';
export {
  textParam,
  checkboxParam,
  integerParam,
  loadSftpSettings,
  connect,
  connectWithScriptParams,
  findFolder,
  folderWithDescription,
  filesInFolder,
  reschedule,
} from './netsuite';

export {
  CUSTOMER_FIELDS,
  FIELD_LIMITS,
  toNewCustomer,
  parseFieldMap,
  isNetSuiteEmail,
  invalidCharacter,
} from '../sync/customerRows';
export { runCustomerImport, unsafeNameReason, summaryDetails } from '../sync/customerImport';
export type { ImportDeps, ImportState, ImportSummary } from '../sync/customerImport';
export {
  MR_IMPORT,
  DEFAULT_HANDOFF_ROWS,
  MAX_HANDOFF_FEEDS,
  ROWS_PER_KEY,
  MAX_GROUP_ROWS,
  batchKey,
  handoffOptions,
  heldHandoff,
  planHandoff,
  reduceBatch,
  finishHandoff,
  giveBackFromPlan,
} from '../sync/customerImportMapReduce';
export type { ReduceBatch, KeyOutcome, HandoffPlan } from '../sync/customerImportMapReduce';
export { runHistoricalExport, historicalLine } from '../sync/historicalExport';
export type { HistoricalCustomer, HistoricalState } from '../sync/historicalExport';
export { runHistoricalUpload } from '../sync/historicalUpload';
export { planRun, commitRun, partyIdentificationFiles } from '../sync/idExport';
export type { ExportState, ExportedCustomer } from '../sync/idExport';
export {
  RUN_RECORD,
  RUN_HISTORY,
  RUN_HISTORY_UNITS,
  recordRun,
  storedSummary,
  latestRuns,
  parseErrorReport,
  capturingReports,
} from './runHistory';
export type { RunEntry, RunOutcome, ErrorReportRow } from './runHistory';
export {
  NetSuiteStatusSources,
  openConnection,
  listWaitingFeeds,
  testSftpConnection,
  importDeploymentParams,
  dryRunOneFeed,
} from './statusSources';
export { renderStatusForm } from './statusForm';
export {
  SYNC_SCRIPTS,
  ON_DEMAND,
  PARAM,
  ACTIONS,
  ACTION_LABELS,
  REPORT_FOLDERS,
  buildPage,
  runAction,
  csrfMatches,
  refusedForToken,
  reportRequest,
  outcomeText,
  esc,
} from '../sync/statusPage';
export type { PageModel, StatusSources, ActionResult } from '../sync/statusPage';
