/**
 * A parallel stage of a map/reduce run (map, reduce): jobs on up to `processors` lanes, interleaved at
 * charged calls, yielding, retrying and restarting keys (runners/mapReduce.ts describes the behaviour and
 * the help pages it follows).
 */
import type { Execution } from './execution';
import { keyError, type WorkItem } from './mapReduceInput';
import { JOB_USAGE_SOFT_LIMIT, type MrModule, type MrRun, type Invocation } from './mapReduceRun';
import type { MapReduceKeyError } from './types';

/** One job slot of the stage: its modeled clock and its current job (on a processor while it runs). */
interface Lane {
  index: number;
  /** Modeled time the lane is at when idle. */
  timeMs: number;
  busy: boolean;
  job?: Execution;
  mod?: MrModule;
  jobStartMs: number;
  jobUnits: number;
  jobInvocations: number;
}

export interface StageSpec {
  stageName: 'map' | 'reduce';
  items: WorkItem[];
  startMs: number;
  limit: number;
  call: (mod: MrModule, item: WorkItem, writes: Array<[string, string]>) => void;
  errors: MapReduceKeyError[];
  keys: Array<[string, number, string]>;
  writesOut: Array<[string, string]>;
}

const RESTART_ERROR = JSON.stringify({
  type: 'error.SuiteScriptError',
  name: 'SSS_APP_SERVER_RESTART',
  message: 'The application server restarted while this key was processed',
});

export class ParallelStage {
  /** Retried keys (a stack), taken before the stage's items, which are read by index (not shift()). */
  private readonly retries: WorkItem[] = [];
  private next = 0;
  private units = 0;
  private depth = 0;
  private exited = false;
  private interrupted: unknown;
  private readonly lanes: Lane[];

  constructor(
    private readonly run: MrRun,
    private readonly s: StageSpec,
  ) {
    this.lanes = Array.from({ length: run.processors }, (_, index) => ({
      index,
      timeMs: s.startMs,
      busy: false,
      jobStartMs: s.startMs,
      jobUnits: 0,
      jobInvocations: 0,
    }));
  }

  private get pending(): number {
    return this.retries.length + this.s.items.length - this.next;
  }

  private take(): WorkItem | undefined {
    return this.retries.pop() ?? (this.next < this.s.items.length ? this.s.items[this.next++] : undefined);
  }

  /** Runs every key; returns the stage's units and when its last job ended. */
  execute(): { units: number; endMs: number } {
    try {
      while (this.pending > 0 && !this.exited) {
        const idle = this.lanes.filter((l) => !l.busy);
        const earliest = Math.min(...idle.map((l) => l.timeMs));
        const ready = idle.filter((l) => l.timeMs === earliest);
        this.runOne(ready[ready.length === 1 ? 0 : Math.floor(this.run.random() * ready.length)]);
      }
    } finally {
      // every job ends: its usage counted, its SFTP connections closed (also when the run stops)
      for (const l of this.lanes) this.closeLane(l);
    }
    const used = this.lanes.filter((l) => l.timeMs > this.s.startMs);
    const endMs = used.length ? Math.max(...used.map((l) => l.timeMs)) : this.s.startMs;
    this.run.report.time[this.s.stageName].modeledMs = endMs - this.s.startMs;
    return { units: this.units, endMs };
  }

  private closeLane(lane: Lane): void {
    if (lane.job) this.run.endJob(lane.job);
    lane.job = undefined;
    lane.mod = undefined;
  }

  /** A new job for an idle lane: queued at the lane's time, it starts when a processor is free. */
  private startJob(lane: Lane): void {
    const job = this.run.newJob(this.s.stageName, lane.timeMs, this.s.limit);
    job.onCharge = () => this.maybeInterleave(lane);
    lane.job = job;
    lane.jobStartMs = job.clock.startMs;
    lane.jobUnits = 0;
    lane.jobInvocations = 0;
    this.run.report.time[this.s.stageName].jobs += 1;
    lane.mod = this.run.loadModule(job);
  }

