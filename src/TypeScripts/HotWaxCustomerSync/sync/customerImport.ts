/**
 * HC_SC_ImportCustomer's logic: every HotWax customer feed in customer/export/ is read, each row
 * validated and upserted (created, linked, already linked, or reported), the error reports written,
 * and the feed archived once every row is handled. Resumable: the checkpoint holds the feed and the
 * last handled line; low governance saves it and reschedules. A crash at any point is safe: a row
 * whose customer was already written is found again by its HC customer id on the re-run.
 *
 * This file holds the run's steps: the lease, the feed order, each feed taken up and ended by its
 * phase (feedState.ts), and the handoff to HC_MR_ImportCustomer (its policy: importHandoffPolicy.ts).
 * Like one feed's steps (feedImport.ts, feedFinish.ts, deciding over feedReports.ts) they yield the
 * calls they need as actions, which one driver carries out (feedActions.ts); the row upsert is in
 * customerUpsert.ts; the types in importTypes.ts.
 */
import { UNITS } from '../core/governance';
import { SFTP_FOLDERS } from '../core/config';
import { isCsv, uniqueSuffix } from '../core/fileNames';
import { SyncError, SYNC_ERROR_CODES, describeError } from '../core/errors';
import type { FeedEntry } from './ports';
import type {
  FileResult,
  ImportCounts,
  ImportDeps,
  ImportOptions,
  ImportState,
  ImportSummary,
  RunContext,
} from './importTypes';
import { emptyCounts } from './importTypes';
import { ROW_UNITS, upserting } from './customerUpsert';
import { unsafeNameReason } from './customerFeedFolder';
import { ARCHIVE_UNITS, COPY_REMOVE_UNITS, FOUND_AGAIN } from './feedReports';
import { feedSteps, skipEntry } from './feedImport';
import { LEASE_MS, endFeed, feedPhase, freshState, giveBack, newTag, resetFeed, takeUp } from './feedState';
import type { ActionPorts, Got, Steps } from './feedActions';
import { drive } from './feedActions';
import { logFeedResults } from './importSummary';
import { MAX_HANDOFF_ATTEMPTS, handoffChoice, mayOffer } from './importHandoffPolicy';
import { keepingAnswers } from './keptAnswers';

/** The map/reduce's lease is given back by its summarize, not by time: 30 days is only a backstop. */
const HANDOFF_LEASE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * What the run's steps share in one execution, and the ports the driver carries their actions out
 * through (`save`: the checkpoint with this execution's lease renewed; a dry run saves nothing; false
 * on a conflict). `state` is the checkpoint in hand: replaced whole when the feeds are handed over
 * (offerHandoff), so a failure after that releases the handoff's.
 */
export interface ImportRun extends ActionPorts {
  state: ImportState;
  opts: ImportOptions;
  summary: ImportSummary;
}

/** True when the run ends here (the map/reduce was submitted again); false when the feeds came back. */
export function* resumeHandoff(state: ImportState, deps: ImportDeps, summary: ImportSummary): Steps<boolean> {
  const h = state.handoff!;
  const left = h.feeds.filter((f) => !h.done.includes(f.name));
  const names = left.map((f) => f.name).join(', ');
  if (h.attempts < MAX_HANDOFF_ATTEMPTS) {
    h.attempts++;
    yield { kind: 'saveCheckpoint', state, asIs: true };
    const submitted = (yield { kind: 'submit' }) as Got<'submit'>;
    deps.log.audit(
      'Customer feeds handed to HC_MR_ImportCustomer again',
      `attempt ${h.attempts} of ${MAX_HANDOFF_ATTEMPTS} (${submitted}): ${names}`,
    );
    summary.skipped = `deployment ${state.lease!.deploymentId} holds the feeds ${names}; submitted again (attempt ${h.attempts})`;
    return true;
  }
  deps.log.error(
    `HC_MR_ImportCustomer did not finish ${left.length} customer feed(s)`,
    `after ${MAX_HANDOFF_ATTEMPTS} attempts HC_SC_ImportCustomer imports them itself (${FOUND_AGAIN}): ${names}`,
  );
  giveBack(state, left);
  return false;
}

