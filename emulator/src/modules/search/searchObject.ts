/** search.Search: its properties, the rows it matches (planned, filtered, ordered), run and save. */
import type { ExecutionContext } from '../../core/context';
import { nsError } from '../../core/errors';
import { COSTS } from '../../core/governance';
import { withPromise } from '../../core/promise';
import type { StoredRecord } from '../../data/recordStore';
import { missingArgument } from '../record/common';
import { toColumn } from './columns';
import { FilterCompiler } from './conditions';
import type { Opts } from './constants';
import { isVirtualType, type Engine, type Row } from './engine';
import {
  termName,
  flatten,
  nodeToExpression,
  normalizeFilters,
  serializeNode,
  toFilter,
  type EmFilter,
  type FNode,
} from './filters';
import { sortRecords, sortsByInternalId, unsortedOrder } from './order';
import { plan } from './planner';
import { pagedData, resultSet, type CompiledColumn, type RowSource } from './results';
import { summarize } from './summary';
import { stubMissingMembers } from '../../sandbox/notEmulated';

let uncached = 0;
/** A formula whose value depends on when it runs. */
const CLOCK_FORMULA =
  /sysdate|systimestamp|current_date|current_timestamp|localtimestamp|\{today\}|\{now\}|dbms_random|rownum/i;

export interface SearchState {
  type: string;
  node: FNode | null;
  list: EmFilter[] | null;
  expr: unknown[] | null;
  columns: unknown[];
  title: string;
  id: string;
  isPublic: boolean;
  searchId: number;
}

export class EmSearch {
  private readonly st: SearchState;
  /** `more`: where an internal-id-ordered scan stopped at `need`, so the next page goes on from there. */
  private cache?: {
    version: string;
    rows: Row[];
    complete: boolean;
    more?: { it: Iterator<StoredRecord>; pred: (r: StoredRecord) => boolean };
  };
  private readonly compiler: FilterCompiler;

  constructor(
    private readonly ctx: ExecutionContext,
    private readonly engine: Engine,
    st: SearchState,
  ) {
    this.st = st;
    this.compiler = new FilterCompiler(engine);
    this.run = withPromise(this.run.bind(this)) as unknown as () => unknown;
    this.runPaged = withPromise(this.runPaged.bind(this)) as unknown as (o?: unknown) => unknown;
    this.save = withPromise(this.save.bind(this)) as unknown as () => number;
  }

  get searchType(): string {
    return this.st.type;
  }
  get searchId(): number {
    return this.st.searchId;
  }
  get id(): string {
    return this.st.id;
  }
  set id(v: string) {
    this.st.id = v;
  }
  get title(): string {
    return this.st.title;
  }
  set title(v: string) {
    this.st.title = v;
  }
  get isPublic(): boolean {
    return this.st.isPublic;
  }
  set isPublic(v: boolean) {
    this.st.isPublic = v;
  }

  /** Filter objects: the live list for searches built from filters, a flattened copy for expressions. */
  get filters(): EmFilter[] {
    if (this.st.list) return this.st.list;
    return flatten(this.st.node);
  }
  set filters(v: unknown) {
    const n = normalizeFilters(v);
    Object.assign(this.st, n);
  }
  get filterExpression(): unknown[] {
    if (this.st.expr) return this.st.expr;
    // A loaded saved search (or one built from a tree): its criteria as an expression.
    if (!this.st.list && this.st.node) {
      const expr = nodeToExpression(this.st.node);
      return this.st.node.k === 'c' ? [expr] : (expr as unknown[]);
    }
    const out: unknown[] = [];
    for (const f of this.st.list ?? []) {
      if (out.length) out.push('AND');
      out.push([termName(f), f.operator, ...f.values]);
    }
    return out;
  }
  set filterExpression(v: unknown[]) {
    const n = normalizeFilters(v);
    Object.assign(this.st, n);
  }
  get columns(): unknown[] {
    return this.st.columns;
  }
  set columns(v: unknown[]) {
    this.st.columns = (v ?? []).map(toColumn);
  }

  private node(): FNode | null {
    if (this.st.list) {
      if (this.st.list.length === 0) return null;
      const c: FNode[] = this.st.list.map((f) => ({ k: 'c', f: toFilter(f) }));
      return c.length === 1 ? c[0] : { k: 'and', c };
    }
    return this.st.node;
  }

  private compiledColumns(): CompiledColumn[] {
    return this.st.columns.map(toColumn).map((col) => ({
      col,
      acc: this.engine.accessor(this.st.type, col.name, col.join, 'column', col.formula),
    }));
  }

  private joins(cols: CompiledColumn[]): string[] {
    const def = this.engine.typeDef(this.st.type);
    const out = new Set<string>();
    const add = (j?: string): void => {
      const t = j ? def.fields[j]?.selectType : undefined;
      if (t) out.add(t);
    };
    for (const f of flatten(this.node())) add(f.join);
    for (const c of cols) add(c.col.join);
    return [...out];
  }

