/**
 * HC_SC_GenerateHistoricalCustomerCSV (run by hand once before go-live: customdeploy_generate_hist_shop_customer).
 * Exports every customer with a Shopify customer ID to CSV parts in the File Cabinet.
 * Logic: sync/historicalExport.ts.
 *
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 */
import type { EntryPoints } from 'N/types';
import * as error from 'N/error';
import * as file from 'N/file';
import * as log from 'N/log';
import * as query from 'N/query';
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import * as task from 'N/task';
import {
  CUSTOMER_FIELDS,
  RunSummary,
  SyncError,
  SYNC_ERROR_CODES,
  UNITS,
  endInError,
  checkboxParam,
  folderWithDescription,
  historicalExportStore,
  integerParam,
  recordRun,
  reschedule,
  runHistoricalExport,
  textParam,
  scheduledBudget,
} from '../lib/HC_CustomerSyncLib';
import type { HistoricalFolder } from '../lib/HC_CustomerSyncLib';

/** Script parameters, declared in src/Objects/customscript_generate_hist_shop_customer.xml. */
const PARAMS = {
  idSource: 'custscript_hc_ghc_id_source',
  savedSearch: 'custscript_hc_ghc_saved_search',
  includeInactive: 'custscript_hc_ghc_include_inactive',
  folder: 'custscript_hc_ghc_folder',
  maxFileBytes: 'custscript_hc_ghc_max_file_bytes',
} as const;

const DEFAULT_FOLDER = 'Historical Shopify Customer CSV';

export function execute(_context: EntryPoints.Scheduled.executeContext): void {
  const summary = new RunSummary(log, 'HC_SC_GenerateHistoricalCustomerCSV');
  try {
    exportHistoricalCustomers(summary);
  } catch (e) {
    throw endInError(error, summary, e, (d) =>
      recordRun({ search, record, log }, runtime.getCurrentScript(), d),
    );
  }
}

function exportHistoricalCustomers(runSummary: RunSummary): void {
  const script = runtime.getCurrentScript();
  // Units and the scheduled script's 3,600 s, read on the script's own clock (core/governance.ts).
  const budget = scheduledBudget(script, { now: () => Date.now() });
  const idField = textParam(script, PARAMS.idSource) || CUSTOMER_FIELDS.shopifyCustomerId;
  if (!/^(externalid|custentity_[a-z0-9_]+)$/.test(idField))
    throw new SyncError(
      SYNC_ERROR_CODES.parameterInvalid,
      `Script parameter ${PARAMS.idSource} is "${idField}": enter externalid or a customer field id (custentity_…).`,
    );
  const includeInactive = checkboxParam(script, PARAMS.includeInactive);
  const maxFileBytes = integerParam(script, PARAMS.maxFileBytes, 9000000, 1000);
  if (maxFileBytes > 10000000)
    throw new SyncError(
      SYNC_ERROR_CODES.parameterInvalid,
      `Script parameter ${PARAMS.maxFileBytes} is ${maxFileBytes}: a File Cabinet file holds at most 10,000,000 bytes; use 9000000.`,
    );
  // A missing folder is created by the export's first checkpoint save (historicalExportStore), after
  // the first query: 5 units to learn it is missing (folderWithDescription).
  const folderName = textParam(script, PARAMS.folder) || DEFAULT_FOLDER;
  const found = folderWithDescription({ search, record }, folderName, false);
  const folder: HistoricalFolder = { id: null, description: '', ...found, name: folderName };

  const store = historicalExportStore(
    { search, record, file, query },
    { idField, savedSearchId: textParam(script, PARAMS.savedSearch), includeInactive },
    folder,
  );
  withRunFacts(store, folder, budget);
  const summary = runHistoricalExport({ ...store, budget, now: () => new Date() }, maxFileBytes);
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
  const rescheduled = summary.paused ? reschedule({ task, log }, script.id, script.deploymentId) : false;
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
  if (summary.finished && !summary.alreadyFinished) return;
  const history = { ...summary, duplicates: summary.duplicates.length, folderId };
  recordRun(
    { search, record, log },
    script,
    { ...history, unitsUsed: budget.used(), rescheduled },
    { prune: false },
  );
}

/**
 * Each state carries its execution's facts, counted with this save (a new folder 15, else 5) and the
 * part's (20): the status page reads them for the execution that finishes (no run history).
 */
function withRunFacts(
  store: ReturnType<typeof historicalExportStore>,
  folder: HistoricalFolder,
  budget: ReturnType<typeof scheduledBudget>,
): void {
  const { save } = store.checkpoint;
  store.checkpoint.save = (state, s, partFollows) =>
    save({
      ...state,
      run: s && {
        ended: Date.now(),
        exported: s.exportedThisExecution,
        parts: s.partsWritten.length,
        duplicates: s.duplicates.length,
        unitsUsed:
          budget.used() +
          (folder.id === null ? UNITS.folderCreate + UNITS.folderSave : UNITS.folderSubmitFields) +
          (partFollows ? UNITS.fileSave : 0),
      },
    });
}
