/**
 * HC_MR_ImportCustomer (map/reduce, on demand only: customdeploy_hc_mr_import_customer). Imports one
 * large customer feed that HC_SC_ImportCustomer handed over, on the account's SuiteCloud processors.
 * Logic: sync/customerImportMapReduce.ts.
 *
 * getInputData reads the handoff from the import checkpoint, downloads and groups the feed; map passes
 * each key on; reduce creates or links one key's rows; summarize writes the reports, archives the feed,
 * gives the lease back and queues HC_SC_ImportCustomer for the feeds after it.
 *
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 */
import type { EntryPoints } from 'N/types';
import * as file from 'N/file';
import * as log from 'N/log';
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import * as sftp from 'N/sftp';
import * as task from 'N/task';
import {
  CheckpointStore,
  MR_IMPORT,
  NetSuiteCustomerStore,
  SFTP_FOLDERS,
  connect,
  customerFeedFolder,
  finishFeed,
  importBatch,
  loadSftpSettings,
  parseFieldMap,
  planFeed,
  reschedule,
  submitMapReduce,
} from '../lib/HC_CustomerSyncLib';
import type { HandoffState, MapReduceHandoff, ReduceBatch, RowOutcome } from '../lib/HC_CustomerSyncLib';

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
export const config = { retryCount: 2, exitOnError: false };

const checkpoint = () => new CheckpointStore<HandoffState>({ search, record }, 'import');

/** The handoff, when this deployment holds the import lease. */
function handoff(state: HandoffState | null): MapReduceHandoff | null {
  return state?.mapReduce && state.lease?.deploymentId === MR_IMPORT.deploymentId ? state.mapReduce : null;
}

function feeds(h: MapReduceHandoff) {
  const settings = loadSftpSettings(search, {
    record: SCHEDULED.sftpConfigParam,
    recordValue: h.sftpConfig,
    directory: SCHEDULED.sftpDirectoryParam,
    directoryValue: h.sftpDirectory,
  });
  return customerFeedFolder(connect({ sftp, file }, settings), SFTP_FOLDERS.customerFeed);
}

function options(h: MapReduceHandoff) {
  return {
    oneWorld: runtime.isFeatureInEffect({ feature: 'SUBSIDIARIES' }),
    defaultSubsidiary: h.defaultSubsidiary,
    fieldMap: parseFieldMap(SCHEDULED.fieldMapParam, h.fieldMap),
    matchByEmail: h.matchByEmail,
    dryRun: false,
    batchSize: 50,
    executionId: MR_IMPORT.deploymentId,
    deploymentId: MR_IMPORT.deploymentId,
    restampAfterMs: 60 * 60 * 1000,
  };
}

export function getInputData(): Record<string, string> {
  const store = checkpoint();
  const state = store.load();
  const h = handoff(state);
  if (!state || !h) return {};
  const plan = planFeed(
    h.file,
    feeds(h).download(h.file),
    new NetSuiteCustomerStore({ search, record }),
    options(h),
  );
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
  const out: Record<string, string> = {};
  for (const [key, batch] of Object.entries(plan.batches)) out[key] = JSON.stringify(batch);
  return out;
}

export function map(context: EntryPoints.MapReduce.mapContext): void {
  context.write({ key: context.key, value: context.value });
}

export function reduce(context: EntryPoints.MapReduce.reduceContext): void {
  const h = handoff(checkpointState());
  if (!h) return;
  const batch = JSON.parse(context.values[0]) as ReduceBatch;
  // One store per job: entity statuses are searched once per job, not once per key.
  customers ??= new NetSuiteCustomerStore({ search, record });
  const outcomes = importBatch(batch, customers, () => Date.now(), options(h), context.isRestarted);
  context.write({ key: context.key, value: JSON.stringify(outcomes) });
}

/** Reduce reads the handoff settings once per job (module state lives as long as the job). */
let cachedState: HandoffState | null | undefined;
let customers: NetSuiteCustomerStore | undefined;
function checkpointState(): HandoffState | null {
  if (cachedState === undefined) cachedState = checkpoint().load();
  return cachedState;
}

export function summarize(context: EntryPoints.MapReduce.summarizeContext): void {
  const script = runtime.getCurrentScript();
  let stageErrors = 0;
  const logErrors = (stage: string, it: EntryPoints.MapReduce.summarizeContext['mapSummary']['errors']) =>
    it.iterator().each((key, err) => {
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
  const done = !h && context.isRestarted ? state?.mapReduceDone : null;
  if (!state || (!h && !done)) {
    log.audit({ title: 'HC_MR_ImportCustomer: no feed handed over', details: 'nothing to do' });
    return;
  }
  const outcomes: RowOutcome[] = [];
  context.output.iterator().each((_key, value) => {
    outcomes.push(...(JSON.parse(value) as RowOutcome[]));
    return true;
  });
  const result = done
    ? { ...done, released: true }
    : finishFeed(
        {
          feeds: feeds(h!),
          checkpoint: store,
          log: {
            audit: (title, details) => log.audit({ title, details }),
            error: (title, details) => log.error({ title, details }),
          },
        },
        state,
        outcomes,
      );
  if (result.file && !done)
    log.audit({
      title: `Customer feed ${result.file.name}: ${result.file.outcome}`,
      details: JSON.stringify(result.file),
    });
  // Done (or given back): the scheduled import goes on with the feeds after it; else this job again.
  const rescheduled = result.released
    ? reschedule({ task, log }, SCHEDULED.scriptId, SCHEDULED.onDemandDeployment)
    : submitMapReduce({ task, log }, MR_IMPORT.scriptId, MR_IMPORT.deploymentId);
  log.audit({
    title: 'HC_MR_ImportCustomer summary',
    details: JSON.stringify({
      totals: result.totals,
      files: result.file ? 1 : 0,
      archived: result.file?.outcome === 'archived' ? 1 : 0,
      failed: 0,
      inProgress: result.released ? null : h!.file,
      skipped: null,
      unitsUsed: context.usage + (SUMMARIZE_LIMIT - script.getRemainingUsage()),
      rescheduled,
      missingLines: result.missingLines,
      stageErrors,
      seconds: context.seconds,
    }),
  });
}