export function runCustomerImport(deps: ImportDeps, opts: ImportOptions): ImportSummary {
  const summary: ImportSummary = { files: [], totals: emptyCounts(), paused: false, stalled: false };
  const save = (st: ImportState) => {
    if (opts.dryRun) return;
    st.lease = {
      executionId: opts.executionId,
      deploymentId: opts.deploymentId,
      until: deps.now() + LEASE_MS,
    };
    return deps.checkpoint.save(st);
  };
  const run: RunContext = { reportedFolders: new Set(), setupReported: new Set() };
  const d: ImportRun = { state: freshState(), deps, opts, summary, save, run };
  const leftOver = takeLease(d);
  if (leftOver === false) return summary;
  deps.customers = keepingAnswers(deps.customers, (d.state.refs ??= {}));
  try {
    const { state } = d;
    if (leftOver)
      // The previous holder did not finish (crashed, or still marked after its deployment stopped).
      deps.log.audit(
        'Import lease taken over',
        `from ${leftOver.deploymentId} (execution ${leftOver.executionId}), which is no longer running`,
      );
    if (leftOver || state.interrupted) {
      // Only this execution writes these folders now (it holds the lease).
      for (const folder of [SFTP_FOLDERS.customerFeedError, SFTP_FOLDERS.customerFeedMissing])
        deps.feeds.removeLeftovers?.(folder);
      delete state.interrupted;
    }
    return drive(d, importFeeds(d));
  } catch (e) {
    // A failing execution must not block the other deployment: release the lease, keep the progress
    // (every row counted in `state` is written). After a crash this cannot run; the lease is then
    // found left over and its holder not running.
    if (!opts.dryRun)
      try {
        d.state.lease = null;
        d.state.interrupted = true;
        deps.checkpoint.save(d.state);
      } catch {
        // Out of units or the execution is going away: the next run sees a holder not running.
      }
    throw e;
  }
}

/**
 * Takes the lease (into `d.state`), returning the lease it took over (null: none); false when another
 * deployment holds it, or the map/reduce holding the feeds was submitted again, so this run ends.
 * Two executions starting together on a fresh account both find no checkpoint; only one can create
 * it (external id), and the other decides again on the winner's state.
 */
function takeLease(d: ImportRun): ImportState['lease'] | false {
  const { deps, opts, summary } = d;
  for (let attempt = 1; ; attempt++) {
    const loaded = deps.checkpoint.load();
    const lease = loaded?.lease ?? null;
    const mr = deps.mapReduce;
    const handedOff =
      !!loaded && feedPhase(loaded) === 'handed over' && lease!.deploymentId === mr?.deploymentId;
    if (
      lease &&
      lease.deploymentId !== opts.deploymentId &&
      lease.until > deps.now() &&
      (handedOff ? mr!.running() : deps.leaseHolderRunning(lease))
    ) {
      summary.skipped = `deployment ${lease.deploymentId} is importing (lease until ${new Date(lease.until).toISOString()}); this run leaves the feeds to it`;
      return false;
    }
    // A dry run starts from scratch and keeps its state to itself.
    if (opts.dryRun) return null;
    d.state = loaded ?? freshState();
    // Handed to the map/reduce, which is neither queued nor running: the handoff was cut short (a
    // crash between saving it and the submit) or the job ended without finishing. Submit it again,
    // and after MAX_HANDOFF_ATTEMPTS take the feeds back (every customer written is found again).
    if (handedOff && drive(d, resumeHandoff(d.state, deps, summary))) return false;
    if (d.save(d.state) !== false) return lease;
    if (attempt >= 3)
      throw new SyncError(
        SYNC_ERROR_CODES.checkpointConflict,
        'the import checkpoint was changed by another execution three times while this one saved it; nothing was imported, and the next scheduled run tries again',
      );
  }
}

/** The feeds of customer/export/, in the order they are imported; entries that are no feed reported. */
function listFeeds(deps: ImportDeps, summary: ImportSummary): FeedEntry[] {
  let listed: FeedEntry[];
  try {
    listed = deps.feeds.list();
  } catch (e) {
    // Nothing can be imported without the listing: end in error (NetSuite notifies), naming the folder.
    const { code, message } = describeError(e);
    deps.log.error(
      `Cannot list SFTP folder ${SFTP_FOLDERS.customerFeed}/`,
      `${code}: ${message}. Check that ${SFTP_FOLDERS.customerFeed}/ exists under the default directory and that the SFTP user may read it.`,
    );
    throw e;
  }
  const feeds: FeedEntry[] = [];
  for (const entry of listed) {
    const unsafe = unsafeNameReason(entry.name);
    if (unsafe) summary.files.push(skipEntry(entry.name, unsafe, deps));
    else if (!isCsv(entry.name))
      continue; // not a feed: dot files, other files, archive/, error/...
    else if (entry.directory) summary.files.push(skipEntry(entry.name, 'a directory, not a file', deps));
    else feeds.push(entry);
  }
  return feeds;
}

