/**
 * An in-memory NetSuite account: records and File Cabinet (data layer), API secrets and SSH keys,
 * execution logs, the scripts and deployments of an SDF project (with parameter defaults and
 * per-deployment values), the task queue N/task submits to, and the user preferences N/format follows.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AccountState, LogEntry, LogLevel, ScriptKind, UserPreferences } from './core/context';
import { SuiteScriptError } from './core/errors';
import { RecordStore } from './data/recordStore';
import { FileCabinet } from './data/fileCabinet';
import { loadSdfObjects } from './data/sdfObjects';
import type { ExecutionResult } from './runners/types';

/** The repository root (emulator/src/account.ts or dist/emulator/src/account.js → up to the package). */
export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'src'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export interface ScriptParameterDef {
  id: string;
  /** SDF fieldtype: CHECKBOX, INTEGER, FLOAT, TEXT, SELECT, CLOBTEXT, DATE, ... */
  type: string;
  /** Default as NetSuite stores it ('T'/'F' for checkboxes, '' when none). */
  defaultValue: string;
  label?: string;
}

export type DeploymentStatus = 'SCHEDULED' | 'NOTSCHEDULED' | 'TESTING' | 'RELEASED' | string;

export interface DeploymentDef {
  deploymentId: string;
  title?: string;
  status: DeploymentStatus;
  /** "Deployed" box: an undeployed deployment cannot be submitted. */
  isDeployed: boolean;
  logLevel: LogLevel;
  /** Parameter values set on the deployment (id → stored string). */
  params: Record<string, string>;
  concurrencyLimit?: number;
  /** Raw recurrence as read from SDF (for schedulers that want it). */
  recurrence?: unknown;
}

export interface ScriptDef {
  scriptId: string;
  /** Internal id, so task.create({ scriptId: 123 }) also works. */
  internalId: number;
  name: string;
  kind: ScriptKind;
  /** File Cabinet path of the script file, e.g. /SuiteScripts/App/MyScript.js */
  scriptFile: string;
  params: Record<string, ScriptParameterDef>;
  deployments: DeploymentDef[];
}

export interface ScriptDefInput {
  scriptId: string;
  name?: string;
  kind: ScriptKind;
  scriptFile: string;
  params?: Array<Partial<ScriptParameterDef> & { id: string; type: string }>;
  deployments?: Array<Partial<DeploymentDef> & { deploymentId: string }>;
}

export type TaskStatus = 'PENDING' | 'PROCESSING' | 'COMPLETE' | 'FAILED';

/** One submitted (or directly run) scheduled script or map/reduce job. */
export interface TaskEntry {
  taskId: string;
  taskType: 'SCHEDULED_SCRIPT' | 'MAP_REDUCE';
  scriptId: string;
  deploymentId: string;
  params: Record<string, string>;
  status: TaskStatus;
  /** Map/reduce stage while PROCESSING (GET_INPUT, MAP, SHUFFLE, REDUCE, SUMMARIZE). */
  stage?: string;
  submittedAt: Date;
  /** Execution that submitted it, if a script did. */
  submittedBy?: string;
  result?: ExecutionResult;
}

/** The task queue of SuiteCloud Processors, first in first out. */
export class TaskQueue {
  readonly entries: TaskEntry[] = [];
  private seq = 0;

  add(e: Omit<TaskEntry, 'taskId'>): TaskEntry {
    const prefix = e.taskType === 'MAP_REDUCE' ? 'MAPREDUCETASK' : 'SCHEDSCRIPT';
    const entry = { ...e, taskId: `${prefix}_${String(++this.seq).padStart(8, '0')}` };
    this.entries.push(entry);
    return entry;
  }

  get(taskId: string): TaskEntry | undefined {
    return this.entries.find((t) => t.taskId === taskId);
  }

  /** Tasks not yet finished (queued or running) for a script deployment. */
  unfinished(scriptId: string, deploymentId: string): TaskEntry[] {
    const s = scriptId.toLowerCase();
    const d = deploymentId.toLowerCase();
    return this.entries.filter(
      (t) =>
        (t.status === 'PENDING' || t.status === 'PROCESSING') &&
        t.scriptId.toLowerCase() === s &&
        t.deploymentId.toLowerCase() === d,
    );
  }

  nextPending(): TaskEntry | undefined {
    return this.entries.find((t) => t.status === 'PENDING');
  }
}

/** The user scripts run as (runtime.getCurrentUser()); scheduled scripts run as -System- by default. */
export interface UserInfo {
  id: number;
  name: string;
  email: string;
  role: number;
  roleId: string;
  roleCenter: string;
  subsidiary: number;
  department: number;
  location: number;
  contact: number;
}

