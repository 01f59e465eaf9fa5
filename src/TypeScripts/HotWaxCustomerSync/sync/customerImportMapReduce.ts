/**
 * HC_MR_ImportCustomer's logic: a backlog of customer feeds that HC_SC_ImportCustomer handed over
 * (sync/customerImport.ts, `handOff`), imported on the account's SuiteCloud processors.
 *
 * - getInputData (`planHandoff`) reads the feeds, validates every row with the scheduled path's rules,
 *   searches the customers any row could match (before any write), and groups rows so that two rows
 *   that could resolve to the same NetSuite customer (same HC id, external id, Shopify id, or email
 *   with email matching on, directly or through an existing customer) are in one reduce key, in the
 *   scheduled path's order (feed, then line). No two processors ever work on one customer.
 * - reduce (`reduceBatch`) decides each row with the scheduled path's `decideRow` (same upsert, same
 *   problems) against what NetSuite held before the run. A restarted key finds the customers its
 *   interrupted attempt created (by HC id, absent from that snapshot) and reports them as created,
 *   never creating a second one.
 * - summarize (`finishHandoff`, customerImportSummarize.ts) replays those outcomes through the scheduled path's own
 *   `importOneFeed` (a `RowDecider` that looks them up instead of upserting): reports, counts, logs and
 *   archiving are the scheduled path's code, so its files are the scheduled path's byte for byte.
 *   Then it gives the lease back. A feed it cannot finish goes back to the scheduled path.
 * - The feed texts getInputData read reach summarize through the job itself (`text-` keys that reduce
 *   passes on): summarize replays the outcomes against the very text they were decided on, without a
 *   second download (700 ms and 100 units a feed, all of it serial).
 */
import type { ImportOptions, ImportState, MapReduceHandoff } from './importTypes';
import type { CustomerStore, FeedEntry, FeedFolder } from './ports';
import type { RowOutcome } from './customerUpsert';
import { decideRow, matchKeys } from './customerUpsert';
import { unreadableReason } from './customerFeedFolder';
import { returnFeeds } from './feedState';
import { CandidateIndex } from './customerMatching';
import type { ExistingCustomer } from './customerMatching';
import { isProblem, toNewCustomer } from './customerRows';
import type { NewCustomer } from './customerRows';
import { readCustomerFeed } from '../core/customerFeed';
import type { CsvRow } from '../core/csv';
import type { CustomerFeedColumn } from '../core/hotwaxFiles';
import { SFTP_MAX_FILE_SIZE } from '../core/limits';
import { describeError } from '../core/errors';
import { textHash } from '../core/fileNames';
import { IMPORT_CUSTOMER_MR } from '../core/scriptIds';

/**
 * Rows per reduce key: whole groups only. Small keys (2-3 s of work) keep the processors evenly busy
 * to the end of the stage (with 20 rows a key, the last keys left processors idle for up to 9 s on a
 * 10,000-row handoff) and a restart redoes little; a key costs the framework about 30 ms.
 */
export const ROWS_PER_KEY = 5;
/** Rows per candidate search in getInputData. */
const ROWS_PER_SEARCH = 500;
/**
 * Rows one group may hold: a group is one reduce invocation (5,000 units), 30 units a row at worst
 * (create and save, twice for an entity id clash). A larger group (hundreds of rows sharing an email,
 * say) is left to the scheduled path, which handles any number of related rows in sequence.
 */
export const MAX_GROUP_ROWS = 150;

/** A feed row as a reduce key carries it. */
export interface KeyRow {
  /** Index of the feed in the handoff. */
  feed: number;
  line: number;
  endLine: number;
  values: Record<CustomerFeedColumn, string>;
  extra: Record<string, string>;
  fields: string[];
}

/** One reduce key's work: whole groups of related rows, and what NetSuite held for them before any write. */
export interface ReduceBatch {
  rows: KeyRow[];
  /** Each feed's header as written (named in INVALID_CHARACTER messages). */
  headers: Record<number, string[]>;
  candidates: ExistingCustomer[];
}

/** One row's outcome, written by reduce and replayed by summarize. */
export interface KeyOutcome {
  feed: number;
  line: number;
  outcome: RowOutcome;
}

