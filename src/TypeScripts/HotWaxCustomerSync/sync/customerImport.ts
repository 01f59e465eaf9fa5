/**
 * HC_SC_ImportCustomer's logic: every HotWax customer feed in customer/export/ is read, each row
 * validated and upserted (created, linked, already linked, or reported), the error reports written,
 * and the feed archived once every row is handled. Resumable: the checkpoint holds the feed and the
 * last handled line; low governance saves it and reschedules. A crash at any point is safe: a row
 * whose customer was already written is found again by its HC customer id on the re-run.
 *
 * This file holds the run (lease, feed order, handoff to HC_MR_ImportCustomer) and one feed's
 * reports and archive move; the parts it is built from live beside it: the ports (ports.ts), the
 * checkpoint and summary types (importTypes.ts), the row upsert (customerUpsert.ts), the dry run's
 * verdict file (importDryRun.ts) and the feed entry checks (customerFeedFolder.ts).
 */
import { DEFAULT_SUBSIDIARY_PARAM, toNewCustomer } from './customerRows';
import type { BudgetShortfall } from '../core/governance';
import { UNITS } from '../core/governance';
import { SFTP_FOLDERS } from '../core/config';
import { isCsv, textHash, uniqueSuffix, utcStamp } from '../core/fileNames';
import { SyncError, describeError } from '../core/errors';
import { physicalLineCount, toReportCsv } from '../core/csv';
import { ERROR_REPORT_HEADER } from '../core/hotwaxFiles';
import { readCustomerFeed } from '../core/customerFeed';
import { FILE_CONTENT_LIMIT, SFTP_MAX_FILE_SIZE } from '../core/limits';
import type { FeedEntry, MapReducePort } from './ports';
import type {
  ErrorRow,
  FileResult,
  ImportCounts,
  ImportDeps,
  ImportOptions,
  ImportState,
  ImportSummary,
  RunContext,
} from './importTypes';
import { emptyCounts } from './importTypes';
import type { PreparedRow, RowDecider } from './customerUpsert';
import { CHECKPOINT_ROWS, ROW_UNITS, upserting } from './customerUpsert';
import type { RowVerdict } from './importDryRun';
import { DRY_RUN_FOLDER, writeFileVerdict, writeVerdicts } from './importDryRun';
import { recordingReports, shortStem, unreadableReason, unsafeNameReason } from './customerFeedFolder';

/**
 * Finishing a feed: each report is a folder check, an upload, a move (and a replace); then the
 * outcome saved, the listing that checks the feed is still the one read, and the archive move.
 */
const REPORT_UNITS = UNITS.sftpTransfer + 4 * UNITS.sftpOther;
const ARCHIVE_UNITS = 3 * UNITS.sftpOther + 2 * UNITS.customRecordSubmitFields;
const finishUnits = (errors: ErrorRow[]) =>
  ARCHIVE_UNITS +
  (errors.length ? REPORT_UNITS : 0) +
  (errors.some((e) => e.missingRequired) ? REPORT_UNITS : 0);
const LEASE_MS = 15 * 60 * 1000;

/** Times a handoff is submitted before the scheduled path takes its feeds back. */
export const MAX_HANDOFF_ATTEMPTS = 3;
/** The map/reduce's lease is given back by its summarize, not by time: 30 days is only a backstop. */
const HANDOFF_LEASE_MS = 30 * 24 * 60 * 60 * 1000;

/** True when the run ends here (the map/reduce was submitted again); false when the feeds came back. */
function resumeHandoff(state: ImportState, deps: ImportDeps, summary: ImportSummary): boolean {
  const h = state.handoff!;
  const left = h.feeds.filter((f) => !h.done.includes(f.name));
  const names = left.map((f) => f.name).join(', ');
  if (h.attempts < MAX_HANDOFF_ATTEMPTS) {
    h.attempts++;
    deps.checkpoint.save(state);
    const submitted = deps.mapReduce!.submit();
    deps.log.audit(
      'Customer feeds handed to HC_MR_ImportCustomer again',
      `attempt ${h.attempts} of ${MAX_HANDOFF_ATTEMPTS} (${submitted}): ${names}`,
    );
    summary.skipped = `deployment ${state.lease!.deploymentId} holds the feeds ${names}; submitted again (attempt ${h.attempts})`;
    return true;
  }
  deps.log.error(
    `HC_MR_ImportCustomer did not finish ${left.length} customer feed(s)`,
    `after ${MAX_HANDOFF_ATTEMPTS} attempts HC_SC_ImportCustomer imports them itself (customers already written are found by their HC customer id, never created twice): ${names}`,
  );
  giveBack(state, left);
  return false;
}

/**
 * Feeds of a handoff go back to this script: never handed over again, and their reports keep the
 * tag the map/reduce used (a report it wrote is replaced, never doubled).
 */
export function giveBack(state: ImportState, feeds: Array<{ name: string; tag: string }>): void {
  returnFeeds(state, feeds);
  delete state.handoff;
}

/** Some feeds of a handoff back to this script (the handoff itself goes on). */
export function returnFeeds(state: ImportState, feeds: Array<{ name: string; tag: string }>): void {
  if (!feeds.length) return;
  state.notHandedOff = [...new Set([...(state.notHandedOff ?? []), ...feeds.map((f) => f.name)])];
  state.blockedTags = { ...state.blockedTags };
  for (const f of feeds) state.blockedTags[f.name] = f.tag;
}

