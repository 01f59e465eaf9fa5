/**
 * The ports: what each script's logic needs from NetSuite and the SFTP server, as small interfaces.
 * The adapters (adapters/) implement them over N/ modules; tests implement them over fakes. sync/
 * imports only these, its own files and the pure helpers in core/, never N/ or an adapter.
 */
export type { CustomerStore, FeedEntry, FeedFolder, MatchKeys } from './customerImport';
export type { ExistingCustomer } from './customerMatching';
export type { CabinetFile, HistoricalUploadDeps } from './historicalUpload';
export type { HistoricalExportDeps } from './historicalExport';
export type { UsageMeter } from '../core/governance';

export type RunOutcome = 'complete' | 'rescheduled' | 'failed';

/** One row of a feed's error report (customer/export/error/<feed>-errors.csv). */
export interface ErrorReportRow {
  fileName: string;
  /** The report in customer/export/error/ the row was read from. */
  report?: string;
  lineNumber: number;
  hcCustomerId: string;
  errorCode: string;
  errorMessage: string;
}

export interface RunEntry {
  id: string;
  scriptId: string;
  deploymentId: string;
  ended: number;
  outcome: RunOutcome;
  errorCount: number;
  summary: Record<string, unknown>;
}
