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
        const script = runtime.getCurrentScript();
        const store = checkpoint();
        const settleMs = HC_CustomerSyncLib.integerParam(script, PARAMS.settleSeconds, 120, 0) * 1000;
        let state = null;
        // Two runs on a fresh account: the one whose checkpoint create loses plans again on the winner's.
        for (let attempt = 1; !state; attempt++) {
            const planned = HC_CustomerSyncLib.planRun(store.load(), script.deploymentId, Date.now(), settleMs);
            if (store.save(planned) !== false)
                state = planned;
            else if (attempt >= 3)
                throw error.create({
                    name: 'HC_CHECKPOINT_CONFLICT',
                    message: 'The export checkpoint could not be read back.',
                });
        }
        const p = state.pending[script.deploymentId];
        const selection = search.create({
            type: 'customer',
            filters: [
                [HC_CustomerSyncLib.CUSTOMER_FIELDS.hcCustomerId, 'isnotempty', ''],
                'AND',
                ['isinactive', 'is', 'F'],
                'AND',
                [
                    [
                        [HC_CustomerSyncLib.CUSTOMER_FIELDS.syncStamp, 'greaterthan', p.stampAfter],
                        'AND',
                        [HC_CustomerSyncLib.CUSTOMER_FIELDS.syncStamp, 'lessthanorequalto', p.stampUpTo],
                    ],
                    'OR',
                    [HC_CustomerSyncLib.CUSTOMER_FIELDS.syncStamp, 'isempty', ''],
                ],
            ],
            columns: [
                search.createColumn({ name: 'internalid', sort: search.Sort.ASC }),
                HC_CustomerSyncLib.CUSTOMER_FIELDS.hcCustomerId,
                HC_CustomerSyncLib.CUSTOMER_FIELDS.syncStamp,
            ],
        });
        const input = {};
        for (const r of HC_CustomerSyncLib.allResults(selection)) {
            const value = {
                hcCustomerId: String(r.getValue({ name: HC_CustomerSyncLib.CUSTOMER_FIELDS.hcCustomerId }) ?? '').trim(),
                stamped: String(r.getValue({ name: HC_CustomerSyncLib.CUSTOMER_FIELDS.syncStamp }) ?? '') !== '',
                stampTo: p.stampUpTo,
            };
            input[String(r.id)] = JSON.stringify(value);
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
                record.submitFields({
                    type: record.Type.CUSTOMER,
                    id: context.key,
                    values: { [HC_CustomerSyncLib.CUSTOMER_FIELDS.syncStamp]: selected.stampTo },
                    options: { enableSourcing: false, ignoreMandatoryFields: true },
                });
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
            throw error.create({ name: 'HC_EXPORT_INPUT_FAILED', message: context.inputSummary.error });
        const customers = [];
        context.output.iterator().each((_key, value) => {
            customers.push(JSON.parse(value));
            return true;
        });
        const store = checkpoint();
        const state = store.load();
        const run = state?.pending?.[script.deploymentId];
        // Only a write of the other deployment made at the same instant can drop this run's entry: the
        // files are still sent, and the cursor is left as it is (the next run selects these again).
        if (!run)
            log.audit({
                title: 'Export pending run not found',
                details: 'The files are sent; the cursor is not advanced, so the next run sends these customers again.',
            });
        const files = HC_CustomerSyncLib.partyIdentificationFiles(customers, HC_CustomerSyncLib.integerParam(script, PARAMS.maxRowsPerFile, 50000));
        const now = new Date();
        const unique = HC_CustomerSyncLib.uniqueSuffix();
        const names = files.map((_csv, i) => HC_CustomerSyncLib.timestampedCsvName('CustomerExport', now, files.length > 1 ? `${unique}-${String(i + 1).padStart(3, '0')}` : unique));
        const leftovers = run?.leftovers ?? [];
        if (state && run && names.length > 0) {
            // Named in the checkpoint before the first upload, so a crash between upload and move leaves
            // nothing the next run does not know about and remove.
            run.files = names;
            store.save(state);
        }
        if (files.length > 0 || leftovers.length > 0) {
            const client = HC_CustomerSyncLib.connectWithScriptParams({ search, sftp, file }, script, PARAMS);
            for (const name of leftovers)
                client.removeTemporary(HC_CustomerSyncLib.SFTP_FOLDERS.partyIdentifications, name);
            // A failed upload throws here: the cursor stays, and the next run sends these customers again.
            files.forEach((csv, i) => client.uploadAtomic(HC_CustomerSyncLib.SFTP_FOLDERS.partyIdentifications, names[i], csv));
        }
        if (state && run)
            store.save(HC_CustomerSyncLib.commitRun(state, script.deploymentId));
        log.audit({
            title: 'HC_MR_ExportedCustomerCSV summary',
            details: JSON.stringify({
                exported: customers.length,
                files: names,
                stageErrors,
                // summaryContext.usage covers getInputData, map and reduce; add what summarize has used so far.
                unitsUsed: context.usage + (SUMMARIZE_LIMIT - script.getRemainingUsage()),
                seconds: context.seconds,
                rescheduled: false,
            }),
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
