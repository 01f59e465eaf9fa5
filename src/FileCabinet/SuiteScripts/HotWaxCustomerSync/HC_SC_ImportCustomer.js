/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 * @NModuleScope SameAccount
 */
define(['N/cache', 'N/error', 'N/file', 'N/log', 'N/record', 'N/runtime', 'N/search', 'N/sftp', 'N/task', './lib/HC_CustomerSyncLib'], (function (cache, error, file, log, record, runtime, search, sftp, task, HC_CustomerSyncLib) { 'use strict';

    /** Script parameters, declared in src/Objects/customscript_imp_customer.xml. */
    const PARAMS = {
        sftpConfig: 'custscript_hc_imp_sftp_config',
        sftpDirectory: 'custscript_hc_imp_sftp_directory',
        defaultSubsidiary: 'custscript_hc_imp_default_subsidiary',
        matchByEmail: 'custscript_hc_imp_match_by_email',
        fieldMap: 'custscript_hc_imp_field_map',
        dryRun: 'custscript_hc_imp_dry_run',
        mapReduceMinRows: 'custscript_hc_imp_mr_min_rows',
    };
    function execute(_context) {
        const summary = new HC_CustomerSyncLib.RunSummary(log, 'HC_SC_ImportCustomer');
        try {
            importCustomers(summary);
        }
        catch (e) {
            throw HC_CustomerSyncLib.endInError(error, summary, e, (d) => HC_CustomerSyncLib.recordRun({ search, record, log }, runtime.getCurrentScript(), d));
        }
    }
    function importCustomers(runSummary) {
        const script = runtime.getCurrentScript();
        // Units and the scheduled script's 3,600 s, read on the script's own clock (core/governance.ts).
        const budget = HC_CustomerSyncLib.scheduledBudget(script, { now: () => Date.now() });
        const dryRun = HC_CustomerSyncLib.checkboxParam(script, PARAMS.dryRun);
        // The settings record's id cached: no search in every execution (adapters/sftpConnection.ts).
        const client = HC_CustomerSyncLib.connectWithScriptParams({ search, sftp, file }, script, PARAMS, HC_CustomerSyncLib.cachedSftpHint(cache));
        const reports = HC_CustomerSyncLib.capturingReports(HC_CustomerSyncLib.customerFeedFolder(client, HC_CustomerSyncLib.SFTP_FOLDERS.customerFeed));
        const summary = HC_CustomerSyncLib.runCustomerImport({
            feeds: reports.feeds,
            customers: new HC_CustomerSyncLib.NetSuiteCustomerStore({ search, record }),
            // Its id cached per script (both deployments share it): read by id, not found by a search.
            checkpoint: new HC_CustomerSyncLib.CheckpointStore({ search, record }, 'import', HC_CustomerSyncLib.cachedId(cache, 'hc_sync_checkpoint_ids', 'import')),
            // A feed that spans executions is read back from the File Cabinet, not downloaded again.
            feedCopies: HC_CustomerSyncLib.feedCopies({ search, record, file }),
            leaseHolderRunning: (lease) => HC_CustomerSyncLib.deploymentIsRunning(search, lease.scriptId ?? script.id, lease.deploymentId),
            budget,
            now: () => Date.now(),
            log: {
                audit: (title, details) => log.audit({ title, details }),
                error: (title, details) => log.error({ title, details }),
            },
            mapReduce: mapReduceHandoff(script),
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
        HC_CustomerSyncLib.logFeedResults(summary, (title, details) => log.audit({ title, details }));
        if (summary.stalled)
            log.error({
                title: 'HC_SC_ImportCustomer cannot make progress',
                details: `Not even one row fits in this execution's usage limit (${budget.used()} units used before it); not rescheduled.`,
            });
        const rescheduled = summary.paused && !summary.stalled && !dryRun
            ? HC_CustomerSyncLib.reschedule({ task, log }, script.id, HC_CustomerSyncLib.IMPORT_CUSTOMER.onDemandDeploymentId)
            : false;
        runSummary.write(HC_CustomerSyncLib.summaryDetails(summary, budget.used(), rescheduled, budget.stoppedFor()), `HC_SC_ImportCustomer ${dryRun ? 'dry run ' : ''}summary`);
        // Run history for the status page (HC_SL_CustomerSync): at most 24 units, kept back by the budget.
        const history = {
            totals: summary.totals,
            fileResults: summary.files,
            skipped: summary.skipped ?? null,
            waiting: summary.waiting,
        };
        HC_CustomerSyncLib.recordRun({ search, record, log }, script, { ...history, unitsUsed: budget.used(), rescheduled, dryRun }, { errorRows: reports.errorRows });
    }
    /** Large backlogs go to HC_MR_ImportCustomer (sync/customerImportMapReduce.ts): its ids and settings. */
    function mapReduceHandoff(script) {
        return {
            minRows: HC_CustomerSyncLib.integerParam(script, PARAMS.mapReduceMinRows, HC_CustomerSyncLib.DEFAULT_HANDOFF_ROWS, 0),
            scriptId: HC_CustomerSyncLib.IMPORT_CUSTOMER_MR.scriptId,
            deploymentId: HC_CustomerSyncLib.IMPORT_CUSTOMER_MR.deploymentId,
            maxFeeds: HC_CustomerSyncLib.MAX_HANDOFF_FEEDS,
            settings: {
                sftpConfig: HC_CustomerSyncLib.textParam(script, PARAMS.sftpConfig),
                sftpDirectory: HC_CustomerSyncLib.textParam(script, PARAMS.sftpDirectory),
                defaultSubsidiary: HC_CustomerSyncLib.textParam(script, PARAMS.defaultSubsidiary),
                matchByEmail: HC_CustomerSyncLib.checkboxParam(script, PARAMS.matchByEmail),
                fieldMap: HC_CustomerSyncLib.textParam(script, PARAMS.fieldMap),
            },
            running: () => HC_CustomerSyncLib.deploymentIsRunning(search, HC_CustomerSyncLib.IMPORT_CUSTOMER_MR.scriptId, HC_CustomerSyncLib.IMPORT_CUSTOMER_MR.deploymentId, HC_CustomerSyncLib.QUEUED_OR_ALIVE),
            submit: () => HC_CustomerSyncLib.submitMapReduce({ task, log }, HC_CustomerSyncLib.IMPORT_CUSTOMER_MR.scriptId, HC_CustomerSyncLib.IMPORT_CUSTOMER_MR.deploymentId),
        };
    }


  return { execute: execute };

}));