export interface AccountOptions {
  oneWorld?: boolean;
  preferences?: Partial<UserPreferences>;
  /** SDF project folder (holds Objects/ and FileCabinet/); default <repo>/src. */
  sdfProjectDir?: string;
  /** File Cabinet root on disk; default <sdfProjectDir>/FileCabinet. */
  fileCabinetRoot?: string;
  accountId?: string;
  /** The account's clock (simulations move it); default the real time. */
  clock?: () => Date;
  /** Skip reading the SDF objects (tests that register their own scripts). */
  loadSdf?: boolean;
  user?: Partial<UserInfo>;
  /** Enabled features for runtime.isFeatureInEffect (SUBSIDIARIES follows oneWorld). */
  features?: string[];
  envType?: 'SANDBOX' | 'PRODUCTION' | 'BETA' | 'INTERNAL';
  version?: string;
  /** Further user preferences for runtime.getCurrentUser().getPreference. */
  otherPreferences?: Record<string, string>;
}

export const DEFAULT_PREFERENCES: UserPreferences = {
  dateFormat: 'M/D/YYYY',
  timeFormat: 'h:mm a',
  timeZone: 'America/Los_Angeles',
};

const KIND_BY_SDF: Record<string, ScriptKind> = {
  scheduledscript: 'SCHEDULED',
  mapreducescript: 'MAPREDUCE',
  SCHEDULED: 'SCHEDULED',
  MAPREDUCE: 'MAPREDUCE',
  suitelet: 'SUITELET',
  SUITELET: 'SUITELET',
};

export class Account implements AccountState {
  readonly accountId: string;
  readonly oneWorld: boolean;
  readonly preferences: UserPreferences;
  readonly records: RecordStore;
  readonly files: FileCabinet;
  readonly secrets = new Map<string, string>();
  readonly keys = new Map<string, string>();
  readonly logs: LogEntry[] = [];
  readonly sdfProjectDir: string;
  readonly fileCabinetRoot: string;
  readonly scripts = new Map<string, ScriptDef>();
  readonly tasks = new TaskQueue();
  readonly user: UserInfo;
  readonly features: Set<string>;
  readonly envType: string;
  readonly version: string;
  readonly otherPreferences: Record<string, string>;
  /**
   * Test knob: a smaller usage limit for a script's scheduled executions (script id → units), to
   * force the reschedule path without generating 10,000 units of work. Not a NetSuite feature.
   */
  readonly usageLimits = new Map<string, number>();
  /** Results of every execution run on this account, oldest first. */
  readonly executions: ExecutionResult[] = [];
  private clock: () => Date;
  private nextScriptInternalId = 1000;

  constructor(opts: AccountOptions = {}) {
    this.accountId = opts.accountId ?? 'TSTDRV0000000';
    this.oneWorld = opts.oneWorld ?? true;
    this.preferences = { ...DEFAULT_PREFERENCES, ...(opts.preferences ?? {}) };
    this.clock = opts.clock ?? (() => new Date());
    this.sdfProjectDir = path.resolve(opts.sdfProjectDir ?? path.join(repoRoot(), 'src'));
    this.fileCabinetRoot = path.resolve(opts.fileCabinetRoot ?? path.join(this.sdfProjectDir, 'FileCabinet'));
    this.user = {
      id: -4,
      name: '-System-',
      email: '',
      role: 3,
      roleId: 'administrator',
      roleCenter: 'BASIC',
      subsidiary: 1,
      department: 0,
      location: 0,
      contact: 0,
      ...(opts.user ?? {}),
    };
    this.features = new Set((opts.features ?? []).map((f) => f.toUpperCase()));
    this.envType = opts.envType ?? 'SANDBOX';
    this.version = opts.version ?? '2025.2';
    this.otherPreferences = { ...(opts.otherPreferences ?? {}) };
    this.records = new RecordStore(this);
    this.files = new FileCabinet(this);
    if (opts.loadSdf !== false) this.loadScriptsFromSdf();
  }

  now(): Date {
    return this.clock();
  }

  /** Replaces the account's clock (simulations). */
  setClock(clock: () => Date): void {
    this.clock = clock;
  }

  isFeatureInEffect(feature: string): boolean {
    const f = feature.toUpperCase();
    if (f === 'SUBSIDIARIES') return this.oneWorld;
    return this.features.has(f);
  }

