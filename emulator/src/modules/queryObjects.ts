/**
 * N/query Query objects (NetSuite help "N/query Module", "query.create(options)", "Query.run()",
 * "Query.runPaged(options)", "PagedData.fetch(options)", "Component.autoJoin(options)",
 * "query.Operator", "query.Aggregate", "query.FieldContext"; the doc comments of @hitc/netsuite-types
 * N/query for the members and their errors):
 *
 * - `query.create({ type, columns?, condition?, sort? })` (no units): a Query with a root component of that
 *   record type. `createCondition({ fieldId, operator, values })`, `and(...)`, `or(...)`, `not(c)`,
 *   `createColumn({ fieldId | name, alias, aggregate, groupBy, context })`, `createSort({ column,
 *   ascending, nullsLast, caseSensitive })`, and the settable `columns`, `condition`, `sort`.
 * - Joins: `autoJoin({ fieldId })` / `join({ fieldId })` / `joinTo({ fieldId, target })` follow a select
 *   field to the record it points at (many-to-one), as deep as wanted; `joinFrom` (one-to-many) and joins on
 *   fields that are not selects of a record type the account holds throw SSS_NOT_YET_SUPPORTED.
 * - `Query.run()` (10 units, at most 5,000 results) gives a ResultSet (results, types, columns, asMappedResults(), iterator());
 *   `Query.runPaged({ pageSize })` (10 units; 5–1,000, default 50) gives PagedData whose `fetch` costs no
 *   units (help "PagedData.fetch(options)": Governance None). `Query.toSuiteQL()` gives the SuiteQL of a
 *   query without joins or aggregates, runnable with the SuiteQL engine of modules/query.ts.
 * - Values (unverified: the help gives the ReturnType names, not which a field yields): checkbox → boolean
 *   (BOOLEAN), numbers → number (INTEGER / FLOAT / CURRENCY), `id` → number (INTEGER), select → internal id
 *   as a number (INTEGER) or, with context DISPLAY, its text (STRING), dates → text in the user's date
 *   format (DATE / DATETIME), text → string (STRING), empty → null.
 * - Aggregates COUNT, COUNT_DISTINCT, SUM(_DISTINCT), AVERAGE(_DISTINCT), MINIMUM, MAXIMUM, MEDIAN over
 *   groups of the other columns (every column without an aggregate is grouped, groupBy or not).
 * - Formulas (`createColumn({ formula })`, `createCondition({ formula })`), relative dates and periods
 *   (`query.createRelativeDate`, `query.createPeriod`) throw SSS_NOT_YET_SUPPORTED.
 */
import type { ExecutionContext } from '../core/context';
import { SuiteScriptError } from '../core/errors';
import { formatDate, formatDateTime, parseUserDate } from '../data/dates';
import type { FieldDef, StoredRecord } from '../data/records/types';
import type { RecordStore } from '../data/recordStore';
import { compare, runSuiteQLRows } from './query';
import { stubMissingMembers } from '../sandbox/notEmulated';