export function runCustomerImport(deps: ImportDeps, opts: ImportOptions): ImportSummary {
  const summary: ImportSummary = { files: [], totals: emptyCounts(), paused: false, stalled: false };
  const fresh = (): ImportState => ({ file: null, line: 0, errors: [], counts: emptyCounts(), lease: null });
  const withLease = (st: ImportState) => {
    st.lease = {
      executionId: opts.executionId,
      deploymentId: opts.deploymentId,
      until: deps.now() + LEASE_MS,
    };
    return st;
  };
  const save = (st: ImportState) => {
    if (!opts.dryRun) deps.checkpoint.save(withLease(st));
  };

  // Take the lease. Two executions starting together on a fresh account both find no checkpoint;
  // only one can create it (external id), and the other decides again on the winner's state.
  let state: ImportState = fresh();
  let leftOver: ImportState['lease'] = null;
  for (let attempt = 1; ; attempt++) {
    const loaded = deps.checkpoint.load();
    const lease = loaded?.lease ?? null;
    const mr = deps.mapReduce;
    const handedOff = !!(loaded?.handoff && lease?.scriptId && mr && lease.deploymentId === mr.deploymentId);
    if (
      lease &&
      lease.deploymentId !== opts.deploymentId &&
      lease.until > deps.now() &&
      (handedOff ? mr!.running() : deps.leaseHolderRunning(lease))
    ) {
      summary.skipped = `deployment ${lease.deploymentId} is importing (lease until ${new Date(lease.until).toISOString()}); this run leaves the feeds to it`;
      return summary;
    }
    // A dry run starts from scratch and keeps its state to itself.
    if (opts.dryRun) break;
    state = loaded ?? fresh();
    leftOver = lease;
    // Handed to the map/reduce, which is neither queued nor running: the handoff was cut short (a
    // crash between saving it and the submit) or the job ended without finishing. Submit it again,
    // and after MAX_HANDOFF_ATTEMPTS take the feeds back (every customer written is found again).
    if (handedOff && resumeHandoff(state, deps, summary)) return summary;
    if (deps.checkpoint.save(withLease(state)) !== false) break;
    if (attempt >= 3)
      throw new SyncError(
        'HC_CHECKPOINT_CONFLICT',
        'the import checkpoint could not be read back after a conflict',
      );
  }

  try {
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
    return importFeeds(summary, state, deps, opts, save);
  } catch (e) {
    // A failing execution must not block the other deployment: release the lease, keep the progress
    // (every row counted in `state` is written). After a crash this cannot run; the lease is then
    // found left over and its holder not running.
    if (!opts.dryRun)
      try {
        state.lease = null;
        state.interrupted = true;
        deps.checkpoint.save(state);
      } catch {
        // Out of units or the execution is going away: the next run sees a holder not running.
      }
    throw e;
  }
}

function importFeeds(
  summary: ImportSummary,
  state: ImportState,
  deps: ImportDeps,
  opts: ImportOptions,
  save: (st: ImportState) => void,
): ImportSummary {
  const tally = (outcome: keyof ImportCounts) => {
    state.counts[outcome]++;
    summary.totals[outcome]++;
  };
  // Finished feeds no summary has reported (their execution crashed before it): reported here.
  const report = (r: FileResult) => {
    summary.files.push(r);
    for (const k of Object.keys(r.counts) as (keyof ImportCounts)[]) summary.totals[k] += r.counts[k];
  };
  state.finished?.forEach(report);

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
  const run: RunContext = { reportedFolders: new Set(), setupReported: new Set() };
  const feeds: FeedEntry[] = [];
  for (const entry of listed) {
    const unsafe = unsafeNameReason(entry.name);
    if (unsafe) {
      summary.files.push(skip(entry.name, unsafe, deps));
      continue;
    }
    if (!isCsv(entry.name)) continue; // not a feed: dot files, other files, archive/, error/...
    if (entry.directory) {
      summary.files.push(skip(entry.name, 'a directory, not a file', deps));
      continue;
    }
    feeds.push(entry);
  }
  // The feed in progress is gone (archived by an execution that crashed before saving): start afresh,
  // reporting the counts its move was recorded with (once: that execution logged no summary).
  if (state.file && !feeds.some((f) => f.name === state.file)) {
    const m = state.moving;
    if (m) {
      const outcome = m.to === SFTP_FOLDERS.customerFeedArchive ? 'archived' : 'failed';
      const r: FileResult = { name: state.file, outcome, counts: state.counts, lines: m.lines };
      report(r);
      state.finished = [...(state.finished ?? []), r];
    }
    Object.assign(state, { file: null, line: 0, errors: [], counts: emptyCounts() });
    dropCopy(state, deps);
    forgetFile(state);
    delete state.tag;
  }
  // The feed in progress first, so a resumed execution finishes what it started; entries that could
  // not be read last time go last, so they never hold up the feeds behind them.
  const skippedBefore = new Set(state.skipped ?? []);
  const rank = (f: FeedEntry) => (f.name === state.file ? 0 : skippedBefore.has(f.name) ? 2 : 1);
  feeds.sort((a, b) => rank(a) - rank(b));
  const skippedNow: string[] = [];

  // Feeds given back by the map/reduce and since archived are forgotten.
  if (state.notHandedOff) {
    const listedNames = new Set(feeds.map((f) => f.name));
    state.notHandedOff = state.notHandedOff.filter((n) => listedNames.has(n));
    if (!state.notHandedOff.length) delete state.notHandedOff;
  }

  let progress = false;
  for (let index = 0; index < feeds.length; index++) {
    const entry = feeds[index];
    const name = entry.name;
    if (!deps.budget.canAfford(UNITS.sftpTransfer + UNITS.searchPage + ROW_UNITS + ARCHIVE_UNITS)) {
      summary.paused = true;
      break;
    }
    const mr = deps.mapReduce;
    // Nothing of this feed handled yet: a large backlog goes to HC_MR_ImportCustomer.
    const offerable = () =>
      mr && !opts.dryRun && state.line === 0 && !state.reportParts && !state.notHandedOff?.includes(name);
    // A backlog the listing alone shows to be large is handed over unread (the map/reduce reads it),
    // before this feed is even taken up.
    if (
      (state.file === null || state.file === name) &&
      offerable() &&
      handOff(entry, null, feeds.slice(index + 1), state, deps, mr!, summary)
    ) {
      summary.files.push({ name, outcome: 'handed off', counts: emptyCounts() });
      summary.handedOff = state.handoff!.feeds.map((f) => f.name);
      return summary;
    }
    if (state.file !== name) {
      state.file = name;
      state.line = 0;
      state.errors = [];
      state.counts = emptyCounts();
      dropCopy(state, deps);
      forgetFile(state);
      state.tag = state.blockedTags?.[name] ?? `${utcStamp(new Date(deps.now()))}-${uniqueSuffix()}`;
      // Saved before any report can be written, so a re-run after a crash names its reports the same.
      save(state);
    }
    const lineBefore = state.line;
    const offer = offerable()
      ? (rowCount: number) => handOff(entry, rowCount, feeds.slice(index + 1), state, deps, mr!, summary)
      : undefined;
    const result = importOneFeed(entry, state, deps, opts, save, tally, run, upserting(deps, opts), offer);
    summary.files.push(result);
    if (result.outcome === 'handed off') {
      // The map/reduce holds the lease now (saved with the handoff): nothing more is saved here.
      summary.handedOff = state.handoff!.feeds.map((f) => f.name);
      return summary;
    }
    if (result.outcome === 'in progress') {
      progress = progress || state.line > lineBefore;
      summary.paused = true;
      break;
    }
    if (result.outcome === 'skipped') skippedNow.push(name);
    else progress = true;
    if (/^(archived|failed|changed|gone)$/.test(result.outcome)) {
      const { errorReports: _, reason: __, ...r } = result;
      state.finished = [...(state.finished ?? []), r];
    }
    // Changed under the import: the new content is taken up again as a new feed (new tag), from line 1.
    if (result.outcome === 'changed') feeds.push(run.listed?.find((f) => f.name === name) ?? entry);
    // A feed left in place keeps its tag, so its next try replaces the reports it already wrote.
    const blockedTags = { ...state.blockedTags };
    if (result.outcome === 'blocked' && state.tag) blockedTags[name] = state.tag;
    else delete blockedTags[name];
    state.blockedTags = Object.keys(blockedTags).length ? blockedTags : undefined;
    // A feed the map/reduce gave back is done with once it is archived or failed.
    if (state.notHandedOff && result.outcome !== 'blocked' && result.outcome !== 'skipped') {
      state.notHandedOff = state.notHandedOff.filter((n) => n !== name);
      if (!state.notHandedOff.length) delete state.notHandedOff;
    }
    state.file = null;
    state.line = 0;
    state.errors = [];
    state.counts = emptyCounts();
    // Archived, failed, blocked or skipped: the copy of the feed is not needed any more.
    dropCopy(state, deps);
    forgetFile(state);
    delete state.tag;
    save(state);
  }
  state.skipped = skippedNow.length ? skippedNow : undefined;
  summary.stalled = summary.paused && !progress;
  // Feeds left in customer/export/ for later runs (the status page's first screen shows the number).
  const done = summary.files.filter((f) => /^(archived|failed)$/.test(f.outcome)).map((f) => f.name);
  summary.waiting = feeds.filter((f) => !done.includes(f.name) && f.name !== state.file).length;
  state.lease = null;
  // The last save before the entry point logs the summary (no charged call in between).
  delete state.finished;
  if (!state.file) delete state.copyFolderId; // kept only while a feed is in progress
  if (!opts.dryRun) deps.checkpoint.save(state);
  return summary;
}

