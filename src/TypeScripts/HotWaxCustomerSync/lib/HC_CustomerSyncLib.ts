/**
 * HC_CustomerSyncLib: the companion library every HotWax customer sync script loads
 * (./lib/HC_CustomerSyncLib). CSV, SFTP, configuration, governance and checkpoints, plus each
 * script's logic as plain functions over small adapters. Entry points import from here only, so
 * the build ships one copy of it. The status page's code is in HC_CustomerSyncStatusLib (loaded by
 * the Suitelet only) and HC_MR_ImportCustomer's stages in HC_CustomerImportMapReduceLib (loaded by it
 * only), so the other scripts do not parse them.
 *
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */

export {
  CSV_EOL,
  toCsv,
  csvLine,
  parseCsvRecords,
  readCsv,
  normalizeHeaderName,
  neutralizeCell,
  toReportCsv,
  physicalLineCount,
} from '../core/csv';
export type {
  CsvCell,
  ColumnSpec,
  ToCsvOptions,
  CsvProblemCode,
  CsvProblem,
  CsvRecord,
  ParsedCsv,
  ReadCsvOptions,
  CsvRow,
  ReadCsvResult,
} from '../core/csv';
export {
  PARTY_IDENTIFICATION_HEADER,
  HISTORICAL_CUSTOMER_HEADER,
  ERROR_REPORT_HEADER,
  DRY_RUN_REPORT_HEADER,
  CUSTOMER_FEED_COLUMNS,
} from '../core/hotwaxFiles';
export type { CustomerFeedColumn } from '../core/hotwaxFiles';
export { readCustomerFeed } from '../core/customerFeed';
export type { CustomerFeed } from '../core/customerFeed';

export { SyncError, SYNC_ERROR_CODES, describeError } from '../core/errors';
export { RunSummary, asSuiteScriptError, endInError } from '../adapters/runSummary';
export { GovernanceBudget, UNITS, STOP_RESERVE, TIME_LIMITS, scheduledBudget } from '../core/governance';
export type { TimeLimit, Clock, BudgetShortfall } from '../core/governance';
export {
  SFTP_RECORD,
  SFTP_FOLDERS,
  sftpSettingsFrom,
  parseHostKey,
  normaliseDirectory,
} from '../core/config';
export type { SftpSettings } from '../core/config';
export { SftpFolderClient, customerFeedFolder } from '../adapters/sftp';
export {
  utcStamp,
  uniqueSuffix,
  timestampedCsvName,
  alternativeName,
  temporaryName,
  isCsv,
  stem,
  textHash,
} from '../core/fileNames';
export { CheckpointStore, CHECKPOINT_RECORD, checkpointExternalId } from '../adapters/checkpoint';
export { deploymentIsRunning, QUEUED_OR_ALIVE } from '../adapters/scriptInstances';
export { NetSuiteCustomerStore } from '../adapters/customers';
export { allResults } from '../adapters/searchResults';
export { textParam, checkboxParam, integerParam } from '../adapters/parameters';
export {
  loadSftpSettings,
  openConnection,
  connect,
  connectWithScriptParams,
} from '../adapters/sftpConnection';
export {
  findFolder,
  folderWithDescription,
  filesInFolder,
  cabinetFiles,
  feedCopies,
} from '../adapters/fileCabinet';
export { reschedule, submitMapReduce } from '../adapters/tasks';

export {
  CUSTOMER_FIELDS,
  FIELD_LIMITS,
  toNewCustomer,
  parseFieldMap,
  isNetSuiteEmail,
  invalidCharacter,
  isProblem,
} from '../sync/customerRows';
export { runCustomerImport, summaryDetails, logFeedResults } from '../sync/customerImport';
export { importOneFeed } from '../sync/feedImport';
export { returnFeeds } from '../sync/feedState';
export { unsafeNameReason, unreadableReason } from '../sync/customerFeedFolder';
export type { ImportDeps, ImportState, ImportSummary } from '../sync/importTypes';
// Used by HC_MR_ImportCustomer's library (lib/HC_CustomerImportMapReduceLib.ts), never copied into it.
export { emptyCounts } from '../sync/importTypes';
export { decideRow, matchKeys } from '../sync/customerUpsert';
export { CandidateIndex } from '../sync/customerMatching';
export { SFTP_MAX_FILE_SIZE } from '../core/limits';
export { MR_IMPORT, DEFAULT_HANDOFF_ROWS, MAX_HANDOFF_FEEDS } from '../core/mapReduceImport';
export { runHistoricalExport, historicalLine } from '../sync/historicalExport';
export type { HistoricalCustomer, HistoricalState } from '../sync/historicalExport';
export { runHistoricalUpload } from '../sync/historicalUpload';
export { planRun, commitRun, partyIdentificationFiles, planAndSave, sendExport } from '../sync/idExport';
export type { ExportState, ExportedCustomer } from '../sync/idExport';
export { selectForExport, stampCustomer } from '../adapters/exportedCustomers';
export { historicalExportStore } from '../adapters/historicalCustomers';
export type { HistoricalFolder } from '../adapters/historicalCustomers';
export {
  RUN_RECORD,
  RUN_HISTORY,
  RUN_HISTORY_UNITS,
  recordRun,
  storedSummary,
  latestRuns,
  parseErrorReport,
  capturingReports,
} from '../adapters/runHistory';
export type { RunEntry, RunOutcome, ErrorReportRow } from '../adapters/runHistory';
