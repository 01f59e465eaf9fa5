/**
 * HC_MR_ExportedCustomerCSV (map/reduce every 15 minutes: customdeploy_export_customer; on demand:
 * customdeploy_export_customer_rest). Sends HotWax the NetSuite internal id of every customer with an
 * HC customer id, as party identifications in customer/import/. Logic: sync/idExport.ts.
 *
 * getInputData selects by the numeric stamp cursor plus every unstamped customer with an HC id; map
 * stamps those (5 units each, once per customer); reduce costs nothing; summarize names its files in
 * the checkpoint, removes what a crashed run of this deployment left, uploads, and only then advances
 * the cursor.
 *
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 */
import type { EntryPoints } from 'N/types';
import * as error from 'N/error';
import * as file from 'N/file';
import * as log from 'N/log';
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import * as sftp from 'N/sftp';
import {
  CUSTOMER_FIELDS,
  CheckpointStore,
  allResults,
  SFTP_FOLDERS,
  commitRun,
  connectWithScriptParams,
  integerParam,
  partyIdentificationFiles,
  planRun,
  recordRun,
  timestampedCsvName,
  uniqueSuffix,
  describeError,
} from '../lib/HC_CustomerSyncLib';
import type { ExportState, ExportedCustomer } from '../lib/HC_CustomerSyncLib';

/** Script parameters, declared in src/Objects/customscript_export_customer.xml. */
const PARAMS = {
  sftpConfig: 'custscript_hc_exp_sftp_config',
  sftpDirectory: 'custscript_hc_exp_sftp_directory',
  maxRowsPerFile: 'custscript_hc_exp_max_rows_per_file',
  settleSeconds: 'custscript_hc_exp_settle_seconds',
} as const;

/** Usage limit of one summarize invocation (NetSuite "Map/Reduce Governance"). */
const SUMMARIZE_LIMIT = 10000;

const checkpoint = () => new CheckpointStore<ExportState>({ search, record }, 'id-export');

/** What getInputData hands each map invocation. */
interface Selected {
  hcCustomerId: string;
  stamped: boolean;
  /** The stamp an unstamped customer gets: this run's upper end, so a committed run never resends it. */
  stampTo: number;
}

/**
 * Plans the run (checkpoint: 10 + 2 or 6 units) and reads the selection (10 units per 1,000
 * customers): the map stage needs the run's stamp, which a search handed to the framework cannot carry.
 */
export function getInputData(): Record<string, string> {
  const script = runtime.getCurrentScript();
  const store = checkpoint();
  const settleMs = integerParam(script, PARAMS.settleSeconds, 120, 0) * 1000;
  let state: ExportState | null = null;
  // Two runs on a fresh account: the one whose checkpoint create loses plans again on the winner's.
  for (let attempt = 1; !state; attempt++) {
    const planned = planRun(store.load(), script.deploymentId, Date.now(), settleMs);
    if (store.save(planned) !== false) state = planned;
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
      [CUSTOMER_FIELDS.hcCustomerId, 'isnotempty', ''],
      'AND',
      ['isinactive', 'is', 'F'],
      'AND',
      [
        [
          [CUSTOMER_FIELDS.syncStamp, 'greaterthan', p.stampAfter],
          'AND',
          [CUSTOMER_FIELDS.syncStamp, 'lessthanorequalto', p.stampUpTo],
        ],
        'OR',
        [CUSTOMER_FIELDS.syncStamp, 'isempty', ''],
      ],
    ],
    columns: [
      search.createColumn({ name: 'internalid', sort: search.Sort.ASC }),
      CUSTOMER_FIELDS.hcCustomerId,
      CUSTOMER_FIELDS.syncStamp,
    ],
  });
  const input: Record<string, string> = {};
  for (const r of allResults(selection)) {
    const value: Selected = {
      hcCustomerId: String(r.getValue({ name: CUSTOMER_FIELDS.hcCustomerId }) ?? '').trim(),
      stamped: String(r.getValue({ name: CUSTOMER_FIELDS.syncStamp }) ?? '') !== '',
      stampTo: p.stampUpTo,
    };
    input[String(r.id)] = JSON.stringify(value);
  }
  return input;
}

/** One line per customer; a customer without a stamp is stamped (5 units) so it is sent once, not every run. */
export function map(context: EntryPoints.MapReduce.mapContext): void {
  const selected = JSON.parse(context.value) as Selected;
  if (!selected.hcCustomerId) return;
  if (!selected.stamped) {
    try {
      record.submitFields({
        type: record.Type.CUSTOMER,
        id: context.key,
        values: { [CUSTOMER_FIELDS.syncStamp]: selected.stampTo },
        options: { enableSourcing: false, ignoreMandatoryFields: true },
      });
    } catch (e) {
      // Still sent now; left unstamped, it is selected (and sent) again by the next run.
      log.audit({ title: `Customer ${context.key} not stamped`, details: describeError(e).message });
    }
  }
  const value: ExportedCustomer = {
    id: context.key,
    hcCustomerId: selected.hcCustomerId,
    stamped: selected.stamped,
  };
  context.write({ key: context.key, value: JSON.stringify(value) });
}

/** One line per customer, however many times it came in. */
export function reduce(context: EntryPoints.MapReduce.reduceContext): void {
  context.write({ key: context.key, value: context.values[0] });
}

export function summarize(context: EntryPoints.MapReduce.summarizeContext): void {
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
    throw error.create({ name: 'HC_EXPORT_INPUT_FAILED', message: context.inputSummary.error });

  const customers: ExportedCustomer[] = [];
  context.output.iterator().each((_key, value) => {
    customers.push(JSON.parse(value) as ExportedCustomer);
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

  const files = partyIdentificationFiles(customers, integerParam(script, PARAMS.maxRowsPerFile, 50000));
  const now = new Date();
  const unique = uniqueSuffix();
  const names = files.map((_csv, i) =>
    timestampedCsvName(
      'CustomerExport',
      now,
      files.length > 1 ? `${unique}-${String(i + 1).padStart(3, '0')}` : unique,
    ),
  );
  const leftovers = run?.leftovers ?? [];
  if (state && run && names.length > 0) {
    // Named in the checkpoint before the first upload, so a crash between upload and move leaves
    // nothing the next run does not know about and remove.
    run.files = names;
    store.save(state);
  }
  if (files.length > 0 || leftovers.length > 0) {
    const client = connectWithScriptParams({ search, sftp, file }, script, PARAMS);
    for (const name of leftovers) client.removeTemporary(SFTP_FOLDERS.partyIdentifications, name);
    // A failed upload throws here: the cursor stays, and the next run sends these customers again.
    files.forEach((csv, i) => client.uploadAtomic(SFTP_FOLDERS.partyIdentifications, names[i], csv));
  }
  if (state && run) store.save(commitRun(state, script.deploymentId));
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
  recordRun({ search, record, log }, script, {
    exported: customers.length,
    files: names,
    stageErrors,
    unitsUsed,
  });
}
