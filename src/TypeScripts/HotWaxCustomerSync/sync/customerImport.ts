/**
 * HC_SC_ImportCustomer's logic: every HotWax customer feed in customer/export/ is read, each row
 * validated and upserted (created, linked, already linked, or reported), the error reports written,
 * and the feed archived once every row is handled. Resumable: the checkpoint holds the feed and the
 * last handled line; low governance saves it and reschedules. A crash at any point is safe: a row
 * whose customer was already written is found again by its HC customer id on the re-run.
 */
import type { NewCustomer, RowOptions } from './customerRows';
import { isProblem, toNewCustomer, CUSTOMER_FIELDS } from './customerRows';
import type { ExistingCustomer } from './customerMatching';
import { CandidateIndex } from './customerMatching';
import type { GovernanceBudget } from '../lib/governance';
import { UNITS } from '../lib/governance';
import { SFTP_FOLDERS } from '../lib/config';
import { stem } from '../lib/fileNames';
import { describeError } from '../lib/errors';
import { CUSTOMER_FEED_COLUMNS, ERROR_REPORT_HEADER, readCsv, toCsv } from '../lib/csv';
import type { CustomerFeedColumn, ReadCsvResult } from '../lib/csv';

export interface MatchKeys {
  hcCustomerIds: string[];
  externalIds: string[];
  shopifyCustomerIds: string[];
  emails: string[];
}

/** NetSuite customer records, behind an adapter (lib/customers.ts). */
export interface CustomerStore {
  findCandidates(keys: MatchKeys): ExistingCustomer[];
  create(customer: NewCustomer, statusId: string, stamp: number): string;
  update(id: string, values: Record<string, string | number>): void;
  /** Entity status internal id by its name as HotWax sends it (e.g. CUSTOMER-Closed Won). */
  statusId(name: string): string | null;
  /** Whether a subsidiary with this internal id exists (dry runs only: a real save checks it). */
  subsidiaryExists(id: string): boolean;
}

export interface FeedFolder {
  list(): { name: string }[];
  download(name: string): string;
  /** Write a report atomically (replacing one of the same name). */
  writeReport(folder: string, name: string, csv: string): void;
  /** Move the feed into archive/ or failed/ without overwriting; returns the name used. */
  moveFeed(name: string, folder: string): string;
}

export interface ErrorRow {
  line: number;
  hcCustomerId: string;
  code: string;
  message: string;
  missingRequired: boolean;
}

export interface ImportCounts {
  created: number;
  linked: number;
  alreadyLinked: number;
  errors: number;
}

export interface ImportState {
  file: string | null;
  /** Last line of `file` whose row is handled (0: none yet). */
  line: number;
  errors: ErrorRow[];
  counts: ImportCounts;
  /**
   * Who is importing: two deployments (scheduled and on demand) could otherwise read the same feed
   * at once. NetSuite never runs one deployment twice at a time, so a lease held by the running
   * deployment is left over from a crash and is taken over; another deployment's lease is honoured
   * until it expires (renewed at every checkpoint).
   */
  lease: { executionId: string; deploymentId: string; until: number } | null;
}

export interface ImportOptions extends RowOptions {
  matchByEmail: boolean;
  dryRun: boolean;
  /** Rows looked up with one search. */
  batchSize: number;
  executionId: string;
  deploymentId: string;
  /** A linked customer re-sent by HotWax after this long gets re-stamped, so its id is exported again. */
  restampAfterMs: number;
}

export interface ImportDeps {
  feeds: FeedFolder;
  customers: CustomerStore;
  checkpoint: { load(): ImportState | null; save(state: ImportState): void };
  budget: GovernanceBudget;
  now: () => number;
  log: { audit(title: string, details: string): void; error(title: string, details: string): void };
  /**
   * Map/reduce handoff (sync/customerImportMapReduce.ts): asked for a fresh feed, before any row;
   * true when the map/reduce import took the feed over (checkpoint saved with its lease).
   */
  handOff?: (name: string, rowCount: number, state: ImportState) => boolean;
}

export interface FileResult {
  name: string;
  outcome: 'archived' | 'failed' | 'in progress' | 'checked' | 'handed off';
  movedTo?: string;
  /** The whole file's counts so far (across executions). */
  counts: ImportCounts;
}

