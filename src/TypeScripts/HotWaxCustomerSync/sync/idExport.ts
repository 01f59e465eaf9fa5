/**
 * HC_MR_ExportedCustomerCSV's logic: the NetSuite internal id of every customer with an HC customer
 * id goes back to HotWax as party identifications (hotwax-contracts.md 2b), at least once, whatever
 * its internal id or creation date and however it got its HC id.
 *
 * Selection, numbers only (custentity_hc_sync_stamp, epoch ms), so no date format or time zone is
 * involved:
 * - stamped customers with a stamp in (stampAfter, stampUpTo], where stampUpTo = start - settle time
 *   so an import still saving is caught by the next run (the import stamps what it creates or links);
 * - every customer with an HC id and NO stamp, whatever its internal id (HotWax's own CSV import, a UI
 *   edit, an admin's CSV import, another script). The export stamps these with its own stampUpTo
 *   (map stage, 5 units each, once per customer ever), so the next run does not send them again,
 *   and a run that fails before its files are uploaded is re-selected by the range.
 * The cursor advances only after every file is on the server (HotWax's import is add-or-update, so a
 * re-sent line is harmless).
 */
import { PARTY_IDENTIFICATION_HEADER, toCsv } from '../core/csv';

export interface ExportCursor {
  stampAfter: number;
}

export interface PendingRun extends ExportCursor {
  stampUpTo: number;
  startedAt: number;
  /** The files this run is uploading (saved before the first upload). */
  files?: string[];
  /** Files of an earlier run of this deployment that crashed: their temporary copies are removed. */
  leftovers?: string[];
}

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
  now: number,
  settleMs: number,
): ExportState {
  const committed: ExportCursor = { stampAfter: state?.committed?.stampAfter ?? 0 };
  // A pending run of this deployment is one that never finished (NetSuite runs a deployment once at a
  // time): what it may have left on the server is cleaned up by this run.
  const crashed = state?.pending?.[deploymentId];
  const leftovers = [...(crashed?.leftovers ?? []), ...(crashed?.files ?? [])];
  const run: PendingRun = {
    ...committed,
    stampUpTo: Math.max(committed.stampAfter, now - settleMs),
    startedAt: now,
  };
  if (leftovers.length) run.leftovers = leftovers;
  return { committed, pending: { ...(state?.pending ?? {}), [deploymentId]: run } };
}

/**
 * After a successful upload: the next run starts where this one ended. A run's range starts at the
 * cursor committed when it was planned, and the cursor only grows, so taking the larger end never
 * skips a customer, whichever of two concurrent runs commits first.
 */
export function commitRun(state: ExportState, deploymentId: string): ExportState {
  const run = state.pending[deploymentId];
  if (!run) return state;
  const pending = { ...state.pending };
  delete pending[deploymentId];
  return { committed: { stampAfter: Math.max(state.committed.stampAfter, run.stampUpTo) }, pending };
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