/**
 * One feed, with the names of the reports written for it. `decider` decides the rows (this
 * execution's upserts, or the outcomes the map/reduce's reduce stage reached); `offer` may hand the
 * feed over once it is read (true: handed off).
 */
export function importOneFeed(
  entry: FeedEntry,
  state: ImportState,
  deps: ImportDeps,
  opts: ImportOptions,
  save: (st: ImportState) => void,
  tally: (outcome: keyof ImportCounts) => void,
  run: RunContext,
  decider: RowDecider,
  offer?: (rowCount: number) => boolean,
): FileResult {
  const written = recordingReports(deps.feeds);
  const result = importFeed(
    entry,
    state,
    { ...deps, feeds: written.feeds },
    opts,
    save,
    tally,
    run,
    decider,
    offer,
  );
  const errorReports = written.names(SFTP_FOLDERS.customerFeedError);
  if (errorReports.length) result.errorReports = errorReports;
  const dryRunReport = written.names(DRY_RUN_FOLDER)[0];
  if (dryRunReport) result.dryRunReport = dryRunReport;
  return result;
}

/**
 * Bytes per row assumed when the handoff is decided from the listing alone: a HotWax customer row is
 * about 200 bytes, so only a backlog certainly over `minRows` is handed over unread; a smaller-looking
 * one is read and its rows counted first.
 */
const LISTED_BYTES_PER_ROW = 1000;

/**
 * Hands the feed being taken up, and the feeds waiting after it (at most `maxFeeds` in all), to
 * HC_MR_ImportCustomer when together they hold at least `minRows` rows: `rowCount` is the first feed's
 * rows as read (the waiting feeds' rows estimated from their sizes at its bytes per row), or null
 * before it is read (every feed's rows estimated at LISTED_BYTES_PER_ROW, saving its download).
 * The checkpoint is saved with the handoff and the map/reduce's lease before the submit: a crash in
 * between leaves a handoff the next run submits again.
 */
