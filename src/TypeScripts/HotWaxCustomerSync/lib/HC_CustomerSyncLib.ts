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
} from '../core/csv';
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
} from '../core/csv';

export { SyncError, describeError } from '../core/errors';
export { GovernanceBudget, UNITS, STOP_RESERVE } from '../core/governance';
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
} from '../core/fileNames';
export { CheckpointStore, CHECKPOINT_RECORD, checkpointExternalId } from '../adapters/checkpoint';
export { deploymentIsRunning } from '../adapters/scriptInstances';
export { NetSuiteCustomerStore, allResults } from '../adapters/customers';
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
  cabinetFiles,
} from '../adapters/netsuite';

export {
  CUSTOMER_FIELDS,
  FIELD_LIMITS,
  toNewCustomer,
  parseFieldMap,
  isNetSuiteEmail,
  invalidCharacter,
} from '../sync/customerRows';
export { runCustomerImport, unsafeNameReason } from '../sync/customerImport';
export type { ImportState, ImportSummary } from '../sync/customerImport';
export { runHistoricalExport, historicalLine } from '../sync/historicalExport';
export type { HistoricalCustomer, HistoricalState } from '../sync/historicalExport';
export { runHistoricalUpload } from '../sync/historicalUpload';
export { planRun, commitRun, partyIdentificationFiles, planAndSave, sendExport } from '../sync/idExport';
export type { ExportState, ExportedCustomer } from '../sync/idExport';
export { selectForExport, stampCustomer } from '../adapters/exportedCustomers';
export { historicalExportStore } from '../adapters/historicalCustomers';
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
export {
  NetSuiteStatusSources,
  openConnection,
  listWaitingFeeds,
  testSftpConnection,
  importDeploymentParams,
  dryRunOneFeed,
} from '../adapters/statusSources';
export { renderStatusForm } from '../adapters/statusForm';
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