  /**
   * Matching rows, in result order; reused while the data they come from is unchanged. `need`:
   * the caller reads only that many (each: 4,000), so a search sorted by internal id stops there.
   */
  rows(cols: CompiledColumn[], need = Infinity): Row[] {
    const node = this.node();
    // Formulas may reference joined records of any type: reused only while no record of any type or
    // file changed, and never when they read the clock.
    const texts = [...cols.map((c) => c.col.formula), ...flatten(node).map((f) => f.formula)].filter(
      (f): f is string => typeof f === 'string',
    );
    const version = !texts.length
      ? this.engine.version(this.st.type, this.joins(cols))
      : isVirtualType(this.st.type) || texts.some((f) => CLOCK_FORMULA.test(f))
        ? `x${++uncached}`
        : `all${this.engine.store.versionOfAll()}:f${this.engine.fileVersion()}`;
    const c = this.cache;
    if (c && c.version === version && (c.complete || c.rows.length >= need)) return c.rows;
    if (c?.more && c.version === version) {
      // Same data, a later page: the same rows in the same order, without scanning the first again.
      c.complete = takeMatching(c.more.it, c.more.pred, c.rows, need);
      if (c.complete) c.more = undefined;
      return c.rows;
    }
    const type = this.st.type;
    const pred = this.compiler.compile(type, node);
    const summarized = cols.some((col) => col.col.summary);
    const having = flatten(node).filter((f) => f.summary);
    if (having.length && !summarized)
      throw nsError(
        'SSS_INVALID_SRCH_FILTER',
        'A summary filter needs a search whose columns are summarized.',
      );
    const byId = !summarized && sortsByInternalId(cols);
    if (byId) {
      const it = this.candidates(node)[Symbol.iterator]();
      const rows: Row[] = [];
      const complete = takeMatching(it, pred, rows, need);
      this.cache = { version, rows, complete, more: complete ? undefined : { it, pred } };
      return rows;
    }
    const matched: StoredRecord[] = [];
    for (const r of this.candidates(node)) if (pred(r)) matched.push(r);
    let rows: Row[];
    if (summarized) rows = summarize(this.engine, type, cols, matched, having);
    else if (cols.some((col) => col.col.sort === 'ASC' || col.col.sort === 'DESC'))
      rows = sortRecords(this.engine, cols, matched).map((rec) => ({ rec }));
    else rows = unsortedOrder(matched, this.engine.store.options.searchOrderSeed).map((rec) => ({ rec }));
    this.cache = { version, rows, complete: true };
    return rows;
  }

  /** The records to test, in ascending internal id order (see planner.ts). */
  private *candidates(node: FNode | null): Iterable<StoredRecord> {
    const type = this.st.type;
    const table = isVirtualType(type) ? undefined : this.engine.store.table(type);
    if (!table) {
      yield* [...this.engine.rows(type)].sort((a, b) => a.id - b.id);
      return;
    }
    const p = plan(this.engine, type, table, node);
    if (!p) yield* table.idRange(-Infinity, Infinity);
    else if (p.k === 'range') yield* table.idRange(p.lo, p.hi);
    else
      for (const id of [...p.ids].sort((a, b) => a - b)) {
        const r = table.get(id);
        if (r) yield r;
      }
  }

  private source(): RowSource {
    const cols = this.compiledColumns();
    return {
      engine: this.engine,
      type: this.st.type,
      cols,
      rows: (need?: number) => this.rows(cols, need),
      search: this,
    };
  }

  run(): unknown {
    return resultSet(this.source());
  }

  runPaged(options?: unknown): unknown {
    return pagedData(this.source(), options);
  }

  save(): number {
    if (!this.st.title) throw missingArgument('Search.save', 'title');
    this.ctx.charge('Search.save', COSTS.searchSave);
    const store = this.engine.store;
    const definition = JSON.stringify({
      type: this.st.type,
      filters: serializeNode(this.node()),
      columns: this.st.columns.map(toColumn).map((c) => c.toJSON()),
    });
    const values = {
      title: this.st.title,
      name: this.st.title,
      recordtype: this.st.type,
      ispublic: this.st.isPublic,
      definition,
    };
    if (this.st.searchId > 0 && store.get('savedsearch', this.st.searchId)) {
      store.update('savedsearch', this.st.searchId, values);
      return this.st.searchId;
    }
    const scriptid = (this.st.id || `customsearch${store.count('savedsearch') + 1}`).toLowerCase();
    const existing = store.findOne('savedsearch', (r) => String(r.values.scriptid) === scriptid);
    if (existing) throw nsError('DUP_RCRD', `A saved search with the ID ${scriptid} already exists.`);
    const id = store.create('savedsearch', { ...values, scriptid });
    this.st.searchId = id;
    this.st.id = scriptid;
    return id;
  }

  toString(): string {
    return 'search.Search';
  }

  toJSON(): Opts {
    return {
      id: this.st.id,
      searchId: this.st.searchId,
      searchType: this.st.type,
      title: this.st.title,
      filters: this.filters.map((f) => f.toJSON()),
      columns: this.st.columns.map(toColumn).map((c) => c.toJSON()),
    };
  }
}

// members of NetSuite's Search the emulator lacks throw "not emulated" (sandbox/notEmulated.ts)
stubMissingMembers(EmSearch.prototype, 'N/search.Search');

/** Moves records of `it` that pass `pred` into `rows` until it holds `need`; true when `it` ran out. */
function takeMatching(
  it: Iterator<StoredRecord>,
  pred: (r: StoredRecord) => boolean,
  rows: Row[],
  need: number,
): boolean {
  for (let n = it.next(); !n.done; n = it.next()) {
    if (!pred(n.value)) continue;
    rows.push({ rec: n.value });
    if (rows.length >= need) return false;
  }
  return true;
}