function handOff(
  first: FeedEntry,
  rowCount: number | null,
  after: FeedEntry[],
  state: ImportState,
  deps: ImportDeps,
  mr: MapReducePort,
  summary: ImportSummary,
): boolean {
  if (mr.minRows <= 0) return false;
  if (rowCount === null && !first.size) return false;
  const skippedBefore = new Set(state.skipped ?? []);
  const waiting = after
    .filter((f) => !skippedBefore.has(f.name) && !state.notHandedOff?.includes(f.name))
    .filter((f) => !state.blockedTags?.[f.name])
    .slice(0, Math.max(0, mr.maxFeeds - 1));
  const bytesPerRow =
    rowCount === null ? LISTED_BYTES_PER_ROW : first.size && rowCount ? first.size / rowCount : 0;
  const estimate = (f: FeedEntry) => (bytesPerRow ? Math.round((f.size ?? 0) / bytesPerRow) : 0);
  const backlogRows = (rowCount ?? estimate(first)) + waiting.reduce((n, f) => n + estimate(f), 0);
  if (backlogRows < mr.minRows) return false;
  const now = deps.now();
  const taken = [first, ...waiting];
  const before = JSON.stringify(state);
  state.handoff = {
    feeds: taken.map((f, i) => ({
      name: f.name,
      tag: i === 0 && state.tag ? state.tag : `${utcStamp(new Date(now))}-${uniqueSuffix()}`,
    })),
    done: [],
    attempts: 1,
    settings: mr.settings,
  };
  Object.assign(state, { file: null, line: 0, errors: [], counts: emptyCounts() });
  forgetFile(state);
  delete state.tag;
  delete state.finished; // this execution's summary reports them
  state.lease = {
    executionId: `${mr.deploymentId}-${now}-${uniqueSuffix()}`,
    deploymentId: mr.deploymentId,
    scriptId: mr.scriptId,
    until: now + HANDOFF_LEASE_MS,
  };
  deps.checkpoint.save(state);
  // The feeds this execution finished left the checkpoint with that save: their lines are logged now,
  // before the submit (a crash there would leave no summary to report them).
  logFeedResults(summary, (t, d) => deps.log.audit(t, d));
  const submitted = mr.submit();
  if (submitted === 'unavailable') {
    // The deployment cannot run (an upgraded account without it, say): this script goes on itself;
    // its next checkpoint save replaces the handoff.
    for (const k of Object.keys(state)) delete (state as unknown as Record<string, unknown>)[k];
    Object.assign(state, JSON.parse(before));
    deps.log.error(
      'HC_SC_ImportCustomer cannot hand feeds to HC_MR_ImportCustomer',
      `Deployment ${mr.deploymentId} of ${mr.scriptId} cannot be submitted (see the AUDIT line before this one): create it (docs/UPGRADE.md, HC_ADD_DEPLOYMENTS=${mr.deploymentId} npm run deploy:add-deployments) or set custscript_hc_imp_mr_min_rows to 0. The feeds are imported here, one execution after another.`,
    );
    deps.checkpoint.save(state);
    return false;
  }
  deps.log.audit(
    'Customer feeds handed to HC_MR_ImportCustomer',
    `${taken.length} feed(s), about ${backlogRows} rows${submitted === 'submitted' ? '' : ' (the job was already queued)'}: ${taken.map((f) => f.name).join(', ')}`,
  );
  return true;
}

/** The AUDIT line of each feed result not logged yet ("Customer feed <name>: <outcome>"), once each. */
export function logFeedResults(
  summary: ImportSummary,
  audit: (title: string, details: string) => void,
): void {
  for (const f of summary.files)
    if (!summary.logged?.includes(f)) {
      audit(`Customer feed ${f.name}: ${f.outcome}`, JSON.stringify(f));
      (summary.logged ??= []).push(f);
    }
}

/** The details of the AUDIT line "<script> summary", the same for both import scripts. */
export function summaryDetails(
  summary: ImportSummary,
  unitsUsed: number,
  rescheduled: boolean,
  /** What stopped the execution short (GovernanceBudget.stoppedFor), or null. */
  stoppedFor: BudgetShortfall | null = null,
): Record<string, unknown> {
  const n = (o: FileResult['outcome']) => summary.files.filter((f) => f.outcome === o).length;
  return {
    totals: summary.totals,
    files: summary.files.length,
    archived: n('archived'),
    failed: n('failed'),
    // Entries reported and left in place: unreadable or unsafe names (skipped), reports or archive
    // move that could not be written (blocked; read again next run).
    skippedEntries: n('skipped'),
    blocked: n('blocked'),
    // Feeds rewritten or removed while being imported (ERROR lines name them), handed over and given back.
    changed: n('changed'),
    gone: n('gone'),
    givenBack: n('given back'),
    lines: summary.files.reduce((n, f) => n + (f.lines ?? 0), 0),
    inProgress: summary.files.find((f) => f.outcome === 'in progress')?.name ?? null,
    skipped: summary.skipped ?? null,
    handedOff: summary.handedOff ?? null,
    unitsUsed,
    stoppedFor,
    rescheduled,
  };
}

/**
 * A copy of the feed in progress (FeedCopies): saving it costs the folder's lookup (and its creation,
 * the first time), the checkpoint saved before it and File.save; reading it back one search page when
 * its file id was not saved (a crash) and file.load; deleting it the same search and file.delete.
 */
const COPY_SAVE_UNITS =
  UNITS.searchPage + UNITS.folderCreate + UNITS.folderSave + UNITS.customRecordSubmitFields + UNITS.fileSave;
const COPY_REMOVE_UNITS = UNITS.searchPage + UNITS.fileDelete;

/** Deletes the copy of the feed in progress, if one was kept. */
function dropCopy(state: ImportState, deps: ImportDeps): void {
  if (!state.feedCopy) return;
  if (deps.feedCopies && deps.budget.canAfford(COPY_REMOVE_UNITS)) deps.feedCopies.remove(state.feedCopy);
  delete state.feedCopy;
}

/** Per-feed fields that must not carry over to the next feed. */
function forgetFile(state: ImportState): void {
  delete state.feedCopy;
  delete state.print;
  delete state.moving;
  delete state.reportParts;
  delete state.missingLines;
  delete state.problemsThrough;
}

/** Errors of one feed kept in the checkpoint before they are written out as a report part. */
const SPILL_AT_CHARS = 600_000;
/** A stored error message is cut past this (at a character boundary): NetSuite's own can be long. */
const MAX_STORED_MESSAGE = 1000;
const storedMessage = (m: string) => {
  if (m.length <= MAX_STORED_MESSAGE) return m;
  const c = m.charCodeAt(MAX_STORED_MESSAGE - 1);
  return `${m.slice(0, c >= 0xd800 && c <= 0xdbff ? MAX_STORED_MESSAGE - 1 : MAX_STORED_MESSAGE)}…`;
};
const storedSize = (e: ErrorRow) => e.message.length + e.code.length + e.hcCustomerId.length + 80;

