/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */
define(['N/file', 'N/log', 'N/record', 'N/runtime', 'N/search', 'N/sftp', 'N/task', './lib/HC_CustomerSyncLib'], (function (file, log, record, runtime, search, sftp, task, HC_CustomerSyncLib) { 'use strict';

    /**
     * The scheduled import's on-demand deployment; the handoff carries the values of its parameters,
     * named in messages by their labels (this script declares none of its own).
     */
    const SCHEDULED = {
        scriptId: 'customscript_imp_customer',
        onDemandDeployment: 'customdeploy_imp_customer_rest',
        fieldMapParam: 'HC_SC_ImportCustomer "Extra column map (JSON)"',
        sftpConfigParam: 'HC_SC_ImportCustomer "SFTP configuration"',
        sftpDirectoryParam: 'HC_SC_ImportCustomer "SFTP directory"',
    };
    const SUMMARIZE_LIMIT = 10000;
    /** Reduce retries a key after an error; an application-server restart re-runs it with isRestarted. */
    const config = { retryCount: 2, exitOnError: false };
    const checkpoint = () => new HC_CustomerSyncLib.CheckpointStore({ search, record }, 'import');
    /** The handoff, when this deployment holds the import lease. */
    function handoff(state) {
        var _a;
        return (state === null || state === void 0 ? void 0 : state.mapReduce) && ((_a = state.lease) === null || _a === void 0 ? void 0 : _a.deploymentId) === HC_CustomerSyncLib.MR_IMPORT.deploymentId ? state.mapReduce : null;
    }
    function feeds(h) {
        const settings = HC_CustomerSyncLib.loadSftpSettings(search, {
            record: SCHEDULED.sftpConfigParam,
            recordValue: h.sftpConfig,
            directory: SCHEDULED.sftpDirectoryParam,
            directoryValue: h.sftpDirectory,
        });
        return HC_CustomerSyncLib.customerFeedFolder(HC_CustomerSyncLib.connect({ sftp, file }, settings), HC_CustomerSyncLib.SFTP_FOLDERS.customerFeed);
    }
    function options(h) {
        return {
            oneWorld: runtime.isFeatureInEffect({ feature: 'SUBSIDIARIES' }),
            defaultSubsidiary: h.defaultSubsidiary,
            fieldMap: HC_CustomerSyncLib.parseFieldMap(SCHEDULED.fieldMapParam, h.fieldMap),
            matchByEmail: h.matchByEmail,
            dryRun: false,
            batchSize: 50,
            executionId: HC_CustomerSyncLib.MR_IMPORT.deploymentId,
            deploymentId: HC_CustomerSyncLib.MR_IMPORT.deploymentId,
            restampAfterMs: 60 * 60 * 1000,
        };
    }
    function getInputData() {
        const store = checkpoint();
        const state = store.load();
        const h = handoff(state);
        if (!state || !h)
            return {};
        const plan = HC_CustomerSyncLib.planFeed(h.file, feeds(h).download(h.file), new HC_CustomerSyncLib.NetSuiteCustomerStore({ search, record }), options(h));
        if (plan.unreadable !== null) {
            // The scheduled path reports and fails unreadable feeds: give it back.
            log.audit({
                title: `Customer feed ${h.file} goes back to HC_SC_ImportCustomer`,
                details: plan.unreadable,
            });
            state.mapReduce = null;
            state.lease = null;
            state.notHandedOff = h.file;
            store.save(state);
            return {};
        }
        const out = {};
        for (const [key, batch] of Object.entries(plan.batches))
            out[key] = JSON.stringify(batch);
        return out;
    }
    function map(context) {
        context.write({ key: context.key, value: context.value });
    }
    function reduce(context) {
        const h = handoff(checkpointState());
        if (!h)
            return;
        const batch = JSON.parse(context.values[0]);
        // One store per job: entity statuses are searched once per job, not once per key.
        customers !== null && customers !== void 0 ? customers : (customers = new HC_CustomerSyncLib.NetSuiteCustomerStore({ search, record }));
        const outcomes = HC_CustomerSyncLib.importBatch(batch, customers, () => Date.now(), options(h), context.isRestarted);
        context.write({ key: context.key, value: JSON.stringify(outcomes) });
    }
    /** Reduce reads the handoff settings once per job (module state lives as long as the job). */
    let cachedState;
    let customers;
    function checkpointState() {
        if (cachedState === undefined)
            cachedState = checkpoint().load();
        return cachedState;
    }
    function summarize(context) {
        var _a;
        const script = runtime.getCurrentScript();
        let stageErrors = 0;
        const logErrors = (stage, it) => it.iterator().each((key, err) => {
            stageErrors++;
            log.error({ title: `${stage} error for key ${key}`, details: err });
            return true;
        });
        if (context.inputSummary.error)
            log.error({ title: 'getInputData error', details: context.inputSummary.error });
        logErrors('map', context.mapSummary.errors);
        logErrors('reduce', context.reduceSummary.errors);
        const store = checkpoint();
        const state = store.load();
        const h = handoff(state);
        // Restarted after the lease went back: finish what the interrupted summarize had left (logs, queueing).
        const done = !h && context.isRestarted ? state === null || state === void 0 ? void 0 : state.mapReduceDone : null;
        if (!state || (!h && !done)) {
            log.audit({ title: 'HC_MR_ImportCustomer: no feed handed over', details: 'nothing to do' });
            return;
        }
        const outcomes = [];
        context.output.iterator().each((_key, value) => {
            outcomes.push(...JSON.parse(value));
            return true;
        });
        const result = done
            ? { ...done, released: true }
            : HC_CustomerSyncLib.finishFeed({
                feeds: feeds(h),
                checkpoint: store,
                log: {
                    audit: (title, details) => log.audit({ title, details }),
                    error: (title, details) => log.error({ title, details }),
                },
            }, state, outcomes);
        if (result.file && !done)
            log.audit({
                title: `Customer feed ${result.file.name}: ${result.file.outcome}`,
                details: JSON.stringify(result.file),
            });
        // Done (or given back): the scheduled import goes on with the feeds after it; else this job again.
        const rescheduled = result.released
            ? HC_CustomerSyncLib.reschedule({ task, log }, SCHEDULED.scriptId, SCHEDULED.onDemandDeployment)
            : HC_CustomerSyncLib.submitMapReduce({ task, log }, HC_CustomerSyncLib.MR_IMPORT.scriptId, HC_CustomerSyncLib.MR_IMPORT.deploymentId);
        log.audit({
            title: 'HC_MR_ImportCustomer summary',
            details: JSON.stringify({
                totals: result.totals,
                files: result.file ? 1 : 0,
                archived: ((_a = result.file) === null || _a === void 0 ? void 0 : _a.outcome) === 'archived' ? 1 : 0,
                failed: 0,
                inProgress: result.released ? null : h.file,
                skipped: null,
                unitsUsed: context.usage + (SUMMARIZE_LIMIT - script.getRemainingUsage()),
                rescheduled,
                missingLines: result.missingLines,
                stageErrors,
                seconds: context.seconds,
            }),
        });
    }


  return { config: config, getInputData: getInputData, map: map, reduce: reduce, summarize: summarize };

}));
