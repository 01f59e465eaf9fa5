/**
 * Results: search.Result (one row: getValue / getText / toJSON), and the ResultSet (run) and
 * PagedData (runPaged) over a search's rows, with their governance and limits.
 */
import type * as searchTypes from 'N/search';
import { nsError } from '../../core/errors';
import { COSTS } from '../../core/governance';
import { withPromise } from '../../core/promise';
import { missingArgument } from '../record/common';
import { ERROR_CODES, LIMITS } from './constants';
import type { StoredRecord } from '../../data/recordStore';
import type { Opts } from './constants';
import type { EmColumn } from './columns';
import { isEmptyValue, type Accessor, type Engine, type Row } from './engine';
import { parseName } from './filters';
import { stubMissingMembers } from '../../sandbox/notEmulated';

export interface CompiledColumn {
  col: EmColumn;
  acc: Accessor;
}

export class EmResult {
  readonly recordType: string;
  readonly id: string;
  readonly columns: EmColumn[];
  private readonly cols: CompiledColumn[];
  private readonly engine: Engine;
  private readonly rec?: StoredRecord;
  private readonly groupValues?: unknown[];

  constructor(engine: Engine, type: string, cols: CompiledColumn[], row: Row) {
    this.engine = engine;
    this.recordType = type;
    this.cols = cols;
    this.columns = cols.map((c) => c.col);
    if (row.rec) {
      this.rec = row.rec;
      this.id = String(row.rec.id);
    } else {
      this.groupValues = row.group.values;
      this.id = undefined as unknown as string;
    }
  }

  private indexOf(column: unknown): number {
    // A Column object of this search: that very column (several formula columns share a name).
    const same = this.cols.findIndex((c) => c.col === column);
    if (same >= 0) return same;
    if (typeof column === 'string') {
      const p = parseName(column);
      return this.cols.findIndex((c) => c.col.name === p.name && c.col.join === p.join);
    }
    if (column && typeof column === 'object') {
      const o = column as Opts;
      const p = o.join
        ? { name: String(o.name).toLowerCase(), join: String(o.join).toLowerCase() }
        : parseName(String(o.name));
      const summary = o.summary ? String(o.summary).toLowerCase() : undefined;
      return this.cols.findIndex(
        (c) => c.col.name === p.name && c.col.join === p.join && c.col.summary === summary,
      );
    }
    return -1;
  }

  private raw(i: number): unknown {
    if (this.groupValues) return this.groupValues[i];
    return this.cols[i].acc.get(this.rec!);
  }

  private isAggregate(i: number): boolean {
    const s = this.cols[i].col.summary;
    return !!s && s !== 'group';
  }

  getValue(column: unknown): string | boolean | null {
    const i = this.indexOf(column);
    if (i < 0) return null;
    const v = this.raw(i);
    if (this.isAggregate(i))
      return v === undefined || v === null
        ? ''
        : v instanceof Date
          ? this.engine.valueOut(this.cols[i].acc, v)
          : String(v);
    return this.engine.valueOut(this.cols[i].acc, v);
  }

  getText(column: unknown): string | null {
    const i = this.indexOf(column);
    if (i < 0) return null;
    const { acc } = this.cols[i];
    if (!acc.selectType || this.isAggregate(i)) return null;
    const v = this.raw(i);
    if (Array.isArray(v)) return v.map((x) => this.engine.selectText(acc.selectType, x)).join(',');
    return this.engine.selectText(acc.selectType, v);
  }

  private jsonValue(i: number, arraySelects: boolean): unknown {
    const { acc } = this.cols[i];
    const v = this.raw(i);
    if (this.isAggregate(i)) return this.getValue(this.cols[i].col);
    if (acc.def.type === 'CHECKBOX') return arraySelects ? v === true : v === true ? 'T' : 'F';
    if (acc.selectType) {
      if (acc.def.type === 'MULTISELECT' || Array.isArray(v)) {
        return ((v as string[] | undefined) ?? []).map((x) => ({
          value: String(x),
          text: this.engine.selectText(acc.selectType, x),
        }));
      }
      if (isEmptyValue(v)) return arraySelects ? [] : '';
      const o = { value: String(v), text: this.engine.selectText(acc.selectType, v) };
      return arraySelects ? [o] : o;
    }
    return this.engine.valueOut(acc, v);
  }

  /** Undocumented but present in NetSuite: every column by key, selects as [{ value, text }]. */
  getAllValues(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.cols.forEach((c, i) => {
      out[c.col.key] = this.jsonValue(i, true);
    });
    return out;
  }

