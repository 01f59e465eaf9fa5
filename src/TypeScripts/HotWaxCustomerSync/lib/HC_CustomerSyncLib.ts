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
  normalizeHeaderName,
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
export { CheckpointStore, CHECKPOINT_RECORD } from './checkpoint';
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

export { CUSTOMER_FIELDS, toNewCustomer, parseFieldMap } from '../sync/customerRows';
export { runCustomerImport } from '../sync/customerImport';
export type { ImportState, ImportSummary } from '../sync/customerImport';
export { runHistoricalExport, historicalLine } from '../sync/historicalExport';
export type { HistoricalCustomer, HistoricalState } from '../sync/historicalExport';
export { runHistoricalUpload } from '../sync/historicalUpload';
export { planRun, commitRun, partyIdentificationFiles } from '../sync/idExport';
export type { ExportState, ExportedCustomer } from '../sync/idExport';
export { submitMapReduce } from './mapReduceTask';
export {
  MR_IMPORT,
  DEFAULT_HANDOFF_ROWS,
  handOffFeed,
  planFeed,
  importBatch,
  finishFeed,
} from '../sync/customerImportMapReduce';
export type {
  HandoffState,
  MapReduceHandoff,
  ReduceBatch,
  RowOutcome,
} from '../sync/customerImportMapReduce';
