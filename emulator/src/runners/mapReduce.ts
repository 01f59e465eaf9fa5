/**
 * Runs a map/reduce script as SuiteCloud Processors do (NetSuite help "SuiteScript 2.x Map/Reduce Script
 * Type", "Map/Reduce Key Concepts", "Map/Reduce Script Stages", "SuiteCloud Processors Basic
 * Architecture", "Execution of Restarted Map/Reduce Stages", "System Response After a Map/Reduce
 * Interruption", "Configuration Options for Handling Map/Reduce Interruptions", "Map/Reduce Yielding",
 * "mapContext", "reduceContext", "summaryContext", "SuiteScript Governance and Limits"):
 *
 * - Jobs. getInputData, shuffle and summarize run as one job each; map and reduce as several jobs on up
 *   to `concurrency` processors at once (the deployment's Concurrency Limit, at most the account's
 *   processors; empty = all). Every job loads the script afresh (its own vm context and module
 *   instances), so module state never survives from one job to another: not from getInputData to map,
 *   not between the map jobs of different processors, not into summarize.
 * - Concurrency. The processors' jobs interleave: the processor whose modeled clock is earliest starts
 *   the next invocation, and at each charged N/ call of an invocation another idle processor (free no
 *   later than every processor inside an invocation) may run a whole invocation in between
 *   (probability `interleave`, seeded), so read-modify-write races between keys show up. `seed`
 *   reproduces an interleaving; the report gives the seed used.
 * - Yields. After each map/reduce invocation a job that has run past the deployment's Yield After
 *   Minutes (3–60, default 60; modeled time) or used more than 10,000 units ends, and a new job (a fresh
 *   module instance) takes its place; summaryContext.*.yields counts them.
 * - Errors. An error thrown in getInputData is inputSummary.error; map and reduce are skipped and
 *   summarize still runs. An error thrown by a map/reduce invocation (SSS_USAGE_LIMIT_EXCEEDED included)
 *   ends that invocation, its writes are dropped and the error is recorded for the key with its
 *   executionNo. With the script's `config.retryCount` (0–3) the key is invoked again (isRestarted true,
 *   executionNo + 1, context.errors holding the earlier errors) up to that many times; with
 *   `config.exitOnError` true, a key that has failed (retries used up) ends the stage and the script
 *   goes to summarize.
 * - Restarts. An emulated crash (a fault plan) is an application-server disruption: the job stops; a
 *   getInputData or summarize job is run again with isRestarted true; a map/reduce job's interrupted
 *   invocation loses its writes, SSS_APP_SERVER_RESTART is written to the stage's errors for the key,
 *   and the key is processed again by a new job (isRestarted true, executionNo + 1) unless retryCount
 *   is 0. `restartOnCrash: false` stops the run instead (status CRASHED).
 * - Inputs: an array (key = index), an object (key = property), a search.Search or a search reference
 *   { type: 'search', id } (key = internal id, value = JSON of the search.Result), a file.File or a file
 *   reference { type: 'file', id | path } (one pair per line, key = line number from 0 (unverified),
 *   value = the line), `{ type: 'suiteql', query, params }`, a query.Query or `{ type: 'query', id }` (key =
 *   row index, value = JSON of { types, values }; unverified). Values are JSON.stringify'd unless strings.
 *   Reading the input costs the script no units (it takes modeled time).
 * - shuffle groups writes by key; reduceContext.values "are listed in lexicographical order".
 * - Limits per invocation: getInputData 10,000, map 1,000, reduce 5,000, summarize 10,000 units; time
 *   (modeled) getInputData 3,600 s, map 300 s, reduce 900 s, summarize 3,600 s (help "Script Execution Time
 *   Limits"). An invocation past its time limit ends with SSS_TIME_LIMIT_EXCEEDED as an error it threw.
 * - Modeled time (core/clock.ts): each job starts on its processor's clock; a stage ends when its last
 *   job does; result.modeledMs is the whole task's modeled elapsed time, with overlapping jobs counted once.
 */
import type { Account } from '../account';
import type { ExecutionContext } from '../core/context';
import { GovernanceMeter } from '../core/governance';
import { SuiteScriptError } from '../core/errors';
import { JobClock } from '../core/clock';
import { writeLog } from '../modules/log';
import { closeSftpConnections } from '../modules/sftp';
import { runSuiteQLRows } from '../modules/query';
import { QQuery } from '../modules/queryObjects';
import {
  EmulatedCrash,
  Execution,
  LIMITS,
  TIME_LIMITS_SECONDS,
  newExecutionId,
  serializeError,
} from './execution';
import { finish, prepare, type RunOptions } from './scheduled';
import type {
  ExecutionResult,
  ExecutionStatus,
  MapReduceKeyError,
  MapReduceReport,
  StageTime,
} from './types';

