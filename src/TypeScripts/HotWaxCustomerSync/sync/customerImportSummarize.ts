/**
 * HC_MR_ImportCustomer's summarize (`finishHandoff`): the handed feeds run through the scheduled
 * path's own steps (feedImport.ts `importOneFeed`, the machine of feedState.ts) with a `RowDecider`
 * that replays the reduce stage's outcomes instead of upserting, so reports, counts, logs and archiving
 * are the scheduled path's byte for byte; then the lease given back. The other stages are in
 * customerImportMapReduce.ts.
 */
import type {
  FileResult,
  ImportDeps,
  ImportOptions,
  ImportState,
  ImportSummary,
  RunContext,
} from './importTypes';
import type { FeedEntry, FeedFolder } from './ports';
import type { RowDecider, RowOutcome } from './customerUpsert';
import { emptyCounts } from './importTypes';
import { importOneFeed } from './feedImport';
import { returnFeeds } from './feedState';
import { SFTP_FOLDERS } from '../core/config';
import { isCsv } from '../core/fileNames';
import type { KeyOutcome } from './customerImportMapReduce';

/**
 * summarize: each handed feed, in order, through the scheduled path's `importOneFeed` with the reduce
 * stage's outcomes and the text getInputData read (`texts`, by feed; downloaded again when absent or
 * listed with another size now), then the lease given back, in one checkpoint save. A restarted
 * summarize needs no save per feed: a feed it archived or failed is gone from the listing, and one
 * that goes back is replayed and goes back the same way. A feed that cannot be finished here (an
 * outcome missing because a key failed for good, out of units, a folder that cannot be written) goes
 * back to the scheduled path, keeping its report tag. `feedsWaiting`: feeds are left for the scheduled
 * import (given back, or listed and not handed over), so it must be queued now.
 */
export function finishHandoff(
  deps: ImportDeps,
  state: ImportState,
  outcomes: KeyOutcome[],
  opts: ImportOptions,
  restarted: boolean,
  texts: Map<number, { size: number | null; text: string }> = new Map(),
): ImportSummary & { feedsWaiting: boolean } {
  const h = state.handoff!;
  const summary: ImportSummary = { files: [], totals: emptyCounts(), paused: false, stalled: false };
  const byFeed = new Map<number, Map<number, RowOutcome>>();
  for (const o of outcomes) {
    const m = byFeed.get(o.feed) ?? new Map<number, RowOutcome>();
    // One outcome per line, whatever restarts happened.
    if (!m.has(o.line)) m.set(o.line, o.outcome);
    byFeed.set(o.feed, m);
  }
  // An earlier attempt (crashed summarize, or a whole run cut short) may have left a temporary report.
  if (restarted || h.attempts > 1)
    for (const folder of [SFTP_FOLDERS.customerFeedError, SFTP_FOLDERS.customerFeedMissing])
      deps.feeds.removeLeftovers?.(folder);
  const listed = new Map<string, FeedEntry>(deps.feeds.list().map((e) => [e.name, e]));
  const feedIndex = new Map(h.feeds.map((f, i) => [f.name, i]));
  const feeds = Object.create(deps.feeds) as FeedFolder;
  // The text the outcomes were decided on, whatever the listing shows now: the feed's fingerprint
  // (h.prints) tells whether the file is still that version before it is moved.
  feeds.download = (name) => texts.get(feedIndex.get(name) ?? -1)?.text ?? deps.feeds.download(name);
  const replay: Replay = {
    state,
    summary,
    job: { ...deps, feeds },
    opts,
    run: { reportedFolders: new Set(), setupReported: new Set() },
    back: [],
    finished: new Set(),
  };
  const report = (r: FileResult) => {
    summary.files.push(r);
    for (const k of Object.keys(r.counts) as (keyof ImportSummary['totals'])[])
      summary.totals[k] += r.counts[k];
  };
  // Every feed handed over is in the summary: imported (archived or failed), changed, gone, or given back.
  h.feeds.forEach((f, feed) => {
    const entry = listed.get(f.name);
    const moved = h.moved?.[f.name];
    // Moved by an earlier attempt of this summarize that stopped before its summary: reported here, once.
    if (moved && !entry) return report(moved);
    if (h.done.includes(f.name))
      return report({ name: f.name, outcome: 'given back', counts: emptyCounts() });
    if (!entry) {
      deps.log.error(
        `Customer feed ${f.name} is gone: HC_MR_ImportCustomer did not finish it`,
        `Someone removed or moved ${SFTP_FOLDERS.customerFeed}/${f.name} after it was handed over; it has no reports and was not archived. Customers the job already wrote for it stay (found by their HC customer id if HotWax sends the feed again).`,
      );
      return report({ name: f.name, outcome: 'gone', counts: emptyCounts() });
    }
    replayFeed(replay, f, entry, byFeed.get(feed) ?? new Map<number, RowOutcome>());
  });
  returnFeeds(state, replay.back);
  delete state.handoff;
  state.lease = null;
  deps.checkpoint.save(state);
  // What the scheduled import would take up next (its own filter, isCsv: CSV files, no dot files).
  const waiting = [...listed.values()].filter(
    (e) => !e.directory && isCsv(e.name) && !replay.finished.has(e.name),
  ).length;
  return { ...summary, feedsWaiting: waiting > 0, waiting };
}

