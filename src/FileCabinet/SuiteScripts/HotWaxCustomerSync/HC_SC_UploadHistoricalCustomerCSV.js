/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 * @NModuleScope SameAccount
 */
define(['N/error', 'N/file', 'N/log', 'N/record', 'N/runtime', 'N/search', 'N/sftp', 'N/task', './lib/HC_CustomerSyncLib'], (function (error, file, log, record, runtime, search, sftp, task, HC_CustomerSyncLib) { 'use strict';

    /** Script parameters, declared in src/Objects/customscript_upload_hist_shop_customer.xml. */
    const PARAMS = {
        sftpConfig: 'custscript_hc_uhc_sftp_config',
        sftpDirectory: 'custscript_hc_uhc_sftp_directory',
        sourceFolder: 'custscript_hc_uhc_source_folder',
        archiveFolder: 'custscript_hc_uhc_archive_folder',
    };
    function execute(_context) {
        const summary = new HC_CustomerSyncLib.RunSummary(log, 'HC_SC_UploadHistoricalCustomerCSV');
        try {
            uploadHistoricalFiles(summary);
        }
        catch (e) {
            throw HC_CustomerSyncLib.endInError(error, summary, e, (d) => HC_CustomerSyncLib.recordRun({ search, record, log }, runtime.getCurrentScript(), d));
        }
    }
    function uploadHistoricalFiles(runSummary) {
        const script = runtime.getCurrentScript();
        // Units and the scheduled script's 3,600 s, read on the script's own clock (core/governance.ts).
        const budget = HC_CustomerSyncLib.scheduledBudget(script, { now: () => Date.now() });
        const sourceName = HC_CustomerSyncLib.textParam(script, PARAMS.sourceFolder) || 'Historical Shopify Customer CSV';
        const sourceId = HC_CustomerSyncLib.findFolder({ search, record }, sourceName, false);
        if (!sourceId) {
            runSummary.writeText(`File Cabinet folder "${sourceName}" does not exist: run HC_SC_GenerateHistoricalCustomerCSV first. Nothing uploaded.`);
            return;
        }
        const files = HC_CustomerSyncLib.filesInFolder(search, sourceId);
        if (files.length === 0) {
            runSummary.writeText(`No CSV files in "${sourceName}".`);
            return;
        }
        const archiveId = HC_CustomerSyncLib.findFolder({ search, record }, HC_CustomerSyncLib.textParam(script, PARAMS.archiveFolder) || 'Archive Historical Shopify Customer', true);
        const client = HC_CustomerSyncLib.connectWithScriptParams({ search, sftp, file }, script, PARAMS);
        const summary = HC_CustomerSyncLib.runHistoricalUpload({
            listFiles: () => files,
            ...HC_CustomerSyncLib.cabinetFiles(file, archiveId),
            upload: (dir, name, contents) => client.uploadAtomic(dir, name, contents),
            budget,
        });
        for (const f of summary.failed)
            log.error({
                title: `Upload failed: ${f.name}`,
                details: `${f.code}: ${f.message}. The file stays in "${sourceName}" for the next run.`,
            });
        const rescheduled = summary.paused ? HC_CustomerSyncLib.reschedule({ task, log }, script.id, script.deploymentId) : false;
        // Files that failed end the execution in error (so NetSuite notifies the owner), after the others.
        const failure = summary.failed.length > 0
            ? new HC_CustomerSyncLib.SyncError(HC_CustomerSyncLib.SYNC_ERROR_CODES.historicalUploadFailed, `${summary.failed.length} of ${files.length} historical customer file(s) failed to upload: ${summary.failed
            .map((f) => `${f.name} (${f.code})`)
            .join(', ')}. They stay in "${sourceName}" for the next run.`)
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
        HC_CustomerSyncLib.recordRun({ search, record, log }, script, { ...history, unitsUsed: budget.used(), rescheduled }, { outcome: summary.failed.length > 0 ? 'failed' : undefined, prune: false });
        if (failure)
            throw failure;
    }


  return { execute: execute };

}));
