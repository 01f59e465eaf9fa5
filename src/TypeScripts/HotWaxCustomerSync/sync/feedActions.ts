/**
 * What the import's steps ask for, and the one driver that does it. A step (feedImport.ts,
 * feedFinish.ts, customerImport.ts) is a generator over the feed's checkpoint: it yields a FeedAction
 * (SFTP, File Cabinet, task, checkpoint) and is handed back what that call returned, or the error it
 * threw; it makes no such call itself. `drive` carries the actions out through the ports
 * (sync/ports.ts), one call each, in the order they are yielded: a crash between two calls is a crash
 * between two actions. (Row upserts go through the RowDecider port; the governance meter and N/log,
 * which cost no units, are read and written by the steps.)
 */
import { SFTP_FOLDERS } from '../core/config';
import { describeError } from '../core/errors';
import type { FeedCopyRef, FeedEntry } from './ports';
import type { ImportDeps, ImportState, RunContext } from './importTypes';
import type { ReportFile } from './feedReports';
import { FOUND_AGAIN } from './feedReports';

export type FeedAction =
  /** The import checkpoint saved: through the caller's save (lease renewed), or `asIs` (its lease as it is). */
  | { kind: 'saveCheckpoint'; state: ImportState; asIs?: boolean }
  /** The feed downloaded from customer/export/. */
  | { kind: 'download'; feed: string }
  /**
   * An error report part (`-errors-<n>.csv`) or a finished feed's report into its SFTP folder; a dry
   * run's verdicts into customer/export/dry_run/ (whose failure ends the execution in error).
   */
  | { kind: 'savePart' | 'saveReport' | 'saveVerdicts'; feed: string; report: ReportFile }
  /** The File Cabinet copy of a feed stopped inside: its folder, saved, read back, deleted. */
  | { kind: 'findCopyFolder' }
  | { kind: 'saveCopy'; folderId: string; name: string; text: string }
  | { kind: 'loadCopy'; copy: FeedCopyRef }
  | { kind: 'deleteCopy'; copy: FeedCopyRef }
  /** customer/export/ listed again: is the feed still the version read (before its move)? */
  | { kind: 'listFeeds'; feed: string }
  /** The feed moved into archive/ or failed/ (as `alternative` when the name is taken there). */
  | { kind: 'move'; feed: string; folder: string; alternative: string }
  /** HC_MR_ImportCustomer's deployment queued (the handoff). */
  | { kind: 'submit' };

/** What each action gives back to the step (null: the SFTP folder cannot be written, reported). */
export interface ActionResults {
  saveCheckpoint: boolean | void;
  download: string;
  savePart: boolean;
  saveReport: boolean;
  saveVerdicts: void;
  findCopyFolder: string | null;
  saveCopy: string | null;
  loadCopy: { id: string; text: string } | null;
  deleteCopy: void;
  listFeeds: FeedEntry[] | null;
  move: string | null;
  submit: 'submitted' | 'already queued' | 'unavailable';
}

/** A step: yields actions, ends with its result. */
export type Steps<R> = Generator<FeedAction, R, unknown>;

/** What a step is handed back for an action of kind K: `(yield { kind: 'download', feed }) as Got<'download'>`. */
export type Got<K extends FeedAction['kind']> = ActionResults[K];

/** What the driver carries actions out with: the ports, the caller's checkpoint save, the execution's context. */
export interface ActionPorts {
  deps: ImportDeps;
  save: (st: ImportState) => boolean | void;
  run: RunContext;
}

/** The driver: every action of `steps` carried out in order; the steps' result. */
export function drive<R>(ports: ActionPorts, steps: Steps<R>): R {
  let next = steps.next();
  while (!next.done) {
    let done: unknown;
    try {
      done = carryOut(ports, next.value);
    } catch (e) {
      // Back into the step, at its yield: it decides (a download that fails, say), or passes it on.
      next = steps.throw(e);
      continue;
    }
    next = steps.next(done);
  }
  return next.value;
}

/** One action, one call through the ports. */
function carryOut({ deps, save, run }: ActionPorts, a: FeedAction): unknown {
  const { feeds, feedCopies } = deps;
  switch (a.kind) {
    case 'saveCheckpoint':
      return a.asIs ? deps.checkpoint.save(a.state) : save(a.state);
    case 'download':
      return feeds.download(a.feed);
    case 'savePart':
    case 'saveReport':
    case 'saveVerdicts': {
      const r = a.report;
      const write = () => feeds.writeReport(r.folder, r.name, r.text);
      return a.kind === 'saveVerdicts' ? write() : writeInto(r.folder, a.feed, write, deps, run);
    }
    case 'findCopyFolder':
      return feedCopies!.folder();
    case 'saveCopy':
      return feedCopies!.save(a.folderId, a.name, a.text);
    case 'loadCopy':
      return feedCopies!.load(a.copy);
    case 'deleteCopy':
      return feedCopies!.remove(a.copy);
    case 'listFeeds':
      // A listing that fails leaves the feed in place, reported, for the next run: as a failed move does.
      return writeInto(SFTP_FOLDERS.customerFeed, a.feed, () => (run.listed = feeds.list()), deps, run)
        ? run.listed
        : null;
    case 'move': {
      let movedTo: string | null = null;
      writeInto(
        a.folder,
        a.feed,
        () => (movedTo = feeds.moveFeed(a.feed, a.folder, a.alternative)),
        deps,
        run,
      );
      return movedTo;
    }
    case 'submit':
      return deps.mapReduce!.submit();
  }
}

/**
 * Runs a write into `folder`; when it fails, says so once per execution and per folder in an ERROR
 * naming the folder, and returns false (the caller leaves the feed where it is for the next run).
 */
function writeInto(folder: string, feed: string, op: () => void, deps: ImportDeps, run: RunContext): boolean {
  try {
    op();
    return true;
  } catch (e) {
    const { code, message } = describeError(e);
    if (code === 'SSS_USAGE_LIMIT_EXCEEDED') throw e;
    if (!run.reportedFolders.has(folder)) {
      run.reportedFolders.add(folder);
      deps.log.error(
        `Cannot write to SFTP folder ${folder}/`,
        `${code}: ${message}. Give the SFTP user write access to ${folder}/ (or create it). Feed ${feed} stays in ${SFTP_FOLDERS.customerFeed}/ and is read again by the next run: ${FOUND_AGAIN}.`,
      );
    }
    return false;
  }
}
