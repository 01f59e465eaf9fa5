/**
 * HC_CustomerSyncLib: the companion library every HotWax customer sync script loads
 * (./lib/HC_CustomerSyncLib). CSV, SFTP, configuration, governance and checkpoints, plus each
 * script's logic as plain functions over small adapters. Entry points import from here only, so
 * the build ships one copy of it. The status page's code is in HC_CustomerSyncStatusLib (loaded by
 * the Suitelet only), so the scheduled and map/reduce scripts do not parse it.
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
export { GovernanceBudget, UNITS, STOP_RESERVE, TIME_LIMITS, scheduledBudget } from './governance';
export type { TimeLimit, Clock, BudgetShortfall } from './governance';
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
export { deploymentIsRunning } from './scriptInstances';
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
export { runCustomerImport, unsafeNameReason } from '../sync/customerImport';
export type { ImportState, ImportSummary } from '../sync/customerImport';
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
