/**
 * HC_SC_GenerateHistoricalCustomerCSV's logic: every customer with a Shopify customer ID, in
 * internal-id order, written in HotWax's party import format (docs/CONTRACTS.md §2c) into CSV parts
 * in the File Cabinet. An internal-id cursor (batches of `batchSize`: 100,000 a SuiteQL query, 4,000 a
 * saved search's ResultSet.each) makes it resumable past one execution's governance and past any
 * result cap; part names are fixed per run, so a part rewritten after a crash replaces itself: every
 * customer appears exactly once.
 */
import type { GovernanceBudget } from '../core/governance';
import { UNITS } from '../core/governance';
import { CSV_EOL, csvLine } from '../core/csv';
import { HISTORICAL_CUSTOMER_HEADER } from '../core/hotwaxFiles';
import { utcStamp } from '../core/fileNames';

export interface HistoricalCustomer {
  id: string;
  firstName: string;
  lastName: string;
  companyName: string;
  shopifyCustomerId: string;
}

/** A saved search's batch: one ResultSet.each call (10 units for up to 4,000 results). */
export const BATCH = 4000;

export interface HistoricalExportDeps {
  /** Customers with internal id > `after`, ascending, at most `batchSize` of them, for 10 units. */
  fetchAfter(after: string): HistoricalCustomer[];
  /** What one fetchAfter returns at most (BATCH when not given); fewer means the end. */
  batchSize?: number;
  /** Save a CSV part in the target folder (20 units); the same name replaces the earlier part. */
  savePart(name: string, contents: string): string;
  /** Whether a part of this name is in the File Cabinet, in the folder or moved to the archive (5 units). */
  partSaved(name: string): boolean;
  /** Shopify ids on more than one customer selected (a search, 10 units): for an export spread over executions. */
  duplicates(): { shopifyCustomerId: string; count: number }[];
  /**
   * The run's state: kept in the output folder's description (see the entry point); saved with the
   * execution's summary so far, and whether a part's save follows.
   */
  checkpoint: {
    load(): HistoricalState | null;
    save(state: HistoricalState, summary?: HistoricalSummary, partFollows?: boolean): void;
  };
  budget: GovernanceBudget;
  now: () => Date;
}

/**
 * The run's state, saved ahead of each part (write-ahead): it says what holds once part
 * `nextPart - 1` is saved, and `before` what held until then, for a re-run that finds it missing.
 */
export interface HistoricalState {
  runStamp: string;
  /** Internal id of the last customer in part `nextPart - 1`. */
  after: string;
  nextPart: number;
  exported: number;
  done: boolean;
  before?: { after: string; exported: number };
  /**
   * The execution that saved this state (when, customers and parts it wrote, units with this save and
   * the part's): a finishing execution keeps no run-history entry, the status page reads this.
   */
  run?: { ended: number; exported: number; parts: number; duplicates: number; unitsUsed: number };
}

export interface HistoricalSummary {
  exportedThisExecution: number;
  exportedTotal: number;
  partsWritten: string[];
  paused: boolean;
  finished: boolean;
  duplicates: { shopifyCustomerId: string; count: number }[];
  /** The export had already finished: nothing was written (see runHistoricalExport). */
  alreadyFinished?: boolean;
}

const HEADER_LINE = csvLine([...HISTORICAL_CUSTOMER_HEADER]) + CSV_EOL;

/**
 * UTF-8 bytes: one per UTF-16 unit, one more for each from U+0080, one more for each from U+0800
 * outside the surrogates (a pair is 4 bytes; a lone surrogate, saved as U+FFFD, is counted 2 of its 3,
 * well inside the margin below the File Cabinet's 10 MB).
 */
const utf8Length = (s: string): number =>
  s.length + s.replace(/[\0-\x7f]/g, '').length + s.replace(/[\0-\u07ff\ud800-\udfff]/g, '').length;

const HEADER_BYTES = utf8Length(HEADER_LINE);

export function historicalLine(c: HistoricalCustomer): string {
  const first = c.firstName || c.companyName;
  return (
    csvLine([
      first,
      c.lastName,
      c.shopifyCustomerId,
      `SHOPIFY_CUST_ID:${c.shopifyCustomerId}|NETSUITE_CUSTOMER_ID:${c.id}`,
    ]) + CSV_EOL
  );
}