export const Operator = {
  AFTER: 'AFTER',
  AFTER_NOT: 'AFTER_NOT',
  ANY_OF: 'ANY_OF',
  ANY_OF_NOT: 'ANY_OF_NOT',
  BEFORE: 'BEFORE',
  BEFORE_NOT: 'BEFORE_NOT',
  BETWEEN: 'BETWEEN',
  BETWEEN_NOT: 'BETWEEN_NOT',
  CONTAIN: 'CONTAIN',
  CONTAIN_NOT: 'CONTAIN_NOT',
  EMPTY: 'EMPTY',
  EMPTY_NOT: 'EMPTY_NOT',
  ENDWITH: 'ENDWITH',
  ENDWITH_NOT: 'ENDWITH_NOT',
  EQUAL: 'EQUAL',
  EQUAL_NOT: 'EQUAL_NOT',
  EXCLUDE_ALL: 'MN_EXCLUDE',
  EXCLUDE_ANY: 'MN_EXCLUDE_ALL',
  EXCLUDE_EXACTLY: 'MN_EXCLUDE_EXACTLY',
  GREATER: 'GREATER',
  GREATER_NOT: 'GREATER_NOT',
  GREATER_OR_EQUAL: 'GREATER_OR_EQUAL',
  GREATER_OR_EQUAL_NOT: 'GREATER_OR_EQUAL_NOT',
  INCLUDE_ALL: 'MN_INCLUDE_ALL',
  INCLUDE_ANY: 'MN_INCLUDE',
  INCLUDE_EXACTLY: 'MN_INCLUDE_EXACTLY',
  IS: 'IS',
  IS_NOT: 'IS_NOT',
  LESS: 'LESS',
  LESS_NOT: 'LESS_NOT',
  LESS_OR_EQUAL: 'LESS_OR_EQUAL',
  LESS_OR_EQUAL_NOT: 'LESS_OR_EQUAL_NOT',
  ON: 'ON',
  ON_NOT: 'ON_NOT',
  ON_OR_AFTER: 'ON_OR_AFTER',
  ON_OR_AFTER_NOT: 'ON_OR_AFTER_NOT',
  ON_OR_BEFORE: 'ON_OR_BEFORE',
  ON_OR_BEFORE_NOT: 'ON_OR_BEFORE_NOT',
  START_WITH: 'START_WITH',
  START_WITH_NOT: 'START_WITH_NOT',
  WITHIN: 'WITHIN',
  WITHIN_NOT: 'WITHIN_NOT',
} as const;

export const Aggregate = {
  AVERAGE: 'AVERAGE',
  AVERAGE_DISTINCT: 'AVERAGE_DISTINCT',
  COUNT: 'COUNT',
  COUNT_DISTINCT: 'COUNT_DISTINCT',
  MAXIMUM: 'MAXIMUM',
  MAXIMUM_DISTINCT: 'MAXIMUM_DISTINCT',
  MEDIAN: 'MEDIAN',
  MINIMUM: 'MINIMUM',
  MINIMUM_DISTINCT: 'MINIMUM_DISTINCT',
  SUM: 'SUM',
  SUM_DISTINCT: 'SUM_DISTINCT',
} as const;

export const ReturnType = {
  ANY: 'ANY',
  BOOLEAN: 'BOOLEAN',
  CURRENCY: 'CURRENCY',
  DATE: 'DATE',
  DATETIME: 'DATETIME',
  DURATION: 'DURATION',
  FLOAT: 'FLOAT',
  INTEGER: 'INTEGER',
  KEY: 'KEY',
  RELATIONSHIP: 'RELATIONSHIP',
  STRING: 'STRING',
  UNKNOWN: 'UNKNOWN',
} as const;

export const FieldContext = {
  SIGN_CONSOLIDATED: 'SIGN_CONSOLIDATED',
  CONVERTED: 'CONVERTED',
  CURRENCY_CONSOLIDATED: 'CURRENCY_CONSOLIDATED',
  DISPLAY: 'DISPLAY',
  HIERARCHY: 'HIERARCHY',
  HIERARCHY_IDENTIFIER: 'HIERARCHY_IDENTIFIER',
  RAW: 'RAW',
} as const;

const OPERATORS = new Set<string>(Object.values(Operator));
const AGGREGATES = new Set<string>(Object.values(Aggregate));

type Opts = Record<string, unknown>;
const err = (code: string, msg: string) => new SuiteScriptError(code, msg);
const unsupported = (what: string) => err('SSS_NOT_YET_SUPPORTED', `N/query: ${what} is not emulated`);
const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length);

function options(api: string, o: unknown): Opts {
  if (o === undefined || o === null)
    throw err('MISSING_REQD_ARGUMENT', `${api}: Missing a required argument: options`);
  if (typeof o !== 'object') throw err('WRONG_PARAMETER_TYPE', `${api}: options must be an object`);
  return o as Opts;
}

/** A row of the root type and the records reached through its joins (cached per component path). */
class Row {
  private readonly joined = new Map<string, StoredRecord | undefined>();
  constructor(
    readonly root: StoredRecord,
    private readonly store: RecordStore,
  ) {}
  record(c: QComponent): StoredRecord | undefined {
    if (!c.parent) return this.root;
    const key = c.path;
    if (this.joined.has(key)) return this.joined.get(key);
    const from = this.record(c.parent);
    const id = from?.values[c.fieldId!];
    const r = isEmpty(id) || Array.isArray(id) ? undefined : this.store.get(c.type, id as number | string);
    this.joined.set(key, r);
    return r;
  }
}

