/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 * @NModuleScope SameAccount
 */
define(['N/error', 'N/file', 'N/log', 'N/query', 'N/record', 'N/runtime', 'N/search', 'N/task', './lib/HC_CustomerSyncLib'], (function (error, file, log, query, record, runtime, search, task, HC_CustomerSyncLib) { 'use strict';

    /** Script parameters, declared in src/Objects/customscript_generate_hist_shop_customer.xml. */
    const PARAMS = {
        idSource: 'custscript_hc_ghc_id_source',
        savedSearch: 'custscript_hc_ghc_saved_search',
        includeInactive: 'custscript_hc_ghc_include_inactive',
        folder: 'custscript_hc_ghc_folder',
        maxFileBytes: 'custscript_hc_ghc_max_file_bytes',
    };
    const DEFAULT_FOLDER = 'Historical Shopify Customer CSV';
    function execute(_context) {
        const summary = new HC_CustomerSyncLib.RunSummary(log, 'HC_SC_GenerateHistoricalCustomerCSV');
        try {
            exportHistoricalCustomers(summary);
        }
        catch (e) {
            throw HC_CustomerSyncLib.endInError(error, summary, e, (d) => HC_CustomerSyncLib.recordRun({ search, record, log }, runtime.getCurrentScript(), d));
        }
    }
    function exportHistoricalCustomers(runSummary) {
        const script = runtime.getCurrentScript();
        // Units and the scheduled script's 3,600 s, read on the script's own clock (core/governance.ts).
        const budget = HC_CustomerSyncLib.scheduledBudget(script, { now: () => Date.now() });
        const idField = HC_CustomerSyncLib.textParam(script, PARAMS.idSource) || HC_CustomerSyncLib.CUSTOMER_FIELDS.shopifyCustomerId;
        if (!/^(externalid|custentity_[a-z0-9_]+)$/.test(idField))
            throw new HC_CustomerSyncLib.SyncError(HC_CustomerSyncLib.SYNC_ERROR_CODES.parameterInvalid, `Script parameter ${PARAMS.idSource} is "${idField}": enter externalid or a customer field id (custentity_…).`);
        const includeInactive = HC_CustomerSyncLib.checkboxParam(script, PARAMS.includeInactive);
        const maxFileBytes = HC_CustomerSyncLib.integerParam(script, PARAMS.maxFileBytes, 9000000, 1000);
        if (maxFileBytes > 10000000)
            throw new HC_CustomerSyncLib.SyncError(HC_CustomerSyncLib.SYNC_ERROR_CODES.parameterInvalid, `Script parameter ${PARAMS.maxFileBytes} is ${maxFileBytes}: a File Cabinet file holds at most 10,000,000 bytes; use 9000000.`);
        // A missing folder is created by the export's first checkpoint save (historicalExportStore), after
        // the first query: 5 units to learn it is missing (folderWithDescription).
        const folderName = HC_CustomerSyncLib.textParam(script, PARAMS.folder) || DEFAULT_FOLDER;
        const found = HC_CustomerSyncLib.folderWithDescription({ search, record }, folderName, false);
        const folder = { id: null, description: '', ...found, name: folderName };
        const store = HC_CustomerSyncLib.historicalExportStore({ search, record, file, query }, { idField, savedSearchId: HC_CustomerSyncLib.textParam(script, PARAMS.savedSearch), includeInactive }, folder);
        withRunFacts(store, folder, budget);
        const summary = HC_CustomerSyncLib.runHistoricalExport({ ...store, budget, now: () => new Date() }, maxFileBytes);
        const folderId = folder.id;
        if (summary.alreadyFinished)
            log.audit({
                title: 'Historical export already finished',
                details: `${summary.exportedTotal} customers were exported; nothing written again. To export again, clear the description of the File Cabinet folder ${folderId} and run this deployment again.`,
            });
        if (summary.duplicates.length > 0)
            log.error({
                title: `${summary.duplicates.length} Shopify customer ID(s) are on more than one NetSuite customer`,
                details: `HotWax can link only one NetSuite customer per Shopify ID; merge these in NetSuite: ${summary.duplicates
                .slice(0, 50)
                .map((d) => `${d.shopifyCustomerId} (${d.count} customers)`)
                .join(', ')}`,
            });
        const rescheduled = summary.paused ? HC_CustomerSyncLib.reschedule({ task, log }, script.id, script.deploymentId) : false;
        runSummary.write({
            ...summary,
            duplicates: summary.duplicates.length,
            folderId,
            unitsUsed: budget.used(),
            stoppedFor: budget.stoppedFor(),
            rescheduled,
        });
        // The execution that finishes the export keeps its facts in the folder's checkpoint, where the
        // status page reads them (6 units saved); the others write a run-history entry. Run by hand once:
        // the import and the id export, every 15 minutes, keep the history pruned.
        if (summary.finished && !summary.alreadyFinished)
            return;
        const history = { ...summary, duplicates: summary.duplicates.length, folderId };
        HC_CustomerSyncLib.recordRun({ search, record, log }, script, { ...history, unitsUsed: budget.used(), rescheduled }, { prune: false });
    }
    /**
     * Each state carries its execution's facts, counted with this save (a new folder 15, else 5) and the
     * part's (20): the status page reads them for the execution that finishes (no run history).
     */
    function withRunFacts(store, folder, budget) {
        const { save } = store.checkpoint;
        store.checkpoint.save = (state, s, partFollows) => save({
            ...state,
            run: s && {
                ended: Date.now(),
                exported: s.exportedThisExecution,
                parts: s.partsWritten.length,
                duplicates: s.duplicates.length,
                unitsUsed: budget.used() +
                    (folder.id === null ? HC_CustomerSyncLib.UNITS.folderCreate + HC_CustomerSyncLib.UNITS.folderSave : HC_CustomerSyncLib.UNITS.folderSubmitFields) +
                    (partFollows ? HC_CustomerSyncLib.UNITS.fileSave : 0),
            },
        });
    }


  return { execute: execute };

}));
