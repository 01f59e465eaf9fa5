/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */
define(['N/cache', 'N/error', 'N/file', 'N/log', 'N/record', 'N/runtime', 'N/search', 'N/sftp', './lib/HC_CustomerSyncLib', './lib/HC_CustomerExportLib'], (function (cache, error, file, log, record, runtime, search, sftp, HC_CustomerSyncLib, HC_CustomerExportLib) { 'use strict';

    /** Script parameters, declared in src/Objects/customscript_export_customer.xml. */
    const PARAMS = {
        sftpConfig: 'custscript_hc_exp_sftp_config',
        sftpDirectory: 'custscript_hc_exp_sftp_directory',
        maxRowsPerFile: 'custscript_hc_exp_max_rows_per_file',
        settleSeconds: 'custscript_hc_exp_settle_seconds',
    };
    /** Usage limit of one summarize invocation (NetSuite "Map/Reduce Governance"). */
    const SUMMARIZE_LIMIT = 10000;
    /** By internal id (1 unit) when known, else by a search for the key (10 units). */
    const checkpoint = (knownId) => new HC_CustomerExportLib.CheckpointById({ search, record }, 'id-export', knownId);
    /**
     * Plans the run (checkpoint: read 1 + 1 by its cached id, else 1 + 10 by a search; written 2, or
     * created 6 and its id cached 1) and returns its selection as a search, which NetSuite
     * reads and pages for the script at no charge (help "getInputData(inputContext)", "Map/Reduce
     * Governance"): a key per customer (its internal id), the search result's JSON as the value.
     */
    function getInputData() {
        try {
            const script = runtime.getCurrentScript();
            const settleMs = HC_CustomerSyncLib.integerParam(script, PARAMS.settleSeconds, 120, 0) * 1000;
            const { store, remember } = HC_CustomerExportLib.cachedCheckpoint({ search, record }, cache, 'id-export');
            // The unique part of the run's file names, planned now: its temporary files are then known to
            // the other deployment without a write before the upload.
            const state = HC_CustomerExportLib.planAndSave(store, script.deploymentId, () => Date.now(), settleMs, HC_CustomerSyncLib.uniqueSuffix());
            remember();
            // The checkpoint's id rides along to summarize, which then reads the record by id.
            return HC_CustomerExportLib.withCheckpointColumn(search, HC_CustomerExportLib.selectForExport(search, state.pending[script.deploymentId]), store.recordId);
        }
        catch (e) {
            throw HC_CustomerSyncLib.asSuiteScriptError(error, e);
        }
    }
    /** A search result as map gets it: JSON of { recordType, id, values } (values may be { value, text }). */
    function selected(json) {
        const values = JSON.parse(json).values ?? {};
        const text = (v) => String((v && typeof v === 'object' ? v.value : v) ?? '').trim();
        return {
            hcCustomerId: text(values[HC_CustomerSyncLib.CUSTOMER_FIELDS.hcCustomerId]),
            stamped: text(values[HC_CustomerSyncLib.CUSTOMER_FIELDS.syncStamp]) !== '',
            // The run's stampUpTo (the selection's formula column): a committed run never resends it.
            stampTo: Number(text(values.formulatext) || NaN),
            checkpointId: text(values[HC_CustomerExportLib.CHECKPOINT_ID_COLUMN]),
        };
    }
    /** One line per customer; a customer without a stamp is stamped (5 units) so it is sent once, not every run. */
    function map(context) {
        const c = selected(context.value);
        if (!c.hcCustomerId)
            return;
        if (!c.stamped) {
            try {
                if (Number.isFinite(c.stampTo))
                    HC_CustomerExportLib.stampCustomer(record, context.key, c.stampTo);
                else
                    log.audit({
                        title: `Customer ${context.key} not stamped`,
                        details: `no stamp in the selection: ${context.value}`,
                    });
            }
            catch (e) {
                // Still sent now; left unstamped, it is selected (and sent) again by the next run.
                log.audit({ title: `Customer ${context.key} not stamped`, details: HC_CustomerSyncLib.describeError(e).message });
            }
        }
        const value = {
            id: context.key,
            hcCustomerId: c.hcCustomerId,
            stamped: c.stamped,
            checkpointId: c.checkpointId,
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
        const used = () => context.usage + (SUMMARIZE_LIMIT - script.getRemainingUsage());
        const details = (files, unitsUsed) => ({
            exported: customers.length,
            files,
            stageErrors,
            unitsUsed,
        });
        const { files: names, recorded } = HC_CustomerExportLib.sendExport({
            // With no customer, map passed no id on: the cached one, else a search.
            checkpoint: customers[0]?.checkpointId
                ? checkpoint(customers[0].checkpointId)
                : HC_CustomerExportLib.cachedCheckpoint({ search, record }, cache, 'id-export').store,
            connect: (hint) => HC_CustomerSyncLib.connectWithScriptParams({ search, sftp, file }, script, PARAMS, hint),
            deploymentId: script.deploymentId,
            maxRowsPerFile: () => HC_CustomerSyncLib.integerParam(script, PARAMS.maxRowsPerFile, 50000),
            now: new Date(),
            unique: HC_CustomerSyncLib.uniqueSuffix(),
            restarted: context.isRestarted,
            // The run-history entry, saved by the commit's write (record.submitFields, 2 units, counted).
            runEntry: (files) => details(files, used() + 2),
            log: { audit: (title, details) => log.audit({ title, details }) },
        }, customers);
        // summaryContext.usage covers getInputData, map and reduce; add what summarize has used so far.
        runSummary.write({ ...details(names, used()), seconds: context.seconds, rescheduled: false });
        // No commit (this run's plan was lost): the entry is a record of its own. A run that sends files
        // leaves the pruning (10 units) to the import, which prunes every run.
        if (!recorded)
            HC_CustomerSyncLib.recordRun({ search, record, log }, script, details(names, used()), { prune: names.length === 0 });
    }


  return { getInputData: getInputData, map: map, reduce: reduce, summarize: summarize };

}));
