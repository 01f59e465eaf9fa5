/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 * @NModuleScope SameAccount
 */
define(['N/file', 'N/log', 'N/record', 'N/runtime', 'N/search', 'N/sftp', 'N/task', './lib/HC_CustomerSyncLib'], (function (file, log, record, runtime, search, sftp, task, HC_CustomerSyncLib) { 'use strict';

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
    const ON_DEMAND_DEPLOYMENT = 'customdeploy_imp_customer_rest';
    function execute(_context) {
        var _a, _b, _c;
        const script = runtime.getCurrentScript();
        const budget = new HC_CustomerSyncLib.GovernanceBudget({ remaining: () => script.getRemainingUsage() });
        const dryRun = HC_CustomerSyncLib.checkboxParam(script, PARAMS.dryRun);
        const client = HC_CustomerSyncLib.connectWithScriptParams({ search, sftp, file }, script, PARAMS);
        const checkpoint = new HC_CustomerSyncLib.CheckpointStore({ search, record }, 'import');
        // Large feeds go to HC_MR_ImportCustomer (sync/customerImportMapReduce.ts).
        const submitImportMapReduce = () => HC_CustomerSyncLib.submitMapReduce({ task, log }, HC_CustomerSyncLib.MR_IMPORT.scriptId, HC_CustomerSyncLib.MR_IMPORT.deploymentId);
        const handOff = HC_CustomerSyncLib.handOffFeed({ checkpoint, submit: submitImportMapReduce, now: () => Date.now() }, HC_CustomerSyncLib.integerParam(script, PARAMS.mapReduceMinRows, HC_CustomerSyncLib.DEFAULT_HANDOFF_ROWS, 0) || Infinity, {
            sftpConfig: HC_CustomerSyncLib.textParam(script, PARAMS.sftpConfig),
            sftpDirectory: HC_CustomerSyncLib.textParam(script, PARAMS.sftpDirectory),
            defaultSubsidiary: HC_CustomerSyncLib.textParam(script, PARAMS.defaultSubsidiary),
            matchByEmail: HC_CustomerSyncLib.checkboxParam(script, PARAMS.matchByEmail),
            fieldMap: HC_CustomerSyncLib.textParam(script, PARAMS.fieldMap),
        });
        const summary = HC_CustomerSyncLib.runCustomerImport({
            feeds: HC_CustomerSyncLib.customerFeedFolder(client, HC_CustomerSyncLib.SFTP_FOLDERS.customerFeed),
            customers: new HC_CustomerSyncLib.NetSuiteCustomerStore({ search, record }),
            checkpoint,
            budget,
            now: () => Date.now(),
            log: {
                audit: (title, details) => log.audit({ title, details }),
                error: (title, details) => log.error({ title, details }),
            },
            handOff,
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
        // The map/reduce holds the feed: submit it again in case the handoff or the job was cut short.
        if (summary.leaseHeldBy === HC_CustomerSyncLib.MR_IMPORT.deploymentId && !dryRun)
            submitImportMapReduce();
        const rescheduled = summary.paused && !summary.stalled && !dryRun
            ? HC_CustomerSyncLib.reschedule({ task, log }, script.id, ON_DEMAND_DEPLOYMENT)
            : false;
        log.audit({
            title: `HC_SC_ImportCustomer ${dryRun ? 'dry run ' : ''}summary`,
            details: JSON.stringify({
                totals: summary.totals,
                files: summary.files.length,
                archived: summary.files.filter((f) => f.outcome === 'archived').length,
                failed: summary.files.filter((f) => f.outcome === 'failed').length,
                inProgress: (_b = (_a = summary.files.find((f) => f.outcome === 'in progress')) === null || _a === void 0 ? void 0 : _a.name) !== null && _b !== void 0 ? _b : null,
                skipped: (_c = summary.skipped) !== null && _c !== void 0 ? _c : null,
                unitsUsed: budget.used(),
                rescheduled,
            }),
        });
    }


  return { execute: execute };

}));
