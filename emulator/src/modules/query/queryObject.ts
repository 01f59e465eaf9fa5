/** query.Query: its columns, condition and sort, run, runPaged and toSuiteQL (help "N/query Module"). */
import { stubMissingMembers } from '../../sandbox/notEmulated';
import { runSuiteQLRows } from './suiteql';
import { err, unsupported, type Opts, type QueryHost } from './common';
import { QColumn, QComponent, QCondition, QSort } from './components';
import { execute } from './execute';
import { pagedData, pageSizeOf, queryResultSet } from './results';

const SQL_OPS: Record<string, (col: string, n: number) => string> = {
  EQUAL: (c) => `${c} = ?`,
  EQUAL_NOT: (c) => `${c} <> ?`,
  IS: (c) => `${c} = ?`,
  IS_NOT: (c) => `${c} <> ?`,
  GREATER: (c) => `${c} > ?`,
  GREATER_OR_EQUAL: (c) => `${c} >= ?`,
  LESS: (c) => `${c} < ?`,
  LESS_OR_EQUAL: (c) => `${c} <= ?`,
  ANY_OF: (c, n) => `${c} IN (${Array(n).fill('?').join(', ')})`,
  ANY_OF_NOT: (c, n) => `${c} NOT IN (${Array(n).fill('?').join(', ')})`,
  CONTAIN: (c) => `${c} LIKE ?`,
  CONTAIN_NOT: (c) => `${c} NOT LIKE ?`,
  START_WITH: (c) => `${c} LIKE ?`,
  START_WITH_NOT: (c) => `${c} NOT LIKE ?`,
  ENDWITH: (c) => `${c} LIKE ?`,
  ENDWITH_NOT: (c) => `${c} NOT LIKE ?`,
  EMPTY: (c) => `${c} IS NULL`,
  EMPTY_NOT: (c) => `${c} IS NOT NULL`,
};

