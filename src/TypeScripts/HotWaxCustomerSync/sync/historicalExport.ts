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
  /** Shopify ids on more than one customer selected (a search, 10 units): for an export spread over executions. */
  duplicates(): { shopifyCustomerId: string; count: number }[];
  /** The run's state: kept in the output folder's description (see the entry point). */
  checkpoint: { load(): HistoricalState | null; save(state: HistoricalState): void };
  budget: GovernanceBudget;
  now: () => Date;
}

export interface HistoricalState {
  runStamp: string;
  /** Internal id of the last customer written to a saved part. */
  after: string;
  nextPart: number;
  exported: number;
  done: boolean;
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

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

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

export function runHistoricalExport(deps: HistoricalExportDeps, maxFileBytes: number): HistoricalSummary {
  const loaded = deps.checkpoint.load();
  // A finished export is not repeated by a re-run (after a crash past its end, or a second "Save and
  // Execute"): that would put every customer in the folder twice. A new export starts once the
  // administrator clears the checkpoint (the folder's description).
  if (loaded?.done) return { ...newSummary(loaded.exported), finished: true, alreadyFinished: true };
  const resumed = !!loaded && !loaded.done;
  const state: HistoricalState = resumed
    ? loaded
    : { runStamp: utcStamp(deps.now()), after: '0', nextPart: 1, exported: 0, done: false };
  // A new run's stamp is saved before its first part: a re-run after a crash anywhere later writes
  // the same part names (and so replaces them) instead of a second copy under a new stamp.
  if (!resumed) deps.checkpoint.save(state);
  const summary = newSummary(state.exported);
  let lines: string[] = [];
  let bytes = HEADER_BYTES;
  let lastId = state.after;
  let pending = 0;
  /** Saves the part being built; the checkpoint follows (not when `last`: the final save covers it). */
  const flush = (last = false) => {
    if (lines.length === 0) return;
    const name = `HistoricalShopifyCustomer-${state.runStamp}-part${String(state.nextPart).padStart(4, '0')}.csv`;
    deps.savePart(name, HEADER_LINE + lines.join(''));
    summary.partsWritten.push(name);
    state.after = lastId;
    state.nextPart += 1;
    state.exported += pending;
    summary.exportedThisExecution += pending;
    if (!last) deps.checkpoint.save(state);
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
  flush(true);
  summary.exportedTotal = state.exported;
  if (summary.finished) {
    summary.duplicates = counts
      ? [...counts]
          .filter(([, n]) => n > 1)
          .map(([shopifyCustomerId, count]) => ({ shopifyCustomerId, count }))
      : deps.duplicates();
    state.done = true;
  }
  deps.checkpoint.save(state);
  return summary;
}
