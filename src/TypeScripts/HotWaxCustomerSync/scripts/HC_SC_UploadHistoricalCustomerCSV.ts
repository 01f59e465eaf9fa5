/**
 * HC_SC_UploadHistoricalCustomerCSV (customdeploy_upload_hist_shop_customer, on demand).
 * Uploads the historical customer CSVs to historicalshopifycustomer/csv/ and archives them in the
 * File Cabinet. Logic: sync/historicalUpload.ts.
 *
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 */
import type { EntryPoints } from 'N/types';
import * as error from 'N/error';
import * as file from 'N/file';
import * as log from 'N/log';
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import * as sftp from 'N/sftp';
import * as task from 'N/task';
import {
  RunSummary,
  SyncError,
  SYNC_ERROR_CODES,
  cabinetFiles,
  endInError,
  connectWithScriptParams,
  filesInFolder,
  findFolder,
  recordRun,
  reschedule,
  runHistoricalUpload,
  textParam,
  scheduledBudget,
} from '../lib/HC_CustomerSyncLib';

/** Script parameters, declared in src/Objects/customscript_upload_hist_shop_customer.xml. */
const PARAMS = {
  sftpConfig: 'custscript_hc_uhc_sftp_config',
  sftpDirectory: 'custscript_hc_uhc_sftp_directory',
  sourceFolder: 'custscript_hc_uhc_source_folder',
  archiveFolder: 'custscript_hc_uhc_archive_folder',
} as const;

export function execute(_context: EntryPoints.Scheduled.executeContext): void {
  const summary = new RunSummary(log, 'HC_SC_UploadHistoricalCustomerCSV');
  try {
    uploadHistoricalFiles(summary);
  } catch (e) {
    throw endInError(error, summary, e, (d) =>
      recordRun({ search, record, log }, runtime.getCurrentScript(), d),
    );
  }
}

function uploadHistoricalFiles(runSummary: RunSummary): void {
  const script = runtime.getCurrentScript();
  // Units and the scheduled script's 3,600 s, read on the script's own clock (core/governance.ts).
  const budget = scheduledBudget(script, { now: () => Date.now() });
  const sourceName = textParam(script, PARAMS.sourceFolder) || 'Historical Shopify Customer CSV';
  const sourceId = findFolder({ search, record }, sourceName, false);
  if (!sourceId) {
    runSummary.writeText(
      `File Cabinet folder "${sourceName}" does not exist: run HC_SC_GenerateHistoricalCustomerCSV first. Nothing uploaded.`,
    );
    return;
  }
  const files = filesInFolder(search, sourceId);
  if (files.length === 0) {
    runSummary.writeText(`No CSV files in "${sourceName}".`);
    return;
  }
  const archiveId = findFolder(
    { search, record },
    textParam(script, PARAMS.archiveFolder) || 'Archive Historical Shopify Customer',
    true,
  )!;
  const client = connectWithScriptParams({ search, sftp, file }, script, PARAMS);
  const summary = runHistoricalUpload({
    listFiles: () => files,
    ...cabinetFiles(file, archiveId),
    upload: (dir, name, contents) => client.uploadAtomic(dir, name, contents),
    budget,
  });
  for (const f of summary.failed)
    log.error({
      title: `Upload failed: ${f.name}`,
      details: `${f.code}: ${f.message}. The file stays in "${sourceName}" for the next run.`,
    });
  const rescheduled = summary.paused ? reschedule({ task, log }, script.id, script.deploymentId) : false;
  // Files that failed end the execution in error (so NetSuite notifies the owner), after the others.
  const failure =
    summary.failed.length > 0
      ? new SyncError(
          SYNC_ERROR_CODES.historicalUploadFailed,
          `${summary.failed.length} of ${files.length} historical customer file(s) failed to upload: ${summary.failed
            .map((f) => `${f.name} (${f.code})`)
            .join(', ')}. They stay in "${sourceName}" for the next run.`,
        )
      : null;
  runSummary.write({
    uploaded: summary.uploaded.length,
    failed: summary.failed.length,
    remaining: summary.remaining,
    files: summary.uploaded,
    unitsUsed: budget.used(),
    stoppedFor: budget.stoppedFor(),
    rescheduled,
    ...(failure ? { error: { code: failure.code, message: failure.message } } : {}),
  });
  const history = {
    uploaded: summary.uploaded.length,
    failed: summary.failed.length,
    files: summary.uploaded,
  };
  // Run by hand once: the import and the id export, every 15 minutes, keep the history pruned.
  recordRun(
    { search, record, log },
    script,
    { ...history, unitsUsed: budget.used(), rescheduled },
    { outcome: summary.failed.length > 0 ? 'failed' : undefined, prune: false },
  );
  if (failure) throw failure;
}
