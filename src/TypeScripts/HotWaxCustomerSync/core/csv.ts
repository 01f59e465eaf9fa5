/**
 * The CSV engine: reading and writing RFC 4180 files, each record with its physical line numbers and
 * its own problems. The HotWax files' headers and the feed's column table are in hotwaxFiles.ts.
 *
 * Writing uses csv-stringify, reading uses csv-parse, both through their `browser/esm/sync` builds:
 * the Node builds touch `Buffer` when they load, the browser builds carry their own shim and run in
 * NetSuite's GraalJS, which has no Buffer, process, require or timers (the tests load the bundled
 * library in a bare `node:vm` context to prove it).
 *
 * Parser choice: csv-parse rather than papaparse.
 * - Correctness: csv-parse hands back, per record, the raw text it consumed (`raw`) and, with
 *   `relax_column_count`, the column-count error of that record (`info.error`), and it can skip a
 *   broken record and go on (`skip_records_with_error` + `on_skip`). That is what per-record problems
 *   with exact physical line numbers need. It passes every csv-spectrum case (see the tests).
 *   papaparse reports errors by row index, not physical line, and guesses delimiters and line ends.
 * - Size: csv-stringify is needed for writing anyway and comes from the same project with the same
 *   conventions; csv-parse adds about 145 kB to the library file (it inlines its own Buffer shim),
 *   far below any File Cabinet limit and loaded once per script. papaparse is not a dependency of
 *   this project.
 * - Speed in a bare context: measured by the tests on the bundled file in a bare vm: a 5,000 row,
 *   1 MB feed reads in 0.6 to 2 s depending on machine load (csv-parse's own pace, the `raw` option
 *   costs nothing measurable); HotWax puts 500 rows (about 100 kB) in a feed file.
 *
 * Line ends: files are written with CRLF, like HotWax's own writer (Apache Commons CSV
 * `CSVFormat.DEFAULT`) and RFC 4180; every reader involved (Commons CSV, csv-parse, NetSuite) accepts
 * CRLF, LF and CR. Reading accepts all three, even mixed in one file.
 *
 * Formula injection (OWASP "CSV Injection"): files read by people (error/, required_fields_missing/,
 * dry_run/, check-feed's output) are written with `toReportCsv`, which puts a `'` before any cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a CR, so a spreadsheet shows it as text instead of running it.
 * Files HotWax's jobs parse (customer/import/, historicalshopifycustomer/csv/) keep exact values
 * (`toCsv`): a changed value would be a changed Shopify ID or name.
 */
import { parse, type CsvError } from 'csv-parse/browser/esm/sync';
import { stringify } from 'csv-stringify/browser/esm/sync';

/** A value that can be written to a CSV field. `null` and `undefined` are written as empty fields. */
export type CsvCell = string | number | boolean | null | undefined;

/** Line end written between records (and after the last one). */
export const CSV_EOL = '\r\n';