function skip(name: string, reason: string, deps: ImportDeps): FileResult {
  deps.log.error(
    `Customer feed folder entry ${JSON.stringify(name)} skipped`,
    `${SFTP_FOLDERS.customerFeed}/ entry ${JSON.stringify(name)}: ${reason}. It is left where it is and the other feeds are imported; remove or fix it on the SFTP server.`,
  );
  return { name, outcome: 'skipped', reason, counts: emptyCounts() };
}

/** Errors of a download that will never succeed for this file: it goes to failed/ with a report. */
const PERMANENT_DOWNLOAD_ERRORS = new Set([
  'FTP_MAXIMUM_FILE_SIZE_EXCEEDED',
  'SSS_FILE_CONTENT_SIZE_EXCEEDED',
]);

/** A report file name that never overwrites another feed's: `<stem>-<tag><suffix>`. */
function reportName(
  name: string,
  state: ImportState,
  suffix: string,
  entry: FeedEntry,
  dryRun: boolean,
): string {
  // A dry run saves no state: its verdict file is named after the feed's modification time, so
  // checking the same file again replaces its verdicts and another file of the same name does not.
  const tag = dryRun || !state.tag ? utcStamp(entry.lastModified ?? new Date(0)) : state.tag;
  return `${shortStem(name)}-${tag}${suffix}`;
}

/**
 * Runs a write into `folder`; when it fails, says so once per execution and per folder in an ERROR
 * naming the folder, and returns false (the caller leaves the feed where it is for the next run).
 */
/**
 * Moves a feed into `folder` under its tagged name (the tag kept in the checkpoint, so a re-run after
 * a crash picks the same name). The name it got, or null when the folder cannot be written (reported).
 */
function moveFeedInto(
  folder: string,
  name: string,
  state: ImportState,
  deps: ImportDeps,
  run: RunContext,
  save: (st: ImportState) => void,
  result: FileResult,
): FileResult {
  // Recorded first: a re-run that finds the feed moved reports these counts (importFeeds, finishHandoff).
  state.moving = { to: folder, lines: result.lines, blankLines: result.blankLines };
  save(state);
  // A fresh listing, against what was read: a feed rewritten (or removed) meanwhile is not moved.
  // (A listing that fails leaves the feed in place, reported, for the next run: as a failed move does.)
  if (!writeInto(SFTP_FOLDERS.customerFeed, name, () => (run.listed = deps.feeds.list()), deps, run))
    return { ...result, outcome: 'blocked' };
  const now = run.listed!.find((e) => e.name === name);
  const p = state.print;
  if (!now || (p && (now.size !== p.size || now.lastModified?.getTime() !== p.modified))) {
    const outcome = now ? 'changed' : 'gone';
    const c = state.counts;
    deps.log.error(
      `Customer feed ${name} ${now ? 'changed' : 'is gone'} while it was being imported: not moved to ${folder}/`,
      `${now ? `${SFTP_FOLDERS.customerFeed}/${name} now has another size or modification time than the file read; its new content is imported as a new feed from line 1 (customers already written are found by their HC customer id, never created twice)` : `someone removed or moved ${SFTP_FOLDERS.customerFeed}/${name}`}. The version read was handled: ${c.created} created, ${c.linked} linked, ${c.alreadyLinked} already linked, ${c.errors} error(s) (reports tagged ${state.tag}).`,
    );
    return { ...result, outcome };
  }
  let movedTo = '';
  const moved = writeInto(
    folder,
    name,
    () => {
      movedTo = deps.feeds.moveFeed(name, folder, `${shortStem(name)}-${state.tag ?? uniqueSuffix()}.csv`);
    },
    deps,
    run,
  );
  return moved ? { ...result, movedTo } : { ...result, outcome: 'blocked' };
}

function writeInto(folder: string, feed: string, op: () => void, deps: ImportDeps, run: RunContext): boolean {
  try {
    op();
    return true;
  } catch (e) {
    const { code, message } = describeError(e);
    if (code === 'SSS_USAGE_LIMIT_EXCEEDED') throw e;
    if (!run.reportedFolders.has(folder)) {
      run.reportedFolders.add(folder);
      deps.log.error(
        `Cannot write to SFTP folder ${folder}/`,
        `${code}: ${message}. Give the SFTP user write access to ${folder}/ (or create it). Feed ${feed} stays in ${SFTP_FOLDERS.customerFeed}/ and is read again by the next run: customers already created are found by their HC customer id, never created twice.`,
      );
    }
    return false;
  }
}

