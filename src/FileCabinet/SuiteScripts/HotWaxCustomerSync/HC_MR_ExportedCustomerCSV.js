/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */
define(['N/log', 'N/runtime'], (function (log, runtime) { 'use strict';

    /** Script parameters, declared in src/Objects/customscript_export_customer.xml. */
    const PARAMS = {
        sftpConfig: 'custscript_hc_exp_sftp_config',
        sftpDirectory: 'custscript_hc_exp_sftp_directory',
        maxRowsPerFile: 'custscript_hc_exp_max_rows_per_file',
        settleSeconds: 'custscript_hc_exp_settle_seconds',
        legacyCursorField: 'custscript_hc_exp_legacy_cursor_field',
    };
    function getInputData() {
        const script = runtime.getCurrentScript();
        const values = Object.entries(PARAMS).map(([key, name]) => [key, script.getParameter({ name })]);
        log.debug({ title: 'HC_MR_ExportedCustomerCSV parameters', details: JSON.stringify(values) });
        return [];
    }
    function map(_context) { }
    function reduce(_context) { }
    function summarize(_context) {
        log.audit({ title: 'HC_MR_ExportedCustomerCSV', details: 'placeholder' });
    }


  return { getInputData: getInputData, map: map, reduce: reduce, summarize: summarize };

}));
