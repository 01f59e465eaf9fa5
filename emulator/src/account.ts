/**
 * An in-memory NetSuite account: records and File Cabinet (data layer), API secrets and SSH keys,
 * execution logs, the scripts and deployments of an SDF project (with parameter defaults and
 * per-deployment values), the task queue N/task submits to, the user preferences N/format follows,
 * the SuiteCloud processors map/reduce jobs run on, and the modeled clock (core/clock.ts).
 *
 * The account does not guess where a project lives: callers pass the SDF project folder (with
 * Objects/ and FileCabinet/) or the File Cabinet root explicitly.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AccountState, LogEntry, LogLevel, ScriptKind, UserPreferences } from './core/context';
import { SuiteScriptError } from './core/errors';
import {
  DEFAULT_LATENCY,
  DEFAULT_OVERHEADS,
  latencyOf,
  type JobClock,
  type LatencyTable,
  type PlatformOverheads,
} from './core/clock';
import type { DeploymentDef, ScriptDef, ScriptDefInput, ScriptParameterDef } from './core/scriptDefs';
import type { ExecutionResult } from './core/results';
import type { QueryDefinition } from './modules/queryObjects';
import { TaskQueue } from './core/tasks';
import { RecordStore } from './data/recordStore';
import { FileCabinet } from './data/fileCabinet';
import { loadSdfObjects } from './data/sdfObjects';
import { loadSavedCsvImports, type SavedCsvImport } from './data/savedCsvImports';

export type {
  DeploymentDef,
  DeploymentStatus,
  ScriptDef,
  ScriptDefInput,
  ScriptParameterDef,
} from './core/scriptDefs';
export { TaskQueue } from './core/tasks';
export type { TaskEntry, TaskStatus } from './core/tasks';

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
  /**
   * SDF project folder (holds Objects/ and FileCabinet/), e.g. path.join(projectRoot, 'src').
   * Scripts, parameters and deployments are read from its Objects/ unless loadSdf is false.
   */
  sdfProjectDir?: string;
  /** File Cabinet root on disk; default <sdfProjectDir>/FileCabinet. One of the two is needed to run scripts. */
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
  /** SuiteCloud processors of the account (runtime.processorCount; map/reduce concurrency); default 2. */
  processors?: number;
  /** Modeled duration per N/ call, merged over DEFAULT_LATENCY (core/clock.ts). */
  latency?: LatencyTable;
  /** Platform overheads of the time model, merged over DEFAULT_OVERHEADS. */
  overheads?: Partial<PlatformOverheads>;
  /** Time zone of NetSuite's servers, the local zone of server scripts' Date; default America/Los_Angeles. */
  serverTimeZone?: string;
  /** Default seed of map/reduce interleavings (RunOptions.seed overrides it); default 1. */
  seed?: number;
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
  restlet: 'RESTLET',
  RESTLET: 'RESTLET',
  usereventscript: 'USEREVENT',
  USEREVENT: 'USEREVENT',
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
  readonly sdfProjectDir?: string;
  private readonly cabinetRoot?: string;
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
  readonly processors: number;
  readonly latency: LatencyTable;
  readonly overheads: PlatformOverheads;
  readonly serverTimeZone: string;
  seed: number;
  /** Clocks of the jobs running now, innermost last: while one runs, now() is its modeled time. */
  readonly activeClocks: JobClock[] = [];
  /** Sum of the modeled elapsed time of every execution run on this account (ms). */
  modeledTotalMs = 0;
  private clock: () => Date;
  /**
   * Saved query definitions query.load and getInputData `{ type: 'query', id }` find, by script id
   * (`dataset` objects of the SDF project, and registered ones); each has an internal id too.
   */
  readonly datasets = new Map<string, { id: number; name: string; definition: unknown }>();
  /** Saved CSV import maps (savedcsvimport objects of the SDF project, and registered ones) by script id. */
  readonly savedCsvImports = new Map<string, SavedCsvImport>();
  /** Latest modeled time a job reached: the account's time never goes back behind it. */
  private highWaterMs = 0;
  private readonly latencyCache = new Map<string, number>();
  private nextScriptInternalId = 1000;

  constructor(opts: AccountOptions = {}) {
    this.accountId = opts.accountId ?? 'TSTDRV0000000';
    this.oneWorld = opts.oneWorld ?? true;
    this.preferences = { ...DEFAULT_PREFERENCES, ...(opts.preferences ?? {}) };
    this.clock = opts.clock ?? (() => new Date());
    this.sdfProjectDir = opts.sdfProjectDir === undefined ? undefined : path.resolve(opts.sdfProjectDir);
    this.cabinetRoot =
      opts.fileCabinetRoot !== undefined
        ? path.resolve(opts.fileCabinetRoot)
        : this.sdfProjectDir && path.join(this.sdfProjectDir, 'FileCabinet');
    this.processors = Math.max(1, Math.floor(opts.processors ?? 2));
    this.latency = { ...DEFAULT_LATENCY, ...(opts.latency ?? {}) };
    this.overheads = { ...DEFAULT_OVERHEADS, ...(opts.overheads ?? {}) };
    this.serverTimeZone = opts.serverTimeZone ?? 'America/Los_Angeles';
    this.seed = opts.seed ?? 1;
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
    if (opts.loadSdf !== false && this.sdfProjectDir) {
      this.loadScriptsFromSdf();
      for (const [id, m] of loadSavedCsvImports(path.join(this.sdfProjectDir, 'Objects')))
        this.savedCsvImports.set(id, m);
    }
  }

  /** A saved CSV import map by script id (custimport_…), as CsvImportTask.mappingId names it. */
  savedCsvImport(id: string | number): SavedCsvImport | undefined {
    return this.savedCsvImports.get(String(id).toLowerCase());
  }

  /** The File Cabinet root on disk that scripts load from. */
  get fileCabinetRoot(): string {
    if (!this.cabinetRoot) {
      throw new Error(
        'This account has no File Cabinet: pass sdfProjectDir or fileCabinetRoot to new Account(...)',
      );
    }
    return this.cabinetRoot;
  }

  /**
   * The account's time: inside a running job its modeled time; otherwise the clock, but never behind
   * the latest modeled time a job reached (a run modeled at two hours leaves the account two hours on).
   */
  now(): Date {
    const active = this.activeClocks[this.activeClocks.length - 1];
    if (active) return new Date(active.nowMs());
    const t = this.clock().getTime();
    return new Date(t >= this.highWaterMs ? t : this.highWaterMs);
  }

  /** Modeled duration of one call to `api` (the latency table's longest matching prefix), memoized. */
  latencyFor(api: string): number {
    let ms = this.latencyCache.get(api);
    if (ms === undefined) {
      ms = latencyOf(this.latency, api, this.overheads.defaultCallMs);
      this.latencyCache.set(api, ms);
    }
    return ms;
  }

  /** A job ended at modeled time `ms`: later account time does not go behind it. */
  reachedModeledTime(ms: number): void {
    if (ms > this.highWaterMs) this.highWaterMs = ms;
  }

  /** Replaces the account's clock (simulations); the time set is taken as it is. */
  setClock(clock: () => Date): void {
    this.clock = clock;
    this.highWaterMs = 0;
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
      params[id] = {
        id,
        type: p.type.toUpperCase(),
        defaultValue: p.defaultValue ?? '',
        label: p.label,
        preference: p.preference?.toUpperCase() || undefined,
      };
    }
    const def: ScriptDef = {
      scriptId: input.scriptId.toLowerCase(),
      internalId: this.scripts.get(input.scriptId.toLowerCase())?.internalId ?? ++this.nextScriptInternalId,
      name: input.name ?? input.scriptId,
      kind: input.kind,
      fileCabinetRoot: input.fileCabinetRoot,
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
        yieldAfterMins: d.yieldAfterMins,
        bufferSize: d.bufferSize,
        recurrence: d.recurrence,
        recordType: d.recordType?.toLowerCase(),
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
    const s = this.script(scriptId);
    const d = this.deployment(s, deploymentId);
    for (const [k, v] of Object.entries(values)) {
      // NetSuite shows a company-preference parameter on no deployment record.
      if (s.params[k.toLowerCase()]?.preference === 'COMPANY')
        throw new SuiteScriptError(
          'INVALID_FLD_VALUE',
          `${k} is a company preference: set it under Setup > Company > General Preferences > Custom Preferences (setCompanyPreferences)`,
        );
      d.params[k.toLowerCase()] = storedValue(v);
    }
  }

  /**
   * Company preferences of script parameters (Setup > Company > General Preferences > Custom
   * Preferences; N/config COMPANY_PREFERENCES): account data, untouched by a deploy.
   */
  readonly companyPreferences: Record<string, string> = {};

  setCompanyPreferences(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.companyPreferences[k.toLowerCase()] = storedValue(v);
  }

  /**
   * Registers a saved query (as a SuiteAnalytics workbook dataset would be) under a script id, in the JSON
   * form of modules/queryObjects.ts QueryDefinition; returns its internal id.
   */
  registerDataset(scriptId: string, definition: QueryDefinition | string, name = scriptId): number {
    const key = scriptId.toLowerCase();
    const id = this.datasets.get(key)?.id ?? this.datasets.size + 1;
    this.datasets.set(key, { id, name, definition });
    return id;
  }

  /** Reads the scripts, parameters, deployments and datasets of the SDF project's Objects/ folder. */
  loadScriptsFromSdf(dir = this.sdfProjectDir && path.join(this.sdfProjectDir, 'Objects')): void {
    if (!dir || !fs.existsSync(dir)) return;
    const objects = loadSdfObjects(dir);
    for (const d of objects.datasets)
      this.registerDataset(d.scriptId, d.definition as QueryDefinition | string, d.name);
    for (const s of objects.scripts) {
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
          preference: p.preference,
        })),
        deployments: s.deployments.map((d) => ({
          deploymentId: d.id,
          title: d.title,
          status: d.status,
          isDeployed: d.isDeployed,
          logLevel: (d.logLevel || 'DEBUG') as LogLevel,
          params: d.params,
          concurrencyLimit: d.concurrencyLimit,
          yieldAfterMins: d.yieldAfterMins,
          bufferSize: d.bufferSize,
          recurrence: d.recurrence,
          recordType: typeof d.raw.recordtype === 'string' ? d.raw.recordtype : undefined,
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

const storedValue = (v: unknown) =>
  typeof v === 'boolean' ? (v ? 'T' : 'F') : v === null || v === undefined ? '' : String(v);