/** The import's settings in the map/reduce: the scheduled script's parameter values at the handoff. */
export function handoffOptions(
  h: MapReduceHandoff,
  oneWorld: boolean,
  fieldMap: Record<string, string>,
  executionId: string,
): ImportOptions {
  return {
    oneWorld,
    defaultSubsidiary: h.settings.defaultSubsidiary,
    fieldMap,
    matchByEmail: h.settings.matchByEmail,
    dryRun: false,
    batchSize: 50,
    executionId,
    deploymentId: IMPORT_CUSTOMER_MR.deploymentId,
    restampAfterMs: 60 * 60 * 1000,
  };
}

/** The handoff this deployment holds the lease for, or null. */
export function heldHandoff(state: ImportState | null): MapReduceHandoff | null {
  return state?.handoff && state.lease?.deploymentId === IMPORT_CUSTOMER_MR.deploymentId
    ? state.handoff
    : null;
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    if (!this.parent.has(x)) this.parent.set(x, x);
    // Path compression keeps large feeds near-linear.
    for (let cur = x; cur !== root;) {
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

/**
 * The keys by which two rows could resolve to one customer. Compared ignoring case, as NetSuite's
 * search compares them: grouping too much is harmless, too little would let two processors race.
 */
function keyNodes(
  c: { hcCustomerId: string; externalId: string; shopifyCustomerId: string; email: string },
  byEmail: boolean,
): string[] {
  const out: string[] = [];
  if (c.hcCustomerId) out.push(`h:${c.hcCustomerId.toLowerCase()}`);
  if (c.externalId) out.push(`x:${c.externalId.toLowerCase()}`);
  if (c.shopifyCustomerId) out.push(`s:${c.shopifyCustomerId.toLowerCase()}`);
  if (byEmail && c.email) out.push(`m:${c.email.toLowerCase()}`);
  return out;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Reduce keys sort as text: feed and line padded, so key order is the scheduled path's order. */
export const batchKey = (feed: number, line: number): string => `${pad(feed, 3)}-${pad(line, 9)}`;

/**
 * A piece of a handed feed's text as getInputData read it, for summarize (reduce passes it on): a
 * map/reduce value holds at most 10 MB, so a text goes in pieces of TEXT_PIECE_CHARS characters
 * (at most 6 MB as JSON in UTF-8).
 */
export interface FeedTextPiece {
  feed: number;
  piece: number;
  pieces: number;
  /** The size listed when getInputData read it: summarize uses the text only for the same listing. */
  size: number | null;
  text: string;
}
const TEXT_PIECE_CHARS = 1_000_000;
/**
 * Characters of feed text one job passes on (each is stored twice of the job's 200 MB: as input and
 * as reduce output). Feeds past it are downloaded again by summarize.
 */
const MAX_PASSED_CHARS = 20_000_000;
export const textKey = (feed: number, piece: number): string => `text-${pad(feed, 3)}-${pad(piece, 4)}`;
export const isTextKey = (key: string): boolean => key.startsWith('text-');

/** A text cut into pieces, never inside a surrogate pair. */
function textPieces(feed: number, size: number | null, text: string): FeedTextPiece[] {
  const cuts: string[] = [];
  for (let at = 0; at < text.length || cuts.length === 0;) {
    let end = Math.min(text.length, at + TEXT_PIECE_CHARS);
    const c = text.charCodeAt(end - 1);
    if (end < text.length && c >= 0xd800 && c <= 0xdbff) end--;
    cuts.push(text.slice(at, end));
    at = end;
  }
  return cuts.map((t, piece) => ({ feed, piece, pieces: cuts.length, size, text: t }));
}

/** The feed texts whose every piece arrived (a key that failed for good leaves its feed to a download). */
export function feedTexts(pieces: FeedTextPiece[]): Map<number, { size: number | null; text: string }> {
  const byFeed = new Map<number, FeedTextPiece[]>();
  for (const p of pieces) byFeed.set(p.feed, [...(byFeed.get(p.feed) ?? []), p]);
  const out = new Map<number, { size: number | null; text: string }>();
  for (const [feed, ps] of byFeed) {
    const seen = new Map(ps.map((p) => [p.piece, p]));
    const first = ps[0];
    if (seen.size !== first.pieces) continue;
    const text = Array.from({ length: first.pieces }, (_, i) => seen.get(i)!.text).join('');
    out.set(feed, { size: first.size, text });
  }
  return out;
}

export interface HandoffPlan {
  batches: Record<string, ReduceBatch>;
  /** The texts of the feeds in `batches`, for summarize (as far as MAX_PASSED_CHARS allows). */
  texts: FeedTextPiece[];
  /** Feeds left to the scheduled path (unreadable now, too large, a group too large), with why. */
  givenBack: Array<{ name: string; tag: string; reason: string }>;
  rows: number;
}

/**
 * getInputData: the handed feeds read, their rows validated and grouped into reduce keys. Feeds the
 * map/reduce cannot take (they fail to download or parse now: the scheduled path reports them as it
 * reports any such feed) are given back.
 */
export function planHandoff(
  h: MapReduceHandoff,
  deps: { feeds: FeedFolder; customers: Pick<CustomerStore, 'findCandidates'> },
  opts: ImportOptions,
): HandoffPlan {
  const read = readHandedFeeds(h, deps.feeds, opts);
  const { rows, headers, givenBack } = read;
  // The customers any row could match, read before any write: the reduce stage's starting point.
  const valid = rows.map((r) => r.customer).filter((c): c is NewCustomer => c !== null);
  const candidates = new Map<string, ExistingCustomer>();
  for (let i = 0; i < valid.length; i += ROWS_PER_SEARCH)
    for (const c of deps.customers.findCandidates(
      matchKeys(valid.slice(i, i + ROWS_PER_SEARCH), opts.matchByEmail),
    ))
      candidates.set(c.id, c);
  const groups = relatedRows(rows, candidates, opts.matchByEmail);
  const tooLarge = groups.find((g) => g.rows.length > MAX_GROUP_ROWS);
  if (tooLarge) {
    const first = tooLarge.rows[0];
    const reason = `${tooLarge.rows.length} rows could resolve to one customer (first: ${h.feeds[first.feed].name} line ${first.line}); one reduce takes at most ${MAX_GROUP_ROWS}`;
    const back = h.feeds.filter((f, i) => !h.done.includes(f.name) && headers[i] !== undefined);
    return {
      batches: {},
      texts: [],
      givenBack: [...givenBack, ...back.map((f) => ({ ...f, reason }))],
      rows: 0,
    };
  }
  const batches: Record<string, ReduceBatch> = {};
  let current: ReduceBatch | null = null;
  for (const g of groups) {
    if (!current || current.rows.length + g.rows.length > ROWS_PER_KEY) {
      current = { rows: [], headers: {}, candidates: [] };
      batches[batchKey(g.rows[0].feed, g.rows[0].line)] = current;
    }
    current.rows.push(...g.rows);
    current.candidates.push(...g.candidates);
  }
  for (const b of Object.values(batches)) {
    b.rows.sort((a, c) => a.feed - c.feed || a.line - c.line);
    for (const r of b.rows) b.headers[r.feed] = headers[r.feed];
  }
  return { batches, texts: read.texts, givenBack, rows: rows.length };
}

type PlannedRow = { row: KeyRow; customer: NewCustomer | null };

/** The handed feeds still listed, read and parsed (and their prints kept in `h`); those that cannot be are given back. */
function readHandedFeeds(h: MapReduceHandoff, feeds: FeedFolder, opts: ImportOptions) {
  const givenBack: HandoffPlan['givenBack'] = [];
  const listed = new Map<string, FeedEntry>(feeds.list().map((e) => [e.name, e]));
  const rows: PlannedRow[] = [];
  const headers: Record<number, string[]> = {};
  const texts: FeedTextPiece[] = [];
  let passedChars = 0;
  h.feeds.forEach((f, feed) => {
    if (h.done.includes(f.name)) return;
    // Gone: archived by an earlier attempt's summarize (which then marks it done), or removed.
    const entry = listed.get(f.name);
    if (!entry) return;
    if (entry.directory || (entry.size ?? 0) > SFTP_MAX_FILE_SIZE) {
      givenBack.push({ ...f, reason: 'not a file within N/sftp limits' });
      return;
    }
    let text: string;
    try {
      text = feeds.download(f.name);
    } catch (e) {
      const { code, message } = describeError(e);
      if (code === 'SSS_USAGE_LIMIT_EXCEEDED') throw e;
      givenBack.push({ ...f, reason: `cannot be downloaded (${code}: ${message})` });
      return;
    }
    const parsed = unreadableReason(text) ? null : readCustomerFeed(text, f.name);
    if (!parsed || parsed.missingColumns.includes('HCCustomerId') || parsed.refusal) {
      givenBack.push({ ...f, reason: 'not a readable customer feed' });
      return;
    }
    headers[feed] = parsed.header;
    // The version the reduce stage decides on: summarize replays it only while the feed is still it.
    h.prints = {
      ...h.prints,
      [f.name]: { size: entry.size, modified: entry.lastModified?.getTime(), hash: textHash(text) },
    };
    if (passedChars + text.length <= MAX_PASSED_CHARS) {
      passedChars += text.length;
      texts.push(...textPieces(feed, entry.size ?? null, text));
    }
    for (const r of parsed.rows) {
      const c = toNewCustomer(r.values, r.extra, opts, r.fields, parsed.header);
      const row = {
        feed,
        line: r.lineNumber,
        endLine: r.endLine,
        values: r.values,
        extra: r.extra,
        fields: r.fields,
      };
      rows.push({ row, customer: isProblem(c) ? null : c });
    }
  });
  return { rows, headers, texts, givenBack };
}

/** Rows grouped with the candidates they could resolve to, in the order of each group's first row (rows are in feed and line order). */
function relatedRows(rows: PlannedRow[], candidates: Map<string, ExistingCustomer>, byEmail: boolean) {
  const uf = new UnionFind();
  rows.forEach((r, i) => {
    uf.find(`r:${i}`);
    if (r.customer) for (const k of keyNodes(r.customer, byEmail)) uf.union(`r:${i}`, k);
  });
  for (const c of candidates.values()) for (const k of keyNodes(c, byEmail)) uf.union(`c:${c.id}`, k);
  const groups = new Map<string, { rows: KeyRow[]; candidates: ExistingCustomer[] }>();
  rows.forEach((r, i) => {
    const root = uf.find(`r:${i}`);
    const g = groups.get(root) ?? { rows: [], candidates: [] };
    g.rows.push(r.row);
    groups.set(root, g);
  });
  for (const c of candidates.values()) groups.get(uf.find(`c:${c.id}`))?.candidates.push(c);
  return [...groups.values()];
}

/**
 * reduce: one key's rows in the scheduled path's order, each through `decideRow`. `restarted`: an
 * earlier attempt of this key may have saved some of these customers already; they are found by HC id
 * (absent from the snapshot taken before any write) and reported as created, not created again.
 */
export function reduceBatch(
  batch: ReduceBatch,
  customers: CustomerStore,
  now: () => number,
  opts: ImportOptions,
  restarted: boolean,
): KeyOutcome[] {
  let store: CustomerStore = customers;
  if (restarted) {
    const hcIds = [...new Set(batch.rows.map((r) => (r.values.HCCustomerId ?? '').trim()).filter(Boolean))];
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
    store = Object.create(customers) as CustomerStore;
    store.create = (c, statusId, stamp) => saved.get(c.hcCustomerId) ?? customers.create(c, statusId, stamp);
  }
  const index = new CandidateIndex(batch.candidates.map((c) => ({ ...c })));
  return batch.rows.map((r) => {
    const row: CsvRow<CustomerFeedColumn> = {
      lineNumber: r.line,
      endLine: r.endLine,
      values: r.values,
      extra: r.extra,
      original: {},
      fields: r.fields,
    };
    const customer = toNewCustomer(r.values, r.extra, opts, r.fields, batch.headers[r.feed]);
    return {
      feed: r.feed,
      line: r.line,
      outcome: decideRow({ row, customer }, index, { customers: store, now }, opts),
    };
  });
}

/** getInputData's give-back: the feeds marked done here and left to the scheduled path. */
export function giveBackFromPlan(state: ImportState, plan: HandoffPlan): boolean {
  if (!plan.givenBack.length) return false;
  const h = state.handoff!;
  for (const f of plan.givenBack) if (!h.done.includes(f.name)) h.done.push(f.name);
  returnFeeds(
    state,
    plan.givenBack.map(({ name, tag }) => ({ name, tag })),
  );
  return true;
}
