/**
 * The end of one feed's import (feedState.ts's "finishing" phase and what stops a feed short): the
 * reports feedReports.ts decides written into their folders, the outcome recorded, the fresh listing
 * checked and the move to archive/ or failed/; a feed that cannot be read failed with its report; a
 * feed stopped inside kept as a File Cabinet copy. The steps feedImport.ts runs share `Feed`.
 */
import { SFTP_FOLDERS } from '../core/config';
import { uniqueSuffix } from '../core/fileNames';
import { toReportCsv } from '../core/csv';
import { ERROR_REPORT_HEADER } from '../core/hotwaxFiles';
import type { CustomerFeed } from '../core/customerFeed';
import type { FeedEntry } from './ports';
import type {
  FileResult,
  ImportCounts,
  ImportDeps,
  ImportOptions,
  ImportState,
  RunContext,
} from './importTypes';
import { emptyCounts } from './importTypes';
import type { RowDecider } from './customerUpsert';
import type { RowVerdict } from './importDryRun';
import { fileVerdict, verdictsFile } from './importDryRun';
import { shortStem } from './customerFeedFolder';
import { handledAny } from './feedState';
import type { ReportFile } from './feedReports';
import type { Steps } from './feedActions';
import { act } from './feedActions';
import {
  ARCHIVE_UNITS,
  byLine,
  COPY_REMOVE_UNITS,
  COPY_SAVE_UNITS,
  REPORT_UNITS,
  finishReports,
  finishUnits,
  moveCheck,
  reportName,
} from './feedReports';

/** What runs a feed: the ports, the options, and the caller's checkpoint save, tally and row decider. */
export interface FeedJob {
  deps: ImportDeps;
  opts: ImportOptions;
  save: (st: ImportState) => void;
  tally: (outcome: keyof ImportCounts) => void;
  run: RunContext;
  /** This execution's upserts, or the outcomes the map/reduce's reduce stage reached. */
  decider: RowDecider;
  /** May hand the feed over once it is read (true: handed off). */
  offer?: (rowCount: number) => boolean;
}

/** One feed in one execution: its checkpoint (`state`) and what its steps share unsaved. */
export interface Feed extends FeedJob {
  entry: FeedEntry;
  name: string;
  state: ImportState;
  /** The reports written for the feed in this execution (FileResult errorReports, dryRunReport). */
  written: Array<{ folder: string; name: string }>;
  text: string;
  parsed: CustomerFeed;
  /** Physical lines after the header. */
  lines: number;
  /** The characters of `state.errors` (SPILL_AT_CHARS). */
  pendingChars: number;
  verdicts: RowVerdict[];
  /** A copy is to be kept when the execution stops inside the feed (keepCopy). */
  copyWanted: boolean;
}

/** The earlier steps' own part of a Feed: enough to fail the file. */
export type FeedStart = Pick<Feed, keyof FeedJob | 'entry' | 'name' | 'state' | 'written'>;

/** A dry run's verdict file (customer/export/dry_run/). */
export const dryRunName = (f: FeedStart): string => reportName(f, '-dry-run.csv', true);

/**
 * A report feedReports.ts decided on, written (false: its folder cannot be written, reported): a part
 * of the errors so far (`savePart`), a finished or failed feed's report, or a dry run's verdicts.
 */
export function* writeReport(
  f: FeedStart,
  report: ReportFile,
  kind: 'savePart' | 'saveReport' | 'saveVerdicts' = 'saveReport',
): Steps<boolean> {
  const ok =
    kind === 'saveVerdicts'
      ? (yield* act({ kind, report }), true)
      : yield* act({ kind, feed: f.name, report });
  // The summary and run history name the reports written for the feed in this execution.
  if (ok && !f.written.some((w) => w.folder === report.folder && w.name === report.name))
    f.written.push({ folder: report.folder, name: report.name });
  return ok;
}

/**
 * Stopping inside the feed: a copy is kept in the File Cabinet for the next execution (unless this
 * one read it from there), recorded in the checkpoint before it is written, so a crash between the
 * two leaves a copy the next run finds by name (and overwrites or deletes), never one nobody knows.
 * Only a feed the File Cabinet can hold, and one the handoff can no longer take (rows handled).
 */
export function* inProgress(f: Feed): Steps<FileResult> {
  const { state, deps } = f;
  if (f.copyWanted && handledAny(state) && deps.budget.canAfford(COPY_SAVE_UNITS)) {
    const folderId =
      state.feedCopy?.folderId ?? state.copyFolderId ?? (yield* act({ kind: 'findCopyFolder' }));
    if (folderId) {
      state.copyFolderId = folderId;
      state.feedCopy = {
        folderId,
        name: `${shortStem(f.name)}-${state.tag ?? uniqueSuffix()}.csv`,
        size: f.entry.size!,
        modified: f.entry.lastModified!.getTime(),
      };
      yield* act({ kind: 'saveCheckpoint', state });
      const fileId = yield* act({ kind: 'saveCopy', folderId, name: state.feedCopy.name, text: f.text });
      if (fileId) state.feedCopy.fileId = fileId;
      else delete state.copyFolderId; // removed since, perhaps: looked up again next time
    }
  }
  return { name: f.name, outcome: 'in progress', counts: state.counts, lines: f.lines };
}

