/**
 * One map/reduce task's run (runners/mapReduce.ts has the stages and the help pages they follow): the
 * state its jobs share, starting and ending a job on a processor, one function invocation under its own
 * meter and time limit, restarts after an emulated crash, and the serial stages (getInputData, shuffle,
 * summarize: one job each).
 */
import type { Account } from '../account';
import { GovernanceMeter } from '../core/governance';
import { JobClock } from '../core/clock';
import { closeSftpConnections } from '../modules/sftp';
import { EmulatedCrash, Execution, LIMITS, TIME_LIMITS_SECONDS, newExecutionId } from './execution';
import { acquireProcessor, type ProcessorSlot } from './processors';
import { prepare, type Prepared, type RunOptions } from './scheduled';
import { seededRandom } from './mapReduceInput';
import type { MapReduceReport, StageTime } from './types';

type Fn = (ctx: unknown) => unknown;
export interface MrModule {
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

/** Stops the whole run (restartOnCrash false, or restarts without end). */
export class StopRun extends Error {}

export interface Invocation {
  error?: unknown;
  units: number;
  crash?: EmulatedCrash;
}

const emptyTime = (): StageTime => ({ modeledMs: 0, jobs: 0, yields: 0 });

export class MrRun {
  readonly p: Prepared;
  readonly seed: number;
  readonly random: () => number;
  readonly interleave: number;
  readonly restartOnCrash: boolean;
  readonly executionId: string;
  /** Jobs of the map and reduce stages at once: the deployment's Concurrency Limit, at most the processors. */
  readonly processors: number;
  readonly yieldAfterMs: number;
  readonly taskStartMs: number;
  /** The execution the result is reported for: it holds the summed usage of every job. */
  readonly master: Execution;
  readonly report: MapReduceReport;
  /** The processor each running job holds. */
  private readonly slots = new Map<Execution, ProcessorSlot>();

  constructor(
    readonly account: Account,
    readonly opts: MapReduceRunOptions,
  ) {
    this.p = prepare(account, opts, 'MAPREDUCE');
    this.seed = opts.seed ?? account.seed;
    this.random = seededRandom(this.seed);
    this.interleave = Math.min(1, Math.max(0, opts.interleave ?? 0.5));
    this.restartOnCrash = opts.restartOnCrash !== false;
    this.executionId = newExecutionId(account.accountId);
    const d = this.p.deployment;
    this.processors = Math.max(1, Math.min(d.concurrencyLimit || account.processors, account.processors));
    this.yieldAfterMs = Math.min(60, Math.max(3, d.yieldAfterMins ?? 60)) * 60_000;
    this.taskStartMs = account.now().getTime();
    this.master = new Execution({
      account,
      script: this.p.script,
      deployment: d,
      params: this.p.params,
      task: this.p.task,
      limit: LIMITS.getInputData,
      clock: new JobClock(this.taskStartMs),
      executionId: this.executionId,
    });
    this.report = {
      inputKeys: 0,
      mapErrors: [],
      reduceErrors: [],
      mapKeys: 0,
      reduceKeys: 0,
      output: [],
      usage: { getInputData: 0, map: 0, reduce: 0, summarize: 0 },
      concurrency: this.processors,
      seed: this.seed,
      config: {},
      restarts: [],
      time: {
        getInputData: emptyTime(),
        map: emptyTime(),
        reduce: emptyTime(),
        summarize: emptyTime(),
        shuffle: emptyTime(),
      },
    };
  }

  stage(taskStage: string): void {
    this.p.task.stage = taskStage;
  }

  /** A job of `stageName` queued at `queuedMs`: it waits for a processor, then starts (script loaded). */
  newJob(stageName: string, queuedMs: number, limit: number): Execution {
    const slot = acquireProcessor(this.account, queuedMs);
    const job = new Execution({
      account: this.account,
      script: this.p.script,
      deployment: this.p.deployment,
      params: this.p.params,
      faults: this.opts.faults,
      task: this.p.task,
      limit,
      clock: new JobClock(slot.startMs),
      executionId: this.executionId,
    });
    this.slots.set(job, slot);
    job.script.stage = stageName;
    job.clock.advance(this.account.overheads.jobStartMs);
    return job;
  }

