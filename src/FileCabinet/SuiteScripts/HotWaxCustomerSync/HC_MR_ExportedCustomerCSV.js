/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */
define(['N/error', 'N/file', 'N/log', 'N/record', 'N/runtime', 'N/search', 'N/sftp', './lib/HC_CustomerSyncLib'], (function (error, file, log, record, runtime, search, sftp, HC_CustomerSyncLib) { 'use strict';

    /** Script parameters, declared in src/Objects/customscript_export_customer.xml. */
    const PARAMS = {
        sftpConfig: 'custscript_hc_exp_sftp_config',
        sftpDirectory: 'custscript_hc_exp_sftp_directory',
        maxRowsPerFile: 'custscript_hc_exp_max_rows_per_file',
        settleSeconds: 'custscript_hc_exp_settle_seconds',
    };
    /** Usage limit of one summarize invocation (NetSuite "Map/Reduce Governance"). */
    const SUMMARIZE_LIMIT = 10000;
    const checkpoint = () => new HC_CustomerSyncLib.CheckpointStore({ search, record }, 'id-export');
    /**
     * Plans the run (checkpoint: 10 + 2 or 6 units) and reads the selection (10 units per 1,000
     * customers): the map stage needs the run's stamp, which a search handed to the framework cannot carry.
     */
    function getInputData() {
        try {
            return selectCustomers();
        }
        catch (e) {
            throw HC_CustomerSyncLib.asSuiteScriptError(error, e);
        }
    }
    function selectCustomers() {
        const script = runtime.getCurrentScript();
        const settleMs = HC_CustomerSyncLib.integerParam(script, PARAMS.settleSeconds, 120, 0) * 1000;
        const state = HC_CustomerSyncLib.planAndSave(checkpoint(), script.deploymentId, () => Date.now(), settleMs);
        const run = state.pending[script.deploymentId];
        const input = {};
        for (const c of HC_CustomerSyncLib.selectForExport(search, run)) {
            const value = { hcCustomerId: c.hcCustomerId, stamped: c.stamped, stampTo: run.stampUpTo };
            input[c.id] = JSON.stringify(value);
        }
        return input;
    }
    /** One line per customer; a customer without a stamp is stamped (5 units) so it is sent once, not every run. */
    function map(context) {
        const selected = JSON.parse(context.value);
        if (!selected.hcCustomerId)
            return;
        if (!selected.stamped) {
            try {
                HC_CustomerSyncLib.stampCustomer(record, context.key, selected.stampTo);
            }
            catch (e) {
                // Still sent now; left unstamped, it is selected (and sent) again by the next run.
                log.audit({ title: `Customer ${context.key} not stamped`, details: HC_CustomerSyncLib.describeError(e).message });
            }
        }
        const value = {
            id: context.key,
            hcCustomerId: selected.hcCustomerId,
            stamped: selected.stamped,
        };
        context.write({ key: context.key, value: JSON.stringify(value) });
    }
    /** One line per customer, however many times it came in. */
    function reduce(context) {
        context.write({ key: context.key, value: context.values[0] });
    }
    function summarize(context) {
        const summary = new HC_CustomerSyncLib.RunSummary(log, 'HC_MR_ExportedCustomerCSV');
        try {
            sendCustomers(context, summary);
        }
        catch (e) {
            throw HC_CustomerSyncLib.endInError(error, summary, e, (d) => HC_CustomerSyncLib.recordRun({ search, record, log }, runtime.getCurrentScript(), d));
        }
    }
    function sendCustomers(context, runSummary) {
        const script = runtime.getCurrentScript();
        let stageErrors = 0;
        const logErrors = (stage, it) => it.iterator().each((key, err) => {
            stageErrors++;
            log.error({ title: `${stage} error for customer ${key}`, details: err });
            return true;
        });
        if (context.inputSummary.error)
            log.error({ title: 'getInputData error', details: context.inputSummary.error });
        logErrors('map', context.mapSummary.errors);
        logErrors('reduce', context.reduceSummary.errors);
        if (context.inputSummary.error)
            throw new HC_CustomerSyncLib.SyncError(HC_CustomerSyncLib.SYNC_ERROR_CODES.exportInputFailed, context.inputSummary.error);
        const customers = [];
        context.output.iterator().each((_key, value) => {
            customers.push(JSON.parse(value));
            return true;
        });
        const { files: names } = HC_CustomerSyncLib.sendExport({
            checkpoint: checkpoint(),
            connect: () => HC_CustomerSyncLib.connectWithScriptParams({ search, sftp, file }, script, PARAMS),
            deploymentId: script.deploymentId,
            maxRowsPerFile: () => HC_CustomerSyncLib.integerParam(script, PARAMS.maxRowsPerFile, 50000),
            now: new Date(),
            unique: HC_CustomerSyncLib.uniqueSuffix(),
            log: { audit: (title, details) => log.audit({ title, details }) },
        }, customers);
        runSummary.write({
            exported: customers.length,
            files: names,
            stageErrors,
            // summaryContext.usage covers getInputData, map and reduce; add what summarize has used so far.
            unitsUsed: context.usage + (SUMMARIZE_LIMIT - script.getRemainingUsage()),
            seconds: context.seconds,
            rescheduled: false,
        });
        const unitsUsed = context.usage + (SUMMARIZE_LIMIT - script.getRemainingUsage());
        HC_CustomerSyncLib.recordRun({ search, record, log }, script, {
            exported: customers.length,
            files: names,
            stageErrors,
            unitsUsed,
        });
    }


  return { getInputData: getInputData, map: map, reduce: reduce, summarize: summarize };

}));
