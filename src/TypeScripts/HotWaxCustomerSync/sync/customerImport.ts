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
  lease: { executionId: string; until: number } | null;
}

export interface ImportOptions extends RowOptions {
  matchByEmail: boolean;
  dryRun: boolean;
  /** Rows looked up with one search. */
  batchSize: number;
  executionId: string;
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
}

export interface ImportSummary {
  files: {
    name: string;
    outcome: 'archived' | 'failed' | 'in progress';
    movedTo?: string;
    counts: ImportCounts;
  }[];
  totals: ImportCounts;
  /** true when the run stopped for governance and the caller must reschedule */
  paused: boolean;
  skipped?: string;
}

/** Worst case for one row: create (5) + save (10), plus a retry of both for an entity id clash. */
const ROW_UNITS = 2 * (UNITS.customerCreate + UNITS.customerSave);
/** What finishing a feed costs: two reports (upload + move + replace) and the archive move. */
const FINISH_UNITS =
  2 * (UNITS.sftpTransfer + 3 * UNITS.sftpOther) + 2 * UNITS.sftpOther + UNITS.customRecordSubmitFields;
const LEASE_MS = 60 * 60 * 1000;

const emptyCounts = (): ImportCounts => ({ created: 0, linked: 0, alreadyLinked: 0, errors: 0 });
const add = (a: ImportCounts, b: ImportCounts): ImportCounts => ({
  created: a.created + b.created,
  linked: a.linked + b.linked,
  alreadyLinked: a.alreadyLinked + b.alreadyLinked,
  errors: a.errors + b.errors,
});

export function runCustomerImport(deps: ImportDeps, opts: ImportOptions): ImportSummary {
  const summary: ImportSummary = { files: [], totals: emptyCounts(), paused: false };
  let state = deps.checkpoint.load();
  if (state?.lease && state.lease.executionId !== opts.executionId && state.lease.until > deps.now()) {
    summary.skipped = `another execution (${state.lease.executionId}) holds the import lease until ${new Date(state.lease.until).toISOString()}`;
    return summary;
  }
  state = state ?? { file: null, line: 0, errors: [], counts: emptyCounts(), lease: null };
  state.lease = { executionId: opts.executionId, until: deps.now() + LEASE_MS };
  if (!opts.dryRun) deps.checkpoint.save(state);

  const feeds = deps.feeds.list().map((f) => f.name);
  // The feed in progress first, so a resumed execution finishes what it started.
  if (state.file && feeds.includes(state.file))
    feeds.sort((a, b) => (a === state!.file ? -1 : b === state!.file ? 1 : 0));

  for (const name of feeds) {
    if (!deps.budget.canAfford(UNITS.sftpTransfer + FINISH_UNITS + UNITS.searchPage + ROW_UNITS)) {
      summary.paused = true;
      break;
    }
    if (state.file !== name) {
      state.file = name;
      state.line = 0;
      state.errors = [];
      state.counts = emptyCounts();
    }
    const result = importFeed(name, state, deps, opts);
    summary.files.push(result);
    if (result.outcome === 'in progress') {
      summary.paused = true;
      break;
    }
    summary.totals = add(summary.totals, result.counts);
    state.file = null;
    state.line = 0;
    state.errors = [];
    state.counts = emptyCounts();
    if (!opts.dryRun) deps.checkpoint.save(state);
  }
  if (summary.paused) {
    const last = summary.files[summary.files.length - 1];
    if (last?.outcome === 'in progress') summary.totals = add(summary.totals, last.counts);
  }
  state.lease = null;
  if (!opts.dryRun) deps.checkpoint.save(state);
  return summary;
}