export interface ImportSummary {
  files: FileResult[];
  /** What this execution did. */
  totals: ImportCounts;
  /** true when the run stopped for governance and the caller must reschedule */
  paused: boolean;
  /** Paused without handling a single row or file: rescheduling would loop, so it does not. */
  stalled: boolean;
  skipped?: string;
  /** The deployment holding the lease when this run skipped (the map/reduce import's, after a handoff). */
  leaseHeldBy?: string;
}

/** One row's verdict in a dry run (customer/export/dry_run/<feed>-dry-run.csv). */
export interface RowVerdict {
  line: number;
  hcCustomerId: string;
  outcome: 'create' | 'link' | 'already linked' | 'error';
  customerId: string;
  code: string;
  message: string;
}

export const DRY_RUN_FOLDER = 'customer/export/dry_run';
export const DRY_RUN_HEADER = [
  'fileName',
  'lineNumber',
  'HCCustomerId',
  'outcome',
  'customerId',
  'errorCode',
  'errorMessage',
];

/** Worst case for one row: create (5) + save (10), plus a retry of both for an entity id clash. */
const ROW_UNITS = 2 * (UNITS.customerCreate + UNITS.customerSave);
/** Finishing a feed: each report is a folder check, an upload, a move (and a replace), then the archive move. */
const REPORT_UNITS = UNITS.sftpTransfer + 4 * UNITS.sftpOther;
const ARCHIVE_UNITS = 2 * UNITS.sftpOther + UNITS.customRecordSubmitFields;
const finishUnits = (errors: ErrorRow[]) =>
  ARCHIVE_UNITS +
  (errors.length ? REPORT_UNITS : 0) +
  (errors.some((e) => e.missingRequired) ? REPORT_UNITS : 0);
const LEASE_MS = 15 * 60 * 1000;

export const emptyCounts = (): ImportCounts => ({ created: 0, linked: 0, alreadyLinked: 0, errors: 0 });

export function runCustomerImport(deps: ImportDeps, opts: ImportOptions): ImportSummary {
  const summary: ImportSummary = { files: [], totals: emptyCounts(), paused: false, stalled: false };
  const loaded = deps.checkpoint.load();
  const lease = loaded?.lease;
  if (lease && lease.deploymentId !== opts.deploymentId && lease.until > deps.now()) {
    summary.leaseHeldBy = lease.deploymentId;
    summary.skipped = `deployment ${lease.deploymentId} is importing (lease until ${new Date(lease.until).toISOString()}); this run leaves the feeds to it`;
    return summary;
  }
  // A dry run starts from scratch and keeps its state to itself.
  const state: ImportState =
    loaded && !opts.dryRun ? loaded : { file: null, line: 0, errors: [], counts: emptyCounts(), lease: null };
  const save = (st: ImportState) => {
    if (opts.dryRun) return;
    st.lease = {
      executionId: opts.executionId,
      deploymentId: opts.deploymentId,
      until: deps.now() + LEASE_MS,
    };
    deps.checkpoint.save(st);
  };
  save(state);
  const tally = (outcome: keyof ImportCounts) => {
    state.counts[outcome]++;
    summary.totals[outcome]++;
  };

  const feeds = deps.feeds.list().map((f) => f.name);
  // The feed in progress first, so a resumed execution finishes what it started.
  if (state.file && feeds.includes(state.file))
    feeds.sort((a, b) => (a === state.file ? -1 : b === state.file ? 1 : 0));

  let progress = false;
  for (const name of feeds) {
    if (!deps.budget.canAfford(UNITS.sftpTransfer + UNITS.searchPage + ROW_UNITS + ARCHIVE_UNITS)) {
      summary.paused = true;
      break;
    }
    if (state.file !== name) {
      state.file = name;
      state.line = 0;
      state.errors = [];
      state.counts = emptyCounts();
    }
    const lineBefore = state.line;
    const result = importFeed(name, state, deps, opts, save, tally);
    summary.files.push(result);
    // The map/reduce import holds the lease now (saved by the handoff): leave the checkpoint alone.
    if (result.outcome === 'handed off') return summary;
    if (result.outcome === 'in progress') {
      progress = progress || state.line > lineBefore;
      summary.paused = true;
      break;
    }
    progress = true;
    state.file = null;
    state.line = 0;
    state.errors = [];
    state.counts = emptyCounts();
    save(state);
  }
  summary.stalled = summary.paused && !progress;
  state.lease = null;
  if (!opts.dryRun) deps.checkpoint.save(state);
  return summary;
}

