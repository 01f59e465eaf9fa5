/** The NetSuite account emulator: public API. See emulator/README.md. */
export { Account, TaskQueue, DEFAULT_PREFERENCES, repoRoot, toCabinetPath } from './account';
export type {
  AccountOptions,
  DeploymentDef,
  ScriptDef,
  ScriptDefInput,
  ScriptParameterDef,
  TaskEntry,
  TaskStatus,
  UserInfo,
} from './account';
export { SuiteScriptError, nsError } from './core/errors';
export { GovernanceMeter, COSTS } from './core/governance';
export type {
  AccountState,
  ExecutionContext,
  FaultPlan,
  LogEntry,
  LogLevel,
  RunningScript,
  ScriptKind,
  UserPreferences,
} from './core/context';
export { Sandbox, parseHeader, ModuleLoaderError } from './sandbox/loader';
export type { ScriptHeader } from './sandbox/loader';
export { Execution, EmulatedCrash, LIMITS, serializeError } from './runners/execution';
export type { SerializedError } from './runners/execution';
export { runScheduled } from './runners/scheduled';
export type { RunOptions } from './runners/scheduled';
export { runMapReduce, resultJson } from './runners/mapReduce';
export { Scheduler, SchedulerCapError } from './runners/scheduler';
export type { SchedulerOptions } from './runners/scheduler';
export { crashAt, crashAtCall, recordApis, matchesApi } from './runners/faults';
export type { ApiMatcher } from './runners/faults';
export type {
  ExecutionResult,
  ExecutionStatus,
  MapReduceReport,
  MapReduceKeyError,
  UsageReport,
} from './runners/types';
export {
  runSuitelet,
  setSuiteletAudience,
  suiteletAudience,
  SUITELET_LIMIT,
  DEFAULT_PAGE_USER,
} from './runners/suitelet';
export type { RunSuiteletOptions, SuiteletResult, Audience } from './runners/suitelet';
export { SuiteletServer } from './http/server';
export type { SuiteletServerOptions } from './http/server';