  toJSON(): { recordType: string; id: string; values: Record<string, unknown> } {
    const values: Record<string, unknown> = {};
    this.cols.forEach((c, i) => {
      values[c.col.key] = this.jsonValue(i, false);
    });
    return { recordType: this.recordType, id: this.id, values };
  }

  toString(): string {
    return 'search.Result';
  }
}

/** What a result set reads: the search's compiled columns and its rows (`need` = how many at least). */
export interface RowSource {
  engine: Engine;
  type: string;
  cols: CompiledColumn[];
  rows(need?: number): Row[];
  search: unknown;
}

/** Search.run(): a ResultSet over the search's rows. */
export function resultSet(src: RowSource): unknown {
  const { cols, type, engine } = src;
  const ctx = engine.ctx;
  const each = (callback: (r: EmResult) => boolean): void => {
    if (typeof callback !== 'function') throw missingArgument('ResultSet.each', 'callback');
    ctx.charge('ResultSet.each', COSTS.resultSetEach);
    const rows = src.rows(LIMITS.each);
    const n = Math.min(rows.length, LIMITS.each);
    for (let i = 0; i < n; i++) {
      if (!callback(new EmResult(engine, type, cols, rows[i]))) break;
    }
  };
  const getRange = (options: unknown): EmResult[] => {
    const o = (options ?? {}) as Opts;
    if (o.start === undefined || o.start === null) throw missingArgument('ResultSet.getRange', 'start');
    if (o.end === undefined || o.end === null) throw missingArgument('ResultSet.getRange', 'end');
    const start = Number(o.start);
    const end = Number(o.end);
    ctx.charge('ResultSet.getRange', COSTS.resultSetGetRange);
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      start < 0 ||
      end < start ||
      end - start > LIMITS.getRange
    ) {
      throw nsError(
        ERROR_CODES.rangeTooLarge,
        `ResultSet.getRange: invalid range start ${o.start}, end ${o.end}; at most ${LIMITS.getRange} results can be returned per call.`,
      );
    }
    return src
      .rows(end)
      .slice(start, end)
      .map((r) => new EmResult(engine, type, cols, r));
  };
  return {
    columns: cols.map((c) => c.col),
    each: withPromise(each),
    getRange: withPromise(getRange),
    toString: () => 'search.ResultSet',
  };
}

/** Search.runPaged(): PagedData over the search's rows. */
export function pagedData(src: RowSource, options?: unknown): unknown {
  const o = (options ?? {}) as Opts;
  const pageSize = o.pageSize === undefined || o.pageSize === null ? 50 : Number(o.pageSize);
  src.engine.ctx.charge('Search.runPaged', COSTS.searchRunPaged);
  if (!Number.isInteger(pageSize) || pageSize < LIMITS.minPageSize || pageSize > LIMITS.maxPageSize) {
    throw nsError(
      ERROR_CODES.pageSize,
      `Search.runPaged: pageSize ${String(o.pageSize)} is out of range; it must be between ${LIMITS.minPageSize} and ${LIMITS.maxPageSize}.`,
    );
  }
  const { cols, type, engine } = src;
  const rows = src.rows();
  const count = rows.length;
  const pages = Math.min(Math.ceil(count / pageSize), LIMITS.maxPages);
  const pageRanges = Array.from({ length: pages }, (_, index) => ({
    index,
    compoundLabel: `${index * pageSize + 1} \u2013 ${Math.min((index + 1) * pageSize, count)}`,
  }));
  const ctx = engine.ctx;
  const search = src.search as searchTypes.Search;
  const pagedData: Opts = { count, pageRanges, pageSize, searchDefinition: search };
  const fetch = (arg: unknown): unknown => {
    const index = typeof arg === 'number' ? arg : Number((arg as Opts | undefined)?.index);
    ctx.charge('PagedData.fetch', COSTS.pagedDataFetch);
    if (!Number.isInteger(index) || index < 0 || index >= pages) {
      throw nsError(ERROR_CODES.pageRange, 'Invalid page range.');
    }
    const current = src.rows();
    const data = current
      .slice(index * pageSize, (index + 1) * pageSize)
      .map((r) => new EmResult(engine, type, cols, r));
    const page: Opts = {
      data,
      isFirst: index === 0,
      isLast: index === pages - 1,
      pageRange: pageRanges[index],
      pagedData,
    };
    page.next = withPromise(() => fetch(index + 1));
    page.prev = withPromise(() => fetch(index - 1));
    return page;
  };
  pagedData.fetch = withPromise(fetch);
  return pagedData;
}

// members of NetSuite's Result the emulator lacks throw "not emulated" (sandbox/notEmulated.ts)
stubMissingMembers(EmResult.prototype, 'N/search.Result');