/** The feed in progress first, so a resumed execution finishes what it started; entries that could not be read last time last, so they never hold up the feeds behind them. */
function orderFeeds(state: ImportState, feeds: FeedEntry[]): void {
  const skippedBefore = new Set(state.skipped ?? []);
  const rank = (f: FeedEntry) => (f.name === state.file ? 0 : skippedBefore.has(f.name) ? 2 : 1);
  feeds.sort((a, b) => rank(a) - rank(b));
  // Feeds given back by the map/reduce and since archived are forgotten.
  if (state.notHandedOff) {
    const listedNames = new Set(feeds.map((f) => f.name));
    state.notHandedOff = state.notHandedOff.filter((n) => listedNames.has(n));
    if (!state.notHandedOff.length) delete state.notHandedOff;
  }
}

/** Adds a result to the summary, its counts to the totals. */
function report(summary: ImportSummary, r: FileResult): void {
  summary.files.push(r);
  for (const k of Object.keys(r.counts) as (keyof ImportCounts)[]) summary.totals[k] += r.counts[k];
}

export function* importFeeds(d: ImportRun): Steps<ImportSummary> {
  const { state, deps, opts, summary, run } = d;
  const tally = (outcome: keyof ImportCounts) => {
    state.counts[outcome]++;
    summary.totals[outcome]++;
  };
  // Finished feeds no summary has reported (their execution crashed before it): reported here.
  state.finished?.forEach((r) => report(summary, r));
  const feeds = listFeeds(deps, summary);
  // The feed in progress is gone: archived by an execution that crashed before saving (reported with
  // the counts its move was recorded with, once: that execution logged no summary), or removed.
  if (state.file && !feeds.some((f) => f.name === state.file)) {
    const m = state.moving!;
    if (feedPhase(state) === 'finishing') {
      const outcome = m.to === SFTP_FOLDERS.customerFeedArchive ? 'archived' : 'failed';
      const r: FileResult = { name: state.file, outcome, counts: state.counts, lines: m.lines };
      report(summary, r);
      state.finished = [...(state.finished ?? []), r];
    } else
      deps.log.error(
        `Customer feed ${state.file} is gone while it was being imported`,
        `Someone removed or moved ${SFTP_FOLDERS.customerFeed}/${state.file} after its line ${state.line} was handled (reports tagged ${state.tag}); its later lines were not imported: have HotWax send them again.`,
      );
    yield* dropCopy(state, deps);
    resetFeed(state);
  }
  orderFeeds(state, feeds);
  const skippedNow: string[] = [];
  let progress = false;
  for (let index = 0; index < feeds.length; index++) {
    if (!deps.budget.canAfford(UNITS.sftpTransfer + UNITS.searchPage + ROW_UNITS + ARCHIVE_UNITS)) {
      summary.paused = true;
      break;
    }
    const entry = feeds[index];
    const lineBefore = state.line;
    const result = yield* importNext(d, entry, feeds.slice(index + 1), tally);
    if (result.outcome === 'handed off') {
      // The map/reduce holds the lease now (saved with the handoff): nothing more is saved here.
      summary.handedOff = d.state.handoff!.feeds.map((f) => f.name);
      return summary;
    }
    if (result.outcome === 'in progress') {
      progress = progress || state.line > lineBefore;
      summary.paused = true;
      break;
    }
    if (result.outcome === 'skipped') skippedNow.push(entry.name);
    else progress = true;
    // Changed under the import: the new content is taken up again as a new feed (new tag), from line 1.
    if (result.outcome === 'changed') feeds.push(run.listed?.find((f) => f.name === entry.name) ?? entry);
    // Archived, failed, blocked or skipped: the copy of the feed is not needed any more.
    yield* dropCopy(state, deps);
    endFeed(state, entry.name, result);
    yield { kind: 'saveCheckpoint', state };
  }
  state.skipped = skippedNow.length ? skippedNow : undefined;
  summary.stalled = summary.paused && !progress;
  // Feeds left in customer/export/ for later runs (the status page's first screen shows the number).
  const done = summary.files.filter((f) => /^(archived|failed)$/.test(f.outcome)).map((f) => f.name);
  summary.waiting = feeds.filter((f) => !done.includes(f.name) && f.name !== state.file).length;
  state.lease = null;
  // The last save before the entry point logs the summary (no charged call in between).
  delete state.finished;
  // Kept only while a feed is in progress.
  if (!state.file) {
    delete state.copyFolderId;
    delete state.refs;
  }
  if (!opts.dryRun) yield { kind: 'saveCheckpoint', state, asIs: true };
  return summary;
}

/**
 * The next feed: offered to the map/reduce unread when the listing alone shows a large backlog, else
 * taken up (or resumed) and imported, with the offer made again once its rows are counted.
 */
