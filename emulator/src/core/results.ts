/** What a run reports: ExecutionResult and its parts (shared by runners, the task queue and callers). */
import type { LogEntry } from './context';

export type ExecutionStatus = 'COMPLETE' | 'FAILED' | 'CRASHED';

/** An error as ExecutionResult and map/reduce summaries carry it: NetSuite's SuiteScriptError JSON shape. */
export interface SerializedError {
  type: string;
  name: string;
  message: string;
  stack?: string[];
  cause?: unknown;
  notifyOff?: boolean;
}

export interface UsageReport {
  total: number;
  byApi: Record<string, { calls: number; units: number }>;
}

export interface MapReduceKeyError {
  key: string;
  /** The error as summarize sees it: JSON of the SuiteScriptError (or the SSS_APP_SERVER_RESTART code). */
  error: string;
  /** Which attempt at the key failed (1–4). */
  executionNo?: number;
}

/** Modeled NetSuite time of a map/reduce stage (core/clock.ts). */
export interface StageTime {
  /** From the stage's start to the end of its last job (jobs on several processors overlap). */
  modeledMs: number;
  /** Jobs the stage ran (a yield or a restart starts a new one). */
  jobs: number;
  yields: number;
}

/** What a map/reduce job did, stage by stage (summaryContext's view, plus the counts tests want). */
export interface MapReduceReport {
  inputError?: SerializedError;
  inputKeys: number;
  mapErrors: MapReduceKeyError[];
  reduceErrors: MapReduceKeyError[];
  mapKeys: number;
  reduceKeys: number;
  /** Pairs written by reduce (or by map when the script has no reduce). */
  output: Array<{ key: string; value: string }>;
  summarizeError?: SerializedError;
  usage: { getInputData: number; map: number; reduce: number; summarize: number };
  /** Processors the map and reduce stages ran on (min of the deployment's limit and the account's). */
  concurrency: number;
  /** Seed of the interleaving of concurrent jobs (pass it back as RunOptions.seed to reproduce). */
  seed: number;
  /** The script's `config` export as read: retryCount (0–3) and exitOnError. */
  config: { retryCount?: number; exitOnError?: boolean };
  /** Stages restarted after an emulated application-server disruption, in order. */
  restarts: Array<{ stage: string; key?: string; api: string }>;
  /** A stage left early because exitOnError was set and a key failed. */
  exitedStage?: 'map' | 'reduce';
  time: {
    getInputData: StageTime;
    map: StageTime;
    reduce: StageTime;
    summarize: StageTime;
    /** The shuffle's job (a map/reduce with a reduce function); absent in results of older versions. */
    shuffle?: StageTime;
  };
}

/** What a CSV import job did (help "CSV Import Job Status"): one entry per data row. */
export interface CsvImportResult {
  mappingId: string;
  recordType: string;
  dataHandling: 'ADD' | 'UPDATE' | 'ADDUPDATE';
  total: number;
  added: number;
  updated: number;
  /** Rows that failed, with their 1-based data line number and NetSuite's message. */
  failed: Array<{ line: number; error: string }>;
  /** Internal ids of the records each successful row created or updated, by line. */
  records: Array<{ line: number; id: number; action: 'ADD' | 'UPDATE' }>;
  /** Threads the job used (multi-threading). */
  threads: number;
}

export interface ExecutionResult {
  status: ExecutionStatus;
  error?: SerializedError;
  usage: UsageReport;
  logs: LogEntry[];
  executionId: string;
  scriptId: string;
  deploymentId: string;
  kind: 'SCHEDULED' | 'MAPREDUCE' | 'CSV_IMPORT' | 'SEARCH' | 'SUITELET' | 'RESTLET' | 'USEREVENT';
  taskId?: string;
  /** Account time (modeled) when the execution started and ended. */
  startedAt: Date;
  endedAt: Date;
  /**
   * Modeled NetSuite elapsed time of the execution in ms (core/clock.ts): the sum of the typical
   * durations of its N/ calls plus platform overheads; for map/reduce, stage by stage with concurrent
   * jobs overlapping. Not the emulator's own run time.
   */
  modeledMs: number;
  /** Where the crash of a crash test happened. */
  crashedAt?: string;
  mapReduce?: MapReduceReport;
  /** A CSV import job's result (N/task CsvImportTask). */
  csvImport?: CsvImportResult;
}
