/**
 * Runs a map/reduce script with NetSuite's stage semantics (NetSuite help "SuiteScript 2.x Map/Reduce
 * Script Type", "Map/Reduce Script Stages", "mapContext", "reduceContext", "summaryContext",
 * "SuiteScript Governance and Limits"):
 * - getInputData (10,000 units) returns an array, an object, a search.Search, or a search reference
 *   { type: 'search', id }. Array: key = index, value = the element (JSON.stringify unless a string).
 *   Object: key = property, value likewise. Search: key = the result's internal id, value =
 *   JSON.stringify(search.Result) = { recordType, id, values } (mapContext.value: "a search.Result object
 *   converted to a JSON string by using JSON.stringify()"). Reading the input costs the script nothing.
 * - map (1,000 units per invocation), once per key: context.key/value/write/errors/isRestarted/executionNo.
 * - shuffle: writes grouped by key; reduceContext.values "are listed in lexicographical order".
 * - reduce (5,000 units per invocation), once per key with context.values (strings).
 * - summarize (10,000 units) with inputSummary, mapSummary, reduceSummary (errors/keys iterators, usage,
 *   seconds, concurrency, yields) and output (reduce writes; map writes when there is no reduce).
 * An error thrown by one map/reduce invocation, SSS_USAGE_LIMIT_EXCEEDED included, is recorded for
 * that key (its writes are dropped) and the job goes on; summarize sees it in mapSummary.errors /
 * reduceSummary.errors as the JSON of the SuiteScriptError. An error in getInputData is
 * inputSummary.error; map and reduce are skipped and summarize still runs.
 */
import type { Account } from '../account';
import type { ExecutionContext } from '../core/context';
import { GovernanceMeter } from '../core/governance';
import { SuiteScriptError } from '../core/errors';
import { writeLog } from '../modules/log';
import { EmulatedCrash, Execution, LIMITS, serializeError } from './execution';
import { finish, prepare, type RunOptions } from './scheduled';
import type { ExecutionResult, ExecutionStatus, MapReduceKeyError, MapReduceReport } from './types';

type Fn = (ctx: unknown) => unknown;
interface MrModule {
  getInputData: Fn;
  map?: Fn;
  reduce?: Fn;
  summarize?: Fn;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const asValue = (v: unknown): string => (isString(v) ? v : v === undefined ? '' : JSON.stringify(v));
const asKey = (v: unknown): string =>
  isString(v) ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);

