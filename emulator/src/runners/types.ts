/** Result types of the runners (defined in core/results.ts so the account and the task queue share them). */
export type {
  ExecutionResult,
  ExecutionStatus,
  MapReduceKeyError,
  MapReduceReport,
  StageTime,
  UsageReport,
} from '../core/results';