const newSummary = (exportedTotal: number): HistoricalSummary => ({
  exportedThisExecution: 0,
  exportedTotal,
  partsWritten: [],
  paused: false,
  finished: false,
  duplicates: [],
});

export const partName = (stamp: string, n: number): string =>
  `HistoricalShopifyCustomer-${stamp}-part${String(n).padStart(4, '0')}.csv`;

/**
 * The saved state, or, when the part it was saved ahead of is not there (a crash between the two),
 * the state before that part: the part is written again under its own name.
 */
function loadState(deps: HistoricalExportDeps): HistoricalState | null {
  const s = deps.checkpoint.load();
  if (!s?.before || deps.partSaved(partName(s.runStamp, s.nextPart - 1))) return s;
  return { runStamp: s.runStamp, ...s.before, nextPart: s.nextPart - 1, done: false };
}

/** Shopify ids on more than one customer: counted while reading from the start, else searched. */
const duplicatesOf = (counts: Map<string, number> | null, deps: HistoricalExportDeps) =>
  counts
    ? [...counts].filter(([, n]) => n > 1).map(([shopifyCustomerId, count]) => ({ shopifyCustomerId, count }))
    : deps.duplicates();

export function runHistoricalExport(deps: HistoricalExportDeps, maxFileBytes: number): HistoricalSummary {
  const loaded = loadState(deps);
  // A finished export is not repeated by a re-run (after a crash past its end, or a second "Save and
  // Execute"): that would put every customer in the folder twice. A new export starts once the
  // administrator clears the checkpoint (the folder's description).
  if (loaded?.done) return { ...newSummary(loaded.exported), finished: true, alreadyFinished: true };
  // A new run's stamp is first saved with its first part's state (write-ahead): a re-run after a
  // crash later writes the same part names (and so replaces them) instead of a copy under a new stamp.
  const state: HistoricalState = loaded ?? {
    runStamp: utcStamp(deps.now()),
    after: '0',
    nextPart: 1,
    exported: 0,
    done: false,
  };
  const summary = newSummary(state.exported);
  let lines: string[] = [];
  let bytes = HEADER_BYTES;
  let lastId = state.after;
  let pending = 0;
  /** Saves the state the part makes true, then the part: no save after it (`last`: the export's end). */
  const flush = (last = false) => {
    const n = lines.length;
    if (!n && !last) return;
    const name = partName(state.runStamp, state.nextPart);
    if (n) {
      state.before = { after: state.after, exported: state.exported };
      state.after = lastId;
      state.nextPart++;
      state.exported += pending;
      summary.exportedThisExecution += pending;
      summary.partsWritten.push(name);
    }
    state.done = last;
    deps.checkpoint.save(state, summary, n > 0);
    if (n) deps.savePart(name, HEADER_LINE + lines.join(''));
    lines = [];
    bytes = HEADER_BYTES;
    pending = 0;
  };
  // An execution that reads the export from its start sees every customer: it counts the duplicated
  // Shopify ids itself instead of searching for them at the end.
  const counts = state.after === '0' ? new Map<string, number>() : null;
  const stopCost = UNITS.fileSave + UNITS.folderSubmitFields;

  outer: for (;;) {
    if (!deps.budget.canAfford(UNITS.searchPage + 2 * stopCost)) {
      summary.paused = true;
      break;
    }
    const batch = deps.fetchAfter(lastId);
    for (const c of batch) {
      const line = historicalLine(c);
      const size = utf8Length(line);
      if (lines.length > 0 && bytes + size > maxFileBytes) {
        flush();
        if (!deps.budget.canAfford(2 * stopCost)) {
          summary.paused = true;
          break outer;
        }
      }
      lines.push(line);
      bytes += size;
      counts?.set(c.shopifyCustomerId, (counts.get(c.shopifyCustomerId) ?? 0) + 1);
      lastId = c.id;
      pending++;
    }
    if (batch.length < (deps.batchSize ?? BATCH)) {
      summary.finished = true;
      break;
    }
  }
  if (summary.finished) summary.duplicates = duplicatesOf(counts, deps);
  flush(summary.finished);
  summary.exportedTotal = state.exported;
  return summary;
}
