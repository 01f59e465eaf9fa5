/**
 * HC_MR_ImportCustomer's logic: one large HotWax customer feed, handed over by HC_SC_ImportCustomer,
 * imported on several SuiteCloud processors with the scheduled path's per-row functions (toNewCustomer,
 * CandidateIndex, upsert) and its reports (writeFeedReports), so outcomes and reports are the same.
 *
 * - Handoff: the scheduled import saves the feed in its own checkpoint with the lease given to the
 *   map/reduce deployment, then submits it. The lease is the one both imports honour, so they never work
 *   on the same feed at once; while it is held, every scheduled run submits the map/reduce again (a
 *   crash between save and submit forgets nothing; "already running" is ignored).
 * - Grouping: rows that could resolve to the same NetSuite customer (same HC id, external id, Shopify
 *   id, email with email matching on, or an existing customer any of those keys finds) are one group
 *   (union-find). Groups never split across reduce keys, so no two processors touch one customer.
 * - Restarts: a reduce decides from the candidates getInputData read before any write, so a restarted
 *   reduce takes the same decisions; its creates look for the customer the interrupted attempt saved
 *   (by HC id) before creating one. Report lines come from the reduce outputs, one per feed line.
 */
import type { NewCustomer, RowOptions } from './customerRows';
import { isProblem, toNewCustomer } from './customerRows';
import type { ExistingCustomer } from './customerMatching';
import { CandidateIndex } from './customerMatching';
import type {
  CustomerStore,
  ErrorRow,
  FeedFolder,
  FileResult,
  ImportCounts,
  ImportOptions,
  ImportState,
} from './customerImport';
import { emptyCounts, matchKeys, unreadableReason, upsert, writeFeedReports } from './customerImport';
import { SFTP_FOLDERS } from '../lib/config';
import { CUSTOMER_FEED_COLUMNS, readCsv } from '../lib/csv';

export const MR_IMPORT = {
  scriptId: 'customscript_hc_mr_import_customer',
  deploymentId: 'customdeploy_hc_mr_import_customer',
} as const;

/** Default of custscript_hc_imp_mr_min_rows: about what one 10,000-unit execution creates (15.8 units a row). */
export const DEFAULT_HANDOFF_ROWS = 600;
/** Rows per reduce key: one candidate search's worth in the scheduled path, well inside 5,000 units. */
export const ROWS_PER_REDUCE = 10;
/** Rows per candidate search in getInputData (10 units per 1,000 matches). */
const ROWS_PER_SEARCH = 2000;
/** A map/reduce run that ends with rows unhandled is submitted again this many times, then the feed goes back. */
const MAX_ATTEMPTS = 3;
/** The handed-off lease does not expire on time: only the map/reduce's summarize gives it back. */
const HANDOFF_LEASE_MS = 30 * 24 * 60 * 60 * 1000;

/** What the map/reduce needs from the scheduled script (its parameter values), kept in the checkpoint. */
export interface MapReduceHandoff {
  file: string;
  at: number;
  attempts: number;
  sftpConfig: string;
  sftpDirectory: string;
  defaultSubsidiary: string;
  matchByEmail: boolean;
  fieldMap: string;
}

export type HandoffState = ImportState & {
  mapReduce?: MapReduceHandoff | null;
  /** A feed the map/reduce gave back: the scheduled path imports it itself. */
  notHandedOff?: string | null;
  /** The last map/reduce's result, for a summarize restarted after it gave the lease back. */
  mapReduceDone?: { file: FileResult | null; totals: ImportCounts; missingLines: number } | null;
};

export interface CheckpointLike {
  load(): HandoffState | null;
  save(state: HandoffState): void;
}

