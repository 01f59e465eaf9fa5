/**
 * The seams between the emulator's parts. The N/ module factories receive an ExecutionContext:
 * the account they act on, the meter of the running execution, and the running script.
 *
 * Ownership: core/ + sandbox/ + runners/ + account.ts (loader, runtime, log, error, format, task,
 * runners, scheduler); data/ + modules/record|search|file (records, searches, File Cabinet);
 * sftp/ + modules/sftp (N/sftp over a real SSH server).
 */
import type { GovernanceMeter } from './governance';
import type { RecordStore } from '../data/recordStore';
import type { FileCabinet } from '../data/fileCabinet';

export type LogLevel = 'DEBUG' | 'AUDIT' | 'ERROR' | 'EMERGENCY';

export interface LogEntry {
  level: LogLevel;
  title: string;
  details: string;
  scriptId: string;
  deploymentId: string;
  executionId: string;
  time: Date;
}

/** Set > Preferences: the values N/format, N/search date filters and N/runtime follow. */
export interface UserPreferences {
  /** e.g. 'M/D/YYYY', 'D/M/YYYY', 'YYYY-MM-DD', 'DD.MM.YYYY' */
  dateFormat: string;
  /** e.g. 'h:mm a', 'H:mm' */
  timeFormat: string;
  /** IANA zone, e.g. 'America/Los_Angeles' */
  timeZone: string;
}

export type ScriptKind = 'SCHEDULED' | 'MAPREDUCE' | 'SUITELET' | 'RESTLET' | 'USEREVENT';

/** The script and deployment an execution runs as (N/runtime.getCurrentScript()). */
export interface RunningScript {
  scriptId: string;
  deploymentId: string;
  kind: ScriptKind;
  /** Parameter values as NetSuite stores them: strings, 'T'/'F' for checkboxes, '' when unset. */
  params: Record<string, string>;
  /** Parameter field types by id (CHECKBOX, INTEGER, ...), so getParameter can type values. */
  paramTypes: Record<string, string>;
  /** The map/reduce stage running, if any (getInputData, map, reduce, summarize). */
  stage?: string;
}

/**
 * Fault injection for crash tests: when `shouldCrash(api)` answers true the emulator throws
 * an EmulatedCrash and every later N/ call in that execution throws too, so a script's own
 * try/catch cannot carry on: the execution dies as when NetSuite's server goes away.
 */
export interface FaultPlan {
  /** `at` tells where the call is: the map/reduce stage (getInputData, map, reduce, summarize) if any. */
  shouldCrash(api: string, at?: FaultSite): boolean;
}

/** Where a charged call happens, for fault plans that target a stage. */
export interface FaultSite {
  executionId: string;
  stage?: string;
}

export interface ExecutionContext {
  readonly account: AccountState;
  readonly meter: GovernanceMeter;
  readonly script: RunningScript;
  readonly executionId: string;
  /** Every N/ call that costs units goes through here: fault check, then meter.charge. */
  charge(api: string, units: number): void;
  /**
   * The boundary for dates: every Date an N/ module hands the script goes through here and comes out a
   * Date of the script's own `Date` (core/scriptDate.ts: server zone `toString` and local getters), the
   * same instant.
   */
  scriptDate(d: Date): Date;
}

export interface AccountState {
  readonly accountId: string;
  readonly oneWorld: boolean;
  readonly preferences: UserPreferences;
  readonly records: RecordStore;
  readonly files: FileCabinet;
  /** API secrets (Setup > Company > API Secrets): `custsecret_…` id → secret value (a password). */
  readonly secrets: Map<string, string>;
  /** SSH keys (Setup > Company > Keys): `custkey_…` id → private key in PEM/OpenSSH format. */
  readonly keys: Map<string, string>;
  readonly logs: LogEntry[];
  now(): Date;
}
