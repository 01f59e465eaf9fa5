/**
 * The parts a query is built of: components (the root record type and the types joined to it through
 * select fields), columns, sorts and conditions, and the Row that resolves a component's record.
 */
import { formatDate, formatDateTime, parseUserDate } from '../../data/dates';
import type { FieldDef, StoredRecord } from '../../data/records/types';
import type { RecordStore } from '../../data/recordStore';
import { compare } from './suiteql';
import {
  AGGREGATES,
  FieldContext,
  OPERATORS,
  ReturnType,
  err,
  isEmpty,
  options,
  unsupported,
  type Opts,
  type QueryHost,
} from './common';

/** A row of the root type and the records reached through its joins (cached per component path). */
export class Row {
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