function importFeed(
  entry: FeedEntry,
  state: ImportState,
  deps: ImportDeps,
  opts: ImportOptions,
  save: (st: ImportState) => void,
  tally: (outcome: keyof ImportCounts) => void,
  run: RunContext,
  decider: RowDecider,
  offer?: (rowCount: number) => boolean,
): FileResult {
  const name = entry.name;
  const errorsName = reportName(name, state, '-errors.csv', entry, opts.dryRun);
  const dryRunName = reportName(name, state, '-dry-run.csv', entry, true);

  /** The whole file cannot be imported: failed/ and a report (a dry run only says so). */
  const failFile = (code: string, reason: string): FileResult => {
    // Its report and move must fit too (governance), or the next execution reads the file again.
    if (
      !opts.dryRun &&
      !deps.budget.canAfford(REPORT_UNITS + ARCHIVE_UNITS + (state.feedCopy ? COPY_REMOVE_UNITS : 0))
    )
      return { name, outcome: 'in progress', counts: state.counts };
    // One error, the file's: not one more for a try after a crash (its counts are saved before the move).
    state.counts = emptyCounts();
    tally('errors');
    if (opts.dryRun) {
      writeFileVerdict(name, dryRunName, code, reason, deps);
      return { name, outcome: 'checked', counts: state.counts, reason };
    }
    deps.log.error(
      `Customer feed ${name} cannot be read`,
      `${reason}; moved to ${SFTP_FOLDERS.customerFeedFailed}/`,
    );
    const report = toReportCsv(ERROR_REPORT_HEADER, [[name, 0, '', code, reason]]);
    if (
      !writeInto(
        SFTP_FOLDERS.customerFeedError,
        name,
        () => deps.feeds.writeReport(SFTP_FOLDERS.customerFeedError, errorsName, report),
        deps,
        run,
      )
    )
      return { name, outcome: 'blocked', counts: state.counts, reason };
    return moveFeedInto(SFTP_FOLDERS.customerFeedFailed, name, state, deps, run, save, {
      name,
      outcome: 'failed',
      counts: state.counts,
      reason,
    });
  };

  if ((entry.size ?? 0) > SFTP_MAX_FILE_SIZE)
    return failFile(
      'FILE_TOO_LARGE',
      `the file is ${entry.size} bytes; NetSuite's N/sftp downloads at most ${SFTP_MAX_FILE_SIZE} bytes (Connection.MAX_FILE_SIZE): have HotWax send smaller feeds`,
    );
  // The copy an earlier execution kept of this feed: the version its rows so far were decided on
  // (state.print), whatever the listing shows now (a checkpoint without a print: the same listing).
  const modified = entry.lastModified?.getTime();
  const sameFile =
    !!state.feedCopy &&
    (!!state.print || (state.feedCopy.size === entry.size && state.feedCopy.modified === modified));
  const copied = sameFile && deps.feedCopies ? deps.feedCopies.load(state.feedCopy!) : null;
  if (copied) state.feedCopy!.fileId = copied.id;
  let text: string;
  try {
    text = copied ? copied.text : deps.feeds.download(name);
  } catch (e) {
    const { code, message } = describeError(e);
    if (code === 'SSS_USAGE_LIMIT_EXCEEDED') throw e;
    if (PERMANENT_DOWNLOAD_ERRORS.has(code))
      return failFile(
        'FILE_TOO_LARGE',
        `${code}: the file${entry.size ? ` is ${entry.size} bytes and` : ''} cannot be read within NetSuite's limits (${message}); have HotWax send smaller feeds`,
      );
    return skip(name, `cannot be downloaded (${code}: ${message})`, deps);
  }

  // Another text than the one the rows so far were decided on (a rewrite, and no copy of the version
  // read): that version's unread lines cannot be read any more; the new text is a new feed.
  const hash = textHash(text);
  const p = state.print;
  if (p && p.hash !== hash) {
    const c = state.counts;
    deps.log.error(
      `Customer feed ${name} changed while it was being imported`,
      `Its earlier version (reports tagged ${state.tag}) was handled up to line ${state.line} (${c.created} created, ${c.linked} linked, ${c.alreadyLinked} already linked, ${c.errors} error(s)); its later lines cannot be read any more: have HotWax send them again. The new content is imported as a new feed from line 1 (customers already written are found by their HC customer id).`,
    );
    return { name, outcome: 'changed', counts: state.counts };
  }
  // Kept as first read: a text merely touched (same text, new time) is then taken up again, whose rows
  // all come out "already linked". (The map/reduce's replay text is not a fresh download.)
  if (!p) state.print = { size: entry.size, modified, hash };

  const unreadable = unreadableReason(text);
  const parsed = unreadable ? null : readCustomerFeed(text, name);
  const missingKey = parsed && parsed.missingColumns.includes('HCCustomerId');
  if (parsed?.refusal && !missingKey) return failFile('DUPLICATE_COLUMN', parsed.refusal);
  if (!parsed || missingKey)
    return failFile(
      'UNREADABLE_FEED',
      unreadable ??
        `the header has no HCCustomerId column (nor a legacy "External Id" one; found: ${parsed!.header.join(', ') || 'nothing'})`,
    );
  const lines = Math.max(0, physicalLineCount(text) - parsed.headerLine);
  if (offer && offer(parsed.rows.length + parsed.problems.length))
    return { name, outcome: 'handed off', counts: state.counts, lines };

  // Setup mistakes, said once per execution; every row they affect is still reported with its line.
  if (opts.oneWorld && !opts.defaultSubsidiary && parsed.matched.subsidiary === undefined)
    setupError(
      run,
      deps,
      'no-subsidiary',
      'HC_SC_ImportCustomer setup: new customers have no subsidiary',
      `This is a OneWorld account, feed ${name} has no subsidiary column and the script parameter ${DEFAULT_SUBSIDIARY_PARAM} is empty, so NetSuite refuses every new customer (as its own CSV import does). Set ${DEFAULT_SUBSIDIARY_PARAM} to the internal id of the subsidiary new customers belong to, or have HotWax send a subsidiary column. Until then every such row is reported as MISSING_SUBSIDIARY.`,
    );
  if (
    opts.defaultSubsidiary &&
    (!/^\d+$/.test(opts.defaultSubsidiary) ||
      (opts.oneWorld && !deps.customers.subsidiaryExists(opts.defaultSubsidiary)))
  )
    setupError(
      run,
      deps,
      'bad-default-subsidiary',
      'HC_SC_ImportCustomer setup: the default subsidiary does not exist',
      `The script parameter ${DEFAULT_SUBSIDIARY_PARAM} is "${opts.defaultSubsidiary}", which is not the internal id of a subsidiary: enter one (Setup > Company > Subsidiaries) or clear it. Rows without a subsidiary are reported as INVALID_KEY_OR_REF.`,
    );

  const verdicts: RowVerdict[] = [];
  let pendingChars = state.errors.reduce((n, e) => n + storedSize(e), 0);
  const fail = (
    line: number,
    hcCustomerId: string,
    code: string,
    message: string,
    missingRequired: boolean,
  ) => {
    const e = { line, hcCustomerId, code, message: storedMessage(message), missingRequired };
    state.errors.push(e);
    pendingChars += storedSize(e);
    tally('errors');
    if (opts.dryRun) verdicts.push({ line, hcCustomerId, outcome: 'error', customerId: '', code, message });
  };
  const rows = parsed.rows.filter((r) => r.lineNumber > state.line);
  const blocked = (): FileResult => ({ name, outcome: 'blocked', counts: state.counts, lines });
  /**
   * Stopping inside the feed: a copy is kept in the File Cabinet for the next execution (unless this
   * one read it from there), recorded in the checkpoint before it is written, so a crash between the
   * two leaves a copy the next run finds by name (and overwrites or deletes), never one nobody knows.
   * Only a feed the File Cabinet can hold, and one the handoff can no longer take (rows handled).
   */
  const copyWanted =
    !!deps.feedCopies &&
    !opts.dryRun &&
    !copied &&
    entry.size !== undefined &&
    entry.size <= FILE_CONTENT_LIMIT &&
    modified !== undefined;
  const keepCopy = () => {
    if (!copyWanted || (state.line === 0 && !state.reportParts)) return;
    if (!deps.budget.canAfford(COPY_SAVE_UNITS)) return;
    const folderId = state.feedCopy?.folderId ?? state.copyFolderId ?? deps.feedCopies!.folder();
    if (!folderId) return;
    state.copyFolderId = folderId;
    state.feedCopy = {
      folderId,
      name: `${shortStem(name)}-${state.tag ?? uniqueSuffix()}.csv`,
      size: entry.size!,
      modified: modified!,
    };
    save(state);
    const fileId = deps.feedCopies!.save(folderId, state.feedCopy.name, text);
    if (fileId) state.feedCopy.fileId = fileId;
    else delete state.copyFolderId; // removed since, perhaps: looked up again next time
  };
  const inProgress = (): FileResult => {
    keepCopy();
    return { name, outcome: 'in progress', counts: state.counts, lines };
  };
  /** Writes the errors so far as the next report part and keeps only what the end needs. */
  const spill = (): boolean => {
    const part = (state.reportParts ?? 0) + 1;
    const errors = [...state.errors].sort((a, b) => a.line - b.line);
    const report = toReportCsv(
      ERROR_REPORT_HEADER,
      errors.map((e) => [name, e.line, e.hcCustomerId, e.code, e.message]),
    );
    const partName = reportName(name, state, `-errors-${part}.csv`, entry, false);
    if (
      !writeInto(
        SFTP_FOLDERS.customerFeedError,
        name,
        () => deps.feeds.writeReport(SFTP_FOLDERS.customerFeedError, partName, report),
        deps,
        run,
      )
    )
      return false;
    state.missingLines = [
      ...(state.missingLines ?? []),
      ...errors.filter((e) => e.missingRequired).map((e) => e.line),
    ];
    state.reportParts = part;
    state.errors = [];
    pendingChars = 0;
    return true;
  };
  /**
   * A report part ends right after the error (in line order) that takes the kept errors past
   * SPILL_AT_CHARS: a point of the feed itself, not of the batch or execution it fell in, so the
   * same feed gives the same parts however it is spread over executions (and on the map/reduce's
   * one-pass replay). Out of units for the write, the execution stops here and the next one writes
   * the same part before any further row. null: go on; else what importFeed returns.
   */
  const spillIfFull = (): FileResult | null => {
    if (opts.dryRun || pendingChars <= SPILL_AT_CHARS) return null;
    if (!deps.budget.canAfford(REPORT_UNITS)) return inProgress();
    return spill() ? null : blocked();
  };
  // Malformed records (unclosed quote, wrong column count...) are errors of their own line, taken in
  // line order with the rows (a feed of many malformed records spills them into parts as it goes).
  const problemsFrom = Math.max(state.line, state.problemsThrough ?? 0);
  const problems = parsed.problems
    .filter((p) => p.lineNumber > problemsFrom)
    .sort((a, b) => a.lineNumber - b.lineNumber);
  let nextProblem = 0;
  /** The malformed records before `line`, each followed by the spill check. */
  const problemsBefore = (line: number): FileResult | null => {
    while (nextProblem < problems.length && problems[nextProblem].lineNumber < line) {
      const p = problems[nextProblem++];
      fail(p.lineNumber, '', p.code, p.message, false);
      state.problemsThrough = Math.max(state.problemsThrough ?? 0, p.lineNumber);
      const stop = spillIfFull();
      if (stop) return stop;
    }
    return null;
  };
  // A part the last execution had no units left to write comes first; a dry run keeps no state and
  // lists every malformed record whatever part of the feed it checks.
  const deferred = spillIfFull() ?? (opts.dryRun ? problemsBefore(Infinity) : null);
  if (deferred) return deferred;

  const prepare = (r: (typeof rows)[number]): PreparedRow => ({
    row: r,
    customer: toNewCustomer(r.values, r.extra, opts, r.fields, parsed.header),
  });
  // Rows lookFrom..lookedUpTo-1 (indexes in `rows`) are looked up with the batch that begins there
  // (decider.lookAhead rows); a batch never runs past lookedUpTo, so each batch is decided against
  // one look-up, while the budget is checked and the checkpoint saved every batch of opts.batchSize.
  let lookFrom = 0;
  let lookedUpTo = 0;
  let upcoming: PreparedRow[] = [];
  let savedAt = 0;
  let savedTime = deps.now();
  for (let i = 0; i < rows.length;) {
    const lookUp = i >= lookedUpTo;
    // A dry run keeps back what writing its verdict file costs.
    // A real run with many errors kept keeps back what writing them out as a report part costs.
    const reserve = opts.dryRun
      ? REPORT_UNITS
      : UNITS.customRecordSubmitFields +
        (pendingChars > SPILL_AT_CHARS / 2 ? REPORT_UNITS : 0) +
        (copyWanted ? COPY_SAVE_UNITS : 0);
    const affordable =
      decider.rowUnits > 0
        ? deps.budget.howMany(decider.rowUnits, (lookUp ? 2 * UNITS.searchPage : 0) + reserve)
        : deps.budget.canAfford(reserve)
          ? opts.batchSize
          : 0;
    if (affordable < 1) {
      if (opts.dryRun) writeVerdicts(name, dryRunName, verdicts, deps, rows[i].lineNumber);
      return inProgress();
    }
    if (lookUp) {
      lookFrom = i;
      lookedUpTo = Math.min(rows.length, i + Math.max(opts.batchSize, decider.lookAhead ?? 0));
      upcoming = rows.slice(lookFrom, lookedUpTo).map(prepare);
    }
    const end = Math.min(i + opts.batchSize, i + affordable, lookedUpTo);
    const prepared = upcoming.slice(i - lookFrom, end - lookFrom);
    const decide = decider.begin(prepared, lookUp ? upcoming : null);
    // Not decided (the map/reduce lacks an outcome): left as it is, for the scheduled path.
    if (!decide) return inProgress();

    for (const p of prepared) {
      const { row } = p;
      const before = problemsBefore(row.lineNumber);
      if (before) return before;
      const hcCustomerId = (row.values.HCCustomerId ?? '').trim();
      const outcome = decide(p);
      if (outcome.kind === 'error')
        fail(row.lineNumber, hcCustomerId, outcome.code, outcome.message, outcome.missingRequired);
      else {
        tally(outcome.kind);
        if (opts.dryRun)
          verdicts.push({
            line: row.lineNumber,
            hcCustomerId,
            outcome:
              outcome.kind === 'created' ? 'create' : outcome.kind === 'linked' ? 'link' : 'already linked',
            customerId: outcome.customerId,
            code: '',
            message: '',
          });
      }
      state.line = row.lineNumber;
      const full = spillIfFull();
      if (full) return full;
    }
    i = end;
    // Saved every CHECKPOINT_ROWS rows, not every batch: a re-run after a crash finds the rows since
    // by their HC customer id (re-work, never a duplicate); each save is 2 units. And before a third
    // of the lease has passed, so a slow account never lets it lapse while this execution runs.
    if (i < rows.length && (i - savedAt >= CHECKPOINT_ROWS || deps.now() - savedTime > LEASE_MS / 3)) {
      save(state);
      savedAt = i;
      savedTime = deps.now();
    }
  }
  const rest = problemsBefore(Infinity);
  if (rest) return rest;
  const handledLines =
    parsed.rows.reduce((n, r) => n + r.endLine - r.lineNumber + 1, 0) +
    parsed.problems.filter((p) => p.lineNumber > parsed.headerLine).length;
  const blankLines = Math.max(0, lines - handledLines);

  if (opts.dryRun) {
    writeVerdicts(name, dryRunName, verdicts, deps, null);
    return { name, outcome: 'checked', counts: state.counts, lines, blankLines };
  }

  // Every row is handled: reports first, then the archive move, so nothing is archived early.
  const parts = state.reportParts ?? 0;
  const needsMissing = (state.missingLines?.length ?? 0) > 0;
  if (
    !deps.budget.canAfford(
      finishUnits(state.errors) +
        (needsMissing ? REPORT_UNITS : 0) +
        (state.feedCopy ? COPY_REMOVE_UNITS : 0),
    )
  ) {
    save(state);
    return inProgress();
  }
  if (state.errors.length > 0 || parts > 0) {
    const errors = [...state.errors].sort((a, b) => a.line - b.line);
    const lastName =
      parts > 0 ? reportName(name, state, `-errors-${parts + 1}.csv`, entry, false) : errorsName;
    const report = toReportCsv(
      ERROR_REPORT_HEADER,
      errors.map((e) => [name, e.line, e.hcCustomerId, e.code, e.message]),
    );
    if (
      errors.length > 0 &&
      !writeInto(
        SFTP_FOLDERS.customerFeedError,
        name,
        () => deps.feeds.writeReport(SFTP_FOLDERS.customerFeedError, lastName, report),
        deps,
        run,
      )
    )
      return blocked();
    const missingLines = new Set([
      ...(state.missingLines ?? []),
      ...errors.filter((e) => e.missingRequired).map((e) => e.line),
    ]);
    if (missingLines.size > 0) {
      const original = parsed.rows.filter((r) => missingLines.has(r.lineNumber));
      const missing = toReportCsv(
        parsed.header,
        original.map((r) => r.fields),
      );
      if (
        !writeInto(
          SFTP_FOLDERS.customerFeedMissing,
          name,
          () =>
            deps.feeds.writeReport(
              SFTP_FOLDERS.customerFeedMissing,
              reportName(name, state, '.csv', entry, false),
              missing,
            ),
          deps,
          run,
        )
      )
        return blocked();
    }
    const first = errors[0];
    deps.log.error(
      `Customer feed ${name}: ${state.counts.errors} row(s) not imported`,
      `see ${SFTP_FOLDERS.customerFeedError}/${parts > 0 ? reportName(name, state, '-errors-*.csv', entry, false) : errorsName}; ${lines} line(s) after the header: ${state.counts.created} created, ${state.counts.linked} linked, ${state.counts.alreadyLinked} already linked, ${state.counts.errors} error(s), ${blankLines} blank${first ? `; line ${first.line} ${first.code} ${first.message}` : ''}`,
    );
  }
  return moveFeedInto(SFTP_FOLDERS.customerFeedArchive, name, state, deps, run, save, {
    name,
    outcome: 'archived',
    counts: state.counts,
    lines,
    blankLines,
  });
}

function setupError(run: RunContext, deps: ImportDeps, key: string, title: string, details: string): void {
  if (run.setupReported.has(key)) return;
  run.setupReported.add(key);
  deps.log.error(title, details);
}
