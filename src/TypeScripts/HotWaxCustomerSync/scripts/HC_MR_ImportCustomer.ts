/**
 * HC_MR_ImportCustomer (map/reduce, on demand only: customdeploy_hc_mr_import_customer). Imports a
 * backlog of customer feeds that HC_SC_ImportCustomer handed over, on the account's SuiteCloud
 * processors, with the scheduled path's rules, reports and archiving. Logic:
 * sync/customerImportMapReduce.ts (on top of sync/customerImport.ts).
 *
 * getInputData reads the handoff from the import checkpoint (whose lease it holds), downloads,
 * validates and groups the rows; there is no map stage; reduce creates or links one key's rows (and
 * passes the feed texts on to summarize); summarize writes each feed's reports, archives it, gives the
 * lease back, writes the run history entry and, when feeds are waiting, queues HC_SC_ImportCustomer.
 *
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 */
import type { EntryPoints } from 'N/types';
import * as cache from 'N/cache';
import * as file from 'N/file';
import * as log from 'N/log';
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import * as sftp from 'N/sftp';
import * as task from 'N/task';
import {
  CheckpointStore,
  GovernanceBudget,
  STOP_RESERVE,
  TIME_LIMITS,
  IMPORT_CUSTOMER_MR,
  IMPORT_CUSTOMER,
  NetSuiteCustomerStore,
  SFTP_FOLDERS,
  capturingReports,
  connect,
  customerFeedFolder,
  loadSftpSettings,
  cachedSftpHint,
  cachedId,
  parseFieldMap,
  recordRun,
  reschedule,
  summaryDetails,
  logFeedResults,
  uniqueSuffix,
} from '../lib/HC_CustomerSyncLib';
import type { ImportState } from '../lib/HC_CustomerSyncLib';
import {
  feedTexts,
  finishHandoff,
  giveBackFromPlan,
  handoffOptions,
  heldHandoff,
  isTextKey,
  planHandoff,
  reduceBatch,
  textKey,
  referenceAnswers,
  answeringFrom,
} from '../lib/HC_CustomerImportMapReduceLib';
import type {
  FeedTextPiece,
  KeyOutcome,
  ReduceBatch,
  ReferenceAnswers,
} from '../lib/HC_CustomerImportMapReduceLib';

/**
 * The scheduled import: its on-demand deployment is queued at the end; its parameters (whose values
 * the handoff carries, this script declares none) are named in messages by their labels.
 */
const SCHEDULED = {
  scriptId: IMPORT_CUSTOMER.scriptId,
  onDemandDeployment: IMPORT_CUSTOMER.onDemandDeploymentId,
  fieldMapParam: 'HC_SC_ImportCustomer "Extra column map (JSON)"',
  sftpConfigParam: 'HC_SC_ImportCustomer "SFTP configuration"',
  sftpDirectoryParam: 'HC_SC_ImportCustomer "SFTP directory"',
};
/** Usage limit of one summarize invocation (NetSuite "Map/Reduce Governance"). */
const SUMMARIZE_LIMIT = 10000;

/** A key that throws is tried again; an application-server restart re-runs it with isRestarted. */
export const config = { retryCount: 2, exitOnError: false };

// Its id cached in this script's own cache (adapters/cachedId.ts): getInputData and summarize read it by id.
const checkpoint = () =>
  new CheckpointStore<ImportState>(
    { search, record },
    'import',
    cachedId(cache, 'hc_sync_checkpoint_ids', 'import'),
  );

type Handoff = NonNullable<ImportState['handoff']>;

function feedFolder(h: Handoff) {
  const settings = loadSftpSettings(
    search,
    {
      record: SCHEDULED.sftpConfigParam,
      recordValue: h.settings.sftpConfig,
      directory: SCHEDULED.sftpDirectoryParam,
      directoryValue: h.settings.sftpDirectory,
    },
    cachedSftpHint(cache),
  );
  return customerFeedFolder(connect({ sftp, file }, settings), SFTP_FOLDERS.customerFeed);
}

function options(h: Handoff) {
  return handoffOptions(
    h,
    runtime.isFeatureInEffect({ feature: 'SUBSIDIARIES' }),
    parseFieldMap(SCHEDULED.fieldMapParam, h.settings.fieldMap),
    `${IMPORT_CUSTOMER_MR.deploymentId}-${Date.now()}-${uniqueSuffix()}`,
  );
}

const logTo = {
  audit: (title: string, details: string) => log.audit({ title, details }),
  error: (title: string, details: string) => log.error({ title, details }),
};

