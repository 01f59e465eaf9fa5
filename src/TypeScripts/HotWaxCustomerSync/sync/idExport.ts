/**
 * HC_MR_ExportedCustomerCSV's logic: the NetSuite internal id of every customer the import created
 * or linked (custentity_hc_sync_stamp, epoch ms: numbers only, so no user date format or time zone
 * is involved) goes back to HotWax as party identifications (hotwax-contracts.md 2b).
 *
 * Cursor: stamps in (stampAfter, stampUpTo], where stampUpTo = start - settle time so an import
 * still saving is caught by the next run; customers with an HC id but no stamp (linked by other
 * means) by internal id > idAfter. The cursor advances only after every file is on the server
 * (at least once: HotWax's import is add-or-update, so a re-sent line is harmless).
 */
import { PARTY_IDENTIFICATION_HEADER, toCsv } from '../lib/csv';

export interface ExportCursor {
  stampAfter: number;
  idAfter: number;
  /** Upgrade from HotWax's scripts: customers created from this date (ISO) on, sent once. */
  legacyFrom?: string;
}

export type PendingRun = ExportCursor & { stampUpTo: number; startedAt: number };

export interface ExportState {
  committed: ExportCursor;
  /**
   * What each running job selected, by deployment (the scheduled and the on-demand deployment may run
   * at once; one deployment never runs twice at a time). It becomes `committed` once its files are
   * uploaded.
   */
  pending: Record<string, PendingRun>;
}

export interface ExportedCustomer {
  id: string;
  hcCustomerId: string;
  stamped: boolean;
}

export function planRun(
  state: ExportState | null,
  deploymentId: string,
  legacyFrom: string | null,
  now: number,
  settleMs: number,
): ExportState {
  const committed: ExportCursor = state?.committed ?? {
    stampAfter: 0,
    idAfter: 0,
    legacyFrom: legacyFrom ?? undefined,
  };
  const run: PendingRun = {
    ...committed,
    stampUpTo: Math.max(committed.stampAfter, now - settleMs),
    startedAt: now,
  };
  return { committed, pending: { ...(state?.pending ?? {}), [deploymentId]: run } };
}

/**
 * After a successful upload: the next run starts where this one ended. A run's range starts at the
 * cursor committed when it was planned, and the cursor only grows, so taking the larger end never
 * skips a customer, whichever of two concurrent runs commits first.
 */
export function commitRun(state: ExportState, deploymentId: string, sent: ExportedCustomer[]): ExportState {
  const run = state.pending[deploymentId];
  if (!run) return state;
  let idAfter = Math.max(state.committed.idAfter, run.idAfter);
  for (const c of sent) if (!c.stamped) idAfter = Math.max(idAfter, Number(c.id));
  const pending = { ...state.pending };
  delete pending[deploymentId];
  return { committed: { stampAfter: Math.max(state.committed.stampAfter, run.stampUpTo), idAfter }, pending };
}

/** Party identification files, each at most `maxRows` customers, sorted by internal id. */
export function partyIdentificationFiles(customers: ExportedCustomer[], maxRows: number): string[] {
  const sorted = [...customers].sort((a, b) => Number(a.id) - Number(b.id));
  const files: string[] = [];
  for (let i = 0; i < sorted.length; i += maxRows) {
    const rows = sorted.slice(i, i + maxRows).map((c) => [c.hcCustomerId, 'NETSUITE_CUSTOMER_ID', c.id]);
    files.push(toCsv([...PARTY_IDENTIFICATION_HEADER], rows));
  }
  return files;
}