type Fn = (ctx: unknown) => unknown;
interface MrModule {
  getInputData: Fn;
  map?: Fn;
  reduce?: Fn;
  summarize?: Fn;
  config?: { retryCount?: unknown; exitOnError?: unknown };
}

/** Options of runMapReduce beyond RunOptions. */
export interface MapReduceRunOptions extends RunOptions {
  /** Chance (0–1) that another processor runs an invocation at a charged call; default 0.5. */
  interleave?: number;
  /**
   * Test knob, not a NetSuite setting: end each map/reduce job after this many invocations (as a yield
   * does), so every key can be made to run in a fresh module instance.
   */
  keysPerJob?: number;
}

/** Soft limit of a map or reduce job (help "Map/Reduce Yielding", "Soft Limits on Long-Running Map and Reduce Jobs"). */
export const JOB_USAGE_SOFT_LIMIT = 10_000;
/** More restarts than this in one run stop it (a fault plan that crashes without end). */
const MAX_RESTARTS = 20;

/** A small seeded PRNG (mulberry32) for reproducible interleavings. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const asValue = (v: unknown): string => (isString(v) ? v : v === undefined ? '' : JSON.stringify(v));
const asKey = (v: unknown): string =>
  isString(v) ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);

/**
 * NetSuite's iterator containers: `summary.output.iterator().each((key, value) => true)`,
 * `mapSummary.errors.iterator().each((key, error, executionNo) => true)` (help "summaryContext"):
 * each() goes on while the callback returns true.
 */
function iterator<T extends unknown[]>(rows: T[]) {
  return {
    iterator: () => ({
      each(cb: (...args: T) => unknown): void {
        for (const r of rows) if (cb(...r) !== true) break;
      },
    }),
  };
}

/** The JSON NetSuite gives a search.Result; the data layer's Result may define toJSON itself. */
export function resultJson(r: Record<string, unknown>): string {
  if (typeof r.toJSON === 'function') return JSON.stringify(r);
  const values: Record<string, unknown> = {};
  const cols = (r.columns ?? []) as Array<Record<string, unknown>>;
  const getValue = r.getValue as (c: unknown) => unknown;
  const getText = r.getText as (c: unknown) => unknown;
  for (const c of cols) {
    const name = String(c.name);
    const key = (c.summary ? `${String(c.summary)}(${name})` : name) + (c.join ? `.${String(c.join)}` : '');
    const v = getValue.call(r, c);
    let t: unknown = null;
    try {
      t = getText.call(r, c);
    } catch {
      t = null;
    }
    if (typeof v === 'boolean') values[key] = v ? 'T' : 'F';
    else if (t !== null && t !== undefined && t !== '' && t !== v) values[key] = { value: v, text: t };
    else values[key] = v;
  }
  return JSON.stringify({ recordType: r.recordType, id: r.id, values });
}