/** The scheduled import's hook (ImportDeps.handOff). */
export function handOffFeed(
  deps: { checkpoint: CheckpointLike; submit: () => boolean; now: () => number },
  minRows: number,
  settings: Omit<MapReduceHandoff, 'file' | 'at' | 'attempts'>,
): (name: string, rowCount: number, state: ImportState) => boolean {
  return (name, rowCount, st) => {
    const state = st as HandoffState;
    if (rowCount < minRows || state.notHandedOff === name) return false;
    state.file = name;
    state.line = 0;
    state.errors = [];
    state.counts = emptyCounts();
    state.mapReduce = { file: name, at: deps.now(), attempts: 1, ...settings };
    state.lease = {
      executionId: `${MR_IMPORT.deploymentId}-${deps.now()}`,
      deploymentId: MR_IMPORT.deploymentId,
      until: deps.now() + HANDOFF_LEASE_MS,
    };
    // Saved before the submit: a crash in between is picked up by the next scheduled run (resubmit).
    deps.checkpoint.save(state);
    deps.submit();
    return true;
  };
}

/** One row of a reduce key: a customer to upsert, or the problem that stops it. */
export interface GroupRow {
  line: number;
  hcCustomerId: string;
  customer?: NewCustomer;
  problem?: { code: string; message: string; missingRequired: boolean };
}

/** One reduce key's work: whole groups, rows in line order, and what NetSuite held before any write. */
export interface ReduceBatch {
  rows: GroupRow[];
  candidates: ExistingCustomer[];
}

/** One line's outcome, written by reduce and read by summarize. */
export interface RowOutcome {
  line: number;
  hcCustomerId: string;
  kind: 'created' | 'linked' | 'alreadyLinked' | 'error';
  customerId: string;
  code: string;
  message: string;
  missingRequired: boolean;
}

export interface PlanOptions extends RowOptions {
  matchByEmail: boolean;
}

