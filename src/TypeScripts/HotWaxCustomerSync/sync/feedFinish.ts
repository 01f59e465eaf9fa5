/**
 * The end of one feed's import (feedState.ts's "finishing" phase and what stops a feed short): the
 * reports feedReports.ts decides written into their folders, the outcome recorded, the fresh listing
 * checked and the move to archive/ or failed/; a feed that cannot be read failed with its report; a
 * feed stopped inside kept as a File Cabinet copy. The steps feedImport.ts runs share `Feed`.
 */
import { SFTP_FOLDERS } from '../core/config';
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
import { verdictsFile } from './importDryRun';
import { handledAny } from './feedState';
import type { ReportFile } from './feedReports';
import type { Got, Steps } from './feedActions';
import {
  ARCHIVE_UNITS,
  byLine,
  countsText,
  FOUND_AGAIN,
  COPY_REMOVE_UNITS,
  COPY_SAVE_UNITS,
  REPORT_UNITS,
  finishReports,
  finishUnits,
  moveCheck,
  reportName,
  taggedName,
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
  offer?: (rowCount: number) => Steps<boolean>;
}

/** One feed in one execution: its checkpoint (`state`) and what its steps share unsaved. */
export interface Feed extends FeedJob {
  entry: FeedEntry;
  name: string;
  state: ImportState;
  /** The error reports (or a dry run's verdict file) written for the feed in this execution. */
  written: string[];
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

/** The feed's result: its outcome and its counts so far (the whole file's, across executions), then `more`. */
export const resultOf = (
  f: FeedStart,
  outcome: FileResult['outcome'],
  more?: Partial<FileResult>,
): FileResult => ({
  name: f.name,
  outcome,
  counts: f.state.counts,
  ...more,
});

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
  const ok = (yield { kind, feed: f.name, report }) !== false;
  // The summary and run history name the reports written for the feed in this execution.
  if (ok && report.folder !== SFTP_FOLDERS.customerFeedMissing) f.written.push(report.name);
  return ok;
}

/** A dry run's verdict file (`uncheckedFrom`: the line a check cut short by governance stopped at). */
export const saveVerdicts = (
  f: FeedStart,
  verdicts: RowVerdict[],
  uncheckedFrom: number | null,
): Steps<boolean> =>
  writeReport(f, verdictsFile(f.name, dryRunName(f), verdicts, uncheckedFrom), 'saveVerdicts');

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
      state.feedCopy?.folderId ??
      state.copyFolderId ??
      ((yield { kind: 'findCopyFolder' }) as Got<'findCopyFolder'>);
    if (folderId) {
      state.copyFolderId = folderId;
      state.feedCopy = {
        folderId,
        name: taggedName(f.name, state),
        size: f.entry.size!,
        modified: f.entry.lastModified!.getTime(),
      };
      yield { kind: 'saveCheckpoint', state };
      const fileId = (yield {
        kind: 'saveCopy',
        folderId,
        name: state.feedCopy.name,
        text: f.text,
      }) as Got<'saveCopy'>;
      if (fileId) state.feedCopy.fileId = fileId;
      else delete state.copyFolderId; // removed since, perhaps: looked up again next time
    }
  }
  return resultOf(f, 'in progress', { lines: f.lines });
}

/** The whole file cannot be imported: failed/ and a report (a dry run only says so). */
export function* failFile(f: FeedStart, code: string, reason: string): Steps<FileResult> {
  const { name, state, deps, opts } = f;
  // Its report and move must fit too (governance), or the next execution reads the file again.
  if (
    !opts.dryRun &&
    !deps.budget.canAfford(REPORT_UNITS + ARCHIVE_UNITS + (state.feedCopy ? COPY_REMOVE_UNITS : 0))
  )
    return resultOf(f, 'in progress');
  // One error, the file's: not one more for a try after a crash (its counts are saved before the move).
  state.counts = emptyCounts();
  f.tally('errors');
  if (opts.dryRun) {
    yield* saveVerdicts(
      f,
      [{ line: 0, hcCustomerId: '', outcome: 'error', customerId: '', code, message: reason }],
      null,
    );
    return resultOf(f, 'checked', { reason });
  }
  deps.log.error(
    `Customer feed ${name} cannot be read`,
    `${reason}; moved to ${SFTP_FOLDERS.customerFeedFailed}/`,
  );
  const folder = SFTP_FOLDERS.customerFeedError;
  const text = toReportCsv(ERROR_REPORT_HEADER, [[name, 0, '', code, reason]]);
  if (!(yield* writeReport(f, { folder, name: reportName(f, '-errors.csv'), text })))
    return resultOf(f, 'blocked', { reason });
  return yield* moveFeedInto(f, SFTP_FOLDERS.customerFeedFailed, resultOf(f, 'failed', { reason }));
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
  yield { kind: 'saveCheckpoint', state };
  // A fresh listing, against what was read: a feed rewritten (or removed) meanwhile is not moved.
  const listed = (yield { kind: 'listFeeds', feed: name }) as Got<'listFeeds'>;
  if (!listed) return { ...result, outcome: 'blocked' };
  const check = moveCheck(listed, name, state);
  if (check !== 'move') {
    const c = state.counts;
    const changed = check === 'changed';
    const path = `${SFTP_FOLDERS.customerFeed}/${name}`;
    deps.log.error(
      `Customer feed ${name} ${changed ? 'changed' : 'is gone'} while it was being imported: not moved to ${folder}/`,
      `${changed ? `${path} now has another size or modification time than the file read; its new content is imported as a new feed from line 1 (${FOUND_AGAIN})` : `someone removed or moved ${path}`}. The version read was handled: ${countsText(c)} (reports tagged ${state.tag}).`,
    );
    return { ...result, outcome: check };
  }
  const alternative = taggedName(name, state);
  const movedTo = (yield { kind: 'move', feed: name, folder, alternative }) as Got<'move'>;
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
    yield* saveVerdicts(f, f.verdicts, null);
    return resultOf(f, 'checked', { lines, blankLines });
  }
  if (!deps.budget.canAfford(finishUnits(state))) {
    yield { kind: 'saveCheckpoint', state };
    return yield* inProgress(f);
  }
  const parts = state.reportParts ?? 0;
  if (state.errors.length > 0 || parts > 0) {
    for (const r of finishReports(f, parsed))
      if (!(yield* writeReport(f, r))) return resultOf(f, 'blocked', { lines });
    const first = byLine(state.errors)[0];
    const c = state.counts;
    deps.log.error(
      `Customer feed ${name}: ${c.errors} row(s) not imported`,
      `see ${SFTP_FOLDERS.customerFeedError}/${reportName(f, parts > 0 ? '-errors-*.csv' : '-errors.csv')}; ${lines} line(s) after the header: ${countsText(c)}, ${blankLines} blank${first ? `; line ${first.line} ${first.code} ${first.message}` : ''}`,
    );
  }
  return yield* moveFeedInto(
    f,
    SFTP_FOLDERS.customerFeedArchive,
    resultOf(f, 'archived', { lines, blankLines }),
  );
}