function importFeed(
  name: string,
  state: ImportState,
  deps: ImportDeps,
  opts: ImportOptions,
  save: (st: ImportState) => void,
  tally: (outcome: keyof ImportCounts) => void,
): FileResult {
  const text = deps.feeds.download(name);
  const unreadable = unreadableReason(text);
  const parsed = unreadable ? null : readCsv(text, { columns: CUSTOMER_FEED_COLUMNS, fileName: name });
  const missingKey = parsed && parsed.missingColumns.includes('HCCustomerId');
  if (!parsed || missingKey) {
    const reason =
      unreadable ??
      `the header has no HCCustomerId column (found: ${parsed!.header.join(', ') || 'nothing'})`;
    tally('errors');
    const report = toCsv(ERROR_REPORT_HEADER, [[name, 0, '', 'UNREADABLE_FEED', reason]]);
    if (opts.dryRun) {
      deps.feeds.writeReport(
        DRY_RUN_FOLDER,
        `${stem(name)}-dry-run.csv`,
        toCsv(DRY_RUN_HEADER, [[name, 0, '', 'error', '', 'UNREADABLE_FEED', reason]]),
      );
      return { name, outcome: 'checked', counts: state.counts };
    }
    deps.log.error(
      `Customer feed ${name} cannot be read`,
      `${reason}; moved to ${SFTP_FOLDERS.customerFeedFailed}/`,
    );
    deps.feeds.writeReport(SFTP_FOLDERS.customerFeedError, `${stem(name)}-errors.csv`, report);
    const movedTo = deps.feeds.moveFeed(name, SFTP_FOLDERS.customerFeedFailed);
    return { name, outcome: 'failed', movedTo, counts: state.counts };
  }

  // Nothing of the feed handled yet: a large one goes to the map/reduce import whole.
  if (deps.handOff && !opts.dryRun && state.line === 0 && deps.handOff(name, parsed.rows.length, state))
    return { name, outcome: 'handed off', counts: state.counts };

  const verdicts: RowVerdict[] = [];
  const fail = (
    line: number,
    hcCustomerId: string,
    code: string,
    message: string,
    missingRequired: boolean,
  ) => {
    state.errors.push({ line, hcCustomerId, code, message, missingRequired });
    tally('errors');
    if (opts.dryRun) verdicts.push({ line, hcCustomerId, outcome: 'error', customerId: '', code, message });
  };
  // Malformed records (unclosed quote, wrong column count...) are errors of their own line.
  for (const p of parsed.problems) {
    if (p.lineNumber <= state.line || state.errors.some((e) => e.line === p.lineNumber)) continue;
    fail(p.lineNumber, '', p.code, p.message, false);
  }
  const rows = parsed.rows.filter((r) => r.lineNumber > state.line);

  for (let i = 0; i < rows.length;) {
    // A dry run keeps back what writing its verdict file costs.
    const reserve = opts.dryRun ? REPORT_UNITS : UNITS.customRecordSubmitFields;
    const affordable = deps.budget.howMany(ROW_UNITS, UNITS.searchPage + reserve);
    if (affordable < 1) {
      if (opts.dryRun) writeVerdicts(name, verdicts, deps, rows[i].lineNumber);
      return { name, outcome: 'in progress', counts: state.counts };
    }
    const batch = rows.slice(i, i + Math.min(opts.batchSize, affordable));
    const prepared = batch.map((r) => ({ row: r, customer: toNewCustomer(r.values, r.extra, opts) }));
    const valid = prepared.map((p) => p.customer).filter((c): c is NewCustomer => !isProblem(c));
    const index = new CandidateIndex(
      valid.length ? deps.customers.findCandidates(matchKeys(valid, opts.matchByEmail)) : [],
    );

    for (const { row, customer } of prepared) {
      const hcCustomerId = (row.values.HCCustomerId ?? '').trim();
      if (isProblem(customer))
        fail(row.lineNumber, hcCustomerId, customer.code, customer.message, customer.missingRequired);
      else {
        const outcome = upsert(customer, index, deps, opts);
        if (outcome.kind === 'error')
          fail(row.lineNumber, hcCustomerId, outcome.code, outcome.message, false);
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
      }
      state.line = row.lineNumber;
    }
    i += batch.length;
    if (i < rows.length) save(state);
  }

  if (opts.dryRun) {
    writeVerdicts(name, verdicts, deps, null);
    return { name, outcome: 'checked', counts: state.counts };
  }

  // Every row is handled: reports first, then the archive move, so nothing is archived early.
  if (!deps.budget.canAfford(finishUnits(state.errors))) {
    save(state);
    return { name, outcome: 'in progress', counts: state.counts };
  }
  writeFeedReports(name, parsed, state.errors, deps);
  const movedTo = deps.feeds.moveFeed(name, SFTP_FOLDERS.customerFeedArchive);
  return { name, outcome: 'archived', movedTo, counts: state.counts };
}

