/**
 * The import's steps that decide without doing: report names and contents, what finishing a feed
 * writes, whether a feed may still be moved, and the governance units each phase keeps back. Pure
 * functions of their inputs; feedFinish.ts and feedImport.ts carry out what they return.
 */
import { UNITS } from '../core/governance';
import { SFTP_FOLDERS } from '../core/config';
import { uniqueSuffix, utcStamp } from '../core/fileNames';
import { toReportCsv } from '../core/csv';
import { ERROR_REPORT_HEADER } from '../core/hotwaxFiles';
import type { CustomerFeed } from '../core/customerFeed';
import type { FeedEntry } from './ports';
import type { ErrorRow, ImportCounts, ImportState } from './importTypes';
import { shortStem } from './customerFeedFolder';

/**
 * Finishing a feed: each report is a folder check, an upload, a move (and a replace); then the
 * outcome saved, the listing that checks the feed is still the one read, and the archive move.
 */
export const REPORT_UNITS = UNITS.sftpTransfer + 4 * UNITS.sftpOther;
export const ARCHIVE_UNITS = 3 * UNITS.sftpOther + 2 * UNITS.customRecordSubmitFields;
/**
 * A copy of the feed in progress (FeedCopies): saving it costs the folder's lookup (and its creation,
 * the first time), the checkpoint saved before it and File.save; reading it back one search page when
 * its file id was not saved (a crash) and file.load; deleting it the same search and file.delete.
 */
export const COPY_SAVE_UNITS =
  UNITS.searchPage + UNITS.folderCreate + UNITS.folderSave + UNITS.customRecordSubmitFields + UNITS.fileSave;
export const COPY_REMOVE_UNITS = UNITS.searchPage + UNITS.fileDelete;

/** What finishing the feed in `state` keeps back: its reports, the move and the copy's delete. */
export const finishUnits = (state: ImportState): number =>
  ARCHIVE_UNITS +
  (state.errors.length ? REPORT_UNITS : 0) +
  (state.errors.some((e) => e.missingRequired) ? REPORT_UNITS : 0) +
  (state.missingLines?.length ? REPORT_UNITS : 0) +
  (state.feedCopy ? COPY_REMOVE_UNITS : 0);

/** What the ERROR lines about a feed read again, moved or given back say of its rows already written. */
export const FOUND_AGAIN = 'customers already written are found by their HC customer id, never created twice';

/** A feed's counts as the ERROR lines about it give them. */
export const countsText = (c: ImportCounts): string =>
  `${c.created} created, ${c.linked} linked, ${c.alreadyLinked} already linked, ${c.errors} error(s)`;

/** Errors of one feed kept in the checkpoint before they are written out as a report part. */
export const SPILL_AT_CHARS = 600_000;
/** A stored error message is cut past this (at a character boundary): NetSuite's own can be long. */
const MAX_STORED_MESSAGE = 1000;
export const storedMessage = (m: string): string => {
  if (m.length <= MAX_STORED_MESSAGE) return m;
  const c = m.charCodeAt(MAX_STORED_MESSAGE - 1);
  return `${m.slice(0, c >= 0xd800 && c <= 0xdbff ? MAX_STORED_MESSAGE - 1 : MAX_STORED_MESSAGE)}…`;
};
/** The characters an error takes in the checkpoint (its JSON, roughly). */
export const storedSize = (e: ErrorRow): number =>
  e.message.length + e.code.length + e.hcCustomerId.length + 80;

/** A feed as the report steps see it: its name, its checkpoint and its listing entry. */
export interface FeedRef {
  name: string;
  state: ImportState;
  entry: FeedEntry;
}

/** A report file name that never overwrites another feed's: `<stem>-<tag><suffix>`. */
export function reportName({ name, state, entry }: FeedRef, suffix: string, dryRun = false): string {
  // A dry run saves no state: its verdict file is named after the feed's modification time, so
  // checking the same file again replaces its verdicts and another file of the same name does not.
  const tag = dryRun || !state.tag ? utcStamp(entry.lastModified ?? new Date(0)) : state.tag;
  return `${shortStem(name)}-${tag}${suffix}`;
}

/**
 * The feed's name with its tag (`<stem>-<tag>.csv`): its File Cabinet copy, and its name in archive/
 * or failed/ when the plain one is taken there.
 */
export const taggedName = (name: string, state: ImportState): string =>
  `${shortStem(name)}-${state.tag ?? uniqueSuffix()}.csv`;

/** An error report of `errors` in line order (HotWax's error file layout). */
export const errorReport = (name: string, errors: ErrorRow[]): string =>
  toReportCsv(
    ERROR_REPORT_HEADER,
    errors.map((e) => [name, e.line, e.hcCustomerId, e.code, e.message]),
  );

/** Errors in line order (a report's order). */
export const byLine = (errors: ErrorRow[]): ErrorRow[] => [...errors].sort((a, b) => a.line - b.line);

/** A file to write into an SFTP folder. */
export interface ReportFile {
  folder: string;
  name: string;
  text: string;
}

/**
 * The next report part: the errors kept so far, in line order (`<stem>-<tag>-errors-<n>.csv`), and
 * the lines of them whose rows go to required_fields_missing/ at the end.
 */
export function nextPart(f: FeedRef): ReportFile & { missing: number[] } {
  const errors = byLine(f.state.errors);
  return {
    folder: SFTP_FOLDERS.customerFeedError,
    name: reportName(f, `-errors-${(f.state.reportParts ?? 0) + 1}.csv`),
    text: errorReport(f.name, errors),
    missing: errors.filter((e) => e.missingRequired).map((e) => e.line),
  };
}

/**
 * What a feed whose every row is handled writes before its move, in order: its (last) error report
 * and the original rows (as written, under the feed's header) of those that miss a required field.
 */
export function finishReports(f: FeedRef, feed: CustomerFeed): ReportFile[] {
  const { name, state } = f;
  const parts = state.reportParts ?? 0;
  const errors = byLine(state.errors);
  const out: ReportFile[] = [];
  if (errors.length)
    out.push({
      folder: SFTP_FOLDERS.customerFeedError,
      name: reportName(f, parts > 0 ? `-errors-${parts + 1}.csv` : '-errors.csv'),
      text: errorReport(name, errors),
    });
  const missingLines = new Set([
    ...(state.missingLines ?? []),
    ...errors.filter((e) => e.missingRequired).map((e) => e.line),
  ]);
  if (missingLines.size) {
    const rows = feed.rows.filter((r) => missingLines.has(r.lineNumber));
    out.push({
      folder: SFTP_FOLDERS.customerFeedMissing,
      name: reportName(f, '.csv'),
      text: toReportCsv(
        feed.header,
        rows.map((r) => r.fields),
      ),
    });
  }
  return out;
}

/**
 * Whether a feed is still the version read (its fingerprint), by a fresh listing, before it is moved:
 * a feed rewritten meanwhile is 'changed', one removed is 'gone'; neither is moved.
 */
export function moveCheck(
  listed: FeedEntry[],
  name: string,
  state: ImportState,
): 'move' | 'changed' | 'gone' {
  const now = listed.find((e) => e.name === name);
  const p = state.print;
  if (!now) return 'gone';
  return p && (now.size !== p.size || now.lastModified?.getTime() !== p.modified) ? 'changed' : 'move';
}