/** What summarize's replay of each handed feed shares. */
interface Replay {
  state: ImportState;
  summary: ImportSummary;
  /** The ports, with downloads served from the texts getInputData read. */
  job: ImportDeps;
  opts: ImportOptions;
  run: RunContext;
  /** Feeds going back to the scheduled path, and feeds archived or failed here. */
  back: Array<{ name: string; tag: string }>;
  finished: Set<string>;
}

/**
 * One handed feed through the scheduled path's own steps (importOneFeed), its rows decided by the
 * reduce stage's outcomes, from line 1 under the tag of the handoff.
 */
function replayFeed(
  { state, summary, job, opts, run, back, finished }: Replay,
  f: { name: string; tag: string },
  entry: FeedEntry,
  decided: Map<number, RowOutcome>,
): void {
  const h = state.handoff!;
  // Taken up from line 1 under the handoff's tag, with the print getInputData read (feedState.ts).
  const fileState: ImportState = {
    file: f.name,
    line: 0,
    tag: f.tag,
    errors: [],
    counts: emptyCounts(),
    lease: null,
    print: h.prints?.[f.name],
  };
  const tally = (k: keyof ImportSummary['totals']) => {
    fileState.counts[k]++;
    summary.totals[k]++;
  };
  const decider: RowDecider = {
    rowUnits: 0,
    begin: (batch) =>
      batch.every((p) => decided.has(p.row.lineNumber)) ? (p) => decided.get(p.row.lineNumber)! : null,
  };
  // The outcome is saved before the move (feedFinish.ts): a restart after it reports the feed from h.moved.
  const save = (st: ImportState) => {
    if (!st.moving) return;
    const outcome = st.moving.to === SFTP_FOLDERS.customerFeedArchive ? 'archived' : 'failed';
    const { lines, blankLines } = st.moving;
    h.moved = {
      ...h.moved,
      [f.name]: { name: f.name, outcome, counts: { ...st.counts }, lines, blankLines },
    };
    job.checkpoint.save(state);
  };
  const result = importOneFeed(entry, fileState, { deps: job, opts, save, tally, run, decider });
  summary.files.push(result);
  if (result.outcome === 'changed' || result.outcome === 'gone') {
    // Reported by the feed's steps; a changed feed is left for the scheduled import, as a new feed.
  } else if (result.outcome === 'archived' || result.outcome === 'failed') {
    finished.add(f.name);
    if (state.blockedTags?.[f.name]) {
      const { [f.name]: _, ...rest } = state.blockedTags;
      state.blockedTags = Object.keys(rest).length ? rest : undefined;
    }
  } else {
    job.log.audit(
      `Customer feed ${f.name} goes back to HC_SC_ImportCustomer`,
      `${result.outcome}${result.reason ? `: ${result.reason}` : ''}; customers already written are found by their HC customer id`,
    );
    back.push(f);
  }
}
