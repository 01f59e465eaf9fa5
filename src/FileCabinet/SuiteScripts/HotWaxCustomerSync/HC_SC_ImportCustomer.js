/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 * @NModuleScope SameAccount
 */
define(['N/log', 'N/runtime', './lib/HC_CustomerSyncLib'], (function (log, runtime, HC_CustomerSyncLib) { 'use strict';

    /** Script parameters, declared in src/Objects/customscript_imp_customer.xml. */
    const PARAMS = {
        sftpConfig: 'custscript_hc_imp_sftp_config',
        sftpDirectory: 'custscript_hc_imp_sftp_directory',
        defaultSubsidiary: 'custscript_hc_imp_default_subsidiary',
        matchByEmail: 'custscript_hc_imp_match_by_email',
        fieldMap: 'custscript_hc_imp_field_map',
        dryRun: 'custscript_hc_imp_dry_run',
    };
    function execute(_context) {
        const script = runtime.getCurrentScript();
        const values = Object.entries(PARAMS).map(([key, name]) => [key, script.getParameter({ name })]);
        log.debug({ title: 'HC_SC_ImportCustomer parameters', details: JSON.stringify(values) });
        log.audit({ title: 'HC_SC_ImportCustomer', details: HC_CustomerSyncLib.hello(script.id) });
    }


  return { execute: execute };

}));
