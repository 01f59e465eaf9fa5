/**
 * One execution of a script (a scheduled-script run, or a whole map/reduce job whose function
 * invocations each get their own meter): the ExecutionContext the N/ modules act through, the
 * sandbox the script's files run in, and the fault plan of crash tests.
 */
import type { Account, DeploymentDef, ScriptDef } from '../account';
import type { TaskEntry } from '../core/tasks';
import type { ExecutionContext, FaultPlan, LogLevel, RunningScript } from '../core/context';
import { SuiteScriptError } from '../core/errors';
import type { SerializedError } from '../core/results';
import { GovernanceMeter } from '../core/governance';
import { JobClock } from '../core/clock';
import { createScriptDate } from '../core/scriptDate';
import { Sandbox } from '../sandbox/loader';
import { createLogModule } from '../modules/log';
import { createUtil } from '../modules/util';
import { createRuntimeModule } from '../modules/runtime';
import { createErrorModule } from '../modules/error';
import { createFormatModule } from '../modules/format';
import { createTaskModule } from '../modules/task';
import { createRecordModule } from '../modules/record';
import { createSearchModule } from '../modules/search';
import { createFileModule } from '../modules/file';
import { createSftpModule } from '../modules/sftp';
import { createQueryModule } from '../modules/query';
import { createCacheModule } from '../modules/cache';
import { createConfigModule } from '../modules/config';

/** Thrown at the injected crash and at every N/ call after it: the server went away. */
export class EmulatedCrash extends Error {
  constructor(readonly api: string) {
    super(`Emulated crash at ${api}`);
    this.name = 'EMULATED_CRASH';
  }
}

export type ModuleFactory = (ctx: ExecutionContext) => unknown;

/** The N/ modules the emulator offers; valid others load as stubs that fail on use. */
export const MODULE_FACTORIES: Record<string, ModuleFactory> = {
  'N/log': createLogModule,
  'N/util': () => createUtil(),
  'N/runtime': createRuntimeModule,
  'N/error': createErrorModule,
  'N/format': createFormatModule,
  'N/task': createTaskModule,
  'N/record': createRecordModule,
  'N/search': createSearchModule,
  'N/file': createFileModule,
  'N/sftp': createSftpModule,
  'N/query': createQueryModule,
  'N/cache': createCacheModule,
  'N/config': createConfigModule,
};

/**
 * How long (modeled seconds) one execution or function invocation may run (NetSuite help "Script Execution
 * Time Limits", section_161591009480): scheduled 3,600; map/reduce input stage 3,600, map 300, reduce 900,
 * summarize 3,600 (per function invocation: help "Map/Reduce Governance" — the limits "regulate specific
 * parts of the deployment, like a single function invocation's duration"); Suitelet 300.
 */
export const TIME_LIMITS_SECONDS = {
  scheduled: 3_600,
  getInputData: 3_600,
  map: 300,
  reduce: 900,
  summarize: 3_600,
  suitelet: 300,
} as const;

/** How many units each function invocation may use (NetSuite help "SuiteScript Governance and Limits"). */
export const LIMITS = {
  scheduled: 10_000,
  getInputData: 10_000,
  map: 1_000,
  reduce: 5_000,
  summarize: 10_000,
} as const;

let executionCounter = 0;
export const newExecutionId = (accountId: string) => `${accountId}-exec-${++executionCounter}`;

export interface ExecutionOptions {
  account: Account;
  script: ScriptDef;
  deployment: DeploymentDef;
  /** Parameter values of this run: script defaults, then deployment values, then these. */
  params?: Record<string, unknown>;
  faults?: FaultPlan;
  task?: TaskEntry;
  limit: number;
  /** The job's modeled clock; default one starting at the account's current time. */
  clock?: JobClock;
  /** Share one execution id between the jobs of one map/reduce task. */
  executionId?: string;
  /** Called after every charged call (map/reduce interleaving of concurrent jobs). */
  onCharge?: (api: string) => void;
  /** runtime.executionContext; default SCHEDULED or MAPREDUCE by script kind. */
  contextType?: string;
  /** Modeled seconds the execution (or each invocation, see startTimer) may run; default no limit. */
  timeLimitSeconds?: number;
}

