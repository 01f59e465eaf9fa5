/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 * @NModuleScope SameAccount
 */
define(['N/error', 'N/file', 'N/log', 'N/record', 'N/runtime', 'N/search', 'N/sftp', 'N/task', './lib/HC_CustomerSyncLib'], (function (error, file, log, record, runtime, search, sftp, task, HC_CustomerSyncLib) { 'use strict';

    /** Script parameters, declared in src/Objects/customscript_imp_customer.xml. */
    const PARAMS = {
        sftpConfig: 'custscript_hc_imp_sftp_config',
        sftpDirectory: 'custscript_hc_imp_sftp_directory',
        defaultSubsidiary: 'custscript_hc_imp_default_subsidiary',
        matchByEmail: 'custscript_hc_imp_match_by_email',
        fieldMap: 'custscript_hc_imp_field_map',
        dryRun: 'custscript_hc_imp_dry_run',
    };
    const ON_DEMAND_DEPLOYMENT = 'customdeploy_imp_customer_rest';
    function execute(_context) {
        const summary = new HC_CustomerSyncLib.RunSummary(log, 'HC_SC_ImportCustomer');
        try {
            importCustomers(summary);
        }
        catch (e) {
            throw HC_CustomerSyncLib.endInError(error, summary, e);
        }
    }
    function importCustomers(runSummary) {
        const script = runtime.getCurrentScript();
        // Units and the scheduled script's 3,600 s, read on the script's own clock (core/governance.ts).
        const budget = HC_CustomerSyncLib.scheduledBudget(script, { now: () => Date.now() });
        const dryRun = HC_CustomerSyncLib.checkboxParam(script, PARAMS.dryRun);
        const client = HC_CustomerSyncLib.connectWithScriptParams({ search, sftp, file }, script, PARAMS);
        const reports = HC_CustomerSyncLib.capturingReports(HC_CustomerSyncLib.customerFeedFolder(client, HC_CustomerSyncLib.SFTP_FOLDERS.customerFeed));
        const summary = HC_CustomerSyncLib.runCustomerImport({
            feeds: reports.feeds,
            customers: new HC_CustomerSyncLib.NetSuiteCustomerStore({ search, record }),
            checkpoint: new HC_CustomerSyncLib.CheckpointStore({ search, record }, 'import'),
            leaseHolderRunning: (lease) => HC_CustomerSyncLib.deploymentIsRunning(search, script.id, lease.deploymentId),
            budget,
            now: () => Date.now(),
            log: {
                audit: (title, details) => log.audit({ title, details }),
                error: (title, details) => log.error({ title, details }),
            },
        }, {
            oneWorld: runtime.isFeatureInEffect({ feature: 'SUBSIDIARIES' }),
            defaultSubsidiary: HC_CustomerSyncLib.textParam(script, PARAMS.defaultSubsidiary),
            fieldMap: HC_CustomerSyncLib.parseFieldMap(PARAMS.fieldMap, HC_CustomerSyncLib.textParam(script, PARAMS.fieldMap)),
            matchByEmail: HC_CustomerSyncLib.checkboxParam(script, PARAMS.matchByEmail),
            dryRun,
            batchSize: 50,
            executionId: `${script.deploymentId}-${Date.now()}-${HC_CustomerSyncLib.uniqueSuffix()}`,
            deploymentId: script.deploymentId,
            restampAfterMs: 60 * 60 * 1000,
        });
        for (const f of summary.files)
            log.audit({ title: `Customer feed ${f.name}: ${f.outcome}`, details: JSON.stringify(f) });
        if (summary.stalled)
            log.error({
                title: 'HC_SC_ImportCustomer cannot make progress',
                details: `Not even one row fits in this execution's usage limit (${budget.used()} units used before it); not rescheduled.`,
            });
        const rescheduled = summary.paused && !summary.stalled && !dryRun
            ? HC_CustomerSyncLib.reschedule({ task, log }, script.id, ON_DEMAND_DEPLOYMENT)
            : false;
        runSummary.write({
            totals: summary.totals,
            files: summary.files.length,
            archived: summary.files.filter((f) => f.outcome === 'archived').length,
            failed: summary.files.filter((f) => f.outcome === 'failed').length,
            // Entries reported and left in place: unreadable or unsafe names (skipped), reports or archive
            // move that could not be written (blocked; read again next run).
            skippedEntries: summary.files.filter((f) => f.outcome === 'skipped').length,
            blocked: summary.files.filter((f) => f.outcome === 'blocked').length,
            lines: summary.files.reduce((n, f) => n + (f.lines ?? 0), 0),
            inProgress: summary.files.find((f) => f.outcome === 'in progress')?.name ?? null,
            skipped: summary.skipped ?? null,
            unitsUsed: budget.used(),
            stoppedFor: budget.stoppedFor(),
            rescheduled,
        }, `HC_SC_ImportCustomer ${dryRun ? 'dry run ' : ''}summary`);
        // Run history for the status page (HC_SL_CustomerSync): at most 24 units, kept back by the budget.
        const history = { totals: summary.totals, fileResults: summary.files, skipped: summary.skipped ?? null };
        HC_CustomerSyncLib.recordRun({ search, record, log }, script, { ...history, unitsUsed: budget.used(), rescheduled, dryRun }, { errorRows: reports.errorRows });
    }


  return { execute: execute };

}));