  private runOne(lane: Lane): void {
    const item = this.take();
    if (!item) return;
    if (!lane.job) this.startJob(lane);
    const job = lane.job!;
    const mod = lane.mod!;
    lane.busy = true;
    const writes: Array<[string, string]> = [];
    const r = this.run.invoke(job, this.s.limit, () => this.s.call(mod, item, writes));
    lane.busy = false;
    // a run-level failure inside an invocation another processor ran in between: stop here, not in its script
    if (this.interrupted !== undefined && this.depth === 0) {
      const e = this.interrupted;
      this.interrupted = undefined;
      throw e;
    }
    lane.timeMs = job.clock.nowMs();
    this.units += r.units;
    lane.jobUnits += r.units;
    lane.jobInvocations += 1;
    if (r.crash) return this.afterCrash(lane, item, r);
    if (r.error !== undefined) this.afterError(job, item, r.error);
    else {
      for (const w of writes) this.s.writesOut.push(w);
      this.s.keys.push([item.key, item.executionNo, 'COMPLETE']);
    }
    this.maybeYield(lane);
  }

  private again(item: WorkItem, e: string): void {
    this.retries.push({
      ...item,
      executionNo: item.executionNo + 1,
      errors: [...item.errors, [item.key, e, item.executionNo]],
    });
  }

  private afterCrash(lane: Lane, item: WorkItem, r: Invocation): void {
    this.closeLane(lane);
    this.run.crashed(r.crash!, this.s.stageName, item.key);
    this.s.errors.push({ key: item.key, error: RESTART_ERROR, executionNo: item.executionNo });
    // retryCount unset or above 0: the pairs flagged but not complete are processed again
    const retryLimit = this.run.report.config.retryCount;
    if ((retryLimit === undefined || retryLimit > 0) && item.executionNo <= (retryLimit ?? 3))
      this.again(item, RESTART_ERROR);
    else this.s.keys.push([item.key, item.executionNo, 'FAILED']);
  }

  private afterError(job: Execution, item: WorkItem, error: unknown): void {
    const e = keyError(job, this.s.stageName, item.key, error, item.executionNo);
    this.s.errors.push(e);
    const { retryCount, exitOnError } = this.run.report.config;
    if (retryCount !== undefined && item.executionNo <= retryCount) return this.again(item, e.error);
    this.s.keys.push([item.key, item.executionNo, 'FAILED']);
    if (exitOnError) {
      this.exited = true;
      this.run.report.exitedStage = this.s.stageName;
      this.retries.length = 0;
      this.next = this.s.items.length;
    }
  }

  /** Past Yield After Minutes or the job's soft unit limit, the job ends after this invocation. */
  private maybeYield(lane: Lane): void {
    const keysPerJob = this.run.opts.keysPerJob;
    const yieldNow =
      lane.timeMs - lane.jobStartMs >= this.run.yieldAfterMs ||
      lane.jobUnits > JOB_USAGE_SOFT_LIMIT ||
      (keysPerJob !== undefined && lane.jobInvocations >= keysPerJob);
    if (yieldNow && lane.job) {
      this.run.report.time[this.s.stageName].yields += 1;
      this.closeLane(lane);
    }
  }

  /** At a charged call of `lane`'s invocation, another idle processor may run one invocation first. */
  private maybeInterleave(lane: Lane): void {
    const { processors } = this.run;
    if (
      processors < 2 ||
      this.depth >= processors - 1 ||
      this.pending === 0 ||
      this.exited ||
      this.interrupted !== undefined
    )
      return;
    // An idle processor starts a key in between only if it is free no later than every processor
    // now inside an invocation (this one and those it interrupted, whose clocks wait): the next key
    // still goes to the processor free first, as in NetSuite. Without that bound, nested invocations
    // took keys at later times while an interrupted processor's clock stood still, leaving it idle at
    // the end of the stage.
    const bound = Math.min(
      ...this.lanes.filter((l) => l.busy).map((l) => (l.job ? l.job.clock.nowMs() : l.timeMs)),
    );
    const idle = this.lanes.filter((l) => l !== lane && !l.busy && l.timeMs <= bound);
    if (idle.length === 0 || this.run.random() >= this.run.interleave) return;
    const other = idle[Math.floor(this.run.random() * idle.length)];
    this.depth += 1;
    try {
      this.runOne(other);
    } catch (e) {
      // not through the script's own try/catch: the outermost invocation rethrows it once it returns
      this.interrupted ??= e;
    } finally {
      this.depth -= 1;
    }
  }
}
