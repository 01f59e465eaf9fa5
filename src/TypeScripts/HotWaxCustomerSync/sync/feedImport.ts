/**
 * One feed through its phases (feedState.ts): read (the File Cabinet copy or a download, the
 * fingerprint checked, parsed), offered to the handoff, its rows decided batch by batch with report
 * parts written as the errors grow, then finished (feedFinish.ts). Run by the scheduled path
 * (customerImport.ts) and by the map/reduce's summarize (customerImportMapReduce.ts), which replays
 * the reduce stage's outcomes through the same steps.
 */
import { DEFAULT_SUBSIDIARY_PARAM, toNewCustomer } from './customerRows';
import { UNITS } from '../core/governance';
import { SFTP_FOLDERS } from '../core/config';
import { textHash } from '../core/fileNames';
import { describeError } from '../core/errors';
import { physicalLineCount } from '../core/csv';
import { readCustomerFeed } from '../core/customerFeed';
import { FILE_CONTENT_LIMIT, SFTP_MAX_FILE_SIZE } from '../core/limits';
import type { FeedEntry } from './ports';
import type { FileResult, ImportState } from './importTypes';
import { emptyCounts } from './importTypes';
import type { PreparedRow, RowOutcome } from './customerUpsert';
import { CHECKPOINT_ROWS } from './customerUpsert';
import { LEASE_MS } from './feedState';
import { unreadableReason } from './customerFeedFolder';
import {
  COPY_SAVE_UNITS,
  REPORT_UNITS,
  SPILL_AT_CHARS,
  countsText,
  FOUND_AGAIN,
  nextPart,
  storedMessage,
  storedSize,
} from './feedReports';
import type { Feed, FeedJob, FeedStart } from './feedFinish';
import { failFile, finishFeed, inProgress, resultOf, saveVerdicts, writeReport } from './feedFinish';
import type { Got, Steps } from './feedActions';
import { drive } from './feedActions';

/** One feed's steps carried out by the driver (feedActions.ts). */
export function importOneFeed(entry: FeedEntry, state: ImportState, job: FeedJob): FileResult {
  return drive(job, feedSteps(entry, state, job));
}

/** One feed's steps, with the names of the reports written for it. */
export function* feedSteps(entry: FeedEntry, state: ImportState, job: FeedJob): Steps<FileResult> {
  const written: string[] = [];
  const result = yield* importFeed({ ...job, entry, name: entry.name, state, written });
  // A real run writes error reports (named in the summary and run history); a dry run its verdicts.
  if (written.length)
    if (job.opts.dryRun) result.dryRunReport = written[0];
    else result.errorReports = written;
  return result;
}

/** Errors of a download that will never succeed for this file: it goes to failed/ with a report. */
const PERMANENT_DOWNLOAD_ERRORS = new Set([
  'FTP_MAXIMUM_FILE_SIZE_EXCEEDED',
  'SSS_FILE_CONTENT_SIZE_EXCEEDED',
]);

/** An entry that cannot be read: reported, left where it is. */
export function skipEntry(name: string, reason: string, deps: FeedJob['deps']): FileResult {
  const quoted = JSON.stringify(name);
  deps.log.error(
    `Customer feed folder entry ${quoted} skipped`,
    `${SFTP_FOLDERS.customerFeed}/ entry ${quoted}: ${reason}. It is left where it is and the other feeds are imported; remove or fix it on the SFTP server.`,
  );
  return { name, outcome: 'skipped', reason, counts: emptyCounts() };
}

/** The driver of one feed's steps: each returns its result when the feed stops there. */
function* importFeed(start: FeedStart): Steps<FileResult> {
  const f = yield* readFeed(start);
  if ('outcome' in f) return f;
  if (f.offer && (yield* f.offer(f.parsed.rows.length + f.parsed.problems.length)))
    return resultOf(f, 'handed off', { lines: f.lines });
  setupChecks(f);
  return (yield* decideRows(f)) ?? (yield* finishFeed(f));
}

/**
 * Taken up or resumed: a feed N/sftp can download, the text its rows so far were decided on (the File Cabinet copy an earlier
 * execution kept, whatever the listing shows now; else a download), its fingerprint checked and
 * kept, and parsed. A FileResult when the feed stops here (failed, skipped, changed).
 */
