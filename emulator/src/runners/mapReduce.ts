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
 * - Modeled time (core/clock.ts): every job (getInputData, each map and reduce job, shuffle, summarize)
 *   is queued when the stage before it ends (or, in map and reduce, when the lane's previous job yields),
 *   waits for a free processor (runners/processors.ts: other deployments' work goes first when it was queued
 *   first), then starts (jobStartMs). The shuffle job takes shufflePerPairMs per pair map wrote. A stage
 *   ends when its last job does; result.modeledMs is the whole task's modeled elapsed time, with
 *   overlapping jobs counted once and the queue waits between its jobs included.
 */
import type { Account } from '../account';
import { GovernanceMeter } from '../core/governance';
import { writeLog } from '../modules/log';
import { serializeError, LIMITS, type Execution } from './execution';
import { finish } from './scheduled';
import { group, iterator, readInput, writer, type WorkItem } from './mapReduceInput';
import { MrRun, StopRun, type MapReduceRunOptions, type MrModule } from './mapReduceRun';
import { ParallelStage } from './mapReduceStage';
import type { ExecutionResult, ExecutionStatus, MapReduceKeyError, StageTime } from './types';

export { resultJson, seededRandom } from './mapReduceInput';
export { JOB_USAGE_SOFT_LIMIT, type MapReduceRunOptions } from './mapReduceRun';

type Fn = (ctx: unknown) => unknown;

/** What the stages hand on to each other. */
interface Flow {
  endMs: number;
  pairs: Array<[string, string]>;
  probe?: MrModule;
  inputErrorText?: string;
  inputError?: unknown;
  mapWrites: Array<[string, string]>;
  reduceWrites: Array<[string, string]>;
  mapKeys: Array<[string, number, string]>;
  reduceKeys: Array<[string, number, string]>;
}

export function runMapReduce(account: Account, opts: MapReduceRunOptions): ExecutionResult {
  const run = new MrRun(account, opts);
  const logStart = account.logs.length;
  const f: Flow = {
    endMs: run.taskStartMs,
    pairs: [],
    mapWrites: [],
    reduceWrites: [],
    mapKeys: [],
    reduceKeys: [],
  };
  let status: ExecutionStatus = 'COMPLETE';
  let error: unknown;
  try {
    inputStage(run, f);
    const hasReduce = typeof f.probe?.reduce === 'function';
    const shuffled = typeof f.probe?.map === 'function' ? group(mapStage(run, f)) : group(f.pairs);
    if (hasReduce && !run.report.exitedStage) reduceStage(run, f, shuffled);
    const output = hasReduce ? f.reduceWrites : f.mapWrites;
    run.report.output = output.map(([key, value]) => ({ key, value }));
    if (typeof f.probe?.summarize === 'function') {
      const e = summarizeStage(run, f, output);
      if (e !== undefined) {
        status = 'FAILED';
        error = e;
      }
    }
    if (run.report.inputError && status === 'COMPLETE') {
      status = 'FAILED';
      error = f.inputError;
    }
  } catch (e) {
    if (!(e instanceof StopRun)) {
      status = 'FAILED';
      error = e;
    }
  }
  return finish(account, run.master, run.p.task, logStart, status, error, {
    mapReduce: run.report,
    modeledMs: f.endMs - run.taskStartMs,
    endedAt: new Date(f.endMs),
  });
}

function inputStage(run: MrRun, f: Flow): void {
  run.stage('GET_INPUT');
  const gi = run.serialStage('getInputData', f.endMs, LIMITS.getInputData, (mod, isRestarted, exec) => {
    f.probe = mod;
    const input = mod.getInputData({ isRestarted, ObjectRef: { id: null, type: null } });
    // the framework reads the input: no units, and not within the function's time limit
    const free = exec.swapMeter(new GovernanceMeter(Number.MAX_SAFE_INTEGER));
    const timedOut = exec.timedOut;
    exec.startTimer(Infinity);
    try {
      f.pairs = readInput(exec, input);
    } finally {
      exec.swapMeter(free);
      exec.timedOut = timedOut;
    }
  });
  f.endMs = gi.endMs;
  run.report.usage.getInputData = gi.units;
  if (gi.error !== undefined) {
    run.report.inputError = serializeError(gi.error);
    f.inputErrorText = JSON.stringify(run.report.inputError);
    f.inputError = gi.error;
    writeLog(run.master, 'ERROR', run.report.inputError.name, run.report.inputError.message);
    f.pairs = [];
  }
  run.report.inputKeys = f.pairs.length;
}

/** A map or reduce function's context (help "mapContext", "reduceContext"). */
function keyContext(item: WorkItem, writes: Array<[string, string]>, valueName: 'value' | 'values') {
  return {
    key: item.key,
    [valueName]: item.value,
    isRestarted: item.executionNo > 1,
    executionNo: item.executionNo,
    errors: iterator(item.errors),
    write: writer(writes),
  };
}

function mapStage(run: MrRun, f: Flow): Array<[string, string]> {
  run.stage('MAP');
  const r = new ParallelStage(run, {
    stageName: 'map',
    items: f.pairs.map(([key, value]) => ({ key, value, executionNo: 1, errors: [] })),
    startMs: f.endMs,
    limit: LIMITS.map,
    call: (mod, item, writes) => (mod.map as Fn)(keyContext(item, writes, 'value')),
    errors: run.report.mapErrors,
    keys: f.mapKeys,
    writesOut: f.mapWrites,
  }).execute();
  run.report.usage.map = r.units;
  f.endMs = r.endMs;
  run.report.mapKeys = f.pairs.length;
  return f.mapWrites;
}

function reduceStage(run: MrRun, f: Flow, shuffled: Map<string, string[]>): void {
  // the shuffle: a job of its own, no script code (reduceContext.values in lexicographical order)
  run.stage('SHUFFLE');
  let pairs = 0;
  for (const values of shuffled.values()) pairs += values.length;
  f.endMs = run.shuffleStage(f.endMs, pairs);
  run.stage('REDUCE');
  const items: WorkItem[] = [];
  for (const [key, values] of shuffled)
    items.push({ key, value: [...values].sort(), executionNo: 1, errors: [] });
  const r = new ParallelStage(run, {
    stageName: 'reduce',
    items,
    startMs: f.endMs,
    limit: LIMITS.reduce,
    call: (mod, item, writes) => (mod.reduce as Fn)(keyContext(item, writes, 'values')),
    errors: run.report.reduceErrors,
    keys: f.reduceKeys,
    writesOut: f.reduceWrites,
  }).execute();
  run.report.usage.reduce = r.units;
  f.endMs = r.endMs;
  run.report.reduceKeys = shuffled.size;
}

/** summarize(summaryContext); returns the error it threw, if any. */
function summarizeStage(run: MrRun, f: Flow, output: Array<[string, string]>): unknown {
  run.stage('SUMMARIZE');
  const report = run.report;
  const sumStart = f.endMs;
  const total = () => report.usage.getInputData + report.usage.map + report.usage.reduce;
  const jobStart = new Date(run.taskStartMs);
  const r = run.serialStage('summarize', sumStart, LIMITS.summarize, (mod, isRestarted, job) => {
    // dates handed to the script are of its own realm (core/scriptDate.ts)
    const created = () => job.scriptDate(jobStart);
    (mod.summarize as Fn)({
      isRestarted,
      concurrency: run.processors,
      dateCreated: created(),
      seconds: (sumStart - run.taskStartMs) / 1000,
      usage: total(),
      yields: report.time.map.yields + report.time.reduce.yields,
      inputSummary: {
        concurrency: run.processors,
        dateCreated: created(),
        error: f.inputErrorText,
        seconds: secs(report.time.getInputData),
        usage: report.usage.getInputData,
      },
      mapSummary: stageSummary(run, job, report.mapErrors, f.mapKeys, report.usage.map, report.time.map),
      reduceSummary: stageSummary(
        run,
        job,
        report.reduceErrors,
        f.reduceKeys,
        report.usage.reduce,
        report.time.reduce,
      ),
      output: iterator(output),
    });
  });
  f.endMs = r.endMs;
  report.usage.summarize = r.units;
  if (r.error !== undefined) report.summarizeError = serializeError(r.error);
  return r.error;
}

const secs = (t: StageTime) => t.modeledMs / 1000;

/** summaryContext.mapSummary / reduceSummary (help "mapSummary", "reduceSummary"). */
function stageSummary(
  run: MrRun,
  job: Execution,
  errors: MapReduceKeyError[],
  keys: Array<[string, number, string]>,
  usage: number,
  t: StageTime,
) {
  return {
    concurrency: run.processors,
    dateCreated: job.scriptDate(new Date(run.taskStartMs)),
    seconds: secs(t),
    usage,
    yields: t.yields,
    errors: iterator(errors.map((e) => [e.key, e.error, e.executionNo ?? 1] as [string, string, number])),
    keys: iterator(keys),
  };
}
