/**
 * HC_SC_ImportCustomer's state and results: the checkpoint it keeps (ImportState, with the handoff to
 * HC_MR_ImportCustomer), its options and dependencies, and the summary each execution logs. Shared by
 * the scheduled path (customerImport.ts), the map/reduce import and the status page; no logic but
 * `emptyCounts`.
 */
import type { ReferenceAnswers } from './keptAnswers';
import type { RowOptions } from './customerRows';
import type { GovernanceBudget } from '../core/governance';
import type { CustomerStore, FeedCopies, FeedCopyRef, FeedEntry, FeedFolder, MapReducePort } from './ports';

export interface ErrorRow {
  line: number;
  hcCustomerId: string;
  code: string;
  message: string;
  missingRequired: boolean;
}

/**
 * A feed's fingerprint: what its rows were decided on. The listing's size and modification time
 * (epoch ms) when it was read, and textHash of the text read. A feed whose listing or text no longer
 * matches is another version (docs/ARCHITECTURE.md "A feed that changes under the import").
 */
export interface FeedPrint {
  size?: number;
  modified?: number;
  hash: string;
}

export interface ImportCounts {
  created: number;
  linked: number;
  alreadyLinked: number;
  errors: number;
}

/**
 * The import's checkpoint. Its per-feed fields (`file`, `line`, `tag`, `errors`, `counts`, `feedCopy`,
 * `print`, `moving`, `reportParts`, `missingLines`, `problemsThrough`) go through the phases of
 * feedState.ts and are cleared together by its `resetFeed`; the others span feeds and executions.
 */
export interface ImportState {
  file: string | null;
  /** Last line of `file` whose row is handled (0: none yet). */
  line: number;
  /**
   * Chosen when `file` is first taken up and saved at once: its reports are named
   * `<stem>-<tag>-errors.csv` (and its archived copy `<stem>-<tag>.csv` when the plain name is taken),
   * so a feed name seen again never overwrites an earlier feed's reports, and a re-run after a crash
   * replaces its own.
   */
  tag?: string;
  errors: ErrorRow[];
  counts: ImportCounts;
  /**
   * Who is importing: two deployments (scheduled and on demand) could otherwise read the same feed
   * at once. NetSuite never runs one deployment twice at a time, so a lease held by the running
   * deployment is left over from a crash and is taken over; another deployment's lease is honoured
   * while it is unexpired (renewed at every checkpoint) AND that deployment is still running. An
   * execution that fails releases its lease on the way out; one that crashed is seen as not running.
   */
  lease: {
    executionId: string;
    deploymentId: string;
    until: number;
    /** Set when the holder is another script (HC_MR_ImportCustomer after a handoff). */
    scriptId?: string;
  } | null;
  /**
   * Feeds handed to HC_MR_ImportCustomer (sync/customerImportMapReduce.ts), which holds the lease
   * until its summarize has finished them (or gives them back).
   */
  handoff?: MapReduceHandoff | null;
  /** Feeds the map/reduce gave back: this script imports them itself and never hands them over again. */
  notHandedOff?: string[];
  /** Entries the last execution could not read: tried after the other feeds. */
  skipped?: string[];
  /** Tags of feeds left in place because a folder could not be written: their next try reuses them. */
  blockedTags?: Record<string, string>;
  /**
   * A feed with very many bad rows: its errors so far were written out as report parts
   * (`<stem>-<tag>-errors-<n>.csv`) so the checkpoint stays far below its field's 1,000,000
   * characters; `missingLines` keeps the lines of those parts that go to required_fields_missing/.
   */
  reportParts?: number;
  missingLines?: number[];
  /** Last line whose malformed-record problems are in `errors` (or a written part). */
  problemsThrough?: number;
  /**
   * A copy of `file` in the File Cabinet, written when an execution stopped inside it, so the next
   * one reads it back instead of downloading the feed again; used only while the SFTP listing shows
   * the same size and modification time (epoch ms), deleted when the feed is done with. Saved here
   * (without fileId) before the copy is written, so a crash in between never leaves one unknown.
   */
  feedCopy?: FeedCopyRef & { size: number; modified: number };
  /** The File Cabinet folder of feed copies, kept across feeds and executions (saves its search). */
  copyFolderId?: string;
  /**
   * Reference list values found to exist (sync/referenceAnswers.ts), kept while a feed is in
   * progress: the chain's next execution does not search the lists again (20 units).
   */
  refs?: ReferenceAnswers;
  /** The fingerprint of `file` as first read. */
  print?: FeedPrint;
  /**
   * Saved before `file` is moved to archive/ (or failed/): the durable outcome, so a re-run that finds
   * the feed gone reports its counts (with `counts`) once, in its summary and run history entry.
   */
  moving?: { to: string; lines?: number; blankLines?: number };
  /**
   * Feeds finished (archived, failed, changed, gone) since the last execution that logged its
   * summary: kept until that execution's last checkpoint save, so one that crashes before its summary
   * leaves them for the next one to report.
   */
  finished?: FileResult[];
  /** The last execution failed: an upload of its may have left a temporary file for the next run to remove. */
  interrupted?: boolean;
}