/** Turns what getInputData returned into key/value pairs, reading searches without charging the script. */
function readInput(exec: Execution, input: unknown): Array<[string, string]> {
  if (input === undefined || input === null) return [];
  if (Array.isArray(input)) return input.map((v, i) => [String(i), asValue(v)]);
  if (typeof input !== 'object') {
    throw new SuiteScriptError(
      'INVALID_RETURN_TYPE_EXPECTED_1',
      'getInputData must return an array, an object or a search',
    );
  }
  const o = input as Record<string, unknown>;
  const searchMod = () => exec.module('N/search') as { load(o: { id: unknown }): unknown };
  const refType = isString(o.type) ? o.type.toLowerCase() : '';
  let search: Record<string, unknown> | null = null;
  if (isFile(o)) return fileLines(o);
  if (refType === 'file' && (o.id !== undefined || o.path !== undefined)) {
    const fileMod = exec.module('N/file') as { load(o: { id: unknown }): unknown };
    return fileLines(fileMod.load({ id: o.id ?? o.path }) as Record<string, unknown>);
  }
  if (typeof o.runPaged === 'function' && typeof o.run === 'function' && !(o instanceof QQuery)) search = o;
  else if (refType === 'search' && o.id !== undefined) {
    search = searchMod().load({ id: o.id }) as Record<string, unknown>;
  } else if (refType === 'suiteql' && typeof o.query === 'string') {
    // key = row index, value = JSON of { types, values } (both unverified); modules/query.ts
    const { labels, rows } = runSuiteQLRows(
      exec.account as unknown as Parameters<typeof runSuiteQLRows>[0],
      o.query,
      Array.isArray(o.params) ? o.params : [],
    );
    return rows.map((values, i) => [
      String(i),
      JSON.stringify({ types: labels.map(() => 'STRING'), values }),
    ]);
  } else if (o instanceof QQuery || (refType === 'query' && o.id !== undefined)) {
    // a query.Query, or a saved one by id: key = row index, value = JSON of { types, values } (both unverified)
    const q =
      o instanceof QQuery
        ? o
        : ((exec.module('N/query') as { load(o: { id: unknown }): unknown }).load({ id: o.id }) as QQuery);
    const { columns, rows } = q.rows();
    const types = columns.map((c) => c.valueType);
    return rows.map((values, i) => [String(i), JSON.stringify({ types, values })]);
  }
  if (!search) return Object.keys(o).map((k) => [k, asValue(o[k])]);
  const out: Array<[string, string]> = [];
  const paged = (search.runPaged as (o: { pageSize: number }) => Record<string, unknown>).call(search, {
    pageSize: 1000,
  });
  const ranges = (paged.pageRanges ?? []) as Array<{ index: number }>;
  for (const range of ranges) {
    const page = (paged.fetch as (o: { index: number }) => { data: Array<Record<string, unknown>> }).call(
      paged,
      {
        index: range.index,
      },
    );
    for (const r of page.data)
      out.push([
        r.id === undefined || r.id === null || r.id === '' ? String(out.length) : String(r.id),
        resultJson(r),
      ]);
  }
  return out;
}

/** A file.File of N/file (a loaded or created file): it has lines, getContents and fileType. */
function isFile(o: Record<string, unknown>): boolean {
  return typeof o.getContents === 'function' && 'fileType' in o && 'lines' in o;
}

/** One pair per line of a file: key = line number (from 0), value = the line. */
function fileLines(f: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const lines = f.lines as { iterator(): { each(cb: (l: { value: string }) => boolean): void } };
  lines.iterator().each((l) => {
    out.push([String(out.length), l.value]);
    return true;
  });
  return out;
}

function writer(into: Array<[string, string]>) {
  return (a: unknown, b?: unknown): void => {
    if (b === undefined && a !== null && typeof a === 'object' && 'key' in (a as object)) {
      const o = a as { key: unknown; value?: unknown };
      into.push([asKey(o.key), asValue(o.value)]);
    } else {
      into.push([asKey(a), asValue(b)]);
    }
  };
}

interface WorkItem {
  key: string;
  /** map: the value; reduce: the values. */
  value: string | string[];
  executionNo: number;
  /** Errors of earlier attempts at this key: [key, error, executionNo]. */
  errors: Array<[string, string, number]>;
}

/** One SuiteCloud processor working a map or reduce stage: its clock and its current job. */
interface Lane {
  index: number;
  /** Modeled time the processor is at when idle. */
  timeMs: number;
  busy: boolean;
  job?: Execution;
  mod?: MrModule;
  jobStartMs: number;
  jobUnits: number;
  jobInvocations: number;
}

