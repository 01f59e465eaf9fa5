/**
 * The entries of customer/export/ as the import meets them: names that must never be joined into a
 * path, texts that are not a CSV at all, the short stem report names are built on, and the folder
 * wrapper that sees every report written (so the run history holds their rows).
 */
import { stem } from '../core/fileNames';
import type { FeedFolder } from './ports';

/**
 * Why a listed name must never be joined into a path, or null: a `/` or `\` (it would reach another
 * folder), NUL, a `..` or `.` segment. N/sftp lists names of one folder; such a name comes only from
 * a hostile or broken server.
 */
export function unsafeNameReason(name: string): string | null {
  if (name === '') return 'an empty name';
  if (name.indexOf('\u0000') >= 0) return 'a name holding NUL';
  if (/[/\\]/.test(name)) return 'a name holding a path separator (/ or \\)';
  if (name === '.' || name === '..') return 'a name that is a path segment (. or ..)';
  return null;
}

/**
 * A feed's stem for names the import makes, at most 150 UTF-8 bytes (cut between characters, never
 * inside a surrogate pair), so `-<tag>-errors.csv` still fits the usual 255-byte file name limit.
 */
export function shortStem(name: string): string {
  const s = stem(name);
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length;
    const size = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    if (bytes + size > 150) return s.slice(0, i);
    bytes += size;
    if (pair) i++;
  }
  return s;
}

/**
 * The feed folder with `onReport` told of every report written through it. Every other call (and
 * argument, and any method added later) reaches the folder itself: the wrapper delegates through
 * its prototype instead of listing the methods.
 */
export function observingReports(
  feeds: FeedFolder,
  onReport: (folder: string, name: string, csv: string) => void,
): FeedFolder {
  const observed = Object.create(feeds) as FeedFolder;
  observed.writeReport = (folder, name, csv) => {
    feeds.writeReport(folder, name, csv);
    onReport(folder, name, csv);
  };
  return observed;
}

/**
 * Not a CSV text at all: bytes that are not UTF-8 (or UTF-16, or binary) show up in the header
 * already, or in most lines. One line with a bad character is that row's error (INVALID_CHARACTER),
 * not the file's.
 */
export function unreadableReason(text: string): string | null {
  if (!text.replace(/^\uFEFF/, '').trim()) return 'the file is empty';
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l !== '');
  const bad = (l: string) => l.indexOf('\u0000') >= 0 || l.indexOf('\uFFFD') >= 0;
  if (bad(lines[0]))
    return lines[0].indexOf('\u0000') >= 0
      ? 'the file is binary (or UTF-16), not a UTF-8 CSV text: its header holds NUL characters'
      : 'the file is not UTF-8 encoded: its header holds bytes that are not UTF-8';
  const badLines = lines.filter(bad).length;
  if (lines.length >= 4 && badLines * 2 > lines.length)
    return `the file is not UTF-8 encoded (or is binary): ${badLines} of its ${lines.length} lines hold bytes that are not UTF-8 or NUL`;
  return null;
}
