/**
 * The data side of a map/reduce run (runners/mapReduce.ts): reading what getInputData returned into
 * key/value pairs, context.write, the shuffle's grouping, the summary's iterators and key errors.
 */
import type { ExecutionContext } from '../core/context';
import { SuiteScriptError } from '../core/errors';
import { writeLog } from '../modules/log';
import { runSuiteQLRows } from '../modules/query';
import { QQuery } from '../modules/queryObjects';
import type { MapReduceKeyError } from './types';
import { serializeError, type Execution } from './execution';

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
export function iterator<T extends unknown[]>(rows: T[]) {
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
export function readInput(exec: Execution, input: unknown): Array<[string, string]> {
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

export function writer(into: Array<[string, string]>) {
  return (a: unknown, b?: unknown): void => {
    if (b === undefined && a !== null && typeof a === 'object' && 'key' in (a as object)) {
      const o = a as { key: unknown; value?: unknown };
      into.push([asKey(o.key), asValue(o.value)]);
    } else {
      into.push([asKey(a), asValue(b)]);
    }
  };
}

export interface WorkItem {
  key: string;
  /** map: the value; reduce: the values. */
  value: string | string[];
  executionNo: number;
  /** Errors of earlier attempts at this key: [key, error, executionNo]. */
  errors: Array<[string, string, number]>;
}

export function group(pairs: Array<[string, string]>): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [k, v] of pairs) {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  }
  return m;
}

export function keyError(
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