/** One column a reader expects: its canonical name, other names it may carry, whether it must exist. */
export interface ColumnSpec<C extends string = string> {
  readonly name: C;
  /** Other header names for the same column (compared the same loose way as `name`). */
  readonly aliases?: readonly string[];
  /** When the header has no such column, `readCsv` lists it in `missingColumns`. */
  readonly required?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Options shared by `toCsv` and `csvLine`: they must quote identically. */
const STRINGIFY_OPTIONS = {
  delimiter: ',',
  quote: '"',
  escape: '"',
  record_delimiter: CSV_EOL,
  // Quote a value holding a lone CR or LF too: with an explicit `record_delimiter`, csv-stringify
  // otherwise quotes only values holding that exact sequence, and "a\nb" would end the record.
  quote_record_delimiter: true,
  bom: false,
  // csv-stringify's default writes booleans as '1' / ''; write what the value says.
  cast: { boolean: (value: boolean): string => (value ? 'true' : 'false') },
};

export interface ToCsvOptions {
  /** Write the header row first (default true). False for the rows of a file being continued. */
  includeHeader?: boolean;
  /** End the last record with CRLF too (default true, as Commons CSV does). */
  trailingLineEnd?: boolean;
}

const toCells = (header: readonly string[], row: readonly CsvCell[] | Readonly<Record<string, CsvCell>>) =>
  Array.isArray(row) ? row : header.map((name) => (row as Readonly<Record<string, CsvCell>>)[name]);

/**
 * Whole CSV text: header row, then one record per row, RFC 4180 quoting (a field is quoted only when
 * it holds a comma, a quote, CR or LF; quotes inside are doubled), CRLF line ends, no BOM.
 * Rows are arrays in header order, or objects read by the header's names (absent keys are empty).
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[] | readonly Readonly<Record<string, CsvCell>>[],
  opts: ToCsvOptions = {},
): string {
  const records: (readonly CsvCell[])[] = opts.includeHeader === false ? [] : [header];
  for (const row of rows) records.push(toCells(header, row));
  if (records.length === 0) return '';
  return stringify(records as CsvCell[][], { ...STRINGIFY_OPTIONS, eof: opts.trailingLineEnd !== false });
}

/**
 * One record without a line end, quoted exactly as `toCsv` quotes it: for N/file `appendLine`, which
 * adds the line end itself. A value may still hold line breaks; they are inside quotes.
 */
export function csvLine(values: readonly CsvCell[]): string {
  return stringify([values as CsvCell[]], { ...STRINGIFY_OPTIONS, eof: false });
}

/** A cell a spreadsheet would run as a formula gets a leading `'` (OWASP CSV-injection guidance). */
export function neutralizeCell(value: CsvCell): CsvCell {
  if (typeof value !== 'string' || value === '') return value;
  const c = value.charCodeAt(0);
  // = + - @ TAB CR
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${value}` : value;
}

/** `toCsv` for files people open (reports): every cell, header included, through `neutralizeCell`. */
export function toReportCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  opts: ToCsvOptions = {},
): string {
  return toCsv(
    header.map((h) => String(neutralizeCell(h))),
    rows.map((r) => r.map(neutralizeCell)),
    opts,
  );
}

// ---------------------------------------------------------------------------------------------
// Reading

export type CsvProblemCode =
  | 'EMPTY_FILE'
  | 'UNCLOSED_QUOTE'
  | 'STRAY_QUOTE'
  | 'UNBALANCED_QUOTE'
  | 'WRONG_COLUMN_COUNT'
  | 'DUPLICATE_COLUMN'
  | 'PARSE_ERROR';

/** A record that could not be read, or a header defect. Fits a row of `ERROR_REPORT_HEADER`. */
export interface CsvProblem {
  fileName: string;
  /** Physical line (1-based, header is line 1) where the record starts. */
  lineNumber: number;
  code: CsvProblemCode;
  message: string;
}

/** A well-formed record: its fields and the physical line (1-based) where it starts. */
export interface CsvRecord {
  lineNumber: number;
  /** Physical line where the record ends (a quoted line break makes a record span lines). */
  endLine: number;
  fields: string[];
}

export interface ParsedCsv {
  records: CsvRecord[];
  problems: CsvProblem[];
}

const isBreak = (c: string) => c === '\r' || c === '\n';

/** Line breaks in a text, CRLF counting once. */
function countBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * Index of a quote that closes a quoted field but is followed by something other than a comma or
 * the end of the record (`"abc"d`), or -1. csv-parse (with `relax_quotes`) keeps such a field as raw
 * text; RFC 4180 and Commons CSV reject it, and so does this reader. A quote inside an unquoted field
 * (`37°36'37.8"N`) is an ordinary character, as in Commons CSV and csv-spectrum.
 */
function findStrayQuote(record: string): number {
  let i = 0;
  while (i <= record.length) {
    if (record[i] === '"') {
      i++;
      for (;;) {
        const q = record.indexOf('"', i);
        if (q < 0) return -1; // cannot happen for a record csv-parse closed; nothing to report
        if (record[q + 1] === '"') {
          i = q + 2;
          continue;
        }
        if (q + 1 < record.length && record[q + 1] !== ',') return q;
        i = q + 1;
        break;
      }
    } else {
      const comma = record.indexOf(',', i);
      if (comma < 0) return -1;
      i = comma;
    }
    if (i >= record.length) return -1;
    i++; // past the comma: start of the next field
  }
  return -1;
}

/** A record or a malformed record of one parse pass, with the physical lines it spans. */
type ParsedItem =
  | { kind: 'record'; lineNumber: number; endLine: number; fields: string[] }
  | { kind: 'problem'; lineNumber: number; endLine: number; code: CsvProblemCode; message: string };

/** Offsets where each physical line starts (CRLF, LF and CR all end a line). */
function lineStartsOf(text: string): number[] {
  const starts = text.length > 0 ? [0] : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if ((c === 10 || c === 13) && i + 1 < text.length) starts.push(i + 1);
  }
  return starts;
}

/**
 * One csv-parse pass over `input`, whose first character is on physical line `firstLine`.
 * Line numbers are computed from the raw text csv-parse consumed for each record (its own `lines`
 * counter counts a CRLF inside quotes twice): each record's raw text starts right after the previous
 * record's line end, with one character per skipped blank line, and ends with the first character of
 * its own line end.
 */
function parsePass(input: string, firstLine: number): ParsedItem[] {
  const items: ParsedItem[] = [];
  let line = firstLine; // physical line where the next raw text starts

  /** Start and end line of a record from its raw text, and moves `line` past the record. */
  const place = (raw: string, ended: boolean) => {
    let lead = 0;
    while (lead < raw.length && isBreak(raw[lead])) lead++;
    const body = raw.slice(lead, ended ? raw.length - 1 : raw.length);
    const start = line + lead;
    const endLine = start + countBreaks(body);
    line = endLine + (ended ? 1 : 0);
    return { start, endLine, body };
  };

  parse(input, {
    bom: false,
    delimiter: ',',
    quote: '"',
    escape: '"',
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_empty_lines: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_records_with_error: true,
    raw: true,
    // With `raw: true` csv-parse passes `{ record, raw }`, which its typings do not model.
    on_record: (withRaw: string[]) => {
      const { record, raw } = withRaw as unknown as { record: string[]; raw: string };
      const ended = raw.length > 0 && isBreak(raw[raw.length - 1]);
      const { start, endLine, body } = place(raw, ended);
      const stray = body.indexOf('"') < 0 ? -1 : findStrayQuote(body);
      if (stray >= 0) {
        const at = start + countBreaks(body.slice(0, stray));
        items.push({
          kind: 'problem',
          lineNumber: start,
          endLine,
          code: 'STRAY_QUOTE',
          message: `text after a closing quote on line ${at}: ${JSON.stringify(body.slice(Math.max(0, stray - 20), stray + 20))}`,
        });
      } else {
        items.push({ kind: 'record', lineNumber: start, endLine, fields: record });
      }
      return null; // collected here, csv-parse keeps nothing
    },
    on_skip: (err: CsvError | undefined, raw: string | undefined) => {
      // With the relax options above, the only error left is a quote still open at the end of the file.
      const { start, endLine } = place(raw ?? '', false);
      const unclosed = err?.code === 'CSV_QUOTE_NOT_CLOSED';
      items.push({
        kind: 'problem',
        lineNumber: start,
        endLine,
        code: unclosed ? 'UNCLOSED_QUOTE' : 'PARSE_ERROR',
        message: unclosed
          ? `a quoted field opened on line ${start} is never closed`
          : (err?.message ?? 'unreadable record'),
      });
      return undefined;
    },
  });
  return items;
}

/** After this many malformed multi-line records, the rest of a file is read one physical line per record. */
const MAX_RESYNCS = 20;

/**
 * Splits CSV text into records, each with the physical line it starts on. Accepts a UTF-8 BOM,
 * CRLF / LF / CR (mixed too), quoted commas, doubled quotes and line breaks inside quotes; skips blank
 * lines. Column counts of single-line records are not checked here (see `readCsv`).
 *
 * No line ever vanishes into a malformed record: a record that is malformed (a quote never closed,
 * text after a closing quote) or, when `width` is known (default: the first record's), a record that
 * spans several lines with the wrong number of fields (a stray opening quote that swallowed the
 * following lines until some other quote) is reported on the line it starts on, and reading starts
 * again on the next physical line. Past MAX_RESYNCS such records, the rest of the file is read one
 * physical line at a time (a hostile file costs linear time, not quadratic).
 */
export function parseCsvRecords(text: string, fileName = '', width?: number): ParsedCsv {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const starts = lineStartsOf(input);
  let columns = width;
  let resyncs = 0;
  let from = 1; // physical line the next pass starts on

  const take = (items: ParsedItem[]): number | null => {
    for (const it of items) {
      const multiLine = it.endLine > it.lineNumber;
      if (it.kind === 'problem') {
        const resync = multiLine || it.code === 'UNCLOSED_QUOTE';
        problems.push({
          fileName,
          lineNumber: it.lineNumber,
          code: it.code,
          message: resync
            ? `${it.message}; line ${it.lineNumber} is reported alone and reading goes on at line ${it.lineNumber + 1}`
            : it.message,
        });
        if (resync) return it.lineNumber + 1;
        continue;
      }
      if (columns === undefined) columns = it.fields.length;
      else if (multiLine && it.fields.length !== columns) {
        problems.push({
          fileName,
          lineNumber: it.lineNumber,
          code: 'UNBALANCED_QUOTE',
          message: `a quote on line ${it.lineNumber} runs to line ${it.endLine} and leaves ${it.fields.length} fields where the header has ${columns} columns; line ${it.lineNumber} is reported alone and reading goes on at line ${it.lineNumber + 1}`,
        });
        return it.lineNumber + 1;
      }
      records.push({ lineNumber: it.lineNumber, endLine: it.endLine, fields: it.fields });
    }
    return null;
  };

  while (from <= starts.length) {
    if (resyncs >= MAX_RESYNCS) {
      for (let l = from; l <= starts.length; l++) {
        const end = l < starts.length ? starts[l] : input.length;
        take(parsePass(input.slice(starts[l - 1], end), l).filter((it) => it.lineNumber === l));
      }
      break;
    }
    const next = take(parsePass(input.slice(starts[from - 1]), from));
    if (next === null) break;
    from = next;
    resyncs++;
  }
  return { records, problems };
}

/** Physical lines of a text (a final line end opens no new line). */
export function physicalLineCount(text: string): number {
  return lineStartsOf(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).length;
}

/** Plain assignment, except that a column named `__proto__` stays an ordinary key. */
function setOwn(target: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Header name compared loosely: case, spaces, underscores and dashes ignored. */
export const normalizeHeaderName = (name: string): string => name.toLowerCase().replace(/[\s_-]+/g, '');

export interface ReadCsvOptions<C extends string> {
  columns: readonly ColumnSpec<C>[];
  /** Used in problems (and so in the error report). */
  fileName?: string;
}

export interface CsvRow<C extends string> {
  /** Physical line (1-based, header is line 1) where the record starts. */
  lineNumber: number;
  /** Physical line where it ends. */
  endLine: number;
  /** Every spec column; a column absent from the header reads as ''. Values are not trimmed. */
  values: Record<C, string>;
  /** Columns not in the spec, by their header name as written. */
  extra: Record<string, string>;
  /** Every field by its header name as written (first column of a name wins), to copy a row as is. */
  original: Record<string, string>;
  /** The record's fields in file order. */
  fields: string[];
}

export interface ReadCsvResult<C extends string> {
  /** The header as written (BOM removed). Empty when the file is empty. */
  header: string[];
  /** Physical line of the header (after blank lines at the top); 0 when there is none. */
  headerLine: number;
  /** Spec columns found, with the header name that matched. */
  matched: Partial<Record<C, string>>;
  rows: CsvRow<C>[];
  problems: CsvProblem[];
  /** Required spec columns the header lacks: the caller should fail the whole file. */
  missingColumns: C[];
}

/**
 * Reads a CSV file whose first record is a header, matching columns by name (any order, loose
 * comparison, aliases). Rows with the wrong number of fields, and malformed records, are reported
 * in `problems` and left out of `rows`; records whose fields are all empty (`,,,`) are skipped.
 */
export function readCsv<C extends string>(text: string, opts: ReadCsvOptions<C>): ReadCsvResult<C> {
  const fileName = opts.fileName ?? '';
  const { records, problems } = parseCsvRecords(text, fileName);
  const byName = new Map<string, C>();
  for (const spec of opts.columns) {
    for (const name of [spec.name, ...(spec.aliases ?? [])]) byName.set(normalizeHeaderName(name), spec.name);
  }
  const first = records[0];
  const headerProblem = problems.length > 0 && (!first || problems[0].lineNumber < first.lineNumber);
  if (!first || headerProblem) {
    if (!first && problems.length === 0) {
      problems.push({ fileName, lineNumber: 1, code: 'EMPTY_FILE', message: 'the file has no header row' });
    }
    return {
      header: [],
      headerLine: 0,
      matched: {},
      rows: [],
      problems,
      missingColumns: opts.columns.filter((c) => c.required).map((c) => c.name),
    };
  }

  const header = first.fields;
  const matched: Partial<Record<C, string>> = {};
  const target: (C | undefined)[] = header.map((name, i) => {
    const canonical = byName.get(normalizeHeaderName(name));
    if (canonical === undefined) return undefined;
    if (matched[canonical] !== undefined) {
      problems.push({
        fileName,
        lineNumber: first.lineNumber,
        code: 'DUPLICATE_COLUMN',
        message: `column ${i + 1} "${name}" is another "${canonical}" column (first: "${matched[canonical]}")`,
      });
      return undefined;
    }
    matched[canonical] = name;
    return canonical;
  });
  const missingColumns = opts.columns
    .filter((c) => c.required && matched[c.name] === undefined)
    .map((c) => c.name);

  const rows: CsvRow<C>[] = [];
  for (let r = 1; r < records.length; r++) {
    const { lineNumber, endLine, fields } = records[r];
    if (fields.length !== header.length) {
      problems.push({
        fileName,
        lineNumber,
        code: 'WRONG_COLUMN_COUNT',
        message: `${fields.length} fields where the header has ${header.length} columns`,
      });
      continue;
    }
    if (fields.every((f) => f === '')) continue;
    const values = {} as Record<C, string>;
    for (const spec of opts.columns) values[spec.name] = '';
    const extra: Record<string, string> = {};
    const original: Record<string, string> = {};
    for (let i = 0; i < fields.length; i++) {
      const canonical = target[i];
      if (canonical !== undefined) values[canonical] = fields[i];
      else setOwn(extra, header[i], fields[i]);
      if (!Object.prototype.hasOwnProperty.call(original, header[i])) setOwn(original, header[i], fields[i]);
    }
    rows.push({ lineNumber, endLine, values, extra, original, fields });
  }
  problems.sort((a, b) => a.lineNumber - b.lineNumber);
  return { header, headerLine: first.lineNumber, matched, rows, problems, missingColumns };
}
