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
    };
    const ON_DEMAND_DEPLOYMENT = 'customdeploy_imp_customer_rest';
    function execute(_context) {
        const script = runtime.getCurrentScript();
        const budget = new HC_CustomerSyncLib.GovernanceBudget({ remaining: () => script.getRemainingUsage() });
        const dryRun = HC_CustomerSyncLib.checkboxParam(script, PARAMS.dryRun);
        const settings = HC_CustomerSyncLib.loadSftpSettings(search, {
            record: PARAMS.sftpConfig,
            recordValue: HC_CustomerSyncLib.textParam(script, PARAMS.sftpConfig),
            directory: PARAMS.sftpDirectory,
            directoryValue: HC_CustomerSyncLib.textParam(script, PARAMS.sftpDirectory),
        });
        const client = HC_CustomerSyncLib.connect({ sftp, file }, settings);
        const summary = HC_CustomerSyncLib.runCustomerImport({
            feeds: HC_CustomerSyncLib.customerFeedFolder(client, HC_CustomerSyncLib.SFTP_FOLDERS.customerFeed),
            customers: new HC_CustomerSyncLib.NetSuiteCustomerStore({ search, record }),
            checkpoint: new HC_CustomerSyncLib.CheckpointStore({ search, record }, 'import'),
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
            restampAfterMs: 60 * 60 * 1000,
        });
        const rescheduled = summary.paused && !dryRun ? HC_CustomerSyncLib.reschedule({ task, log }, script.id, ON_DEMAND_DEPLOYMENT) : false;
        log.audit({
            title: `HC_SC_ImportCustomer ${dryRun ? 'dry run ' : ''}summary`,
            details: JSON.stringify({ ...summary, unitsUsed: budget.used(), rescheduled }),
        });
    }


  return { execute: execute };

}));
