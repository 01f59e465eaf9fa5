/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */
define(['N/cache', 'N/file', 'N/log', 'N/record', 'N/runtime', 'N/search', 'N/sftp', 'N/task', './lib/HC_CustomerSyncLib', './lib/HC_CustomerImportMapReduceLib'], (function (cache, file, log, record, runtime, search, sftp, task, HC_CustomerSyncLib, HC_CustomerImportMapReduceLib) { 'use strict';

    /**
     * The scheduled import: its on-demand deployment is queued at the end; its parameters (whose values
     * the handoff carries, this script declares none) are named in messages by their labels.
     */
    const SCHEDULED = {
        scriptId: HC_CustomerSyncLib.IMPORT_CUSTOMER.scriptId,
        onDemandDeployment: HC_CustomerSyncLib.IMPORT_CUSTOMER.onDemandDeploymentId,
        fieldMapParam: 'HC_SC_ImportCustomer "Extra column map (JSON)"',
        sftpConfigParam: 'HC_SC_ImportCustomer "SFTP configuration"',
        sftpDirectoryParam: 'HC_SC_ImportCustomer "SFTP directory"',
    };
    /** Usage limit of one summarize invocation (NetSuite "Map/Reduce Governance"). */
    const SUMMARIZE_LIMIT = 10000;
    /** A key that throws is tried again; an application-server restart re-runs it with isRestarted. */
    const config = { retryCount: 2, exitOnError: false };
    // Its id cached in this script's own cache (adapters/cachedId.ts): getInputData and summarize read it by id.
    const checkpoint = () => new HC_CustomerSyncLib.CheckpointStore({ search, record }, 'import', HC_CustomerSyncLib.cachedId(cache, 'hc_sync_checkpoint_ids', 'import'));
    function feedFolder(h) {
        const settings = HC_CustomerSyncLib.loadSftpSettings(search, {
            record: SCHEDULED.sftpConfigParam,
            recordValue: h.settings.sftpConfig,
            directory: SCHEDULED.sftpDirectoryParam,
            directoryValue: h.settings.sftpDirectory,
        }, HC_CustomerSyncLib.cachedSftpHint(cache));
        return HC_CustomerSyncLib.customerFeedFolder(HC_CustomerSyncLib.connect({ sftp, file }, settings), HC_CustomerSyncLib.SFTP_FOLDERS.customerFeed);
    }
    function options(h) {
        return HC_CustomerImportMapReduceLib.handoffOptions(h, runtime.isFeatureInEffect({ feature: 'SUBSIDIARIES' }), HC_CustomerSyncLib.parseFieldMap(SCHEDULED.fieldMapParam, h.settings.fieldMap), `${HC_CustomerSyncLib.IMPORT_CUSTOMER_MR.deploymentId}-${Date.now()}-${HC_CustomerSyncLib.uniqueSuffix()}`);
    }
    const logTo = {
        audit: (title, details) => log.audit({ title, details }),
        error: (title, details) => log.error({ title, details }),
    };
    function getInputData() {
        const store = checkpoint();
        const state = store.load();
        const h = HC_CustomerImportMapReduceLib.heldHandoff(state);
        if (!state || !h)
            return {};
        const opts = options(h);
        const customers = new HC_CustomerSyncLib.NetSuiteCustomerStore({ search, record });
        const plan = HC_CustomerImportMapReduceLib.planHandoff(h, { feeds: feedFolder(h), customers }, opts);
        if (HC_CustomerImportMapReduceLib.giveBackFromPlan(state, plan))
            for (const g of plan.givenBack)
                log.audit({ title: `Customer feed ${g.name} goes back to HC_SC_ImportCustomer`, details: g.reason });
        // With the fingerprints of the feeds read (h.prints), which summarize checks before it moves them.
        store.save(state);
        // The lists rows that may be created refer to (a batch with fewer candidates than rows), read once
        // here rather than once per reduce processor (20 units each).
        const batches = Object.values(plan.batches).filter((b) => b.candidates.length < b.rows.length);
        const refs = HC_CustomerImportMapReduceLib.referenceAnswers(batches.flatMap((b) => b.rows.map((r) => r.values)), opts.defaultSubsidiary, customers);
        // Each key carries the settings and those answers, so reduce reads nothing else.
        const out = {};
        for (const [key, batch] of Object.entries(plan.batches))
            out[key] = JSON.stringify({ batch, opts, refs });
        for (const piece of plan.texts)
            out[HC_CustomerImportMapReduceLib.textKey(piece.feed, piece.piece)] = JSON.stringify(piece);
        return out;
    }
    /** One customer store per job: lists (statuses, subsidiaries) are read once per job, not per key. */
    let customers;
    function reduce(context) {
        // A piece of a feed's text, for summarize: passed on as it is (no units).
        if (HC_CustomerImportMapReduceLib.isTextKey(context.key)) {
            context.write({ key: context.key, value: context.values[0] });
            return;
        }
        const { batch, opts, refs } = JSON.parse(context.values[0]);
        customers ??= new HC_CustomerSyncLib.NetSuiteCustomerStore({ search, record });
        const store = HC_CustomerImportMapReduceLib.answeringFrom(customers, refs);
        const outcomes = HC_CustomerImportMapReduceLib.reduceBatch(batch, store, () => Date.now(), opts, context.isRestarted);
        context.write({ key: context.key, value: JSON.stringify(outcomes) });
    }
    /** The errors getInputData and reduce ended with, each logged. */
    function logStageErrors(context) {
        let stageErrors = 0;
        if (context.inputSummary.error) {
            stageErrors++;
            log.error({ title: 'HC_MR_ImportCustomer getInputData error', details: context.inputSummary.error });
        }
        context.reduceSummary.errors.iterator().each((key, err) => {
            stageErrors++;
            log.error({ title: `HC_MR_ImportCustomer reduce error for key ${key}`, details: err });
            return true;
        });
        return stageErrors;
    }
    /** What reduce wrote: each key's row outcomes, and the feed texts getInputData read. */
    function reduceOutput(context) {
        const outcomes = [];
        const pieces = [];
        context.output.iterator().each((key, value) => {
            if (HC_CustomerImportMapReduceLib.isTextKey(key))
                pieces.push(JSON.parse(value));
            else
                outcomes.push(...JSON.parse(value));
            return true;
        });
        return { outcomes, texts: HC_CustomerImportMapReduceLib.feedTexts(pieces) };
    }
    function summarize(context) {
        const script = runtime.getCurrentScript();
        const stageErrors = logStageErrors(context);
        const store = checkpoint();
        const state = store.load();
        const h = HC_CustomerImportMapReduceLib.heldHandoff(state);
        if (!state || !h) {
            log.audit({ title: 'HC_MR_ImportCustomer: no feed handed over', details: 'nothing to do' });
            // Restarted after the lease went back: the queueing of the scheduled import may not have happened.
            if (context.isRestarted)
                HC_CustomerSyncLib.reschedule({ task, log }, SCHEDULED.scriptId, SCHEDULED.onDemandDeployment);
            return;
        }
        const { outcomes, texts } = reduceOutput(context);
        // Units and summarize's 3,600 s (NetSuite "Script Execution Time Limits"), on the script's clock.
        const budget = new HC_CustomerSyncLib.GovernanceBudget({ remaining: () => script.getRemainingUsage() }, HC_CustomerSyncLib.STOP_RESERVE, {
            limit: HC_CustomerSyncLib.TIME_LIMITS.summarize,
            clock: { now: () => Date.now() },
        });
        const reports = HC_CustomerSyncLib.capturingReports(feedFolder(h));
        const summary = HC_CustomerImportMapReduceLib.finishHandoff({
            feeds: reports.feeds,
            customers: new HC_CustomerSyncLib.NetSuiteCustomerStore({ search, record }),
            checkpoint: store,
            leaseHolderRunning: () => true,
            budget,
            now: () => Date.now(),
            log: logTo,
        }, state, outcomes, options(h), context.isRestarted, texts);
        HC_CustomerSyncLib.logFeedResults(summary, (title, details) => log.audit({ title, details }));
        // The lease is back: the scheduled import goes on at once with the feeds waiting (given back, or
        // after these); with none, its schedule takes up the next feeds HotWax writes.
        const rescheduled = summary.feedsWaiting
            ? HC_CustomerSyncLib.reschedule({ task, log }, SCHEDULED.scriptId, SCHEDULED.onDemandDeployment)
            : false;
        const unitsUsed = context.usage + (SUMMARIZE_LIMIT - script.getRemainingUsage());
        log.audit({
            title: 'HC_MR_ImportCustomer summary',
            details: JSON.stringify({
                ...HC_CustomerSyncLib.summaryDetails(summary, unitsUsed, rescheduled),
                stageErrors,
                seconds: context.seconds,
            }),
        });
        // Run history for the status page (HC_SL_CustomerSync), as HC_SC_ImportCustomer writes it.
        HC_CustomerSyncLib.recordRun({ search, record, log }, script, {
            totals: summary.totals,
            fileResults: summary.files,
            skipped: summary.skipped ?? null,
            waiting: summary.waiting,
            unitsUsed,
            rescheduled,
            dryRun: false,
            stageErrors,
        }, { errorRows: reports.errorRows });
    }


  return { config: config, getInputData: getInputData, reduce: reduce, summarize: summarize };

}));
