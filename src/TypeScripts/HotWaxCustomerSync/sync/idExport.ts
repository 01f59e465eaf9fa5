/**
 * HC_MR_ExportedCustomerCSV's logic: the NetSuite internal id of every customer with an HC customer
 * id goes back to HotWax as party identifications (docs/CONTRACTS.md §2b), at least once, whatever
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
import { toCsv } from '../core/csv';
import { PARTY_IDENTIFICATION_HEADER } from '../core/hotwaxFiles';
import { SFTP_FOLDERS } from '../core/config';
import { SyncError, SYNC_ERROR_CODES } from '../core/errors';
import { timestampedCsvName } from '../core/fileNames';

export interface ExportCursor {
  stampAfter: number;
}

export interface PendingRun extends ExportCursor {
  stampUpTo: number;
  startedAt: number;
  /** The files this run is uploading (saved before the first upload). */
  files?: string[];
  /** Files of an earlier run of this deployment that crashed: this run connects to remove what is left. */
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

/** The export's checkpoint (the "HC Customer Sync Checkpoint" record, key `id-export`). */
export interface ExportCheckpoint {
  load(): ExportState | null;
  /** False when another run created the record first: read it again and decide again. */
  save(state: ExportState): boolean | void;
}

/**
 * Plans this run on the saved state and saves the plan. Two runs on a fresh account: the one whose
 * checkpoint create loses plans again on the winner's.
 */
export function planAndSave(
  checkpoint: ExportCheckpoint,
  deploymentId: string,
  now: () => number,
  settleMs: number,
): ExportState {
  for (let attempt = 1; ; attempt++) {
    const planned = planRun(checkpoint.load(), deploymentId, now(), settleMs);
    if (checkpoint.save(planned) !== false) return planned;
    if (attempt >= 3)
      throw new SyncError(
        SYNC_ERROR_CODES.checkpointConflict,
        'The export checkpoint could not be read back.',
      );
  }
}

/** Where the files go: customer/import/ on HotWax's SFTP server. */
export interface ExportTarget {
  /** customer/import/ is part of HotWax's SFTP layout (docs/CONTRACTS.md §3): no makeDirectory first. */
  assumeDirectory?(dir: string): void;
  listEntries(dir: string): { name: string; directory: boolean }[];
  removeTemporary(dir: string, name: string): void;
  uploadAtomic(dir: string, name: string, contents: string): void;
}

export interface SendDeps {
  checkpoint: ExportCheckpoint;
  /** Connects only when there is something to upload or remove. */
  connect(): ExportTarget;
  deploymentId: string;
  maxRowsPerFile(): number;
  now: Date;
  unique: string;
  log: { audit(title: string, details: string): void };
}

/**
 * The summarize stage: names the files in the checkpoint, removes every temporary file earlier runs
 * left, uploads, and only then advances the cursor. A failed upload throws: the cursor
 * stays, and the next run sends these customers again.
 */
export function sendExport(deps: SendDeps, customers: ExportedCustomer[]): { files: string[] } {
  const state = deps.checkpoint.load();
  const run = state?.pending?.[deps.deploymentId];
  // Only a write of the other deployment made at the same instant can drop this run's entry: the
  // files are still sent, and the cursor is left as it is (the next run selects these again).
  if (!run)
    deps.log.audit(
      'Export pending run not found',
      'The files are sent; the cursor is not advanced, so the next run sends these customers again.',
    );
  const files = partyIdentificationFiles(customers, deps.maxRowsPerFile());
  const names = files.map((_csv, i) =>
    timestampedCsvName(
      'CustomerExport',
      deps.now,
      files.length > 1 ? `${deps.unique}-${String(i + 1).padStart(3, '0')}` : deps.unique,
    ),
  );
  const leftovers = run?.leftovers ?? [];
  // Temporary files can only be left by a run that did not finish: this deployment's earlier run
  // (leftovers), an earlier attempt of this stage (files already named), or the other deployment's
  // run started over a day ago. Only then is the folder listed, so a run after clean runs pays nothing.
  const suspect =
    leftovers.length > 0 ||
    (run?.files?.length ?? 0) > 0 ||
    Object.entries(state?.pending ?? {}).some(
      ([d, r]) => d !== deps.deploymentId && deps.now.getTime() - r.startedAt > 864e5,
    );
  if (state && run && names.length > 0) {
    // Named in the checkpoint before the first upload, so a crash between upload and move leaves
    // nothing the next run does not know about and remove.
    run.files = names;
    deps.checkpoint.save(state);
  }
  if (files.length > 0 || suspect) {
    const target = deps.connect();
    const dir = SFTP_FOLDERS.partyIdentifications;
    target.assumeDirectory?.(dir);
    // Every earlier run's temporary file, found by listing (10 units) when one may be there (`suspect`),
    // whatever its name. Spared: the other deployment's upload under way, named in the checkpoint
    // before it starts (read after the listing, so it is known), by a run started within a day (a
    // crashed one's file is removed by the next run of either).
    let temps: string[] = [];
    try {
      if (suspect)
        temps = target
          .listEntries(dir)
          .filter((e) => !e.directory && /^\.CustomerExport-.*\.part$/.test(e.name))
          .map((e) => e.name.slice(1, -5));
    } catch {
      // no such folder yet: nothing left over (the upload creates it)
    }
    const busy = temps.length
      ? Object.entries(deps.checkpoint.load()?.pending ?? {}).flatMap(([d, r]) =>
          d === deps.deploymentId || deps.now.getTime() - r.startedAt > 864e5 ? [] : (r.files ?? []),
        )
      : [];
    for (const name of temps) if (!busy.includes(name)) target.removeTemporary(dir, name);
    files.forEach((csv, i) => target.uploadAtomic(dir, names[i], csv));
  }
  if (state && run) deps.checkpoint.save(commitRun(state, deps.deploymentId));
  return { files: names };
}
