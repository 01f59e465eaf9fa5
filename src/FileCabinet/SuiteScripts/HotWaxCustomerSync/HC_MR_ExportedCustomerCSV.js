/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */
define(['N/log'], (function (log) { 'use strict';

    function getInputData() {
        return [];
    }
    function map(_context) { }
    function reduce(_context) { }
    function summarize(_context) {
        log.audit({ title: 'HC_MR_ExportedCustomerCSV', details: 'placeholder' });
    }


  return { getInputData: getInputData, map: map, reduce: reduce, summarize: summarize };

}));