  /** Registers (or replaces) a script and its deployments. */
  registerScript(input: ScriptDefInput): ScriptDef {
    const params: Record<string, ScriptParameterDef> = {};
    for (const p of input.params ?? []) {
      const id = p.id.toLowerCase();
      params[id] = { id, type: p.type.toUpperCase(), defaultValue: p.defaultValue ?? '', label: p.label };
    }
    const def: ScriptDef = {
      scriptId: input.scriptId.toLowerCase(),
      internalId: this.scripts.get(input.scriptId.toLowerCase())?.internalId ?? ++this.nextScriptInternalId,
      name: input.name ?? input.scriptId,
      kind: input.kind,
      scriptFile: input.scriptFile.startsWith('/') ? input.scriptFile : '/' + input.scriptFile,
      params,
      deployments: (input.deployments ?? []).map((d) => ({
        deploymentId: d.deploymentId.toLowerCase(),
        title: d.title,
        status: (d.status ?? 'NOTSCHEDULED').toUpperCase(),
        isDeployed: d.isDeployed ?? true,
        logLevel: ((d.logLevel as string | undefined)?.toUpperCase() ?? 'DEBUG') as LogLevel,
        params: Object.fromEntries(Object.entries(d.params ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
        concurrencyLimit: d.concurrencyLimit,
        recurrence: d.recurrence,
      })),
    };
    this.scripts.set(def.scriptId, def);
    return def;
  }

  /** A script by script id (case-insensitive) or internal id. */
  script(idOrInternalId: string | number): ScriptDef {
    const s =
      typeof idOrInternalId === 'number' || /^\d+$/.test(String(idOrInternalId))
        ? [...this.scripts.values()].find((x) => x.internalId === Number(idOrInternalId))
        : this.scripts.get(String(idOrInternalId).toLowerCase());
    if (!s)
      throw new SuiteScriptError('SSS_INVALID_SCRIPT_ID_1', `That script id is invalid: ${idOrInternalId}`);
    return s;
  }

  deployment(script: ScriptDef, deploymentId?: string): DeploymentDef {
    if (!deploymentId) {
      const first = script.deployments[0];
      if (!first) {
        throw new SuiteScriptError(
          'INVALID_SCRIPT_DEPLOYMENT_ID_1',
          `Script ${script.scriptId} has no deployment`,
        );
      }
      return first;
    }
    const d = script.deployments.find((x) => x.deploymentId === deploymentId.toLowerCase());
    if (!d) {
      throw new SuiteScriptError(
        'INVALID_SCRIPT_DEPLOYMENT_ID_1',
        `A script deployment with id ${deploymentId} does not exist for script ${script.scriptId}`,
      );
    }
    return d;
  }

  /** Sets deployment parameter values (as an administrator would on the deployment record). */
  setDeploymentParams(scriptId: string, deploymentId: string, values: Record<string, unknown>): void {
    const d = this.deployment(this.script(scriptId), deploymentId);
    for (const [k, v] of Object.entries(values)) {
      d.params[k.toLowerCase()] =
        typeof v === 'boolean' ? (v ? 'T' : 'F') : v === null || v === undefined ? '' : String(v);
    }
  }

  /** Reads the scripts, parameters and deployments of the SDF project's Objects/ folder. */
  loadScriptsFromSdf(dir = path.join(this.sdfProjectDir, 'Objects')): void {
    if (!fs.existsSync(dir)) return;
    for (const s of loadSdfObjects(dir).scripts) {
      const kind = KIND_BY_SDF[s.kind] ?? KIND_BY_SDF[s.objectType.toLowerCase()];
      if (!kind) continue;
      this.registerScript({
        scriptId: s.scriptId,
        name: s.name,
        kind,
        scriptFile: toCabinetPath(s.scriptFile),
        params: s.parameters.map((p) => ({
          id: p.id,
          type: p.fieldType,
          defaultValue: p.defaultValue,
          label: p.label,
        })),
        deployments: s.deployments.map((d) => ({
          deploymentId: d.id,
          title: d.title,
          status: d.status,
          isDeployed: d.isDeployed,
          logLevel: (d.logLevel || 'DEBUG') as LogLevel,
          params: d.params,
          concurrencyLimit: d.concurrencyLimit,
          recurrence: d.recurrence,
        })),
      });
    }
  }
}

/** SDF writes script files as [/SuiteScripts/App/x.js] or ~/FileCabinet/SuiteScripts/...: make a cabinet path. */
export function toCabinetPath(p: string): string {
  let s = p.trim().replace(/^\[|\]$/g, '');
  s = s.replace(/^~\/FileCabinet/, '');
  return s.startsWith('/') ? s : '/' + s;
}
