/**
 * The end of one feed's import (feedState.ts's "finishing" phase and what stops a feed short): the
 * reports feedReports.ts decides written into their folders, the outcome recorded, the fresh listing
 * checked and the move to archive/ or failed/; a feed that cannot be read failed with its report; a
 * feed stopped inside kept as a File Cabinet copy. The steps feedImport.ts runs share `Feed`.
 */
import { SFTP_FOLDERS } from '../core/config';
import { uniqueSuffix } from '../core/fileNames';
import { describeError } from '../core/errors';
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
import { writeFileVerdict, writeVerdicts } from './importDryRun';
import { shortStem } from './customerFeedFolder';
import type { ReportFile } from './feedReports';
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
export type FeedStart = Pick<Feed, keyof FeedJob | 'entry' | 'name' | 'state'>;

/**
 * Runs a write into `folder`; when it fails, says so once per execution and per folder in an ERROR
 * naming the folder, and returns false (the caller leaves the feed where it is for the next run).
 */
export function writeInto(
  folder: string,
  feed: string,
  op: () => void,
  deps: ImportDeps,
  run: RunContext,
): boolean {
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

/** A dry run's verdict file (customer/export/dry_run/). */
export const dryRunName = (f: FeedStart): string => reportName(f, '-dry-run.csv', true);

/** Writes a report feedReports.ts decided on (false: its folder cannot be written, reported). */
export const writeReport = (f: FeedStart, r: ReportFile): boolean =>
  writeInto(r.folder, f.name, () => f.deps.feeds.writeReport(r.folder, r.name, r.text), f.deps, f.run);

/**
 * Stopping inside the feed: a copy is kept in the File Cabinet for the next execution (unless this
 * one read it from there), recorded in the checkpoint before it is written, so a crash between the
 * two leaves a copy the next run finds by name (and overwrites or deletes), never one nobody knows.
 * Only a feed the File Cabinet can hold, and one the handoff can no longer take (rows handled).
 */
export function inProgress(f: Feed): FileResult {
  const { state, deps } = f;
  if (f.copyWanted && (state.line > 0 || state.reportParts) && deps.budget.canAfford(COPY_SAVE_UNITS)) {
    const folderId = state.feedCopy?.folderId ?? state.copyFolderId ?? deps.feedCopies!.folder();
    if (folderId) {
      state.copyFolderId = folderId;
      state.feedCopy = {
        folderId,
        name: `${shortStem(f.name)}-${state.tag ?? uniqueSuffix()}.csv`,
        size: f.entry.size!,
        modified: f.entry.lastModified!.getTime(),
      };
      f.save(state);
      const fileId = deps.feedCopies!.save(folderId, state.feedCopy.name, f.text);
      if (fileId) state.feedCopy.fileId = fileId;
      else delete state.copyFolderId; // removed since, perhaps: looked up again next time
    }
  }
  return { name: f.name, outcome: 'in progress', counts: state.counts, lines: f.lines };
}

/** The whole file cannot be imported: failed/ and a report (a dry run only says so). */
export function failFile(f: FeedStart, code: string, reason: string): FileResult {
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
    writeFileVerdict(name, dryRunName(f), code, reason, deps);
    return { name, outcome: 'checked', counts: state.counts, reason };
  }
  deps.log.error(
    `Customer feed ${name} cannot be read`,
    `${reason}; moved to ${SFTP_FOLDERS.customerFeedFailed}/`,
  );
  const folder = SFTP_FOLDERS.customerFeedError;
  const text = toReportCsv(ERROR_REPORT_HEADER, [[name, 0, '', code, reason]]);
  if (!writeReport(f, { folder, name: reportName(f, '-errors.csv'), text }))
    return { name, outcome: 'blocked', counts: state.counts, reason };
  return moveFeedInto(f, SFTP_FOLDERS.customerFeedFailed, {
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
function moveFeedInto(f: FeedStart, folder: string, result: FileResult): FileResult {
  const { name, state, deps, run } = f;
  // Recorded first: a re-run that finds the feed moved reports these counts (importFeeds, finishHandoff).
  state.moving = { to: folder, lines: result.lines, blankLines: result.blankLines };
  f.save(state);
  // A fresh listing, against what was read: a feed rewritten (or removed) meanwhile is not moved.
  // (A listing that fails leaves the feed in place, reported, for the next run: as a failed move does.)
  if (!writeInto(SFTP_FOLDERS.customerFeed, name, () => (run.listed = deps.feeds.list()), deps, run))
    return { ...result, outcome: 'blocked' };
  const check = moveCheck(run.listed!, name, state);
  if (check !== 'move') {
    const c = state.counts;
    const changed = check === 'changed';
    deps.log.error(
      `Customer feed ${name} ${changed ? 'changed' : 'is gone'} while it was being imported: not moved to ${folder}/`,
      `${changed ? `${SFTP_FOLDERS.customerFeed}/${name} now has another size or modification time than the file read; its new content is imported as a new feed from line 1 (customers already written are found by their HC customer id, never created twice)` : `someone removed or moved ${SFTP_FOLDERS.customerFeed}/${name}`}. The version read was handled: ${c.created} created, ${c.linked} linked, ${c.alreadyLinked} already linked, ${c.errors} error(s) (reports tagged ${state.tag}).`,
    );
    return { ...result, outcome: check };
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

/** Every row handled: the reports first, then the archive move, so nothing is archived early. */
export function finishFeed(f: Feed): FileResult {
  const { name, state, deps, parsed, lines } = f;
  const handledLines =
    parsed.rows.reduce((n, r) => n + r.endLine - r.lineNumber + 1, 0) +
    parsed.problems.filter((p) => p.lineNumber > parsed.headerLine).length;
  const blankLines = Math.max(0, lines - handledLines);
  if (f.opts.dryRun) {
    writeVerdicts(name, dryRunName(f), f.verdicts, deps, null);
    return { name, outcome: 'checked', counts: state.counts, lines, blankLines };
  }
  if (!deps.budget.canAfford(finishUnits(state))) {
    f.save(state);
    return inProgress(f);
  }
  const parts = state.reportParts ?? 0;
  if (state.errors.length > 0 || parts > 0) {
    for (const r of finishReports(f, parsed))
      if (!writeReport(f, r)) return { name, outcome: 'blocked', counts: state.counts, lines };
    const first = byLine(state.errors)[0];
    const c = state.counts;
    deps.log.error(
      `Customer feed ${name}: ${c.errors} row(s) not imported`,
      `see ${SFTP_FOLDERS.customerFeedError}/${reportName(f, parts > 0 ? '-errors-*.csv' : '-errors.csv')}; ${lines} line(s) after the header: ${c.created} created, ${c.linked} linked, ${c.alreadyLinked} already linked, ${c.errors} error(s), ${blankLines} blank${first ? `; line ${first.line} ${first.code} ${first.message}` : ''}`,
    );
  }
  return moveFeedInto(f, SFTP_FOLDERS.customerFeedArchive, {
    name,
    outcome: 'archived',
    counts: state.counts,
    lines,
    blankLines,
  });
}
