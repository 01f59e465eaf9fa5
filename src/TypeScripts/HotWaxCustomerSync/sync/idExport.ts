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
import type { SftpRecordHint } from '../core/config';
import { SyncError, SYNC_ERROR_CODES } from '../core/errors';
import { timestampedCsvName } from '../core/fileNames';

export interface ExportCursor {
  stampAfter: number;
}

export interface PendingRun extends ExportCursor {
  stampUpTo: number;
  startedAt: number;
  /**
   * The unique part of this run's file names, chosen when it is planned: every file (and temporary
   * file) it uploads holds it, so the other deployment's run knows them without a second write.
   */
  unique?: string;
  /** Files (earlier versions) of this run, named before its first upload. */
  files?: string[];
  /** What an earlier run of this deployment that crashed left: this run connects to remove it. */
  leftovers?: string[];
}

/** A complete run as the status page shows it (the run-history entry, kept in the checkpoint). */
export type ExportRunEntry = Record<string, unknown> & { deploymentId: string; ended: number };

export interface ExportState {
  committed: ExportCursor;
  /**
   * What each running job selected, by deployment (the scheduled and the on-demand deployment may run
   * at once; one deployment never runs twice at a time). It becomes `committed` once its files are
   * uploaded.
   */
  pending: Record<string, PendingRun>;
  /** The latest complete runs, newest first: written by the commit, so the run history costs no write. */
  lastRuns?: ExportRunEntry[];
  /** The SFTP settings record the last run used and when a search found it (docs/ARCHITECTURE.md). */
  sftpRecord?: { id: string; foundAt: number };
}

/** The checkpoint stays short enough for one search.lookupFields and the status page's search (4,000). */
const STATE_CHARS = 3500;
/** How long a settings record found by a search is used without searching again. */
const SFTP_HINT_MS = 864e5;

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
  unique = '',
): ExportState {
  const committed: ExportCursor = { stampAfter: state?.committed?.stampAfter ?? 0 };
  // A pending run of this deployment is one that never finished (NetSuite runs a deployment once at a
  // time): what it may have left on the server is cleaned up by this run.
  const crashed = state?.pending?.[deploymentId];
  // Its files hold its unique part (or, planned by an earlier version, are named in `files`); only
  // whether the list is empty matters (the folder is then listed), so it is kept short.
  const carried = [
    ...(crashed?.leftovers ?? []),
    ...(crashed?.files ?? []),
    ...(crashed?.unique ? [crashed.unique] : []),
  ].slice(-10);
  const leftovers = crashed && !carried.length ? [`run of ${crashed.startedAt}`] : carried;
  const run: PendingRun = {
    ...committed,
    stampUpTo: Math.max(committed.stampAfter, now - settleMs),
    startedAt: now,
  };
  if (unique) run.unique = unique;
  if (leftovers.length) run.leftovers = leftovers;
  return { ...state, committed, pending: { ...(state?.pending ?? {}), [deploymentId]: run } };
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
  return {
    ...state,
    committed: { stampAfter: Math.max(state.committed.stampAfter, run.stampUpTo) },
    pending,
  };
}