  loadModule(job: Execution): MrModule {
    return job.run(
      () => job.sandbox.loadEntry(this.p.script.scriptFile, 'MapReduceScript').module as MrModule,
    );
  }

  /** The job ends: its SFTP connections close, its usage goes to the task, its processor is freed. */
  endJob(job: Execution): void {
    closeSftpConnections(job);
    for (const [api, e] of job.usage) {
      const t = this.master.usage.get(api) ?? { calls: 0, units: 0 };
      t.calls += e.calls;
      t.units += e.units;
      this.master.usage.set(api, t);
    }
    this.slots.get(job)?.release(job.clock.nowMs());
    this.slots.delete(job);
  }

  /** Runs one invocation under its own meter; an emulated crash is returned, not thrown. */
  invoke(job: Execution, limit: number, fn: () => void): Invocation {
    const meter = new GovernanceMeter(limit);
    job.swapMeter(meter);
    // each function invocation has its own time limit (help "Script Execution Time Limits")
    job.startTimer(TIME_LIMITS_SECONDS[job.script.stage as keyof typeof TIME_LIMITS_SECONDS] ?? Infinity);
    job.clock.advance(this.account.overheads.invocationMs);
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
  }

  /** Notes a restart; stops the run when crashes are not restarted (or never end). */
  crashed(crash: EmulatedCrash, stageName: string, key?: string): void {
    this.report.restarts.push({ stage: stageName, key, api: crash.api });
    if (!this.restartOnCrash || this.report.restarts.length > MAX_RESTARTS) {
      this.master.crashed = crash;
      throw new StopRun();
    }
  }

  /** A serial stage (getInputData, summarize): one job, run again with isRestarted after a crash. */
  serialStage(
    stageName: 'getInputData' | 'summarize',
    startMs: number,
    limit: number,
    body: (mod: MrModule, isRestarted: boolean, job: Execution) => void,
  ): { error?: unknown; units: number; endMs: number } {
    let at = startMs;
    let isRestarted = false;
    for (;;) {
      const job = this.newJob(stageName, at, limit);
      this.report.time[stageName].jobs += 1;
      const mod = this.loadModule(job);
      if (stageName === 'getInputData') this.readConfig(mod);
      const r = this.invoke(job, limit, () => body(mod, isRestarted, job));
      at = job.clock.nowMs();
      this.endJob(job);
      if (r.crash) {
        this.crashed(r.crash, stageName);
        isRestarted = true;
        continue;
      }
      this.report.time[stageName].modeledMs = at - startMs;
      return { error: r.error, units: r.units, endMs: at };
    }
  }

  /**
   * The shuffle stage: a job of its own (help "SuiteCloud Processors Basic Architecture") that groups the
   * `pairs` map wrote by key; no script code runs in it. Returns when it ends.
   */
  shuffleStage(startMs: number, pairs: number): number {
    const slot = acquireProcessor(this.account, startMs);
    const o = this.account.overheads;
    const endMs = slot.startMs + o.jobStartMs + pairs * o.shufflePerPairMs;
    slot.release(endMs);
    const t = this.report.time.shuffle!;
    t.jobs += 1;
    t.modeledMs = endMs - startMs;
    return endMs;
  }

  private readConfig(mod: MrModule): void {
    const c = mod.config;
    if (!c || typeof c !== 'object') return;
    const n = Number(c.retryCount);
    if (c.retryCount !== undefined && Number.isInteger(n) && n >= 0 && n <= 3)
      this.report.config.retryCount = n;
    if (c.exitOnError !== undefined) this.report.config.exitOnError = c.exitOnError === true;
  }
}
