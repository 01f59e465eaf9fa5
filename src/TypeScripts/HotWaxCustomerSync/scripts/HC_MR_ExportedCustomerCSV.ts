/**
 * HC_MR_ExportedCustomerCSV (map/reduce every 15 minutes: customdeploy_export_customer; on demand:
 * customdeploy_export_customer_rest). Sends HotWax the NetSuite internal id of every customer with an
 * HC customer id, as party identifications in customer/import/. Logic: sync/idExport.ts.
 *
 * getInputData plans the run and hands NetSuite the search selecting by the numeric stamp cursor plus
 * every unstamped customer with an HC id (NetSuite reads it: no units); map stamps those (5 units
 * each, once per customer); reduce costs nothing; summarize removes every temporary file an earlier run
 * or attempt left, uploads files named with the unique part the plan saved, and only then advances the
 * cursor, in the one write that also keeps the run's history entry and the SFTP settings record used.
 *
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 */
import type { EntryPoints } from 'N/types';
import * as cache from 'N/cache';
import * as error from 'N/error';
import * as file from 'N/file';
import * as log from 'N/log';
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import * as sftp from 'N/sftp';
import {
  CUSTOMER_FIELDS,
  RunSummary,
  SyncError,
  SYNC_ERROR_CODES,
  asSuiteScriptError,
  endInError,
  connectWithScriptParams,
  describeError,
  integerParam,
  recordRun,
  uniqueSuffix,
} from '../lib/HC_CustomerSyncLib';
import {
  CHECKPOINT_ID_COLUMN,
  CheckpointById,
  cachedCheckpoint,
  withCheckpointColumn,
  planAndSave,
  selectForExport,
  sendExport,
  stampCustomer,
} from '../lib/HC_CustomerExportLib';
import type { ExportState, ExportedCustomer } from '../lib/HC_CustomerExportLib';

/** What map passes on: the customer, and the checkpoint's internal id for summarize. */
type MappedCustomer = ExportedCustomer & { checkpointId?: string };

/** Script parameters, declared in src/Objects/customscript_export_customer.xml. */
const PARAMS = {
  sftpConfig: 'custscript_hc_exp_sftp_config',
  sftpDirectory: 'custscript_hc_exp_sftp_directory',
  maxRowsPerFile: 'custscript_hc_exp_max_rows_per_file',
  settleSeconds: 'custscript_hc_exp_settle_seconds',
} as const;

/** Usage limit of one summarize invocation (NetSuite "Map/Reduce Governance"). */
const SUMMARIZE_LIMIT = 10000;

/** By internal id (1 unit) when known, else by a search for the key (10 units). */
const checkpoint = (knownId?: string) =>
  new CheckpointById<ExportState>({ search, record }, 'id-export', knownId);

/**
 * Plans the run (checkpoint: read 1 + 1 by its cached id, else 1 + 10 by a search; written 2, or
 * created 6 and its id cached 1) and returns its selection as a search, which NetSuite
 * reads and pages for the script at no charge (help "getInputData(inputContext)", "Map/Reduce
 * Governance"): a key per customer (its internal id), the search result's JSON as the value.
 */
export function getInputData(): search.Search {
  try {
    const script = runtime.getCurrentScript();
    const settleMs = integerParam(script, PARAMS.settleSeconds, 120, 0) * 1000;
    const { store, remember } = cachedCheckpoint<ExportState>({ search, record }, cache, 'id-export');
    // The unique part of the run's file names, planned now: its temporary files are then known to
    // the other deployment without a write before the upload.
    const state = planAndSave(store, script.deploymentId, () => Date.now(), settleMs, uniqueSuffix());
    remember();
    // The checkpoint's id rides along to summarize, which then reads the record by id.
    return withCheckpointColumn(
      search,
      selectForExport(search, state.pending[script.deploymentId]),
      store.recordId,
    );
  } catch (e) {
    throw asSuiteScriptError(error, e);
  }
}

/** A search result as map gets it: JSON of { recordType, id, values } (values may be { value, text }). */
function selected(json: string): {
  hcCustomerId: string;
  stamped: boolean;
  stampTo: number;
  checkpointId: string;
} {
  const values = (JSON.parse(json) as { values?: Record<string, unknown> }).values ?? {};
  const text = (v: unknown) =>
    String((v && typeof v === 'object' ? (v as { value?: unknown }).value : v) ?? '').trim();
  return {
    hcCustomerId: text(values[CUSTOMER_FIELDS.hcCustomerId]),
    stamped: text(values[CUSTOMER_FIELDS.syncStamp]) !== '',
    // The run's stampUpTo (the selection's formula column): a committed run never resends it.
    stampTo: Number(text(values.formulatext) || NaN),
    checkpointId: text(values[CHECKPOINT_ID_COLUMN]),
  };
}