function* importNext(
  d: ImportRun,
  entry: FeedEntry,
  after: FeedEntry[],
  tally: (outcome: keyof ImportCounts) => void,
): Steps<FileResult> {
  const { state, deps, opts, summary, save, run } = d;
  const name = entry.name;
  const mr = deps.mapReduce;
  const offer = (rowCount: number | null) => offerHandoff(d, entry, rowCount, after);
  const phase = feedPhase(state, name);
  // A backlog the listing alone shows to be large is handed over unread (the map/reduce reads it),
  // before this feed is even taken up (and while no other feed is).
  if ((phase !== 'none' || !state.file) && mayOffer(state, name, opts.dryRun, mr) && (yield* offer(null))) {
    const r: FileResult = { name, outcome: 'handed off', counts: emptyCounts() };
    summary.files.push(r);
    return r;
  }
  if (phase === 'none') {
    yield* dropCopy(state, deps);
    takeUp(state, name, state.blockedTags?.[name] ?? newTag(deps.now()));
    // Saved before any report can be written, so a re-run after a crash names its reports the same.
    yield { kind: 'saveCheckpoint', state };
  }
  const result = yield* feedSteps(entry, state, {
    deps,
    opts,
    save,
    tally,
    run,
    decider: upserting(deps, opts),
    offer: mayOffer(state, name, opts.dryRun, mr) ? offer : undefined,
  });
  summary.files.push(result);
  return result;
}

/**
 * Hands the feeds handoffChoice picks to HC_MR_ImportCustomer. The checkpoint is saved with the
 * handoff and the map/reduce's lease before the submit (a crash in between leaves a handoff the next
 * run submits again); the handed-over state replaces the one in hand, which stays as it was, so a
 * deployment that cannot be submitted leaves this script to go on with it.
 */
export function* offerHandoff(
  d: ImportRun,
  first: FeedEntry,
  rowCount: number | null,
  after: FeedEntry[],
): Steps<boolean> {
  const { state, deps, summary } = d;
  const mr = deps.mapReduce!;
  const choice = handoffChoice(first, rowCount, after, state, mr);
  if (!choice) return false;
  const now = deps.now();
  const handed: ImportState = { ...state };
  resetFeed(handed);
  // This execution's summary reports them; the reference answers end with the chain.
  delete handed.finished;
  delete handed.refs;
  handed.handoff = {
    feeds: choice.feeds.map((f, i) => ({
      name: f.name,
      tag: i === 0 && state.tag ? state.tag : newTag(now),
    })),
    done: [],
    attempts: 1,
    settings: mr.settings,
  };
  handed.lease = {
    executionId: `${mr.deploymentId}-${now}-${uniqueSuffix()}`,
    deploymentId: mr.deploymentId,
    scriptId: mr.scriptId,
    until: now + HANDOFF_LEASE_MS,
  };
  d.state = handed;
  yield { kind: 'saveCheckpoint', state: handed, asIs: true };
  // The feeds this execution finished left the checkpoint with that save: their lines are logged now,
  // before the submit (a crash there would leave no summary to report them).
  logFeedResults(summary, (title, details) => deps.log.audit(title, details));
  const submitted = (yield { kind: 'submit' }) as Got<'submit'>;
  if (submitted === 'unavailable') {
    // The deployment cannot run (an upgraded account without it, say): this script goes on itself.
    d.state = state;
    deps.log.error(
      'HC_SC_ImportCustomer cannot hand feeds to HC_MR_ImportCustomer',
      `Deployment ${mr.deploymentId} of ${mr.scriptId} cannot be submitted (see the AUDIT line before this one): create it (docs/UPGRADE.md, HC_ADD_DEPLOYMENTS=${mr.deploymentId} npm run deploy:add-deployments) or set custscript_hc_imp_mr_min_rows to 0. The feeds are imported here, one execution after another.`,
    );
    yield { kind: 'saveCheckpoint', state, asIs: true };
    return false;
  }
  deps.log.audit(
    'Customer feeds handed to HC_MR_ImportCustomer',
    `${choice.feeds.length} feed(s), about ${choice.rows} rows${submitted === 'submitted' ? '' : ' (the job was already queued)'}: ${choice.feeds.map((f) => f.name).join(', ')}`,
  );
  return true;
}

/** Deletes the copy of the feed in progress, if one was kept. */
function* dropCopy(state: ImportState, deps: ImportDeps): Steps<void> {
  if (!state.feedCopy) return;
  if (deps.feedCopies && deps.budget.canAfford(COPY_REMOVE_UNITS))
    yield { kind: 'deleteCopy', copy: state.feedCopy };
  delete state.feedCopy;
}