export class Execution implements ExecutionContext {
  readonly account: Account;
  readonly script: RunningScript;
  readonly executionId: string;
  readonly scriptDef: ScriptDef;
  readonly deployment: DeploymentDef;
  readonly task?: TaskEntry;
  readonly logLevel: LogLevel;
  readonly faults?: FaultPlan;
  /** runtime.executionContext: SCHEDULED or MAPREDUCE. */
  readonly contextType: string;
  percentComplete = 0;
  crashed: EmulatedCrash | null = null;
  /**
   * Set when the execution ran past its time limit: SSS_TIME_LIMIT_EXCEEDED was thrown and every later
   * charged N/ call throws it again, so the script cannot carry on; the runner reports it whatever the
   * script caught (help "Script Execution Time Limits": "script execution stops").
   */
  timedOut: SuiteScriptError | null = null;
  /** Modeled ms the current invocation may run, and the clock's elapsed ms when it started. */
  private timeLimitMs = Infinity;
  private timerFromMs = 0;
  readonly startedAt: Date;
  /** Usage of every invocation of this execution, summed (map/reduce jobs have many meters). */
  readonly usage = new Map<string, { calls: number; units: number }>();
  /** Modeled NetSuite time of this job (core/clock.ts). */
  readonly clock: JobClock;
  onCharge?: (api: string) => void;
  private currentMeter: GovernanceMeter;
  private sandboxInstance?: Sandbox;
  private readonly modules = new Map<string, unknown>();
  private scriptDateConstructor?: DateConstructor;

  constructor(o: ExecutionOptions) {
    this.account = o.account;
    this.scriptDef = o.script;
    this.deployment = o.deployment;
    this.task = o.task;
    this.faults = o.faults;
    this.onCharge = o.onCharge;
    this.executionId = o.executionId ?? newExecutionId(o.account.accountId);
    this.logLevel = (o.deployment.logLevel ?? 'DEBUG') as LogLevel;
    this.contextType = o.contextType ?? (o.script.kind === 'MAPREDUCE' ? 'MAPREDUCE' : 'SCHEDULED');
    const params: Record<string, string> = {};
    const paramTypes: Record<string, string> = {};
    for (const p of Object.values(o.script.params)) {
      params[p.id] = p.defaultValue ?? '';
      paramTypes[p.id] = p.type;
    }
    for (const [k, v] of Object.entries(o.deployment.params ?? {})) params[k.toLowerCase()] = storedParam(v);
    // A company-preference parameter has one value for every deployment (help "Setting Script
    // Parameter Preferences"): the Custom Preferences value, else the parameter's default.
    for (const p of Object.values(o.script.params))
      if (p.preference === 'COMPANY')
        params[p.id] = o.account.companyPreferences[p.id] ?? p.defaultValue ?? '';
    for (const [k, v] of Object.entries(o.params ?? {})) params[k.toLowerCase()] = storedParam(v);
    this.script = {
      scriptId: o.script.scriptId,
      deploymentId: o.deployment.deploymentId,
      kind: o.script.kind,
      params,
      paramTypes,
    };
    this.currentMeter = new GovernanceMeter(o.limit);
    this.clock = o.clock ?? new JobClock(o.account.now().getTime());
    this.startedAt = new Date(this.clock.startMs);
    if (o.timeLimitSeconds !== undefined) this.timeLimitMs = o.timeLimitSeconds * 1000;
  }

  /**
   * Starts the time limit of one execution or function invocation (map/reduce: each invocation has its
   * own), counted on the modeled clock from now; `Infinity` lifts it (framework work such as reading the
   * input of getInputData).
   */
  startTimer(limitSeconds: number): void {
    this.timeLimitMs = limitSeconds * 1000;
    this.timerFromMs = this.clock.elapsedMs;
    this.timedOut = null;
  }

  /** Modeled ms the current execution or invocation has run against its time limit. */
  get timerElapsedMs(): number {
    return this.clock.elapsedMs - this.timerFromMs;
  }

  /** Runs `fn` with this job's clock as the account's time (records stamped, logs, scripts' Date). */
  run<T>(fn: () => T): T {
    this.account.activeClocks.push(this.clock);
    try {
      return fn();
    } finally {
      this.account.activeClocks.pop();
    }
  }

  get meter(): GovernanceMeter {
    return this.currentMeter;
  }

  /** Starts a new function invocation with its own limit (map/reduce); returns the previous meter. */
  swapMeter(meter: GovernanceMeter): GovernanceMeter {
    const prev = this.currentMeter;
    this.currentMeter = meter;
    return prev;
  }