interface QueryHost {
  ctx: ExecutionContext;
  store: RecordStore;
}

/** One component of a query: the root record type or a record type joined through a select field. */
export class QComponent {
  readonly child: Record<string, QComponent> = {};
  constructor(
    private readonly host: QueryHost,
    readonly type: string,
    readonly parent: QComponent | null = null,
    readonly fieldId: string | null = null,
    readonly target: string | null = null,
  ) {}
  get source(): string | null {
    return null;
  }
  /** Field ids from the root, e.g. 'subsidiary.parent'. */
  get path(): string {
    return this.parent ? `${this.parent.path}.${this.fieldId}` : '';
  }
  field(fieldId: string): FieldDef | undefined {
    return this.host.store.typeDef(this.type).fields[fieldId];
  }

  autoJoin(o: unknown, api = 'Component.autoJoin', target?: string): QComponent {
    const fieldId = String(options(api, o).fieldId ?? '').toLowerCase();
    if (!fieldId) throw err('MISSING_REQD_ARGUMENT', `${api}: Missing a required argument: fieldId`);
    if (this.child[fieldId]) {
      throw err('RELATIONSHIP_ALREADY_USED', `${api}: the relationship ${fieldId} is already joined`);
    }
    const def = this.field(fieldId);
    const type = target ?? def?.selectType;
    if (!def || def.type !== 'SELECT' || !type || !this.host.store.hasType(type)) {
      throw unsupported(
        `a join on ${this.type}.${fieldId} (the emulator joins through select fields to record types it holds)`,
      );
    }
    const c = new QComponent(this.host, type, this, fieldId, target ?? null);
    this.child[fieldId] = c;
    return c;
  }
  join(o: unknown): QComponent {
    return this.autoJoin(o, 'Component.join');
  }
  joinTo(o: unknown): QComponent {
    const t = String(options('Component.joinTo', o).target ?? '').toLowerCase();
    if (!t) throw err('MISSING_REQD_ARGUMENT', 'Component.joinTo: Missing a required argument: target');
    return this.autoJoin(o, 'Component.joinTo', t);
  }
  joinFrom(): QComponent {
    throw unsupported('Component.joinFrom (a one-to-many join)');
  }

