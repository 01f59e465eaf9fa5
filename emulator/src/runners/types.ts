import type { LogEntry } from '../core/context';
import type { SerializedError } from './execution';

export type ExecutionStatus = 'COMPLETE' | 'FAILED' | 'CRASHED';

export interface UsageReport {
  total: number;
  byApi: Record<string, { calls: number; units: number }>;
}

export interface MapReduceKeyError {
  key: string;
  /** The error as summarize sees it: JSON of the SuiteScriptError. */
  error: string;
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
}

export interface ExecutionResult {
  status: ExecutionStatus;
  error?: SerializedError;
  usage: UsageReport;
  logs: LogEntry[];
  executionId: string;
  scriptId: string;
  deploymentId: string;
  kind: 'SCHEDULED' | 'MAPREDUCE' | 'SUITELET';
  taskId?: string;
  startedAt: Date;
  endedAt: Date;
  /** Where the crash of a crash test happened. */
  crashedAt?: string;
  mapReduce?: MapReduceReport;
}