export function runMapReduce(account: Account, opts: MapReduceRunOptions): ExecutionResult {
  const p = prepare(account, opts, 'MAPREDUCE');
  const seed = opts.seed ?? account.seed;
  const random = seededRandom(seed);
  const interleave = Math.min(1, Math.max(0, opts.interleave ?? 0.5));
  const restartOnCrash = opts.restartOnCrash !== false;
  const executionId = newExecutionId(account.accountId);
  const processors = Math.max(
    1,
    Math.min(p.deployment.concurrencyLimit || account.processors, account.processors),
  );
  const yieldAfterMs = Math.min(60, Math.max(3, p.deployment.yieldAfterMins ?? 60)) * 60_000;
  const taskStartMs = account.now().getTime();
  /** The execution the result is reported for: it holds the summed usage of every job. */
  const master = new Execution({
    account,
    script: p.script,
    deployment: p.deployment,
    params: p.params,
    task: p.task,
    limit: LIMITS.getInputData,
    clock: new JobClock(taskStartMs),
    executionId,
  });
  const logStart = account.logs.length;
  const emptyTime = (): StageTime => ({ modeledMs: 0, jobs: 0, yields: 0 });
  const report: MapReduceReport = {
    inputKeys: 0,
    mapErrors: [],
    reduceErrors: [],
    mapKeys: 0,
    reduceKeys: 0,
    output: [],
    usage: { getInputData: 0, map: 0, reduce: 0, summarize: 0 },
    concurrency: processors,
    seed,
    config: {},
    restarts: [],
    time: { getInputData: emptyTime(), map: emptyTime(), reduce: emptyTime(), summarize: emptyTime() },
  };
  let status: ExecutionStatus = 'COMPLETE';
  let error: unknown;
  const stage = (taskStage: string) => {
    p.task.stage = taskStage;
  };
  /** Stops the whole run (restartOnCrash false, or restarts without end). */
  class StopRun extends Error {}

  const newJob = (stageName: string, startMs: number, limit: number): Execution => {
    const job = new Execution({
      account,
      script: p.script,
      deployment: p.deployment,
      params: p.params,
      faults: opts.faults,
      task: p.task,
      limit,
      clock: new JobClock(startMs),
      executionId,
    });
    job.script.stage = stageName;
    job.clock.advance(account.overheads.jobStartMs);
    return job;
  };
  const loadModule = (job: Execution): MrModule =>
    job.run(() => job.sandbox.loadEntry(p.script.scriptFile, 'MapReduceScript').module as MrModule);
  const endJob = (job: Execution) => {
    closeSftpConnections(job);
    for (const [api, e] of job.usage) {
      const t = master.usage.get(api) ?? { calls: 0, units: 0 };
      t.calls += e.calls;
      t.units += e.units;
      master.usage.set(api, t);
    }
  };
  /** Runs one invocation under its own meter; an emulated crash is returned, not thrown. */
  const invoke = (
    job: Execution,
    limit: number,
    fn: () => void,
  ): { error?: unknown; units: number; crash?: EmulatedCrash } => {
    const meter = new GovernanceMeter(limit);
    job.swapMeter(meter);
    // each function invocation has its own time limit (help "Script Execution Time Limits")
    job.startTimer(TIME_LIMITS_SECONDS[job.script.stage as keyof typeof TIME_LIMITS_SECONDS] ?? Infinity);
    job.clock.advance(account.overheads.invocationMs);
    let err: unknown;
    let crash: EmulatedCrash | undefined;
    try {
      job.run(fn);
    } catch (e) {
      if (job.crashed || e instanceof EmulatedCrash) crash = job.crashed ?? (e as EmulatedCrash);
      else err = e;
    } finally {
      job.addUsage(meter);
    }
    // past its time limit the invocation ends with SSS_TIME_LIMIT_EXCEEDED, also if the script caught it
    if (job.timedOut && !job.crashed) err = job.timedOut;
    if (job.crashed) crash = job.crashed;
    return { error: err, units: meter.total(), crash };
  };
  /** Notes a restart; stops the run when crashes are not restarted (or never end). */
  const crashed = (crash: EmulatedCrash, stageName: string, key?: string) => {
    report.restarts.push({ stage: stageName, key, api: crash.api });
    if (!restartOnCrash || report.restarts.length > MAX_RESTARTS) {
      master.crashed = crash;
      throw new StopRun();
    }
  };

  /** A serial stage (getInputData, summarize): one job, run again with isRestarted after a crash. */
  const serialStage = (
    stageName: 'getInputData' | 'summarize',
    startMs: number,
    limit: number,
    body: (mod: MrModule, isRestarted: boolean, job: Execution) => void,
  ): { error?: unknown; units: number; endMs: number } => {
    let at = startMs;
    let isRestarted = false;
    for (;;) {
      const job = newJob(stageName, at, limit);
      report.time[stageName].jobs += 1;
      const mod = loadModule(job);
      if (stageName === 'getInputData') readConfig(mod);
      const r = invoke(job, limit, () => body(mod, isRestarted, job));
      at = job.clock.nowMs();
      if (r.crash) {
        endJob(job);
        crashed(r.crash, stageName);
        isRestarted = true;
        continue;
      }
      endJob(job);
      report.time[stageName].modeledMs = at - startMs;
      return { error: r.error, units: r.units, endMs: at };
    }
  };
  const readConfig = (mod: MrModule) => {
    const c = mod.config;
    if (!c || typeof c !== 'object') return;
    const n = Number(c.retryCount);
    if (c.retryCount !== undefined && Number.isInteger(n) && n >= 0 && n <= 3) report.config.retryCount = n;
    if (c.exitOnError !== undefined) report.config.exitOnError = c.exitOnError === true;
  };

  /** A parallel stage (map, reduce): jobs on `processors` lanes, interleaved, yielding, retrying. */
  const parallelStage = (
    stageName: 'map' | 'reduce',
    items: WorkItem[],
    startMs: number,
    limit: number,
    call: (mod: MrModule, item: WorkItem, writes: Array<[string, string]>) => void,
    errors: MapReduceKeyError[],
    keys: Array<[string, number, string]>,
    writesOut: Array<[string, string]>,
  ): { units: number; endMs: number } => {
    // pending keys: retried ones first (a stack), then the stage's items in order (an index, not shift())
    const retries: WorkItem[] = [];
    let next = 0;
    const queue = {
      get length() {
        return retries.length + items.length - next;
      },
      shift: (): WorkItem | undefined => retries.pop() ?? (next < items.length ? items[next++] : undefined),
      unshift: (w: WorkItem) => {
        retries.push(w);
      },
      clear: () => {
        retries.length = 0;
        next = items.length;
      },
    };
    const time = report.time[stageName];
    let units = 0;
    let depth = 0;
    let exited = false;
    let interrupted: unknown;
    const lanes: Lane[] = Array.from({ length: processors }, (_, index) => ({
      index,
      timeMs: startMs,
      busy: false,
      jobStartMs: startMs,
      jobUnits: 0,
      jobInvocations: 0,
    }));
    const closeLane = (lane: Lane) => {
      if (lane.job) endJob(lane.job);
      lane.job = undefined;
      lane.mod = undefined;
    };
    const retryLimit = report.config.retryCount;
    const runOne = (lane: Lane): void => {
      const item = queue.shift();
      if (!item) return;
      if (!lane.job) {
        lane.job = newJob(stageName, lane.timeMs, limit);
        lane.job.onCharge = () => maybeInterleave(lane);
        lane.jobStartMs = lane.timeMs;
        lane.jobUnits = 0;
        lane.jobInvocations = 0;
        time.jobs += 1;
        lane.mod = loadModule(lane.job);
      }
      const job = lane.job;
      const mod = lane.mod as MrModule;
      lane.busy = true;
      const writes: Array<[string, string]> = [];
      const r = invoke(job, limit, () => call(mod, item, writes));
      lane.busy = false;
      // a run-level failure inside an invocation another processor ran in between: stop here, not in its script
      if (interrupted !== undefined && depth === 0) {
        const e = interrupted;
        interrupted = undefined;
        throw e;
      }
      lane.timeMs = job.clock.nowMs();
      units += r.units;
      lane.jobUnits += r.units;
      lane.jobInvocations += 1;
      const again = (e: string) =>
        queue.unshift({
          ...item,
          executionNo: item.executionNo + 1,
          errors: [...item.errors, [item.key, e, item.executionNo]],
        });
      if (r.crash) {
        closeLane(lane);
        crashed(r.crash, stageName, item.key);
        const restartError = JSON.stringify({
          type: 'error.SuiteScriptError',
          name: 'SSS_APP_SERVER_RESTART',
          message: 'The application server restarted while this key was processed',
        });
        errors.push({ key: item.key, error: restartError, executionNo: item.executionNo });
        // retryCount unset or above 0: the pairs flagged but not complete are processed again
        if ((retryLimit === undefined || retryLimit > 0) && item.executionNo <= (retryLimit ?? 3)) {
          again(restartError);
        } else keys.push([item.key, item.executionNo, 'FAILED']);
        return;
      }
      if (r.error !== undefined) {
        const e = keyError(job, stageName, item.key, r.error, item.executionNo);
        errors.push(e);
        if (retryLimit !== undefined && item.executionNo <= retryLimit) again(e.error);
        else {
          keys.push([item.key, item.executionNo, 'FAILED']);
          if (report.config.exitOnError) {
            exited = true;
            report.exitedStage = stageName;
            queue.clear();
          }
        }
      } else {
        for (const w of writes) writesOut.push(w);
        keys.push([item.key, item.executionNo, 'COMPLETE']);
      }
      const yieldNow =
        lane.timeMs - lane.jobStartMs >= yieldAfterMs ||
        lane.jobUnits > JOB_USAGE_SOFT_LIMIT ||
        (opts.keysPerJob !== undefined && lane.jobInvocations >= opts.keysPerJob);
      if (yieldNow && lane.job) {
        time.yields += 1;
        closeLane(lane);
      }
    };
    /** At a charged call of `lane`'s invocation, another idle processor may run one invocation first. */
    const maybeInterleave = (lane: Lane) => {
      if (
        processors < 2 ||
        depth >= processors - 1 ||
        queue.length === 0 ||
        exited ||
        interrupted !== undefined
      )
        return;
      // An idle processor starts a key in between only if it is free no later than every processor
      // now inside an invocation (this one and those it interrupted, whose clocks wait): the next key
      // still goes to the processor free first, as in NetSuite. Without that bound, nested invocations
      // took keys at later times while an interrupted processor's clock stood still, leaving it idle at
      // the end of the stage.
      const bound = Math.min(
        ...lanes.filter((l) => l.busy).map((l) => (l.job ? l.job.clock.nowMs() : l.timeMs)),
      );
      const idle = lanes.filter((l) => l !== lane && !l.busy && l.timeMs <= bound);
      if (idle.length === 0 || random() >= interleave) return;
      const other = idle[Math.floor(random() * idle.length)];
      depth += 1;
      try {
        runOne(other);
      } catch (e) {
        // not through the script's own try/catch: the outermost invocation rethrows it once it returns
        interrupted ??= e;
      } finally {
        depth -= 1;
      }
    };
    try {
      while (queue.length > 0 && !exited) {
        const idle = lanes.filter((l) => !l.busy);
        const earliest = Math.min(...idle.map((l) => l.timeMs));
        const ready = idle.filter((l) => l.timeMs === earliest);
        runOne(ready[ready.length === 1 ? 0 : Math.floor(random() * ready.length)]);
      }
    } finally {
      // every job ends: its usage counted, its SFTP connections closed (also when the run stops)
      for (const l of lanes) closeLane(l);
    }
    const used = lanes.filter((l) => l.timeMs > startMs);
    const endMs = used.length ? Math.max(...used.map((l) => l.timeMs)) : startMs;
    time.modeledMs = endMs - startMs;
    return { units, endMs };
  };

  const mapWrites: Array<[string, string]> = [];
  const reduceWrites: Array<[string, string]> = [];
  const mapKeys: Array<[string, number, string]> = [];
  const reduceKeys: Array<[string, number, string]> = [];
  let inputErrorText: string | undefined;
  let hasReduce = false;
  let endMs = taskStartMs;
  try {
    // getInputData
    stage('GET_INPUT');
    let pairs: Array<[string, string]> = [];
    let probe: MrModule | undefined;
    const gi = serialStage('getInputData', endMs, LIMITS.getInputData, (mod, isRestarted, exec) => {
      probe = mod;
      const input = mod.getInputData({ isRestarted, ObjectRef: { id: null, type: null } });
      // the framework reads the input: no units, and not within the function's time limit
      const free = exec.swapMeter(new GovernanceMeter(Number.MAX_SAFE_INTEGER));
      const timedOut = exec.timedOut;
      exec.startTimer(Infinity);
      try {
        pairs = readInput(exec, input);
      } finally {
        exec.swapMeter(free);
        exec.timedOut = timedOut;
      }
    });
    endMs = gi.endMs;
    report.usage.getInputData = gi.units;
    if (gi.error !== undefined) {
      report.inputError = serializeError(gi.error);
      inputErrorText = JSON.stringify(report.inputError);
      writeLog(master, 'ERROR', report.inputError.name, report.inputError.message);
      pairs = [];
    }
    report.inputKeys = pairs.length;
    hasReduce = typeof probe?.reduce === 'function';
    const hasMap = typeof probe?.map === 'function';

    // map
    let shuffled: Map<string, string[]>;
    if (hasMap) {
      stage('MAP');
      const r = parallelStage(
        'map',
        pairs.map(([key, value]) => ({ key, value, executionNo: 1, errors: [] })),
        endMs,
        LIMITS.map,
        (mod, item, writes) =>
          (mod.map as Fn)({
            key: item.key,
            value: item.value,
            isRestarted: item.executionNo > 1,
            executionNo: item.executionNo,
            errors: iterator(item.errors),
            write: writer(writes),
          }),
        report.mapErrors,
        mapKeys,
        mapWrites,
      );
      report.usage.map = r.units;
      endMs = r.endMs;
      report.mapKeys = pairs.length;
      shuffled = group(mapWrites);
    } else {
      shuffled = group(pairs);
    }

    // shuffle (no script code) and reduce
    if (hasReduce && !report.exitedStage) {
      stage('SHUFFLE');
      stage('REDUCE');
      const items: WorkItem[] = [];
      for (const [key, values] of shuffled)
        items.push({ key, value: [...values].sort(), executionNo: 1, errors: [] });
      const r = parallelStage(
        'reduce',
        items,
        endMs,
        LIMITS.reduce,
        (mod, item, writes) =>
          (mod.reduce as Fn)({
            key: item.key,
            values: item.value,
            isRestarted: item.executionNo > 1,
            executionNo: item.executionNo,
            errors: iterator(item.errors),
            write: writer(writes),
          }),
        report.reduceErrors,
        reduceKeys,
        reduceWrites,
      );
      report.usage.reduce = r.units;
      endMs = r.endMs;
      report.reduceKeys = shuffled.size;
    }
    const output = hasReduce ? reduceWrites : mapWrites;
    report.output = output.map(([key, value]) => ({ key, value }));

    // summarize
    if (typeof probe?.summarize === 'function') {
      stage('SUMMARIZE');
      const sumStart = endMs;
      const total = () => report.usage.getInputData + report.usage.map + report.usage.reduce;
      const jobStart = new Date(taskStartMs);
      const secs = (t: StageTime) => t.modeledMs / 1000;
      const stageSummary = (
        created: Date,
        errors: MapReduceKeyError[],
        keys: Array<[string, number, string]>,
        usage: number,
        t: StageTime,
      ) => ({
        concurrency: processors,
        dateCreated: created,
        seconds: secs(t),
        usage,
        yields: t.yields,
        errors: iterator(errors.map((e) => [e.key, e.error, e.executionNo ?? 1] as [string, string, number])),
        keys: iterator(keys),
      });
      const r = serialStage('summarize', sumStart, LIMITS.summarize, (mod, isRestarted, job) => {
        // dates handed to the script are of its own realm (core/scriptDate.ts)
        const created = () => job.scriptDate(jobStart);
        (mod.summarize as Fn)({
          isRestarted,
          concurrency: processors,
          dateCreated: created(),
          seconds: (sumStart - taskStartMs) / 1000,
          usage: total(),
          yields: report.time.map.yields + report.time.reduce.yields,
          inputSummary: {
            concurrency: processors,
            dateCreated: created(),
            error: inputErrorText,
            seconds: secs(report.time.getInputData),
            usage: report.usage.getInputData,
          },
          mapSummary: stageSummary(created(), report.mapErrors, mapKeys, report.usage.map, report.time.map),
          reduceSummary: stageSummary(
            created(),
            report.reduceErrors,
            reduceKeys,
            report.usage.reduce,
            report.time.reduce,
          ),
          output: iterator(output),
        });
      });
      endMs = r.endMs;
      report.usage.summarize = r.units;
      if (r.error !== undefined) {
        report.summarizeError = serializeError(r.error);
        status = 'FAILED';
        error = r.error;
      }
    }
    if (report.inputError && status === 'COMPLETE') {
      status = 'FAILED';
      error = gi.error;
    }
  } catch (e) {
    if (!(e instanceof StopRun)) {
      status = 'FAILED';
      error = e;
    }
  }
  return finish(account, master, p.task, logStart, status, error, {
    mapReduce: report,
    modeledMs: endMs - taskStartMs,
    endedAt: new Date(endMs),
  });
}
function group(pairs: Array<[string, string]>): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [k, v] of pairs) {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  }
  return m;
}

function keyError(
  ctx: ExecutionContext,
  stageName: string,
  key: string,
  e: unknown,
  executionNo: number,
): MapReduceKeyError {
  const s = serializeError(e);
  writeLog(ctx, 'ERROR', s.name, `${stageName} key ${key}: ${s.message}`);
  return {
    key,
    error: JSON.stringify({
      type: s.type,
      name: s.name,
      message: s.message,
      stack: s.stack ?? [],
      notifyOff: s.notifyOff ?? false,
    }),
    executionNo,
  };
}