  createCondition(o: unknown): QCondition {
    const opts = options('Component.createCondition', o);
    if (opts.formula !== undefined) throw unsupported('a condition with a formula');
    const fieldId = String(opts.fieldId ?? '').toLowerCase();
    const operator = String(opts.operator ?? '');
    if (!fieldId || !operator) {
      throw err('MISSING_REQD_ARGUMENT', 'Component.createCondition: fieldId and operator are required');
    }
    if (!OPERATORS.has(operator)) {
      throw err('INVALID_SEARCH_OPERATOR', `Component.createCondition: ${operator} is not a query.Operator`);
    }
    const raw = opts.values;
    const values: unknown[] = raw === undefined ? [] : Array.isArray(raw) ? [...raw] : [raw];
    for (const v of values) {
      if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
        throw unsupported(
          'relative dates and periods (query.createRelativeDate, query.createPeriod) in conditions',
        );
      }
    }
    const base = operator.replace(/_NOT$/, '');
    const arity =
      base === 'EMPTY'
        ? [0, 0]
        : base === 'BETWEEN' || base === 'WITHIN'
          ? [2, 2]
          : base === 'ANY_OF' || base.startsWith('MN_')
            ? [1, Infinity]
            : [1, 1];
    if (values.length < arity[0] || values.length > arity[1]) {
      throw err(
        'OPERATOR_ARITY_MISMATCH',
        `Component.createCondition: ${operator} takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]} or more`} values, ${values.length} given`,
      );
    }
    return new QCondition(this.host, {
      component: this,
      fieldId,
      operator,
      values,
      aggregate: opts.aggregate,
    });
  }

  createColumn(o: unknown): QColumn {
    const opts = options('Component.createColumn', o);
    if (opts.formula !== undefined) throw unsupported('a column with a formula');
    const fieldId = String(opts.fieldId ?? opts.name ?? '').toLowerCase();
    if (!fieldId)
      throw err('NEITHER_ARGUMENT_DEFINED', 'Component.createColumn: fieldId or formula is required');
    const aggregate = opts.aggregate === undefined || opts.aggregate === null ? null : String(opts.aggregate);
    if (aggregate !== null && !AGGREGATES.has(aggregate)) {
      throw err(
        'INVALID_SEARCH_SUMMARY_TYP',
        `Component.createColumn: ${aggregate} is not a query.Aggregate`,
      );
    }
    const ctxOpt = opts.context;
    const context =
      ctxOpt === undefined || ctxOpt === null
        ? undefined
        : typeof ctxOpt === 'string'
          ? { name: ctxOpt }
          : { name: String((ctxOpt as Opts).name), params: (ctxOpt as Opts).params };
    if (context && context.name !== FieldContext.DISPLAY && context.name !== FieldContext.RAW) {
      throw unsupported(`the field context ${context.name} (DISPLAY and RAW are)`);
    }
    return new QColumn(this, {
      fieldId,
      alias: opts.alias === undefined ? undefined : String(opts.alias),
      aggregate,
      groupBy: opts.groupBy === true,
      context,
    });
  }

  createSort(o: unknown): QSort {
    const opts = options('Component.createSort', o);
    if (!(opts.column instanceof QColumn)) {
      throw err('MISSING_REQD_ARGUMENT', 'Component.createSort: column must be a query.Column');
    }
    const ascending = opts.ascending !== false;
    return new QSort(
      opts.column,
      ascending,
      opts.nullsLast === undefined ? ascending : opts.nullsLast === true,
      opts.caseSensitive === true,
    );
  }
}

export class QColumn {
  readonly fieldId: string;
  readonly alias?: string;
  readonly aggregate: string | null;
  readonly groupBy: boolean;
  readonly context?: { name: string; params?: unknown };
  readonly formula = null;
  readonly type = null;
  constructor(
    readonly component: QComponent,
    o: {
      fieldId: string;
      alias?: string;
      aggregate: string | null;
      groupBy: boolean;
      context?: { name: string; params?: unknown };
    },
  ) {
    this.fieldId = o.fieldId;
    this.alias = o.alias;
    this.aggregate = o.aggregate;
    this.groupBy = o.groupBy;
    this.context = o.context;
  }
  get label(): string {
    return this.alias ?? this.fieldId;
  }
  private get def(): FieldDef | undefined {
    return this.component.field(this.fieldId);
  }
  private get display(): boolean {
    return this.context?.name === FieldContext.DISPLAY;
  }
  /** The stored value in a row (unset checkboxes read false, as NetSuite stores them). */
  raw(row: Row): unknown {
    const r = row.record(this.component);
    if (!r) return null;
    if (this.fieldId === 'id') return r.id;
    const v = r.values[this.fieldId];
    return v === undefined && this.def?.type === 'CHECKBOX' ? false : v;
  }
  /** The ReturnType name of the column's values (see the module comment). */
  get valueType(): string {
    if (this.aggregate?.startsWith('COUNT')) return ReturnType.INTEGER;
    if (this.fieldId === 'id') return ReturnType.INTEGER;
    const t = this.def?.type;
    if (t === 'CHECKBOX') return ReturnType.BOOLEAN;
    if (t === 'INTEGER') return ReturnType.INTEGER;
    if (t === 'FLOAT' || t === 'PERCENT') return ReturnType.FLOAT;
    if (t === 'CURRENCY') return ReturnType.CURRENCY;
    if (t === 'DATE') return ReturnType.DATE;
    if (t === 'DATETIME') return ReturnType.DATETIME;
    if (t === 'SELECT') return this.display ? ReturnType.STRING : ReturnType.INTEGER;
    return ReturnType.STRING;
  }
  /** A stored value as Query.run gives it. */
  out(v: unknown, store: RecordStore, prefs: Parameters<typeof formatDate>[1]): unknown {
    if (isEmpty(v)) return typeof v === 'boolean' ? v : null;
    if (typeof v === 'boolean') return v;
    if (v instanceof Date) return this.def?.type === 'DATE' ? formatDate(v, prefs) : formatDateTime(v, prefs);
    const t = this.def?.type;
    if (t === 'SELECT') {
      if (this.display && this.def?.selectType) return store.displayText(this.def.selectType, v) ?? String(v);
      const n = Number(v);
      return Number.isNaN(n) ? String(v) : n;
    }
    if (Array.isArray(v)) return v.join(',');
    if (typeof v === 'number') return v;
    if (t === 'INTEGER' || t === 'FLOAT' || t === 'CURRENCY' || t === 'PERCENT') {
      const n = Number(v);
      return Number.isNaN(n) ? v : n;
    }
    return String(v);
  }
  toJSON(): Opts {
    return { fieldId: this.fieldId, alias: this.alias ?? null, aggregate: this.aggregate, label: this.label };
  }
}

export class QSort {
  constructor(
    readonly column: QColumn,
    public ascending: boolean,
    public nullsLast: boolean,
    public caseSensitive: boolean,
    public locale = 'DEFAULT',
  ) {}
}

interface Leaf {
  component: QComponent;
  fieldId: string;
  operator: string;
  values: unknown[];
  aggregate?: unknown;
}

export class QCondition {
  readonly children?: QCondition[];
  readonly fieldId?: string;
  readonly operator?: string;
  readonly values?: unknown[];
  readonly component?: QComponent;
  readonly formula = undefined;
  constructor(
    private readonly host: QueryHost,
    leaf: Leaf | null,
    readonly logical?: 'AND' | 'OR' | 'NOT',
    children?: QCondition[],
  ) {
    if (leaf) {
      this.fieldId = leaf.fieldId;
      this.operator = leaf.operator;
      this.values = leaf.values;
      this.component = leaf.component;
      if (leaf.aggregate !== undefined) throw unsupported('aggregates in conditions');
    } else {
      this.children = children;
      this.operator = logical;
    }
  }

  test(row: Row): boolean {
    if (this.logical === 'AND') return this.children!.every((c) => c.test(row));
    if (this.logical === 'OR') return this.children!.some((c) => c.test(row));
    if (this.logical === 'NOT') return !this.children![0].test(row);
    const op = this.operator!;
    const negated = op.endsWith('_NOT');
    return negated !== this.leafTest(op.replace(/_NOT$/, ''), row);
  }

  private leafTest(op: string, row: Row): boolean {
    const r = row.record(this.component!);
    const def = this.component!.field(this.fieldId!);
    let v: unknown = !r ? null : this.fieldId === 'id' ? r.id : r.values[this.fieldId!];
    if (v === undefined && def?.type === 'CHECKBOX') v = false;
    const vals = this.values!;
    if (op === 'EMPTY') return isEmpty(v);
    if (op.startsWith('MN_')) {
      const have = new Set((Array.isArray(v) ? v : isEmpty(v) ? [] : [v]).map(String));
      const want = vals.map(String);
      const anyIn = want.some((w) => have.has(w));
      const allIn = want.every((w) => have.has(w));
      const exactly = allIn && have.size === new Set(want).size;
      switch (op) {
        case 'MN_INCLUDE':
          return anyIn;
        case 'MN_INCLUDE_ALL':
          return allIn;
        case 'MN_INCLUDE_EXACTLY':
          return exactly;
        case 'MN_EXCLUDE':
          return !anyIn;
        case 'MN_EXCLUDE_ALL':
          return !allIn;
        default:
          return !exactly;
      }
    }
    if (isEmpty(v)) return false;
    if (op === 'ANY_OF') {
      const list = Array.isArray(v) ? v : [v];
      return vals.some((w) => list.some((x) => String(x) === String(w)));
    }
    if (['AFTER', 'BEFORE', 'ON', 'ON_OR_AFTER', 'ON_OR_BEFORE', 'WITHIN'].includes(op)) {
      if (!(v instanceof Date)) return false;
      const t = v.getTime();
      const a = this.span(vals[0]);
      const b = op === 'WITHIN' ? this.span(vals[1]) : a;
      switch (op) {
        case 'AFTER':
          return t > a.end;
        case 'BEFORE':
          return t < a.start;
        case 'ON':
          return t >= a.start && t <= a.end;
        case 'ON_OR_AFTER':
          return t >= a.start;
        case 'ON_OR_BEFORE':
          return t <= a.end;
        default:
          return t >= a.start && t <= b.end;
      }
    }
    const text = String(v).toLowerCase();
    const w = vals[0];
    switch (op) {
      case 'CONTAIN':
        return text.includes(String(w).toLowerCase());
      case 'START_WITH':
        return text.startsWith(String(w).toLowerCase());
      case 'ENDWITH':
        return text.endsWith(String(w).toLowerCase());
      case 'BETWEEN':
        return compare(v, vals[0]) >= 0 && compare(v, vals[1]) <= 0;
      case 'EQUAL':
      case 'IS':
        return compare(v, w) === 0;
      case 'GREATER':
        return compare(v, w) > 0;
      case 'GREATER_OR_EQUAL':
        return compare(v, w) >= 0;
      case 'LESS':
        return compare(v, w) < 0;
      default:
        return compare(v, w) <= 0;
    }
  }

  /** The instants a date value covers: a day (text in the user's date format, or a Date's day) or an instant. */
  private span(v: unknown): { start: number; end: number } {
    const prefs = this.host.ctx.account.preferences;
    const text = v instanceof Date ? formatDate(v, prefs) : String(v);
    const p = parseUserDate(text, prefs);
    if (!p) throw err('INVALID_SRCH_FILTER_EXPR', `N/query: ${String(v)} is not a date`);
    return { start: p.start.getTime(), end: p.end.getTime() };
  }
}

/** The rows of a query: filtered, grouped when a column aggregates, sorted; values as Query.run gives them. */
function execute(q: QQuery): { columns: QColumn[]; rows: unknown[][] } {
  const { store } = q.host;
  const prefs = q.host.ctx.account.preferences;
  const columns = q.columns.length ? q.columns : [q.root.createColumn({ fieldId: 'id' })];
  let rows = [...store.all(q.type)].map((r) => new Row(r, store));
  if (q.condition) rows = rows.filter((r) => q.condition!.test(r));
  const sortRows = <T>(list: T[], key: (x: T, c: QColumn) => unknown) => {
    if (!q.sort.length) return list;
    return [...list].sort((a, b) => {
      for (const s of q.sort) {
        const x = key(a, s.column);
        const y = key(b, s.column);
        const nx = isEmpty(x);
        const ny = isEmpty(y);
        if (nx || ny) {
          if (nx && ny) continue;
          return (nx ? 1 : -1) * (s.nullsLast ? 1 : -1);
        }
        let c: number;
        if (s.caseSensitive && typeof x === 'string' && typeof y === 'string') c = x < y ? -1 : x > y ? 1 : 0;
        else c = compare(x, y);
        if (c !== 0) return s.ascending ? c : -c;
      }
      return 0;
    });
  };
  if (!columns.some((c) => c.aggregate)) {
    const sorted = sortRows(rows, (r, c) => c.raw(r));
    return { columns, rows: sorted.map((r) => columns.map((c) => c.out(c.raw(r), store, prefs))) };
  }
  // aggregates: group by every column without one
  const groups = new Map<string, Row[]>();
  const keyCols = columns.filter((c) => !c.aggregate);
  for (const r of rows) {
    const k = JSON.stringify(keyCols.map((c) => c.raw(r) ?? null));
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  if (!groups.size && !keyCols.length) groups.set('[]', []);
  const agg = (c: QColumn, g: Row[]): unknown => {
    let vals = g.map((r) => c.raw(r)).filter((v) => !isEmpty(v));
    if (c.aggregate!.endsWith('_DISTINCT')) {
      const seen = new Set<string>();
      vals = vals.filter((v) => {
        const k = v instanceof Date ? String(v.getTime()) : String(v);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    }
    const base = c.aggregate!.replace(/_DISTINCT$/, '');
    if (base === 'COUNT') return vals.length;
    if (!vals.length) return null;
    if (base === 'MINIMUM' || base === 'MAXIMUM') {
      const s = [...vals].sort(compare);
      return c.out(base === 'MINIMUM' ? s[0] : s[s.length - 1], store, prefs);
    }
    const nums = vals.map(Number).filter((n) => !Number.isNaN(n));
    if (base === 'SUM') return nums.reduce((a, b) => a + b, 0);
    if (base === 'AVERAGE') return nums.reduce((a, b) => a + b, 0) / nums.length;
    const s = [...nums].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const out = [...groups.values()].map((g) => ({
    g,
    values: columns.map((c) =>
      c.aggregate ? agg(c, g) : g.length ? c.out(c.raw(g[0]), store, prefs) : null,
    ),
  }));
  const sorted = sortRows(out, (x, c) => x.values[columns.indexOf(c)]);
  return { columns, rows: sorted.map((x) => x.values) };
}

/** The ResultSet of Query.run / a page: results, types, columns, asMappedResults, iterator. */
export function queryResultSet(columns: QColumn[], rows: unknown[][]) {
  const labels = columns.map((c) => c.label);
  const types = columns.map((c) => c.valueType);
  const results = rows.map((values) => ({
    values,
    asMap: () => Object.fromEntries(labels.map((l, i) => [l, values[i]])),
    toJSON: () => ({ types, values }),
  }));
  return {
    columns,
    types,
    results,
    asMappedResults: () => results.map((r) => r.asMap()),
    iterator: () => ({
      each(cb: (r: { value: unknown }) => unknown) {
        for (const r of results) if (cb({ value: r }) !== true) break;
      },
    }),
  };
}

/** PagedData over rows already computed: pages of `size`, fetch free (help "PagedData.fetch(options)"). */
export function pagedData(
  rows: unknown[][],
  size: number,
  page: (slice: unknown[][]) => unknown,
  onFetch: () => void = () => {},
) {
  const count = rows.length;
  const pageRanges = Array.from({ length: Math.ceil(count / size) }, (_, index) => ({
    index,
    size: Math.min(size, count - index * size),
  }));
  const data: Opts = { count, pageSize: size, pageRanges };
  const fetch = (o: unknown) => {
    const index = typeof o === 'number' ? o : Number((o as { index?: unknown })?.index);
    if (Number.isNaN(index)) throw err('INVALID_PAGE_INDEX', 'PagedData.fetch: index must be a number');
    if (!(index >= 0 && index < pageRanges.length)) {
      throw err('INVALID_PAGE_RANGE', `PagedData.fetch: no page ${index}`);
    }
    onFetch();
    return {
      data: page(rows.slice(index * size, (index + 1) * size)),
      pageRange: pageRanges[index],
      isFirst: index === 0,
      isLast: index === pageRanges.length - 1,
      pagedData: data,
    };
  };
  data.fetch = fetch;
  data.iterator = () => ({
    each(cb: (p: { value: unknown }) => unknown) {
      for (const r of pageRanges) if (cb({ value: fetch({ index: r.index }) }) !== true) break;
    },
  });
  return data;
}

export function pageSizeOf(api: string, o: unknown): number {
  const raw = (o as { pageSize?: unknown } | undefined)?.pageSize;
  const size = raw === undefined ? 50 : Number(raw);
  if (!Number.isInteger(size) || size < 5 || size > 1000) {
    throw err('INVALID_PAGE_RANGE', `${api}: pageSize must be 5 to 1000`);
  }
  return size;
}

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

/**
 * A saved query definition (an SDF `dataset` object, or one a test registers), in the JSON form the emulator
 * reads: `{ type, columns: [{ fieldId, alias?, join?, aggregate?, context? }], condition?, sort?: [{ column,
 * ascending? }] }` where `join` is a dotted path of select fields ('subsidiary.parent'), a condition is
 * `{ fieldId, operator, values, join? }` or `{ operator: 'AND' | 'OR' | 'NOT', children: [...] }`, and a
 * sort's `column` is a column's alias or field id.
 */
export interface QueryDefinition {
  type: string;
  columns?: Array<{ fieldId: string; alias?: string; join?: string; aggregate?: string; context?: string }>;
  condition?: unknown;
  sort?: Array<{ column: string; ascending?: boolean }>;
}

/** Builds a Query from a definition (query.load, getInputData `{ type: 'query', id }`). */
export function queryFromDefinition(
  host: QueryHost,
  def: QueryDefinition,
  id: string | number,
  name: string,
): QQuery {
  const type = String(def?.type ?? '').toLowerCase();
  if (!type || !host.store.hasType(type)) {
    throw err('UNABLE_TO_LOAD_QUERY', `query.load: the query ${String(id)} has an unknown type ${type}`);
  }
  const q = new QQuery(host, type, id, name);
  const at = (join?: string): QComponent => {
    let c = q.root;
    for (const f of (join ?? '').split('.').filter(Boolean))
      c = c.child[f.toLowerCase()] ?? c.autoJoin({ fieldId: f });
    return c;
  };
  const cond = (c: Opts): QCondition => {
    const op = String(c.operator ?? '').toUpperCase();
    if (op === 'AND' || op === 'OR')
      return q[op === 'AND' ? 'and' : 'or'](...((c.children as Opts[]) ?? []).map(cond));
    if (op === 'NOT') return q.not(cond(((c.children as Opts[]) ?? [])[0]));
    return at(c.join as string | undefined).createCondition(c);
  };
  q.columns = (def.columns ?? []).map((c) => at(c.join).createColumn(c));
  if (def.condition) q.condition = cond(def.condition as Opts);
  q.sort = (def.sort ?? []).map((s) => {
    const col = q.columns.find((c) => c.label === String(s.column).toLowerCase() || c.alias === s.column);
    if (!col) throw err('UNABLE_TO_LOAD_QUERY', `query.load: sort on ${String(s.column)}, not a column`);
    return q.createSort({ column: col, ascending: s.ascending !== false });
  });
  return q;
}

/** The Query-object members of N/query (merged into the module by modules/query.ts). */
export function createQueryObjectMembers(ctx: ExecutionContext) {
  const host: QueryHost = { ctx, store: ctx.account.records };
  const datasets = (
    ctx.account as unknown as { datasets?: Map<string, { id: number; name: string; definition: unknown }> }
  ).datasets;
  const load = (o: unknown): QQuery => {
    const opts = options('query.load', o);
    if (opts.id === undefined || opts.id === null || opts.id === '') {
      throw err('MISSING_REQD_ARGUMENT', 'query.load: Missing a required argument: id');
    }
    ctx.charge('query.load', 5);
    const key = String(opts.id).toLowerCase();
    const found = datasets?.get(key) ?? [...(datasets?.values() ?? [])].find((d) => String(d.id) === key);
    if (!found) throw err('UNABLE_TO_LOAD_QUERY', `query.load: no query or dataset ${String(opts.id)}`);
    if (typeof found.definition === 'string') {
      throw unsupported(
        `query.load of ${String(opts.id)}: its SDF definition is not in the JSON form the emulator reads (NetSuite does not document the exported form)`,
      );
    }
    return queryFromDefinition(host, found.definition as QueryDefinition, found.id, found.name);
  };
  return {
    Operator,
    Aggregate,
    ReturnType,
    FieldContext,
    Type: new Proxy({} as Record<string, string>, {
      get: (_, k) => (typeof k === 'string' ? k.toLowerCase().replace(/_/g, '') : undefined),
    }),
    create(o: unknown): QQuery {
      const opts = options('query.create', o);
      const type = String(opts.type ?? '').toLowerCase();
      if (!type) throw err('MISSING_REQD_ARGUMENT', 'query.create: Missing a required argument: type');
      if (!host.store.hasType(type))
        throw err('INVALID_RCRD_TYPE', `query.create: ${type} is not a query type`);
      const q = new QQuery(host, type);
      // the options' columns, condition and sort are created on the root (stub "query.create")
      if (Array.isArray(opts.columns))
        q.columns = opts.columns.map((c) => (c instanceof QColumn ? c : q.createColumn(c)));
      if (opts.condition) {
        q.condition =
          opts.condition instanceof QCondition ? opts.condition : q.createCondition(opts.condition);
      }
      if (Array.isArray(opts.sort)) q.sort = opts.sort.map((s) => (s instanceof QSort ? s : q.createSort(s)));
      return q;
    },
    load,
    createRelativeDate() {
      throw unsupported('query.createRelativeDate');
    },
    createPeriod() {
      throw unsupported('query.createPeriod');
    },
    listTables() {
      throw unsupported('query.listTables');
    },
  };
}

// members of NetSuite's Query the emulator lacks throw "not emulated" (sandbox/notEmulated.ts)
stubMissingMembers(QQuery.prototype, 'N/query.Query');