export function getInputData(): Record<string, string> {
  const store = checkpoint();
  const state = store.load();
  const h = heldHandoff(state);
  if (!state || !h) return {};
  const opts = options(h);
  const customers = new NetSuiteCustomerStore({ search, record });
  const plan = planHandoff(h, { feeds: feedFolder(h), customers }, opts);
  if (giveBackFromPlan(state, plan))
    for (const g of plan.givenBack)
      log.audit({ title: `Customer feed ${g.name} goes back to HC_SC_ImportCustomer`, details: g.reason });
  // With the fingerprints of the feeds read (h.prints), which summarize checks before it moves them.
  store.save(state);
  // The lists rows that may be created refer to (a batch with fewer candidates than rows), read once
  // here rather than once per reduce processor (20 units each).
  const batches = Object.values(plan.batches).filter((b) => b.candidates.length < b.rows.length);
  const refs = referenceAnswers(
    batches.flatMap((b) => b.rows.map((r) => r.values)),
    opts.defaultSubsidiary,
    customers,
  );
  // Each key carries the settings and those answers, so reduce reads nothing else.
  const out: Record<string, string> = {};
  for (const [key, batch] of Object.entries(plan.batches)) out[key] = JSON.stringify({ batch, opts, refs });
  for (const piece of plan.texts) out[textKey(piece.feed, piece.piece)] = JSON.stringify(piece);
  return out;
}

/** One customer store per job: lists (statuses, subsidiaries) are read once per job, not per key. */
let customers: NetSuiteCustomerStore | undefined;

export function reduce(context: EntryPoints.MapReduce.reduceContext): void {
  // A piece of a feed's text, for summarize: passed on as it is (no units).
  if (isTextKey(context.key)) {
    context.write({ key: context.key, value: context.values[0] });
    return;
  }
  const { batch, opts, refs } = JSON.parse(context.values[0]) as {
    batch: ReduceBatch;
    opts: ReturnType<typeof options>;
    refs?: ReferenceAnswers;
  };
  customers ??= new NetSuiteCustomerStore({ search, record });
  const store = answeringFrom(customers, refs);
  const outcomes = reduceBatch(batch, store, () => Date.now(), opts, context.isRestarted);
  context.write({ key: context.key, value: JSON.stringify(outcomes) });
}

/** The errors getInputData and reduce ended with, each logged. */
function logStageErrors(context: EntryPoints.MapReduce.summarizeContext): number {
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
function reduceOutput(context: EntryPoints.MapReduce.summarizeContext) {
  const outcomes: KeyOutcome[] = [];
  const pieces: FeedTextPiece[] = [];
  context.output.iterator().each((key, value) => {
    if (isTextKey(key)) pieces.push(JSON.parse(value) as FeedTextPiece);
    else outcomes.push(...(JSON.parse(value) as KeyOutcome[]));
    return true;
  });
  return { outcomes, texts: feedTexts(pieces) };
}

export function summarize(context: EntryPoints.MapReduce.summarizeContext): void {
  const script = runtime.getCurrentScript();
  const stageErrors = logStageErrors(context);

  const store = checkpoint();
  const state = store.load();
  const h = heldHandoff(state);
  if (!state || !h) {
    log.audit({ title: 'HC_MR_ImportCustomer: no feed handed over', details: 'nothing to do' });
    // Restarted after the lease went back: the queueing of the scheduled import may not have happened.
    if (context.isRestarted) reschedule({ task, log }, SCHEDULED.scriptId, SCHEDULED.onDemandDeployment);
    return;
  }
  const { outcomes, texts } = reduceOutput(context);
  // Units and summarize's 3,600 s (NetSuite "Script Execution Time Limits"), on the script's clock.
  const budget = new GovernanceBudget({ remaining: () => script.getRemainingUsage() }, STOP_RESERVE, {
    limit: TIME_LIMITS.summarize,
    clock: { now: () => Date.now() },
  });
  const reports = capturingReports(feedFolder(h));
  const summary = finishHandoff(
    {
      feeds: reports.feeds,
      customers: new NetSuiteCustomerStore({ search, record }),
      checkpoint: store,
      leaseHolderRunning: () => true,
      budget,
      now: () => Date.now(),
      log: logTo,
    },
    state,
    outcomes,
    options(h),
    context.isRestarted,
    texts,
  );
  logFeedResults(summary, (title, details) => log.audit({ title, details }));
  // The lease is back: the scheduled import goes on at once with the feeds waiting (given back, or
  // after these); with none, its schedule takes up the next feeds HotWax writes.
  const rescheduled = summary.feedsWaiting
    ? reschedule({ task, log }, SCHEDULED.scriptId, SCHEDULED.onDemandDeployment)
    : false;
  const unitsUsed = context.usage + (SUMMARIZE_LIMIT - script.getRemainingUsage());
  log.audit({
    title: 'HC_MR_ImportCustomer summary',
    details: JSON.stringify({
      ...summaryDetails(summary, unitsUsed, rescheduled),
      stageErrors,
      seconds: context.seconds,
    }),
  });
  // Run history for the status page (HC_SL_CustomerSync), as HC_SC_ImportCustomer writes it.
  recordRun(
    { search, record, log },
    script,
    {
      totals: summary.totals,
      fileResults: summary.files,
      skipped: summary.skipped ?? null,
      waiting: summary.waiting,
      unitsUsed,
      rescheduled,
      dryRun: false,
      stageErrors,
    },
    { errorRows: reports.errorRows },
  );
}