/** NetSuite iterator: each(callback) goes on while the callback returns true. */
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
  let search: Record<string, unknown> | null = null;
  if (typeof o.runPaged === 'function' && typeof o.run === 'function') search = o;
  else if (isString(o.type) && o.type.toLowerCase() === 'search' && o.id !== undefined) {
    search = searchMod().load({ id: o.id }) as Record<string, unknown>;
  } else if (
    isString(o.type) &&
    o.id !== undefined &&
    ['file', 'query', 'suiteql'].includes(o.type.toLowerCase())
  ) {
    throw new SuiteScriptError(
      'SSS_NOT_YET_SUPPORTED',
      `getInputData input of type ${o.type} is not emulated`,
    );
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

export function runMapReduce(account: Account, opts: RunOptions): ExecutionResult {
  const p = prepare(account, opts, 'MAPREDUCE');
  const exec = new Execution({
    account,
    script: p.script,
    deployment: p.deployment,
    params: p.params,
    faults: opts.faults,
    task: p.task,
    limit: LIMITS.getInputData,
  });
  const logStart = account.logs.length;
  const concurrency = p.deployment.concurrencyLimit ?? 1;
  const report: MapReduceReport = {
    inputKeys: 0,
    mapErrors: [],
    reduceErrors: [],
    mapKeys: 0,
    reduceKeys: 0,
    output: [],
    usage: { getInputData: 0, map: 0, reduce: 0, summarize: 0 },
  };
  const jobStart = account.now();
  const t0 = performance.now();
  let status: ExecutionStatus = 'COMPLETE';
  let error: unknown;
  const stage = (name: string, taskStage: string) => {
    exec.script.stage = name;
    p.task.stage = taskStage;
  };
  /** Runs one invocation under its own meter; returns the thrown error, if any (crashes propagate). */
  const invoke = (limit: number, fn: () => void): { error?: unknown; units: number } => {
    const meter = new GovernanceMeter(limit);
    exec.swapMeter(meter);
    let err: unknown;
    try {
      fn();
    } catch (e) {
      if (exec.crashed || e instanceof EmulatedCrash) throw exec.crashed ?? e;
      err = e;
    } finally {
      exec.addUsage(meter);
    }
    if (exec.crashed) throw exec.crashed;
    return { error: err, units: meter.total() };
  };

  let mod: MrModule;
  const mapWrites: Array<[string, string]> = [];
  const reduceWrites: Array<[string, string]> = [];
  const mapKeys: Array<[string, number, string]> = [];
  const reduceKeys: Array<[string, number, string]> = [];
  const secs = { input: 0, map: 0, reduce: 0 };
  let inputErrorText: string | undefined;
  try {
    mod = exec.sandbox.loadEntry(p.script.scriptFile, 'MapReduceScript').module as MrModule;

    // getInputData
    stage('getInputData', 'GET_INPUT');
    let pairs: Array<[string, string]> = [];
    let s = performance.now();
    const gi = invoke(LIMITS.getInputData, () => {
      const input = mod.getInputData({ isRestarted: false, ObjectRef: { id: null, type: null } });
      const free = exec.swapMeter(new GovernanceMeter(Number.MAX_SAFE_INTEGER));
      try {
        pairs = readInput(exec, input);
      } finally {
        exec.swapMeter(free);
      }
    });
    secs.input = (performance.now() - s) / 1000;
    report.usage.getInputData = gi.units;
    if (gi.error !== undefined) {
      report.inputError = serializeError(gi.error);
      inputErrorText = JSON.stringify(report.inputError);
      writeLog(exec, 'ERROR', report.inputError.name, report.inputError.message);
      pairs = [];
    }
    report.inputKeys = pairs.length;

    // map
    let shuffled: Map<string, string[]>;
    s = performance.now();
    if (mod.map) {
      stage('map', 'MAP');
      const map = mod.map;
      for (const [key, value] of pairs) {
        const writes: Array<[string, string]> = [];
        const r = invoke(LIMITS.map, () => {
          map({
            key,
            value,
            isRestarted: false,
            executionNo: 1,
            errors: iterator([]),
            write: writer(writes),
          });
        });
        report.usage.map += r.units;
        if (r.error !== undefined) {
          const e = keyError(exec, 'map', key, r.error);
          report.mapErrors.push(e);
          mapKeys.push([key, 1, 'FAILED']);
        } else {
          for (const w of writes) mapWrites.push(w);
          mapKeys.push([key, 1, 'COMPLETE']);
        }
      }
      report.mapKeys = pairs.length;
      shuffled = group(mapWrites);
    } else {
      shuffled = group(pairs);
    }
    secs.map = (performance.now() - s) / 1000;

    // reduce
    s = performance.now();
    if (mod.reduce) {
      stage('reduce', 'REDUCE');
      const reduce = mod.reduce;
      for (const [key, values] of shuffled) {
        values.sort();
        const writes: Array<[string, string]> = [];
        const r = invoke(LIMITS.reduce, () => {
          reduce({
            key,
            values,
            isRestarted: false,
            executionNo: 1,
            errors: iterator([]),
            write: writer(writes),
          });
        });
        report.usage.reduce += r.units;
        if (r.error !== undefined) {
          report.reduceErrors.push(keyError(exec, 'reduce', key, r.error));
          reduceKeys.push([key, 1, 'FAILED']);
        } else {
          for (const w of writes) reduceWrites.push(w);
          reduceKeys.push([key, 1, 'COMPLETE']);
        }
      }
      report.reduceKeys = shuffled.size;
    }
    secs.reduce = (performance.now() - s) / 1000;
    const output = mod.reduce ? reduceWrites : mapWrites;
    report.output = output.map(([key, value]) => ({ key, value }));

    // summarize
    if (mod.summarize) {
      stage('summarize', 'SUMMARIZE');
      const summarize = mod.summarize;
      const total = () => report.usage.getInputData + report.usage.map + report.usage.reduce;
      const stageSummary = (
        errors: MapReduceKeyError[],
        keys: Array<[string, number, string]>,
        usage: number,
        seconds: number,
      ) => ({
        concurrency,
        dateCreated: jobStart,
        seconds,
        usage,
        yields: 0,
        errors: iterator(errors.map((e) => [e.key, e.error, 1] as [string, string, number])),
        keys: iterator(keys),
      });
      const summary = {
        isRestarted: false,
        concurrency,
        dateCreated: jobStart,
        seconds: (performance.now() - t0) / 1000,
        usage: total(),
        yields: 0,
        inputSummary: {
          concurrency,
          dateCreated: jobStart,
          error: inputErrorText,
          seconds: secs.input,
          usage: report.usage.getInputData,
        },
        mapSummary: stageSummary(report.mapErrors, mapKeys, report.usage.map, secs.map),
        reduceSummary: stageSummary(report.reduceErrors, reduceKeys, report.usage.reduce, secs.reduce),
        output: iterator(output),
      };
      const r = invoke(LIMITS.summarize, () => summarize(summary));
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
    status = 'FAILED';
    error = e;
  }
  return finish(account, exec, p.task, logStart, status, error, { mapReduce: report });
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

function keyError(ctx: ExecutionContext, stageName: string, key: string, e: unknown): MapReduceKeyError {
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
  };
}
