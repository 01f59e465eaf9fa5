/**
 * The NetSuite account emulator: public API (package @hc/netsuite-emulator). See emulator/README.md.
 * Everything a caller needs is exported here; deeper paths are internal.
 */
export { Account, TaskQueue, DEFAULT_PREFERENCES, toCabinetPath } from './account';
export type {
  AccountOptions,
  DeploymentDef,
  DeploymentStatus,
  ScriptDef,
  ScriptDefInput,
  ScriptParameterDef,
  TaskEntry,
  TaskStatus,
  UserInfo,
} from './account';
export { submitTask } from './core/tasks';
export type { CsvImportResult, QueuedTaskType } from './core/tasks';
export { SuiteScriptError, nsError } from './core/errors';
export { GovernanceMeter, COSTS } from './core/governance';
export { DEFAULT_LATENCY, DEFAULT_OVERHEADS, JobClock, latencyOf, scaledTiming } from './core/clock';
export type { LatencyTable, PlatformOverheads } from './core/clock';
export { createScriptDate } from './core/scriptDate';
export type {
  AccountState,
  ExecutionContext,
  FaultPlan,
  FaultSite,
  LogEntry,
  LogLevel,
  RunningScript,
  ScriptKind,
  UserPreferences,
} from './core/context';
export { Sandbox, parseHeader, ModuleLoaderError } from './sandbox/loader';
export type { ScriptHeader } from './sandbox/loader';
export { Execution, EmulatedCrash, LIMITS, TIME_LIMITS_SECONDS, serializeError } from './runners/execution';
export type { SerializedError } from './runners/execution';
export { runScheduled } from './runners/scheduled';
export type { RunOptions } from './runners/scheduled';
export { runMapReduce, resultJson, seededRandom, JOB_USAGE_SOFT_LIMIT } from './runners/mapReduce';
export type { MapReduceRunOptions } from './runners/mapReduce';
export { runCsvImport, runSearchTask } from './runners/asyncTasks';
export { Scheduler, SchedulerCapError } from './runners/scheduler';
export type { SchedulerOptions } from './runners/scheduler';
export { crashAt, crashAtCall, atCall, interleaveAt, recordApis, matchesApi } from './runners/faults';
export type { ApiMatcher } from './runners/faults';
export { crashInStage, allOf } from './runners/stageFaults';
export type { StageName } from './runners/stageFaults';
export type {
  ExecutionResult,
  ExecutionStatus,
  MapReduceKeyError,
  MapReduceReport,
  StageTime,
  UsageReport,
} from './runners/types';
export type { QueryDefinition } from './modules/queryObjects';
// N/search over an execution, for a test that prepares account data (a saved search) as a script would
export { createSearchModule } from './modules/search';
// NetSuite's email rule as the emulator applies it on save (the product's own copy is tested to agree)
export { isValidEmail } from './data/fieldRules';
export { loadSavedCsvImports, parseSavedCsvImport } from './data/savedCsvImports';
export type {
  SavedCsvImport,
  CsvDataHandling,
  CsvFieldMapping,
  CsvRecordMapping,
} from './data/savedCsvImports';
// SFTP: real servers on loopback for N/sftp, and the synchronous client bridge
export {
  startSftpServer,
  sftpServerUsable,
  openSshAvailable,
  openSshHidden,
  startEmbeddedServer,
  startOpenSshServer,
  generateEcdsaKey,
} from './sftp/servers';
export type { RunningSftpServer, SftpServerKind } from './sftp/servers';
export { SftpBridge, BridgeError, DEFAULT_OP_TIMEOUT_MS } from './sftp/bridge';
export type { BridgeErrorKind, ConnectArgs, RemoteEntry, RemoteStat, SftpTarget } from './sftp/bridge';
// Exhaustive suites: one SSH session reused by the Connections to one server (see its comment)
export { reuseSftpSessions } from './sftp/bridge';
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
export { runRestlet, RESTLET_LIMIT } from './runners/restlet';
export type { RunRestletOptions, RestletResult } from './runners/restlet';
export { USER_EVENT_LIMIT, UserEventType } from './runners/userEvent';
export { clearCaches } from './modules/cache';