  /** Adds an invocation's meter to the execution's usage (call once per meter, when it is done). */
  addUsage(meter: GovernanceMeter): void {
    for (const [api, e] of Object.entries(meter.report())) {
      const t = this.usage.get(api) ?? { calls: 0, units: 0 };
      t.calls += e.calls;
      t.units += e.units;
      this.usage.set(api, t);
    }
  }

  charge(api: string, units: number): void {
    if (this.crashed) throw new EmulatedCrash(api);
    if (
      this.faults &&
      this.faults.shouldCrash(api, { executionId: this.executionId, stage: this.script.stage })
    ) {
      this.crashed = new EmulatedCrash(api);
      throw this.crashed;
    }
    if (this.timedOut) throw this.timedOut;
    const ms = this.account.latencyFor(api);
    if (this.timerElapsedMs + ms > this.timeLimitMs) {
      // the call runs past the limit: the platform stops the script during it (the call has no effect)
      this.clock.advance(ms);
      this.timedOut = new SuiteScriptError(
        'SSS_TIME_LIMIT_EXCEEDED',
        `Script Execution Time Limit Exceeded: ${api} at ${Math.round(this.timerElapsedMs / 1000)} s of the ${
          this.timeLimitMs / 1000
        } s limit`,
      );
      throw this.timedOut;
    }
    this.currentMeter.charge(api, units);
    this.clock.advance(ms);
    if (this.onCharge) this.onCharge(api);
  }

  /** The script's `Date` (modeled clock, server zone): the sandbox's global and the N/ modules' dates. */
  get ScriptDate(): DateConstructor {
    this.scriptDateConstructor ??= createScriptDate({
      now: () => this.clock.nowMs(),
      zone: this.account.serverTimeZone,
    });
    return this.scriptDateConstructor;
  }

  scriptDate(d: Date): Date {
    return new this.ScriptDate(d.getTime());
  }

  /** The N/ module `name` bound to this execution (one instance per execution). */
  module(name: string): unknown {
    if (this.modules.has(name)) return this.modules.get(name);
    const factory = MODULE_FACTORIES[name];
    let mod = factory ? factory(this) : undefined;
    if (mod !== undefined && this.faults) mod = this.guard(mod, name);
    this.modules.set(name, mod);
    return mod;
  }

  get sandbox(): Sandbox {
    if (!this.sandboxInstance) {
      this.sandboxInstance = new Sandbox({
        root: this.scriptDef.fileCabinetRoot ?? this.account.fileCabinetRoot,
        standardModule: (n) => this.module(n),
        log: this.module('N/log'),
        util: this.module('N/util'),
        name: `${this.script.scriptId}:${this.script.deploymentId}`,
        Date: this.ScriptDate,
      });
    }
    return this.sandboxInstance;
  }

  /** With a fault plan, every N/ function refuses to run once the execution has crashed. */
  private guard(mod: unknown, name: string): unknown {
    if (mod === null || typeof mod !== 'object') return mod;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(mod as Record<string, unknown>)) {
      out[k] =
        typeof v === 'function'
          ? (...args: unknown[]) => {
              if (this.crashed) throw new EmulatedCrash(`${name.slice(2)}.${k}`);
              return (v as (...a: unknown[]) => unknown).apply(mod, args);
            }
          : v;
    }
    return out;
  }
}

/** Parameter values as NetSuite stores them: 'T'/'F' for booleans, strings otherwise. */
export function storedParam(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? 'T' : 'F';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.join('\u0005');
  return String(v);
}

export type { SerializedError } from '../core/results';

export function serializeError(e: unknown): SerializedError {
  if (e && typeof e === 'object') {
    const o = e as {
      type?: unknown;
      name?: unknown;
      message?: unknown;
      stack?: unknown;
      notifyOff?: unknown;
    };
    const isSS = e instanceof SuiteScriptError || o.type === 'error.SuiteScriptError';
    const stack = typeof o.stack === 'string' ? o.stack.split('\n').slice(0, 20) : undefined;
    return {
      type: isSS ? String(o.type ?? 'error.SuiteScriptError') : 'error.SuiteScriptError',
      name: isSS ? String(o.name) : String(o.name ?? 'Error') === 'Error' ? 'Error' : String(o.name),
      message: String(o.message ?? ''),
      stack,
      notifyOff: typeof o.notifyOff === 'boolean' ? o.notifyOff : false,
    };
  }
  return { type: 'error.SuiteScriptError', name: 'Error', message: String(e) };
}