function* readFeed(start: FeedStart): Steps<Feed | FileResult> {
  const { entry, name, state, deps, opts } = start;
  const tooLarge = (why: string) =>
    failFile(start, 'FILE_TOO_LARGE', `${why}; have HotWax send smaller feeds`);
  if ((entry.size ?? 0) > SFTP_MAX_FILE_SIZE)
    return yield* tooLarge(
      `the file is ${entry.size} bytes; NetSuite's N/sftp downloads at most ${SFTP_MAX_FILE_SIZE} bytes (Connection.MAX_FILE_SIZE)`,
    );
  // (A checkpoint without a print: the copy is of the same listing.)
  const modified = entry.lastModified?.getTime();
  const sameFile =
    !!state.feedCopy &&
    (!!state.print || (state.feedCopy.size === entry.size && state.feedCopy.modified === modified));
  const copied =
    sameFile && deps.feedCopies
      ? ((yield { kind: 'loadCopy', copy: state.feedCopy! }) as Got<'loadCopy'>)
      : null;
  if (copied) state.feedCopy!.fileId = copied.id;
  let text: string;
  try {
    text = copied ? copied.text : ((yield { kind: 'download', feed: name }) as Got<'download'>);
  } catch (e) {
    const { code, message } = describeError(e);
    if (code === 'SSS_USAGE_LIMIT_EXCEEDED') throw e;
    if (PERMANENT_DOWNLOAD_ERRORS.has(code))
      return yield* tooLarge(
        `${code}: the file${entry.size ? ` is ${entry.size} bytes and` : ''} cannot be read within NetSuite's limits (${message})`,
      );
    return skipEntry(name, `cannot be downloaded (${code}: ${message})`, deps);
  }
  // Another text than the one the rows so far were decided on (a rewrite, and no copy of the version
  // read): that version's unread lines cannot be read any more; the new text is a new feed.
  const hash = textHash(text);
  const p = state.print;
  if (p && p.hash !== hash) {
    deps.log.error(
      `Customer feed ${name} changed while it was being imported`,
      `Its earlier version (reports tagged ${state.tag}) was handled up to line ${state.line} (${countsText(state.counts)}); its later lines cannot be read any more: have HotWax send them again. The new content is imported as a new feed from line 1 (${FOUND_AGAIN}).`,
    );
    return resultOf(start, 'changed');
  }
  // Kept as first read: a text merely touched (same text, new time) is then taken up again, whose rows
  // all come out "already linked". (The map/reduce's replay text is not a fresh download.)
  if (!p) state.print = { size: entry.size, modified, hash };

  const unreadable = unreadableReason(text);
  const parsed = unreadable ? null : readCustomerFeed(text, name);
  const missingKey = parsed && parsed.missingColumns.includes('HCCustomerId');
  if (parsed?.refusal && !missingKey) return yield* failFile(start, 'DUPLICATE_COLUMN', parsed.refusal);
  if (!parsed || missingKey)
    return yield* failFile(
      start,
      'UNREADABLE_FEED',
      unreadable ??
        `the header has no HCCustomerId column (nor a legacy "External Id" one; found: ${parsed!.header.join(', ') || 'nothing'})`,
    );
  const copyWanted =
    !!deps.feedCopies &&
    !opts.dryRun &&
    !copied &&
    entry.size !== undefined &&
    entry.size <= FILE_CONTENT_LIMIT &&
    modified !== undefined;
  return {
    ...start,
    text,
    parsed,
    lines: Math.max(0, physicalLineCount(text) - parsed.headerLine),
    pendingChars: state.errors.reduce((n, e) => n + storedSize(e), 0),
    verdicts: [],
    copyWanted,
  };
}