/** One line per customer; a customer without a stamp is stamped (5 units) so it is sent once, not every run. */
export function map(context: EntryPoints.MapReduce.mapContext): void {
  const c = selected(context.value);
  if (!c.hcCustomerId) return;
  if (!c.stamped) {
    try {
      if (Number.isFinite(c.stampTo)) stampCustomer(record, context.key, c.stampTo);
      else
        log.audit({
          title: `Customer ${context.key} not stamped`,
          details: `no stamp in the selection: ${context.value}`,
        });
    } catch (e) {
      // Still sent now; left unstamped, it is selected (and sent) again by the next run.
      log.audit({ title: `Customer ${context.key} not stamped`, details: describeError(e).message });
    }
  }
  const value: MappedCustomer = {
    id: context.key,
    hcCustomerId: c.hcCustomerId,
    stamped: c.stamped,
    checkpointId: c.checkpointId,
  };
  context.write({ key: context.key, value: JSON.stringify(value) });
}

/** One line per customer, however many times it came in. */
export function reduce(context: EntryPoints.MapReduce.reduceContext): void {
  context.write({ key: context.key, value: context.values[0] });
}

export function summarize(context: EntryPoints.MapReduce.summarizeContext): void {
  const summary = new RunSummary(log, 'HC_MR_ExportedCustomerCSV');
  try {
    sendCustomers(context, summary);
  } catch (e) {
    throw endInError(error, summary, e, (d) =>
      recordRun({ search, record, log }, runtime.getCurrentScript(), d),
    );
  }
}

function sendCustomers(context: EntryPoints.MapReduce.summarizeContext, runSummary: RunSummary): void {
  const script = runtime.getCurrentScript();
  let stageErrors = 0;
  const logErrors = (stage: string, it: EntryPoints.MapReduce.summarizeContext['mapSummary']['errors']) =>
    it.iterator().each((key, err) => {
      stageErrors++;
      log.error({ title: `${stage} error for customer ${key}`, details: err });
      return true;
    });
  if (context.inputSummary.error)
    log.error({ title: 'getInputData error', details: context.inputSummary.error });
  logErrors('map', context.mapSummary.errors);
  logErrors('reduce', context.reduceSummary.errors);
  if (context.inputSummary.error)
    throw new SyncError(SYNC_ERROR_CODES.exportInputFailed, context.inputSummary.error);

  const customers: MappedCustomer[] = [];
  context.output.iterator().each((_key, value) => {
    customers.push(JSON.parse(value) as MappedCustomer);
    return true;
  });

  const used = () => context.usage + (SUMMARIZE_LIMIT - script.getRemainingUsage());
  const details = (files: string[], unitsUsed: number) => ({
    exported: customers.length,
    files,
    stageErrors,
    unitsUsed,
  });
  const { files: names, recorded } = sendExport(
    {
      // With no customer, map passed no id on: the cached one, else a search.
      checkpoint: customers[0]?.checkpointId
        ? checkpoint(customers[0].checkpointId)
        : cachedCheckpoint<ExportState>({ search, record }, cache, 'id-export').store,
      connect: (hint) => connectWithScriptParams({ search, sftp, file }, script, PARAMS, hint),
      deploymentId: script.deploymentId,
      maxRowsPerFile: () => integerParam(script, PARAMS.maxRowsPerFile, 50000),
      now: new Date(),
      unique: uniqueSuffix(),
      restarted: context.isRestarted,
      // The run-history entry, saved by the commit's write (record.submitFields, 2 units, counted).
      runEntry: (files) => details(files, used() + 2),
      log: { audit: (title, details) => log.audit({ title, details }) },
    },
    customers,
  );
  // summaryContext.usage covers getInputData, map and reduce; add what summarize has used so far.
  runSummary.write({ ...details(names, used()), seconds: context.seconds, rescheduled: false });
  // No commit (this run's plan was lost): the entry is a record of its own. A run that sends files
  // leaves the pruning (10 units) to the import, which prunes every run.
  if (!recorded)
    recordRun({ search, record, log }, script, details(names, used()), { prune: names.length === 0 });
}