/** The whole file cannot be imported: failed/ and a report (a dry run only says so). */
export function* failFile(f: FeedStart, code: string, reason: string): Steps<FileResult> {
  const { name, state, deps, opts } = f;
  // Its report and move must fit too (governance), or the next execution reads the file again.
  if (
    !opts.dryRun &&
    !deps.budget.canAfford(REPORT_UNITS + ARCHIVE_UNITS + (state.feedCopy ? COPY_REMOVE_UNITS : 0))
  )
    return { name, outcome: 'in progress', counts: state.counts };
  // One error, the file's: not one more for a try after a crash (its counts are saved before the move).
  state.counts = emptyCounts();
  f.tally('errors');
  if (opts.dryRun) {
    yield* writeReport(f, fileVerdict(name, dryRunName(f), code, reason), 'saveVerdicts');
    return { name, outcome: 'checked', counts: state.counts, reason };
  }
  deps.log.error(
    `Customer feed ${name} cannot be read`,
    `${reason}; moved to ${SFTP_FOLDERS.customerFeedFailed}/`,
  );
  const folder = SFTP_FOLDERS.customerFeedError;
  const text = toReportCsv(ERROR_REPORT_HEADER, [[name, 0, '', code, reason]]);
  if (!(yield* writeReport(f, { folder, name: reportName(f, '-errors.csv'), text })))
    return { name, outcome: 'blocked', counts: state.counts, reason };
  return yield* moveFeedInto(f, SFTP_FOLDERS.customerFeedFailed, {
    name,
    outcome: 'failed',
    counts: state.counts,
    reason,
  });
}

/**
 * Moves a feed into `folder` under its tagged name (the tag kept in the checkpoint, so a re-run after
 * a crash picks the same name): `result` with where it went, or blocked when a folder cannot be
 * written (reported), or changed or gone when the feed is no longer the version read (not moved).
 */
function* moveFeedInto(f: FeedStart, folder: string, result: FileResult): Steps<FileResult> {
  const { name, state, deps } = f;
  // Recorded first: a re-run that finds the feed moved reports these counts (importFeeds, finishHandoff).
  state.moving = { to: folder, lines: result.lines, blankLines: result.blankLines };
  yield* act({ kind: 'saveCheckpoint', state });
  // A fresh listing, against what was read: a feed rewritten (or removed) meanwhile is not moved.
  const listed = yield* act({ kind: 'listFeeds', feed: name });
  if (!listed) return { ...result, outcome: 'blocked' };
  const check = moveCheck(listed, name, state);
  if (check !== 'move') {
    const c = state.counts;
    const changed = check === 'changed';
    deps.log.error(
      `Customer feed ${name} ${changed ? 'changed' : 'is gone'} while it was being imported: not moved to ${folder}/`,
      `${changed ? `${SFTP_FOLDERS.customerFeed}/${name} now has another size or modification time than the file read; its new content is imported as a new feed from line 1 (customers already written are found by their HC customer id, never created twice)` : `someone removed or moved ${SFTP_FOLDERS.customerFeed}/${name}`}. The version read was handled: ${c.created} created, ${c.linked} linked, ${c.alreadyLinked} already linked, ${c.errors} error(s) (reports tagged ${state.tag}).`,
    );
    return { ...result, outcome: check };
  }
  const alternative = `${shortStem(name)}-${state.tag ?? uniqueSuffix()}.csv`;
  const movedTo = yield* act({ kind: 'move', feed: name, folder, alternative });
  return movedTo !== null ? { ...result, movedTo } : { ...result, outcome: 'blocked' };
}

/** Every row handled: the reports first, then the archive move, so nothing is archived early. */
export function* finishFeed(f: Feed): Steps<FileResult> {
  const { name, state, deps, parsed, lines } = f;
  const handledLines =
    parsed.rows.reduce((n, r) => n + r.endLine - r.lineNumber + 1, 0) +
    parsed.problems.filter((p) => p.lineNumber > parsed.headerLine).length;
  const blankLines = Math.max(0, lines - handledLines);
  if (f.opts.dryRun) {
    yield* writeReport(f, verdictsFile(name, dryRunName(f), f.verdicts, null), 'saveVerdicts');
    return { name, outcome: 'checked', counts: state.counts, lines, blankLines };
  }
  if (!deps.budget.canAfford(finishUnits(state))) {
    yield* act({ kind: 'saveCheckpoint', state });
    return yield* inProgress(f);
  }
  const parts = state.reportParts ?? 0;
  if (state.errors.length > 0 || parts > 0) {
    for (const r of finishReports(f, parsed))
      if (!(yield* writeReport(f, r))) return { name, outcome: 'blocked', counts: state.counts, lines };
    const first = byLine(state.errors)[0];
    const c = state.counts;
    deps.log.error(
      `Customer feed ${name}: ${c.errors} row(s) not imported`,
      `see ${SFTP_FOLDERS.customerFeedError}/${reportName(f, parts > 0 ? '-errors-*.csv' : '-errors.csv')}; ${lines} line(s) after the header: ${c.created} created, ${c.linked} linked, ${c.alreadyLinked} already linked, ${c.errors} error(s), ${blankLines} blank${first ? `; line ${first.line} ${first.code} ${first.message}` : ''}`,
    );
  }
  return yield* moveFeedInto(f, SFTP_FOLDERS.customerFeedArchive, {
    name,
    outcome: 'archived',
    counts: state.counts,
    lines,
    blankLines,
  });
}
