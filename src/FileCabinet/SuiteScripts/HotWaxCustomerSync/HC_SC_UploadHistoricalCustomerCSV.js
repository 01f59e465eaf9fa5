/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 * @NModuleScope SameAccount
 */
define(['N/log', 'N/runtime', './lib/HC_CustomerSyncLib'], (function (log, runtime, HC_CustomerSyncLib) { 'use strict';

    /** Script parameters, declared in src/Objects/customscript_upload_hist_shop_customer.xml. */
    const PARAMS = {
        sftpConfig: 'custscript_hc_uhc_sftp_config',
        sftpDirectory: 'custscript_hc_uhc_sftp_directory',
        sourceFolder: 'custscript_hc_uhc_source_folder',
        archiveFolder: 'custscript_hc_uhc_archive_folder',
    };
    function execute(_context) {
        const script = runtime.getCurrentScript();
        const values = Object.entries(PARAMS).map(([key, name]) => [key, script.getParameter({ name })]);
        log.debug({ title: 'HC_SC_UploadHistoricalCustomerCSV parameters', details: JSON.stringify(values) });
        log.audit({ title: 'HC_SC_UploadHistoricalCustomerCSV', details: HC_CustomerSyncLib.hello(script.id) });
    }


  return { execute: execute };

}));