/** The state with this run's entry first, older entries dropped while it is too long to read in one lookup. */
export function withRunEntry(state: ExportState, entry: ExportRunEntry): ExportState {
  const files = Array.isArray(entry.files) ? (entry.files as string[]) : [];
  // A run split into many files keeps the first few names (the AUDIT summary has them all).
  const short =
    files.length > 5 ? { ...entry, files: files.slice(0, 5), filesOmitted: files.length - 5 } : entry;
  const lastRuns = [short, ...(state.lastRuns ?? [])].slice(0, 10);
  const out = { ...state, lastRuns };
  while (JSON.stringify(out).length > STATE_CHARS && lastRuns.length > 1) lastRuns.pop();
  return out;
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
  unique = '',
): ExportState {
  for (let attempt = 1; ; attempt++) {
    const planned = planRun(checkpoint.load(), deploymentId, now(), settleMs, unique);
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
  /** Connects only when there is something to upload or remove; `hint`: the settings record last used. */
  connect(hint: SftpRecordHint): ExportTarget;
  deploymentId: string;
  maxRowsPerFile(): number;
  now: Date;
  /** Used when the checkpoint holds no unique part for this run (its entry was lost). */
  unique: string;
  /** An earlier attempt of this stage was interrupted (NetSuite restarted it): it may have left files. */
  restarted?: boolean;
  /** This run's history entry, written with the commit (no write of its own). */
  runEntry?(files: string[]): Record<string, unknown>;
  log: { audit(title: string, details: string): void };
}

const DAY_MS = 864e5;

/** Temporary files (`.<name>.part`) of a run that did not finish, found by listing the folder. */
function removeLeftovers(deps: SendDeps, target: ExportTarget, dir: string): void {
  let temps: string[] = [];
  try {
    temps = target
      .listEntries(dir)
      .filter((e) => !e.directory && /^\.CustomerExport-.*\.part$/.test(e.name))
      .map((e) => e.name.slice(1, -5));
  } catch {
    return; // no such folder yet: nothing left over (the upload creates it)
  }
  if (!temps.length) return;
  // Spared: the other deployment's upload under way (its files hold its run's unique part, planned
  // before it selected anything, read after the listing), by a run started within a day (a crashed
  // one's file is removed by the next run of either).
  const now = deps.now.getTime();
  const busy = Object.entries(deps.checkpoint.load()?.pending ?? {}).filter(
    ([d, r]) => d !== deps.deploymentId && now - r.startedAt <= DAY_MS,
  );
  const spared = (name: string) =>
    busy.some(([, r]) => (r.unique && name.includes(`-${r.unique}`)) || (r.files ?? []).includes(name));
  for (const name of temps) if (!spared(name)) target.removeTemporary(dir, name);
}

/**
 * The summarize stage: removes every temporary file earlier runs left, uploads, and only then advances
 * the cursor, in the same write as the run's history entry and the settings record used. A failed
 * upload throws: the cursor stays, and the next run sends these customers again.
 */
export function sendExport(
  deps: SendDeps,
  customers: ExportedCustomer[],
): { files: string[]; recorded: boolean } {
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
  const unique = run?.unique || deps.unique;
  const names = files.map((_csv, i) =>
    timestampedCsvName(
      'CustomerExport',
      deps.now,
      files.length > 1 ? `${unique}-${String(i + 1).padStart(3, '0')}` : unique,
    ),
  );
  // Temporary files can only be left by a run that did not finish: this deployment's earlier run
  // (leftovers), an earlier attempt of this stage (restarted, or files named by an earlier version),
  // or the other deployment's run started over a day ago. Only then is the folder listed (10 units).
  const now = deps.now.getTime();
  const suspect =
    deps.restarted === true ||
    (run?.leftovers?.length ?? 0) > 0 ||
    (run?.files?.length ?? 0) > 0 ||
    Object.entries(state?.pending ?? {}).some(
      ([d, r]) => d !== deps.deploymentId && now - r.startedAt > DAY_MS,
    );
  // The settings record last used, read by id while a search found it within a day.
  let used = state?.sftpRecord;
  const hint: SftpRecordHint = {
    id: used && now - used.foundAt < SFTP_HINT_MS ? used.id : '',
    remember: (id) => (used = { id, foundAt: now }),
  };
  if (files.length > 0 || suspect) {
    const target = deps.connect(hint);
    const dir = SFTP_FOLDERS.partyIdentifications;
    target.assumeDirectory?.(dir);
    if (suspect) removeLeftovers(deps, target, dir);
    files.forEach((csv, i) => target.uploadAtomic(dir, names[i], csv));
  }
  if (!state || !run) return { files: names, recorded: false };
  let next = commitRun(state, deps.deploymentId);
  if (used) next = { ...next, sftpRecord: used };
  const entry = deps.runEntry?.(names);
  if (entry) next = withRunEntry(next, { ...entry, deploymentId: deps.deploymentId, ended: now });
  deps.checkpoint.save(next);
  return { files: names, recorded: entry !== undefined };
}
