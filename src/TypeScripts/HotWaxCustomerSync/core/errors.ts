/**
 * The one error the bundle raises on purpose: a SyncError, with a stable code an administrator can
 * search for (HC_… for the sync's own, or the code NetSuite gave, e.g. FTP_CANNOT_ESTABLISH_CONNECTION,
 * kept as it was). Its `name` is the code, so every log line shows it. lib/, adapters/ and sync/ throw
 * only this; the entry point turns it into an N/error SuiteScriptError, once (adapters/runSummary.ts),
 * and names its code in the run's AUDIT summary. NetSuite's own errors pass through unchanged.
 */
export class SyncError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

/** The codes the sync itself raises (NetSuite's own codes are kept as NetSuite gave them). */
export const SYNC_ERROR_CODES = {
  /** A script parameter holds a value the script cannot use; the message names it and how to fix it. */
  parameterInvalid: 'HC_PARAMETER_INVALID',
  sftpConfigInvalid: 'HC_SFTP_CONFIG_INVALID',
  sftpConfigMissing: 'HC_SFTP_CONFIG_MISSING',
  checkpointConflict: 'HC_CHECKPOINT_CONFLICT',
  historicalUploadFailed: 'HC_HISTORICAL_UPLOAD_FAILED',
  exportInputFailed: 'HC_EXPORT_INPUT_FAILED',
  /** Caught where raised: the run history entry is skipped, the run goes on. */
  runHistoryNotWritten: 'HC_RUN_HISTORY_NOT_WRITTEN',
  /** A historical export part saved before its folder is known: an order of calls the export never makes. */
  historicalFolderUnknown: 'HC_HISTORICAL_FOLDER_UNKNOWN',
  /** The status page's dry run: the feed asked for is no longer waiting, or the import could not check it. */
  feedNotWaiting: 'HC_FEED_NOT_WAITING',
  dryRunNotChecked: 'HC_DRY_RUN_NOT_CHECKED',
} as const;

/** A readable one-liner for any thrown value (SuiteScriptError, SyncError, Error, string). */
export function describeError(e: unknown): { code: string; message: string } {
  if (e && typeof e === 'object') {
    const o = e as { name?: unknown; message?: unknown };
    const code = typeof o.name === 'string' && o.name ? o.name : 'UNEXPECTED_ERROR';
    const message = typeof o.message === 'string' ? o.message : String(e);
    return { code, message };
  }
  return { code: 'UNEXPECTED_ERROR', message: String(e) };
}