/** Setup mistakes, said once per execution; every row they affect is still reported with its line. */
function setupChecks({ opts, parsed, run, deps, name }: Feed): void {
  const say = (key: string, title: string, details: string) => {
    if (run.setupReported.has(key)) return;
    run.setupReported.add(key);
    deps.log.error(title, details);
  };
  if (opts.oneWorld && !opts.defaultSubsidiary && parsed.matched.subsidiary === undefined)
    say(
      'no-subsidiary',
      'HC_SC_ImportCustomer setup: new customers have no subsidiary',
      `This is a OneWorld account, feed ${name} has no subsidiary column and the script parameter ${DEFAULT_SUBSIDIARY_PARAM} is empty, so NetSuite refuses every new customer (as its own CSV import does). Set ${DEFAULT_SUBSIDIARY_PARAM} to the internal id of the subsidiary new customers belong to, or have HotWax send a subsidiary column. Until then every such row is reported as MISSING_SUBSIDIARY.`,
    );
  if (
    opts.defaultSubsidiary &&
    (!/^\d+$/.test(opts.defaultSubsidiary) ||
      (opts.oneWorld && !deps.customers.subsidiaryExists(opts.defaultSubsidiary)))
  )
    say(
      'bad-default-subsidiary',
      'HC_SC_ImportCustomer setup: the default subsidiary does not exist',
      `The script parameter ${DEFAULT_SUBSIDIARY_PARAM} is "${opts.defaultSubsidiary}", which is not the internal id of a subsidiary: enter one (Setup > Company > Subsidiaries) or clear it. Rows without a subsidiary are reported as INVALID_KEY_OR_REF.`,
    );
}

/** An error of one row (or malformed record), kept in the checkpoint until written out. */
function fail(
  f: Feed,
  line: number,
  hcCustomerId: string,
  code: string,
  message: string,
  missingRequired: boolean,
): void {
  const e = { line, hcCustomerId, code, message: storedMessage(message), missingRequired };
  f.state.errors.push(e);
  f.pendingChars += storedSize(e);
  f.tally('errors');
  if (f.opts.dryRun) f.verdicts.push({ line, hcCustomerId, outcome: 'error', customerId: '', code, message });
}

/**
 * A report part ends right after the error (in line order) that takes the kept errors past
 * SPILL_AT_CHARS: a point of the feed itself, not of the batch or execution it fell in, so the
 * same feed gives the same parts however it is spread over executions (and on the map/reduce's
 * one-pass replay). Out of units for the write, the execution stops here and the next one writes
 * the same part before any further row. null: go on; else the feed's result.
 */
function* spillIfFull(f: Feed): Steps<FileResult | null> {
  const { state } = f;
  if (f.opts.dryRun || f.pendingChars <= SPILL_AT_CHARS) return null;
  if (!f.deps.budget.canAfford(REPORT_UNITS)) return yield* inProgress(f);
  const part = nextPart(f);
  if (!(yield* writeReport(f, part, 'savePart'))) return resultOf(f, 'blocked', { lines: f.lines });
  // The report parts phase: the errors so far are in the part (and its lines for required_fields_missing/).
  state.missingLines = [...(state.missingLines ?? []), ...part.missing];
  state.reportParts = (state.reportParts ?? 0) + 1;
  state.errors = [];
  f.pendingChars = 0;
  return null;
}

/**
 * Malformed records (unclosed quote, wrong column count...) are errors of their own line, taken in
 * line order with the rows (a feed of many malformed records spills them into parts as it goes):
 * `before(line)` takes those before `line`, each followed by the spill check.
 */
function malformedRecords(f: Feed): (line: number) => Steps<FileResult | null> {
  const { state } = f;
  const from = Math.max(state.line, state.problemsThrough ?? 0);
  const problems = f.parsed.problems
    .filter((p) => p.lineNumber > from)
    .sort((a, b) => a.lineNumber - b.lineNumber);
  let next = 0;
  return function* (line) {
    while (next < problems.length && problems[next].lineNumber < line) {
      const p = problems[next++];
      fail(f, p.lineNumber, '', p.code, p.message, false);
      state.problemsThrough = Math.max(state.problemsThrough ?? 0, p.lineNumber);
      const stop = yield* spillIfFull(f);
      if (stop) return stop;
    }
    return null;
  };
}

/**
 * The rows phase: the rows after `state.line`, batch by batch, each batch only when the budget can pay
 * for it and what stopping costs. Rows i..lookedUpTo-1 (indexes in `rows`) are looked up with the
 * batch that begins there (decider.lookAhead rows); a batch never runs past lookedUpTo, so each batch
 * is decided against one look-up, while the checkpoint is saved every batch of opts.batchSize.
 * null: every row handled.
 */
