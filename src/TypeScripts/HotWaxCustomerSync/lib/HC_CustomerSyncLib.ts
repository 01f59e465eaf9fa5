/**
 * HC_CustomerSyncLib: the companion library every HotWax customer sync script loads
 * (./lib/HC_CustomerSyncLib). CSV, SFTP, configuration, governance and checkpoints, plus each
 * script's logic as plain functions over small adapters. Entry points import from here only, so
 * the build ships one copy of it. The status page's code is in HC_CustomerSyncStatusLib (loaded by
 * the Suitelet only) and HC_MR_ImportCustomer's stages in HC_CustomerImportMapReduceLib (loaded by it
 * only), so the other scripts do not parse them; what those two use of this module is imported from
 * here at run time.
 *
 * It exports what the entry points and those two modules use, nothing else
 * (test/lib/librarySize.test.ts): every export is kept in the built file, so a name only a test needs
 * would cost every execution its parse. Tests import such helpers from their own module.
 *
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */

export { parseCsvRecords, toCsv } from '../core/csv';
export { PARTY_IDENTIFICATION_HEADER } from '../core/hotwaxFiles';
export { readCustomerFeed } from '../core/customerFeed';
export { SyncError, SYNC_ERROR_CODES, describeError } from '../core/errors';
export { RunSummary, asSuiteScriptError, endInError } from '../adapters/runSummary';
export { GovernanceBudget, STOP_RESERVE, TIME_LIMITS, UNITS, scheduledBudget } from '../core/governance';
export { SFTP_FOLDERS } from '../core/config';
export { customerFeedFolder } from '../adapters/sftp';
export type { SftpFolderClient } from '../adapters/sftp';
export { uniqueSuffix, isCsv, textHash, timestampedCsvName } from '../core/fileNames';
export { CheckpointStore, CHECKPOINT_RECORD } from '../adapters/checkpoint';
export { cachedId } from '../adapters/cachedId';
export { keepingAnswers } from '../sync/keptAnswers';
export { deploymentIsRunning, QUEUED_OR_ALIVE } from '../adapters/scriptInstances';
export { NetSuiteCustomerStore } from '../adapters/customers';
export { textParam, checkboxParam, integerParam } from '../adapters/parameters';
export {
  loadSftpSettings,
  openConnection,
  connect,
  connectWithScriptParams,
  cachedSftpHint,
} from '../adapters/sftpConnection';
export {
  findFolder,
  folderWithDescription,
  filesInFolder,
  cabinetFiles,
  feedCopies,
} from '../adapters/fileCabinet';
export { reschedule, submitMapReduce } from '../adapters/tasks';

export { CUSTOMER_FIELDS, toNewCustomer, parseFieldMap, isProblem } from '../sync/customerRows';
export { runCustomerImport } from '../sync/customerImport';
export { summaryDetails, logFeedResults } from '../sync/importSummary';
export { importOneFeed } from '../sync/feedImport';
export { returnFeeds } from '../sync/feedState';
export { unreadableReason } from '../sync/customerFeedFolder';
export type { ImportState } from '../sync/importTypes';
// Used by HC_MR_ImportCustomer's library (lib/HC_CustomerImportMapReduceLib.ts), never copied into it.
export { emptyCounts } from '../sync/importTypes';
export { decideRow, matchKeys } from '../sync/customerUpsert';
export { CandidateIndex } from '../sync/customerMatching';
export { SFTP_MAX_FILE_SIZE } from '../core/limits';
export { DEFAULT_HANDOFF_ROWS, MAX_HANDOFF_FEEDS } from '../core/mapReduceImport';
export {
  IMPORT_CUSTOMER,
  IMPORT_CUSTOMER_MR,
  EXPORT_CUSTOMER_IDS,
  GENERATE_HISTORICAL_CSV,
  UPLOAD_HISTORICAL_CSV,
} from '../core/scriptIds';
export { runHistoricalExport } from '../sync/historicalExport';
export { runHistoricalUpload } from '../sync/historicalUpload';
export { historicalExportStore } from '../adapters/historicalCustomers';
export type { HistoricalFolder } from '../adapters/historicalCustomers';
export { RUN_RECORD, recordRun, capturingReports } from '../adapters/runHistory';