function importFeed(
  name: string,
  state: ImportState,
  deps: ImportDeps,
  opts: ImportOptions,
): ImportSummary['files'][0] {
  const text = deps.feeds.download(name);
  const unreadable = unreadableReason(text);
  const parsed = unreadable ? null : readCsv(text, { columns: CUSTOMER_FEED_COLUMNS, fileName: name });
  const missingKey = parsed && parsed.missingColumns.includes('HCCustomerId');
  if (!parsed || missingKey) {
    const reason =
      unreadable ??
      `the header has no HCCustomerId column (found: ${parsed!.header.join(', ') || 'nothing'})`;
    deps.log.error(
      `Customer feed ${name} cannot be read`,
      `${reason}; moved to ${SFTP_FOLDERS.customerFeedFailed}/`,
    );
    const counts = { ...emptyCounts(), errors: 1 };
    if (opts.dryRun) return { name, outcome: 'failed', counts };
    deps.feeds.writeReport(
      SFTP_FOLDERS.customerFeedError,
      `${stem(name)}-errors.csv`,
      toCsv(ERROR_REPORT_HEADER, [[name, 0, '', 'UNREADABLE_FEED', reason]]),
    );
    const movedTo = deps.feeds.moveFeed(name, SFTP_FOLDERS.customerFeedFailed);
    return { name, outcome: 'failed', movedTo, counts };
  }

  const counts = state.counts;
  // Malformed records (unclosed quote, wrong column count...) are errors of their own line.
  for (const p of parsed.problems) {
    if (p.lineNumber <= state.line || state.errors.some((e) => e.line === p.lineNumber)) continue;
    state.errors.push({
      line: p.lineNumber,
      hcCustomerId: '',
      code: p.code,
      message: p.message,
      missingRequired: false,
    });
    counts.errors++;
  }
  const rows = parsed.rows.filter((r) => r.lineNumber > state.line);
  const rowOpts: RowOptions = opts;

  for (let i = 0; i < rows.length;) {
    const affordable = deps.budget.howMany(ROW_UNITS, UNITS.searchPage + FINISH_UNITS);
    if (affordable < 1) return { name, outcome: 'in progress', counts };
    const batch = rows.slice(i, i + Math.min(opts.batchSize, affordable));
    const prepared = batch.map((r) => ({ row: r, customer: toNewCustomer(r.values, r.extra, rowOpts) }));
    const valid = prepared.map((p) => p.customer).filter((c): c is NewCustomer => !isProblem(c));
    const index = new CandidateIndex(
      valid.length ? deps.customers.findCandidates(matchKeys(valid, opts.matchByEmail)) : [],
    );

    for (const { row, customer } of prepared) {
      if (isProblem(customer)) {
        state.errors.push({
          line: row.lineNumber,
          hcCustomerId: (row.values.HCCustomerId ?? '').trim(),
          ...customer,
        });
        counts.errors++;
      } else {
        const outcome = upsert(customer, index, deps, opts);
        if (outcome.kind === 'error') {
          state.errors.push({
            line: row.lineNumber,
            hcCustomerId: customer.hcCustomerId,
            code: outcome.code,
            message: outcome.message,
            missingRequired: false,
          });
          counts.errors++;
        } else counts[outcome.kind]++;
      }
      state.line = row.lineNumber;
    }
    i += batch.length;
    if (!opts.dryRun && i < rows.length) deps.checkpoint.save(state);
  }

  // Every row is handled: reports first, then the archive move, so nothing is archived early.
  if (opts.dryRun) return { name, outcome: 'archived', counts };
  if (state.errors.length > 0) {
    const errors = [...state.errors].sort((a, b) => a.line - b.line);
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
  const movedTo = deps.feeds.moveFeed(name, SFTP_FOLDERS.customerFeedArchive);
  return { name, outcome: 'archived', movedTo, counts };
}

type UpsertOutcome =
  { kind: 'created' | 'linked' | 'alreadyLinked' } | { kind: 'error'; code: string; message: string };

function upsert(
  row: NewCustomer,
  index: CandidateIndex,
  deps: ImportDeps,
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
        return { kind: 'alreadyLinked' };
      }
      case 'link': {
        if (!opts.dryRun)
          deps.customers.update(decision.customer.id, {
            ...decision.fill,
            [CUSTOMER_FIELDS.syncStamp]: stamp,
          });
        index.update(decision.customer, fromFill(decision.fill, stamp));
        return { kind: 'linked' };
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
        const id = opts.dryRun ? `dry-run-${row.hcCustomerId}` : deps.customers.create(row, statusId, stamp);
        index.add({
          id,
          hcCustomerId: row.hcCustomerId,
          externalId: row.externalId,
          shopifyCustomerId: row.shopifyCustomerId,
          email: row.email,
          inactive: false,
          stamp,
        });
        return { kind: 'created' };
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

function matchKeys(rows: NewCustomer[], byEmail: boolean): MatchKeys {
  const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))];
  return {
    hcCustomerIds: uniq(rows.map((r) => r.hcCustomerId)),
    externalIds: uniq(rows.map((r) => r.externalId)),
    shopifyCustomerIds: uniq(rows.map((r) => r.shopifyCustomerId)),
    emails: byEmail ? uniq(rows.map((r) => r.email.toLowerCase())) : [],
  };
}

/** Not a CSV text at all: binary content, or bytes that were not UTF-8. */
function unreadableReason(text: string): string | null {
  if (text.indexOf('\u0000') >= 0) return 'the file is binary, not a CSV text';
  if (text.indexOf('\uFFFD') >= 0) return 'the file is not UTF-8 encoded';
  if (!text.trim()) return 'the file is empty';
  return null;
}