/** The error/ and required_fields_missing/ reports of a fully handled feed (also the map/reduce import's). */
export function writeFeedReports(
  name: string,
  parsed: ReadCsvResult<CustomerFeedColumn>,
  errorRows: ErrorRow[],
  deps: Pick<ImportDeps, 'feeds' | 'log'>,
): void {
  if (errorRows.length > 0) {
    const errors = [...errorRows].sort((a, b) => a.line - b.line);
    deps.feeds.writeReport(
      SFTP_FOLDERS.customerFeedError,
      `${stem(name)}-errors.csv`,
      toCsv(
        ERROR_REPORT_HEADER,
        errors.map((e) => [name, e.line, e.hcCustomerId, e.code, e.message]),
      ),
    );
    const missingLines = new Set(errors.filter((e) => e.missingRequired).map((e) => e.line));
    if (missingLines.size > 0) {
      const original = parsed.rows.filter((r) => missingLines.has(r.lineNumber));
      deps.feeds.writeReport(
        SFTP_FOLDERS.customerFeedMissing,
        name,
        toCsv(
          parsed.header,
          original.map((r) => parsed.header.map((h) => originalValue(r, h, parsed.matched))),
        ),
      );
    }
    deps.log.error(
      `Customer feed ${name}: ${errors.length} row(s) not imported`,
      `see ${SFTP_FOLDERS.customerFeedError}/${stem(name)}-errors.csv; first: line ${errors[0].line} ${errors[0].code} ${errors[0].message}`,
    );
  }
}

/** The dry run's verdict file; `uncheckedFrom` closes a partial check (out of governance) with a line saying so. */
function writeVerdicts(
  name: string,
  verdicts: RowVerdict[],
  deps: ImportDeps,
  uncheckedFrom: number | null,
): void {
  const rows = [...verdicts]
    .sort((a, b) => a.line - b.line)
    .map((v) => [name, v.line, v.hcCustomerId, v.outcome, v.customerId, v.code, v.message]);
  if (uncheckedFrom !== null)
    rows.push([
      name,
      uncheckedFrom,
      '',
      'not checked',
      '',
      'DRY_RUN_INCOMPLETE',
      `this execution's usage ran out: lines from ${uncheckedFrom} on were not checked`,
    ]);
  deps.feeds.writeReport(DRY_RUN_FOLDER, `${stem(name)}-dry-run.csv`, toCsv(DRY_RUN_HEADER, rows));
}

export type UpsertOutcome =
  | { kind: 'created' | 'linked' | 'alreadyLinked'; customerId: string }
  | { kind: 'error'; code: string; message: string };

