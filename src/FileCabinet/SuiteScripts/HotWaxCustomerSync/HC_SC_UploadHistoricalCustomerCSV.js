/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 * @NModuleScope SameAccount
 */
define(['N/log', 'N/runtime', './lib/HC_CustomerSyncLib'], (function (log, runtime, HC_CustomerSyncLib) { 'use strict';

    function execute(_context) {
        log.audit({ title: 'HC_SC_UploadHistoricalCustomerCSV', details: HC_CustomerSyncLib.hello(runtime.getCurrentScript().id) });
    }


  return { execute: execute };

}));
