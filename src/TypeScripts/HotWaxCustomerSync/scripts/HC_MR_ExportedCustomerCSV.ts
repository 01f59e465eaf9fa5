/**
 * HC_MR_ExportedCustomerCSV (map/reduce every 15 minutes: customdeploy_export_customer; on demand:
 * customdeploy_export_customer_rest). Sends HotWax the NetSuite internal id of every customer the
 * import created or linked, as party identifications in customer/import/. Logic: sync/idExport.ts.
 *
 * getInputData selects by numeric stamp/id cursors; map and reduce cost no units (no record writes
 * per customer); summarize writes the files and only then advances the cursor.
 *
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 */
import type { EntryPoints } from 'N/types';
import * as error from 'N/error';
import * as file from 'N/file';
import * as format from 'N/format';
import * as log from 'N/log';
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import * as sftp from 'N/sftp';
import {
  CUSTOMER_FIELDS,
  CheckpointStore,
  SFTP_FOLDERS,
  commitRun,
  connectWithScriptParams,
  integerParam,
  partyIdentificationFiles,
  planRun,
  recordRun,
  textParam,
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
  legacyCursorField: 'custscript_hc_exp_legacy_cursor_field',
} as const;

const LEGACY_RECORD = 'customrecord_hc_last_runtime_export';
/** Usage limit of one summarize invocation (NetSuite "Map/Reduce Governance"). */
const SUMMARIZE_LIMIT = 10000;

const checkpoint = () => new CheckpointStore<ExportState>({ search, record }, 'id-export');

/** HotWax's own export kept its cursor as a date string in the user's format: read it once, through N/format. */
function legacyCursor(fieldId: string): string | null {
  if (!fieldId) return null;
  try {
    const rows = search
      .create({ type: LEGACY_RECORD, columns: [fieldId] })
      .run()
      .getRange({ start: 0, end: 1 });
    const value = rows.length ? String(rows[0].getValue({ name: fieldId }) ?? '') : '';
    if (!value) return null;
    const parsed = format.parse({ value, type: format.Type.DATETIME }) as unknown;
    return parsed instanceof Date && !isNaN(parsed.getTime()) ? parsed.toISOString() : null;
  } catch (e) {
    // No such record type in this account: a fresh install, nothing to continue from.
    log.debug({ title: 'No legacy export cursor', details: describeError(e).message });
    return null;
  }
}

export function getInputData(): search.Search {
  const script = runtime.getCurrentScript();
  const store = checkpoint();
  const previous = store.load();
  const legacy = previous ? null : legacyCursor(textParam(script, PARAMS.legacyCursorField));
  const settleMs = integerParam(script, PARAMS.settleSeconds, 120, 0) * 1000;
  const state = planRun(previous, script.deploymentId, legacy, Date.now(), settleMs);
  store.save(state);
  const p = state.pending[script.deploymentId];

  const unstamped: unknown[] = [
    [CUSTOMER_FIELDS.syncStamp, 'isempty', ''],
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
        unstamped,
      ],
    ],
    columns: [CUSTOMER_FIELDS.hcCustomerId, CUSTOMER_FIELDS.syncStamp],
  });
}

export function map(context: EntryPoints.MapReduce.mapContext): void {
  const result = JSON.parse(context.value) as { id: string; values: Record<string, unknown> };
  const hcCustomerId = String(result.values[CUSTOMER_FIELDS.hcCustomerId] ?? '').trim();
  if (!hcCustomerId) return;
  const stamped = String(result.values[CUSTOMER_FIELDS.syncStamp] ?? '') !== '';
  const value: ExportedCustomer = { id: String(result.id), hcCustomerId, stamped };
  context.write({ key: String(result.id), value: JSON.stringify(value) });
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
  if (!state?.pending?.[script.deploymentId])
    throw error.create({
      name: 'HC_EXPORT_NO_PENDING_RUN',
      message: 'The export checkpoint lost its pending run; the next run selects again.',
    });

  const files = partyIdentificationFiles(customers, integerParam(script, PARAMS.maxRowsPerFile, 50000));
  const names: string[] = [];
  if (files.length > 0) {
    const client = connectWithScriptParams({ search, sftp, file }, script, PARAMS);
    const now = new Date();
    const unique = uniqueSuffix();
    // A failed upload throws here: the cursor stays, and the next run sends these customers again.
    files.forEach((csv, i) => {
      const suffix = files.length > 1 ? `${unique}-${String(i + 1).padStart(3, '0')}` : unique;
      const name = timestampedCsvName('CustomerExport', now, suffix);
      client.uploadAtomic(SFTP_FOLDERS.partyIdentifications, name, csv);
      names.push(name);
    });
  }
  store.save(commitRun(state, script.deploymentId, customers));
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