export function upsert(
  row: NewCustomer,
  index: CandidateIndex,
  deps: Pick<ImportDeps, 'customers' | 'now'>,
  opts: ImportOptions,
): UpsertOutcome {
  const decision = index.decide(row, opts.matchByEmail);
  const stamp = deps.now();
  try {
    switch (decision.kind) {
      case 'conflict':
        return {
          kind: 'error',
          code: 'LINKED_TO_OTHER_HC_CUSTOMER',
          message: `NetSuite customer ${decision.customer.id} (matched by ${decision.matchedBy}) is already linked to HotWax customer ${decision.customer.hcCustomerId}`,
        };
      case 'alreadyLinked': {
        const stale =
          decision.customer.stamp === null || stamp - decision.customer.stamp > opts.restampAfterMs;
        const fill = { ...decision.fill };
        if (Object.keys(fill).length > 0 || stale) {
          // HotWax re-sends a customer until its NetSuite id arrives: a fresh stamp re-exports it.
          if (!opts.dryRun)
            deps.customers.update(decision.customer.id, { ...fill, [CUSTOMER_FIELDS.syncStamp]: stamp });
          index.update(decision.customer, fromFill(fill, stamp));
        }
        return { kind: 'alreadyLinked', customerId: decision.customer.id };
      }
      case 'link': {
        if (!opts.dryRun)
          deps.customers.update(decision.customer.id, {
            ...decision.fill,
            [CUSTOMER_FIELDS.syncStamp]: stamp,
          });
        index.update(decision.customer, fromFill(decision.fill, stamp));
        return { kind: 'linked', customerId: decision.customer.id };
      }
      case 'create': {
        let statusId = '';
        if (row.statusName) {
          statusId = deps.customers.statusId(row.statusName) ?? '';
          if (!statusId)
            return {
              kind: 'error',
              code: 'UNKNOWN_STATUS',
              message: `entity status "${row.statusName}" does not exist in NetSuite`,
            };
        }
        // A real save lets NetSuite check the subsidiary; a dry run has to ask.
        if (opts.dryRun && row.subsidiary && !deps.customers.subsidiaryExists(row.subsidiary))
          return {
            kind: 'error',
            code: 'INVALID_KEY_OR_REF',
            message: `Invalid subsidiary reference key ${row.subsidiary}.`,
          };
        const id = opts.dryRun ? '' : deps.customers.create(row, statusId, stamp);
        index.add({
          id,
          hcCustomerId: row.hcCustomerId,
          externalId: row.externalId,
          shopifyCustomerId: row.shopifyCustomerId,
          email: row.email,
          inactive: false,
          stamp,
        });
        return { kind: 'created', customerId: id };
      }
    }
  } catch (e) {
    const { code, message } = describeError(e);
    if (code === 'SSS_USAGE_LIMIT_EXCEEDED') throw e;
    return { kind: 'error', code, message };
  }
}

/** A row's value under its original header name (spec columns are keyed by canonical name). */
function originalValue(
  row: { values: Record<string, string>; extra: Record<string, string> },
  header: string,
  matched: Partial<Record<string, string>>,
): string {
  for (const [canonical, name] of Object.entries(matched))
    if (name === header) return row.values[canonical] ?? '';
  return row.extra[header] ?? '';
}

function fromFill(fill: Record<string, string>, stamp: number): Partial<ExistingCustomer> {
  const out: Partial<ExistingCustomer> = { stamp };
  if (fill.custentity_hc_customer_id) out.hcCustomerId = fill.custentity_hc_customer_id;
  if (fill.custentity_hc_shop_cust_id) out.shopifyCustomerId = fill.custentity_hc_shop_cust_id;
  if (fill.externalid) out.externalId = fill.externalid;
  return out;
}

export function matchKeys(rows: NewCustomer[], byEmail: boolean): MatchKeys {
  const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))];
  return {
    hcCustomerIds: uniq(rows.map((r) => r.hcCustomerId)),
    externalIds: uniq(rows.map((r) => r.externalId)),
    shopifyCustomerIds: uniq(rows.map((r) => r.shopifyCustomerId)),
    emails: byEmail ? uniq(rows.map((r) => r.email.toLowerCase())) : [],
  };
}

/** Not a CSV text at all: binary content, or bytes that were not UTF-8. */
export function unreadableReason(text: string): string | null {
  if (text.indexOf('\u0000') >= 0) return 'the file is binary, not a CSV text';
  if (text.indexOf('\uFFFD') >= 0) return 'the file is not UTF-8 encoded';
  if (!text.trim()) return 'the file is empty';
  return null;
}