function* decideRows(f: Feed): Steps<FileResult | null> {
  const { state, deps, opts, decider, parsed } = f;
  const problemsBefore = malformedRecords(f);
  // A part the last execution had no units left to write comes first; a dry run keeps no state and
  // lists every malformed record whatever part of the feed it checks.
  const deferred = (yield* spillIfFull(f)) ?? (opts.dryRun ? yield* problemsBefore(Infinity) : null);
  if (deferred) return deferred;
  const rows = parsed.rows.filter((r) => r.lineNumber > state.line);
  const prepare = (r: (typeof rows)[number]): PreparedRow => ({
    row: r,
    customer: toNewCustomer(r.values, r.extra, opts, r.fields, parsed.header),
  });
  let lookFrom = 0;
  let lookedUpTo = 0;
  let upcoming: PreparedRow[] = [];
  let savedAt = 0;
  let savedTime = deps.now();
  for (let i = 0; i < rows.length;) {
    const lookUp = i >= lookedUpTo;
    const affordable = batchRows(f, lookUp);
    if (affordable < 1) {
      if (opts.dryRun) yield* saveVerdicts(f, f.verdicts, rows[i].lineNumber);
      return yield* inProgress(f);
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
    if (!decide) return yield* inProgress(f);
    for (const p of prepared) {
      const stop = (yield* problemsBefore(p.row.lineNumber)) ?? (yield* handleRow(f, p, decide));
      if (stop) return stop;
    }
    i = end;
    // Saved every CHECKPOINT_ROWS rows, not every batch: a re-run after a crash finds the rows since
    // by their HC customer id (re-work, never a duplicate); each save is 2 units. And before a third
    // of the lease has passed, so a slow account never lets it lapse while this execution runs.
    if (i < rows.length && (i - savedAt >= CHECKPOINT_ROWS || deps.now() - savedTime > LEASE_MS / 3)) {
      yield { kind: 'saveCheckpoint', state };
      savedAt = i;
      savedTime = deps.now();
    }
  }
  return yield* problemsBefore(Infinity);
}

/**
 * Rows the next batch may take: what the budget pays for, keeping back what stopping costs (a dry
 * run's verdict file; a real run's checkpoint, a report part once the kept errors pass half of
 * SPILL_AT_CHARS, the feed's copy) and, for a batch that starts a look-up, two search pages.
 */
function batchRows(f: Feed, lookUp: boolean): number {
  const reserve = f.opts.dryRun
    ? REPORT_UNITS
    : UNITS.customRecordSubmitFields +
      (f.pendingChars > SPILL_AT_CHARS / 2 ? REPORT_UNITS : 0) +
      (f.copyWanted ? COPY_SAVE_UNITS : 0);
  const { budget } = f.deps;
  if (f.decider.rowUnits > 0)
    return budget.howMany(f.decider.rowUnits, (lookUp ? 2 * UNITS.searchPage : 0) + reserve);
  return budget.canAfford(reserve) ? f.opts.batchSize : 0;
}

/** One row decided and counted (a dry run notes its verdict), then the spill check. */
function* handleRow(
  f: Feed,
  p: PreparedRow,
  decide: (row: PreparedRow) => RowOutcome,
): Steps<FileResult | null> {
  const { row } = p;
  const hcCustomerId = (row.values.HCCustomerId ?? '').trim();
  const outcome = decide(p);
  if (outcome.kind === 'error')
    fail(f, row.lineNumber, hcCustomerId, outcome.code, outcome.message, outcome.missingRequired);
  else {
    f.tally(outcome.kind);
    if (f.opts.dryRun)
      f.verdicts.push({
        line: row.lineNumber,
        hcCustomerId,
        outcome:
          outcome.kind === 'created' ? 'create' : outcome.kind === 'linked' ? 'link' : 'already linked',
        customerId: outcome.customerId,
        code: '',
        message: '',
      });
  }
  f.state.line = row.lineNumber;
  return yield* spillIfFull(f);
}