export class QQuery {
  readonly root: QComponent;
  private cols: QColumn[] = [];
  private cond: QCondition | null = null;
  private sorts: QSort[] = [];
  constructor(
    readonly host: QueryHost,
    readonly type: string,
    readonly id: string | number | null = null,
    readonly name: string | null = null,
  ) {
    this.root = new QComponent(host, type);
  }
  get child(): Record<string, QComponent> {
    return this.root.child;
  }
  get columns(): QColumn[] {
    return this.cols;
  }
  set columns(v: QColumn[]) {
    if (!Array.isArray(v) || v.some((c) => !(c instanceof QColumn))) {
      throw err('WRONG_PARAMETER_TYPE', 'Query.columns must be an array of query.Column');
    }
    this.cols = [...v];
  }
  get condition(): QCondition | null {
    return this.cond;
  }
  set condition(v: QCondition | null) {
    if (v !== null && !(v instanceof QCondition)) {
      throw err('WRONG_PARAMETER_TYPE', 'Query.condition must be a query.Condition');
    }
    this.cond = v;
  }
  get sort(): QSort[] {
    return this.sorts;
  }
  set sort(v: QSort[]) {
    if (!Array.isArray(v) || v.some((s) => !(s instanceof QSort))) {
      throw err('WRONG_PARAMETER_TYPE', 'Query.sort must be an array of query.Sort');
    }
    this.sorts = [...v];
  }
  autoJoin(o: unknown) {
    return this.root.autoJoin(o);
  }
  join(o: unknown) {
    return this.root.join(o);
  }
  joinTo(o: unknown) {
    return this.root.joinTo(o);
  }
  joinFrom() {
    return this.root.joinFrom();
  }
  createCondition(o: unknown) {
    return this.root.createCondition(o);
  }
  createColumn(o: unknown) {
    return this.root.createColumn(o);
  }
  createSort(o: unknown) {
    return this.root.createSort(o);
  }
  private logical(op: 'AND' | 'OR' | 'NOT', conds: unknown[]): QCondition {
    if (!conds.length || conds.some((c) => !(c instanceof QCondition))) {
      throw err(
        'WRONG_PARAMETER_TYPE',
        `Query.${op.toLowerCase()}: arguments must be query.Condition objects`,
      );
    }
    return new QCondition(this.host, null, op, conds as QCondition[]);
  }
  and(...c: unknown[]) {
    return this.logical('AND', c.flat());
  }
  or(...c: unknown[]) {
    return this.logical('OR', c.flat());
  }
  not(c: unknown) {
    return this.logical('NOT', [c]);
  }
  /** The rows as Query.run gives them, without charging (map/reduce input reads them too). */
  rows(): { columns: QColumn[]; rows: unknown[][] } {
    return execute(this);
  }
  /** At most 5,000 results (help "Query.run(options)": more need Query.runPaged). */
  run() {
    this.host.ctx.charge('Query.run', 10);
    const { columns, rows } = this.rows();
    return queryResultSet(columns, rows.slice(0, 5000));
  }
  runPaged(o?: unknown) {
    const size = pageSizeOf('Query.runPaged', o);
    this.host.ctx.charge('Query.runPaged', 10);
    const { columns, rows } = this.rows();
    return pagedData(rows, size, (slice) => queryResultSet(columns, slice));
  }
  /** The SuiteQL of a query on one record type (no joins, no aggregates). */
  toSuiteQL() {
    const columns = this.cols.length ? this.cols : [this.root.createColumn({ fieldId: 'id' })];
    const params: unknown[] = [];
    const single = (c: QComponent | undefined) => {
      if (c && c !== this.root) throw unsupported('Query.toSuiteQL of a query with joins');
    };
    const sql = (c: QCondition): string => {
      if (c.logical === 'AND' || c.logical === 'OR')
        return `(${c.children!.map(sql).join(` ${c.logical} `)})`;
      if (c.logical === 'NOT') return `NOT (${sql(c.children![0])})`;
      single(c.component);
      const make = SQL_OPS[c.operator!];
      if (!make) throw unsupported(`Query.toSuiteQL of the operator ${c.operator}`);
      const vals = c.values!.map((v) => (typeof v === 'boolean' ? (v ? 'T' : 'F') : v));
      const base = c.operator!.replace(/_NOT$/, '');
      if (base === 'CONTAIN') params.push(`%${String(vals[0])}%`);
      else if (base === 'START_WITH') params.push(`${String(vals[0])}%`);
      else if (base === 'ENDWITH') params.push(`%${String(vals[0])}`);
      else params.push(...vals);
      return make(c.fieldId!, vals.length);
    };
    for (const c of columns) {
      single(c.component);
      if (c.aggregate) throw unsupported('Query.toSuiteQL of a query with aggregates');
    }
    const select = columns.map((c) => (c.alias ? `${c.fieldId} AS ${c.alias}` : c.fieldId)).join(', ');
    let text = `SELECT ${select} FROM ${this.type}`;
    if (this.cond) text += ` WHERE ${sql(this.cond)}`;
    if (this.sorts.length) {
      for (const s of this.sorts) single(s.column.component);
      text += ` ORDER BY ${this.sorts.map((s) => `${s.column.fieldId} ${s.ascending ? 'ASC' : 'DESC'}`).join(', ')}`;
    }
    const host = this.host;
    const suiteQLColumns = columns;
    const rowsOf = () =>
      runSuiteQLRows(host.ctx.account as unknown as Parameters<typeof runSuiteQLRows>[0], text, params);
    return {
      query: text,
      params,
      columns: suiteQLColumns,
      type: 'SUITEQL',
      run() {
        host.ctx.charge('SuiteQL.run', 10);
        const r = rowsOf();
        // help "SuiteQL.run()": at most 100,000 results without SuiteAnalytics Connect
        return queryResultSet(suiteQLColumns, r.rows.slice(0, 100_000));
      },
      runPaged(o?: unknown) {
        const size = pageSizeOf('SuiteQL.runPaged', o);
        host.ctx.charge('SuiteQL.runPaged', 10);
        const r = rowsOf();
        return pagedData(r.rows, size, (slice) => queryResultSet(suiteQLColumns, slice));
      },
    };
  }
  toString(): string {
    return 'query.Query';
  }
  toJSON(): Opts {
    return {
      type: this.type,
      id: this.id,
      name: this.name,
      columns: this.cols.map((c) => c.toJSON()),
      sort: this.sorts.map((s) => ({ column: s.column.label, ascending: s.ascending })),
    };
  }
}

// members of NetSuite's Query the emulator lacks throw "not emulated" (sandbox/notEmulated.ts)
stubMissingMembers(QQuery.prototype, 'N/query.Query');