/** Reduce keys sort as text (NetSuite's shuffle): pad lines so key order is line order. */
export const batchKey = (line: number): string => String(line).padStart(10, '0');

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = this.parent.get(x) ?? x;
    if (root === x) {
      if (!this.parent.has(x)) this.parent.set(x, x);
      return x;
    }
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    // Path compression keeps 1,000,000 rows near-linear.
    let cur = x;
    while (cur !== root) {
      const next = this.parent.get(cur)!;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

function keyNodes(
  c: { hcCustomerId: string; externalId: string; shopifyCustomerId: string; email: string },
  byEmail: boolean,
): string[] {
  const out: string[] = [];
  if (c.hcCustomerId) out.push(`h:${c.hcCustomerId}`);
  if (c.externalId) out.push(`x:${c.externalId}`);
  if (c.shopifyCustomerId) out.push(`s:${c.shopifyCustomerId}`);
  if (byEmail && c.email) out.push(`m:${c.email.toLowerCase()}`);
  return out;
}

export type FeedPlan =
  { unreadable: string } | { unreadable: null; batches: Record<string, ReduceBatch>; rowCount: number };

/**
 * getInputData: the feed's rows validated, grouped and packed into reduce keys. `findCandidates` is the
 * scheduled path's batch search, called for ROWS_PER_SEARCH rows at a time.
 */
export function planFeed(
  name: string,
  text: string,
  customers: Pick<CustomerStore, 'findCandidates'>,
  opts: PlanOptions,
): FeedPlan {
  const unreadable = unreadableReason(text);
  const parsed = unreadable ? null : readCsv(text, { columns: CUSTOMER_FEED_COLUMNS, fileName: name });
  if (!parsed) return { unreadable: unreadable! };
  if (parsed.missingColumns.includes('HCCustomerId'))
    return { unreadable: 'the header has no HCCustomerId column' };

  const rows: GroupRow[] = [];
  for (const p of parsed.problems)
    rows.push({
      line: p.lineNumber,
      hcCustomerId: '',
      problem: { code: p.code, message: p.message, missingRequired: false },
    });
  for (const r of parsed.rows) {
    const hcCustomerId = (r.values.HCCustomerId ?? '').trim();
    const c = toNewCustomer(r.values, r.extra, opts);
    rows.push(
      isProblem(c)
        ? {
            line: r.lineNumber,
            hcCustomerId,
            problem: { code: c.code, message: c.message, missingRequired: c.missingRequired },
          }
        : { line: r.lineNumber, hcCustomerId, customer: c },
    );
  }
  rows.sort((a, b) => a.line - b.line);

  // Existing customers any row could match: searched before any write, also the reduce's starting state.
  const valid = rows.filter((r) => r.customer).map((r) => r.customer!);
  const candidates = new Map<string, ExistingCustomer>();
  for (let i = 0; i < valid.length; i += ROWS_PER_SEARCH)
    for (const c of customers.findCandidates(
      matchKeys(valid.slice(i, i + ROWS_PER_SEARCH), opts.matchByEmail),
    ))
      candidates.set(c.id, c);

  const uf = new UnionFind();
  rows.forEach((r, i) => {
    const node = `r:${i}`;
    uf.find(node);
    if (r.customer) for (const k of keyNodes(r.customer, opts.matchByEmail)) uf.union(node, k);
  });
  for (const c of candidates.values()) {
    const nodes = keyNodes(c, opts.matchByEmail);
    for (const k of nodes) uf.union(`c:${c.id}`, k);
  }

  // Groups in order of their first line; candidates go with the group whose keys reach them.
  const groups = new Map<string, { rows: GroupRow[]; candidates: ExistingCustomer[] }>();
  rows.forEach((r, i) => {
    const root = uf.find(`r:${i}`);
    const g = groups.get(root) ?? { rows: [], candidates: [] };
    g.rows.push(r);
    groups.set(root, g);
  });
  for (const c of candidates.values()) {
    const g = groups.get(uf.find(`c:${c.id}`));
    if (g) g.candidates.push(c);
  }

  const batches: Record<string, ReduceBatch> = {};
  let current: ReduceBatch | null = null;
  for (const g of groups.values()) {
    if (!current || current.rows.length + g.rows.length > ROWS_PER_REDUCE) {
      current = { rows: [], candidates: [] };
      batches[batchKey(g.rows[0].line)] = current;
    }
    current.rows.push(...g.rows);
    current.candidates.push(...g.candidates);
  }
  for (const b of Object.values(batches)) b.rows.sort((a, c) => a.line - c.line);
  return { unreadable: null, batches, rowCount: parsed.rows.length };
}

/**
 * reduce: the rows of one key in line order, as the scheduled path handles them. `restarted`: an
 * earlier attempt may have saved some of these customers already; they are found by HC id, not created again.
 */
export function importBatch(
  batch: ReduceBatch,
  customers: CustomerStore,
  now: () => number,
  opts: ImportOptions,
  restarted: boolean,
): RowOutcome[] {
  let store: CustomerStore = customers;
  if (restarted) {
    const hcIds = [...new Set(batch.rows.map((r) => r.customer?.hcCustomerId ?? '').filter(Boolean))];
    const known = new Set(batch.candidates.map((c) => c.id));
    const saved = new Map<string, string>();
    if (hcIds.length)
      for (const c of customers.findCandidates({
        hcCustomerIds: hcIds,
        externalIds: [],
        shopifyCustomerIds: [],
        emails: [],
      }))
        if (!known.has(c.id) && !saved.has(c.hcCustomerId)) saved.set(c.hcCustomerId, c.id);
    store = {
      findCandidates: (k) => customers.findCandidates(k),
      create: (c, statusId, stamp) => saved.get(c.hcCustomerId) ?? customers.create(c, statusId, stamp),
      update: (id, values) => customers.update(id, values),
      statusId: (n) => customers.statusId(n),
      subsidiaryExists: (id) => customers.subsidiaryExists(id),
    };
  }
  const index = new CandidateIndex(batch.candidates.map((c) => ({ ...c })));
  return batch.rows.map((r): RowOutcome => {
    const base = { line: r.line, hcCustomerId: r.hcCustomerId, customerId: '', code: '', message: '' };
    if (r.problem) return { ...base, kind: 'error', ...r.problem };
    const outcome = upsert(r.customer!, index, { customers: store, now }, opts);
    if (outcome.kind === 'error')
      return { ...base, kind: 'error', code: outcome.code, message: outcome.message, missingRequired: false };
    return { ...base, kind: outcome.kind, customerId: outcome.customerId, missingRequired: false };
  });
}

export interface FinishResult {
  file: FileResult | null;
  totals: ImportCounts;
  /** Lines with no outcome (a reduce key that failed for good). */
  missingLines: number;
  /** The checkpoint went back to the scheduled import (done, or given back after MAX_ATTEMPTS). */
  released: boolean;
}

/**
 * summarize: the outcomes (one per line, whatever restarts happened) into the scheduled path's
 * counts, reports and archive move, then the lease back. Safe to run again after a crash: reports
 * are replaced whole, a feed already moved is not moved again.
 */
export function finishFeed(
  deps: {
    feeds: FeedFolder;
    checkpoint: CheckpointLike;
    log: { audit(title: string, details: string): void; error(title: string, details: string): void };
  },
  state: HandoffState,
  outcomes: RowOutcome[],
): FinishResult {
  const name = state.mapReduce!.file;
  const byLine = new Map<number, RowOutcome>();
  for (const o of outcomes) if (!byLine.has(o.line)) byLine.set(o.line, o);
  const totals = emptyCounts();
  const errors: ErrorRow[] = [];
  for (const o of [...byLine.values()].sort((a, b) => a.line - b.line)) {
    totals[o.kind === 'error' ? 'errors' : o.kind]++;
    if (o.kind === 'error')
      errors.push({
        line: o.line,
        hcCustomerId: o.hcCustomerId,
        code: o.code,
        message: o.message,
        missingRequired: o.missingRequired,
      });
  }

  const present = deps.feeds.list().some((f) => f.name === name);
  let file: FileResult | null = null;
  let expected = byLine.size;
  if (present) {
    const text = deps.feeds.download(name);
    const parsed = readCsv(text, { columns: CUSTOMER_FEED_COLUMNS, fileName: name });
    const lines = new Set([
      ...parsed.rows.map((r) => r.lineNumber),
      ...parsed.problems.map((p) => p.lineNumber),
    ]);
    expected = lines.size;
    const missing = [...lines].filter((l) => !byLine.has(l)).length;
    if (missing > 0) {
      const mr = state.mapReduce!;
      if (mr.attempts < MAX_ATTEMPTS) {
        mr.attempts++;
        deps.checkpoint.save(state);
        deps.log.error(
          `Customer feed ${name}: ${missing} row(s) not handled by the map/reduce`,
          `attempt ${mr.attempts - 1} of ${MAX_ATTEMPTS}; the next scheduled run submits it again`,
        );
        return { file: null, totals, missingLines: missing, released: false };
      }
      // Given back: the scheduled path imports the feed row by row (rows done here are found by HC id).
      deps.log.error(
        `Customer feed ${name}: ${missing} row(s) not handled by the map/reduce`,
        `after ${MAX_ATTEMPTS} attempts the feed goes back to HC_SC_ImportCustomer`,
      );
      const result = { file: null, totals, missingLines: missing, released: true };
      release(deps.checkpoint, state, name, result);
      return result;
    }
    state.counts = totals;
    writeFeedReports(name, parsed, errors, deps);
    const movedTo = deps.feeds.moveFeed(name, SFTP_FOLDERS.customerFeedArchive);
    file = { name, outcome: 'archived', movedTo, counts: totals };
  }
  const result = { file, totals, missingLines: Math.max(0, expected - byLine.size), released: true };
  release(deps.checkpoint, state, null, result);
  return result;
}

function release(
  checkpoint: CheckpointLike,
  state: HandoffState,
  givenBack: string | null,
  result: FinishResult,
): void {
  state.file = givenBack;
  state.line = 0;
  state.errors = [];
  state.counts = emptyCounts();
  state.lease = null;
  state.mapReduce = null;
  state.notHandedOff = givenBack;
  state.mapReduceDone = { file: result.file, totals: result.totals, missingLines: result.missingLines };
  checkpoint.save(state);
}