export interface ImportOptions extends RowOptions {
  matchByEmail: boolean;
  dryRun: boolean;
  /** Rows looked up with one search. */
  batchSize: number;
  executionId: string;
  deploymentId: string;
  /** A linked customer re-sent by HotWax after this long gets re-stamped, so its id is exported again. */
  restampAfterMs: number;
}

/** The handoff of a backlog to HC_MR_ImportCustomer, as the checkpoint keeps it. */
export interface MapReduceHandoff {
  /** The feeds, in the order the scheduled path would import them, each with its report tag. */
  feeds: Array<{ name: string; tag: string }>;
  /** Feeds the map/reduce's summarize has finished (archived, failed or given back). */
  done: string[];
  /** Each feed's fingerprint as getInputData read it (summarize replays only that version). */
  prints?: Record<string, FeedPrint>;
  /** Feeds summarize moved, with their results, recorded before the move (a restarted summarize reports them). */
  moved?: Record<string, FileResult>;
  /** Times the map/reduce was submitted for this handoff. */
  attempts: number;
  /** The scheduled script's parameter values at the handoff (the map/reduce has none of its own). */
  settings: MapReducePort['settings'];
}

export interface ImportDeps {
  feeds: FeedFolder;
  customers: CustomerStore;
  /** save() returns false when another execution created the checkpoint record first (then load again). */
  checkpoint: { load(): ImportState | null; save(state: ImportState): boolean | void };
  /** Whether the holder of a lease is still running (its deployment has a live script instance). */
  leaseHolderRunning(lease: NonNullable<ImportState['lease']>): boolean;
  budget: GovernanceBudget;
  now: () => number;
  log: { audit(title: string, details: string): void; error(title: string, details: string): void };
  /** Copies of a feed that spans executions (absent: each execution downloads it). */
  feedCopies?: FeedCopies;
  /** Large backlogs go to HC_MR_ImportCustomer; absent: this script imports everything itself. */
  mapReduce?: MapReducePort;
}

export interface FileResult {
  name: string;
  /**
   * skipped: an entry that cannot be read or has an unsafe name (reported, left where it is);
   * blocked: imported, but a report or the archive move could not be written (left for the next run).
   */
  outcome:
    | 'archived'
    | 'failed'
    | 'in progress'
    | 'checked'
    | 'skipped'
    | 'blocked'
    | 'handed off'
    /** changed under the import (the version read is reported, not archived) or gone from the folder */
    | 'changed'
    | 'gone'
    /** a handed-over feed getInputData gave back to HC_SC_ImportCustomer */
    | 'given back';
  movedTo?: string;
  /** The whole file's counts so far (across executions). */
  counts: ImportCounts;
  /** Physical lines after the header, and those that hold no row (blank or only commas). */
  lines?: number;
  blankLines?: number;
  reason?: string;
  /** The reports written for this feed in this execution: names in error/ and in dry_run/. */
  errorReports?: string[];
  dryRunReport?: string;
}

export interface ImportSummary {
  files: FileResult[];
  /** What this execution did. */
  totals: ImportCounts;
  /** true when the run stopped for governance and the caller must reschedule */
  paused: boolean;
  /** Paused without handling a single row or file: rescheduling would loop, so it does not. */
  stalled: boolean;
  skipped?: string;
  /** Feeds handed to HC_MR_ImportCustomer by this execution. */
  handedOff?: string[];
  /** Feeds left waiting in customer/export/ when this execution ended (the feed in progress apart). */
  waiting?: number;
  /** Results whose AUDIT line is already logged (before a handoff's submit): never logged twice. */
  logged?: FileResult[];
}

/** What one execution has already said once (a folder it cannot write, a setup mistake). */
export interface RunContext {
  reportedFolders: Set<string>;
  setupReported: Set<string>;
  /** The latest listing of customer/export/ (the check before a move). */
  listed?: FeedEntry[];
}

export const emptyCounts = (): ImportCounts => ({ created: 0, linked: 0, alreadyLinked: 0, errors: 0 });
