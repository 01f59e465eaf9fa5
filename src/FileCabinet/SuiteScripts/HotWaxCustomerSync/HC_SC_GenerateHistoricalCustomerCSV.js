/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 * @NModuleScope SameAccount
 */
define(['N/log', 'N/runtime', './lib/HC_CustomerSyncLib'], (function (log, runtime, HC_CustomerSyncLib) { 'use strict';

    /** Script parameters, declared in src/Objects/customscript_generate_hist_shop_customer.xml. */
    const PARAMS = {
        idSource: 'custscript_hc_ghc_id_source',
        savedSearch: 'custscript_hc_ghc_saved_search',
        includeInactive: 'custscript_hc_ghc_include_inactive',
        folder: 'custscript_hc_ghc_folder',
        maxFileBytes: 'custscript_hc_ghc_max_file_bytes',
    };
    function execute(_context) {
        const script = runtime.getCurrentScript();
        const values = Object.entries(PARAMS).map(([key, name]) => [key, script.getParameter({ name })]);
        log.debug({ title: 'HC_SC_GenerateHistoricalCustomerCSV parameters', details: JSON.stringify(values) });
        log.audit({ title: 'HC_SC_GenerateHistoricalCustomerCSV', details: HC_CustomerSyncLib.hello(script.id) });
    }


  return { execute: execute };

}));
