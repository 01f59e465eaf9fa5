/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */
define(['N/error', 'N/file', 'N/format', 'N/log', 'N/record', 'N/runtime', 'N/search', 'N/sftp', './lib/HC_CustomerSyncLib'], (function (error, file, format, log, record, runtime, search, sftp, HC_CustomerSyncLib) { 'use strict';

    /** Script parameters, declared in src/Objects/customscript_export_customer.xml. */
    const PARAMS = {
        sftpConfig: 'custscript_hc_exp_sftp_config',
        sftpDirectory: 'custscript_hc_exp_sftp_directory',
        maxRowsPerFile: 'custscript_hc_exp_max_rows_per_file',
        settleSeconds: 'custscript_hc_exp_settle_seconds',
        legacyCursorField: 'custscript_hc_exp_legacy_cursor_field',
    };
    const LEGACY_RECORD = 'customrecord_hc_last_runtime_export';
    /** Usage limit of one summarize invocation (NetSuite "Map/Reduce Governance"). */
    const SUMMARIZE_LIMIT = 10000;
    const checkpoint = () => new HC_CustomerSyncLib.CheckpointStore({ search, record }, 'id-export');
    /** HotWax's own export kept its cursor as a date string in the user's format: read it once, through N/format. */
    function legacyCursor(fieldId) {
        var _a;
        if (!fieldId)
            return null;
        try {
            const rows = search
                .create({ type: LEGACY_RECORD, columns: [fieldId] })
                .run()
                .getRange({ start: 0, end: 1 });
            const value = rows.length ? String((_a = rows[0].getValue({ name: fieldId })) !== null && _a !== void 0 ? _a : '') : '';
            if (!value)
                return null;
            const parsed = format.parse({ value, type: format.Type.DATETIME });
            return parsed instanceof Date && !isNaN(parsed.getTime()) ? parsed.toISOString() : null;
        }
        catch (e) {
            // No such record type in this account: a fresh install, nothing to continue from.
            log.debug({ title: 'No legacy export cursor', details: HC_CustomerSyncLib.describeError(e).message });
            return null;
        }
    }
    function getInputData() {
        const script = runtime.getCurrentScript();
        const store = checkpoint();
        const previous = store.load();
        const legacy = previous ? null : legacyCursor(HC_CustomerSyncLib.textParam(script, PARAMS.legacyCursorField));
        const settleMs = HC_CustomerSyncLib.integerParam(script, PARAMS.settleSeconds, 120, 0) * 1000;
        const state = HC_CustomerSyncLib.planRun(previous, script.deploymentId, legacy, Date.now(), settleMs);
        store.save(state);
        const p = state.pending[script.deploymentId];
        const unstamped = [
            [HC_CustomerSyncLib.CUSTOMER_FIELDS.syncStamp, 'isempty', ''],
            'AND',
            ['internalidnumber', 'greaterthan', p.idAfter],
        ];
        if (p.legacyFrom)
            unstamped.push('AND', [
                'datecreated',
                'onorafter',
                format.format({ value: new Date(p.legacyFrom), type: format.Type.DATETIME }),
            ]);
        return search.create({
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
                    unstamped,
                ],
            ],
            columns: [HC_CustomerSyncLib.CUSTOMER_FIELDS.hcCustomerId, HC_CustomerSyncLib.CUSTOMER_FIELDS.syncStamp],
        });
    }
    function map(context) {
        var _a, _b;
        const result = JSON.parse(context.value);
        const hcCustomerId = String((_a = result.values[HC_CustomerSyncLib.CUSTOMER_FIELDS.hcCustomerId]) !== null && _a !== void 0 ? _a : '').trim();
        if (!hcCustomerId)
            return;
        const stamped = String((_b = result.values[HC_CustomerSyncLib.CUSTOMER_FIELDS.syncStamp]) !== null && _b !== void 0 ? _b : '') !== '';
        const value = { id: String(result.id), hcCustomerId, stamped };
        context.write({ key: String(result.id), value: JSON.stringify(value) });
    }
    /** One line per customer, however many times it came in. */
    function reduce(context) {
        context.write({ key: context.key, value: context.values[0] });
    }
    function summarize(context) {
        var _a;
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
        if (!((_a = state === null || state === void 0 ? void 0 : state.pending) === null || _a === void 0 ? void 0 : _a[script.deploymentId]))
            throw error.create({
                name: 'HC_EXPORT_NO_PENDING_RUN',
                message: 'The export checkpoint lost its pending run; the next run selects again.',
            });
        const files = HC_CustomerSyncLib.partyIdentificationFiles(customers, HC_CustomerSyncLib.integerParam(script, PARAMS.maxRowsPerFile, 50000));
        const names = [];
        if (files.length > 0) {
            const client = HC_CustomerSyncLib.connectWithScriptParams({ search, sftp, file }, script, PARAMS);
            const now = new Date();
            const unique = HC_CustomerSyncLib.uniqueSuffix();
            // A failed upload throws here: the cursor stays, and the next run sends these customers again.
            files.forEach((csv, i) => {
                const suffix = files.length > 1 ? `${unique}-${String(i + 1).padStart(3, '0')}` : unique;
                const name = HC_CustomerSyncLib.timestampedCsvName('CustomerExport', now, suffix);
                client.uploadAtomic(HC_CustomerSyncLib.SFTP_FOLDERS.partyIdentifications, name, csv);
                names.push(name);
            });
        }
        store.save(HC_CustomerSyncLib.commitRun(state, script.deploymentId, customers));
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
