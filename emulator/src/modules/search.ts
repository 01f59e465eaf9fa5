/**
 * N/search over the account's RecordStore and File Cabinet.
 *
 * Behaviour and limits (NetSuite help, N/search module pages; shared/spec/netsuite-facts.md):
 * - search.create, Search.run, createFilter/createColumn: 0 units; search.load, Search.save,
 *   Search.runPaged, PagedData.fetch: 5 units; ResultSet.each and ResultSet.getRange: 10 units per
 *   call; search.lookupFields: 1 unit.
 * - ResultSet.each iterates at most 4,000 results; ResultSet.getRange returns at most 1,000 per call
 *   ("you can only return 1,000 at a time", help page "ResultSet.getRange(options)").
 * - Search.runPaged: pageSize 5–1,000 (default 50), at most 1,000 pages (help page
 *   "Search.runPaged(options)"); PagedData.fetch with a bad index throws INVALID_PAGE_RANGE
 *   "Invalid page range." (help page "PagedData.fetch(options)").
 * - Unknown columns / filters throw SSS_INVALID_SRCH_COL / SSS_INVALID_SRCH_FILTER with NetSuite's
 *   nlobj wording; search.load of an unknown id throws INVALID_SEARCH "That search or mass update
 *   does not exist." (SuiteTalk SSS_INVALID_SRCH_ID carries the same message).
 * - Unverified codes (kept in ERROR_CODES so they are easy to correct): the getRange over 1,000 and
 *   the runPaged page size errors.
 *
 * Result shapes: Result.getValue returns strings (select: internal id; dates in the user's date
 * format, date/times as "date time"), booleans for checkboxes; Result.getText returns the text of
 * select columns (null for others). Result.toJSON() — what a map/reduce map stage receives —
 * gives { recordType, id, values } with select columns as { value, text } objects, multi-selects as
 * arrays of them, checkboxes as 'T'/'F', summary columns keyed "MAX(internalid)" and joined columns
 * keyed "name.join".
 */
import { withPromise } from '../core/promise';
import type * as searchTypes from 'N/search';
import type { ExecutionContext } from '../core/context';
import { nsError } from '../core/errors';
import { COSTS } from '../core/governance';
import type { FieldDef, RecordStore, RecordTypeDef, StoredRecord } from '../data/recordStore';
import { isNumberType, isTextType } from '../data/recordStore';
import { FILE_SEARCH_DEF } from '../data/fileCabinet';
import {
  SCRIPT_INSTANCE_SEARCH_DEF,
  SCRIPT_INSTANCE_TYPE,
  scriptInstanceRows,
} from '../data/scriptInstances';
import { dayRange, formatDate, formatDateTime, parseUserDate, type ParsedDate } from '../data/dates';
import { missingArgument, unsupported } from './record';

export const ERROR_CODES = {
  /** getRange asked for more than 1,000 rows (code unverified). */
  rangeTooLarge: 'SSS_INVALID_SEARCH_RANGE',
  /** runPaged pageSize outside 5–1,000 (code unverified). */
  pageSize: 'INVALID_PAGE_SIZE',
  /** PagedData.fetch index (help page "PagedData.fetch(options)"). */
  pageRange: 'INVALID_PAGE_RANGE',
};

let instanceVersion = 0;

export const LIMITS = {
  each: 4000,
  getRange: 1000,
  minPageSize: 5,
  maxPageSize: 1000,
  maxPages: 1000,
} as const;

const OPERATORS = [
  'AFTER',
  'ALLOF',
  'ANY',
  'ANYOF',
  'BEFORE',
  'BETWEEN',
  'CONTAINS',
  'DOESNOTCONTAIN',
  'DOESNOTSTARTWITH',
  'EQUALTO',
  'GREATERTHAN',
  'GREATERTHANOREQUALTO',
  'HASKEYWORDS',
  'IS',
  'ISEMPTY',
  'ISNOT',
  'ISNOTEMPTY',
  'LESSTHAN',
  'LESSTHANOREQUALTO',
  'NONEOF',
  'NOTAFTER',
  'NOTALLOF',
  'NOTBEFORE',
  'NOTBETWEEN',
  'NOTEQUALTO',
  'NOTGREATERTHAN',
  'NOTGREATERTHANOREQUALTO',
  'NOTLESSTHAN',
  'NOTLESSTHANOREQUALTO',
  'NOTON',
  'NOTONORAFTER',
  'NOTONORBEFORE',
  'NOTWITHIN',
  'ON',
  'ONORAFTER',
  'ONORBEFORE',
  'STARTSWITH',
  'WITHIN',
];
export const Operator = Object.freeze(Object.fromEntries(OPERATORS.map((o) => [o, o.toLowerCase()])));
const OPERATOR_SET = new Set(OPERATORS.map((o) => o.toLowerCase()));
export const Summary = Object.freeze({
  GROUP: 'group',
  COUNT: 'count',
  SUM: 'sum',
  AVG: 'avg',
  MIN: 'min',
  MAX: 'max',
});
export const Sort = Object.freeze({ ASC: 'ASC', DESC: 'DESC', NONE: 'NONE' });
export const SearchType = Object.freeze({
  CUSTOMER: 'customer',
  CUSTOMER_STATUS: 'customerstatus',
  SUBSIDIARY: 'subsidiary',
  EMPLOYEE: 'employee',
  FOLDER: 'folder',
  FILE: 'file',
  SAVED_SEARCH: 'savedsearch',
  CUSTOM_RECORD: 'customrecord',
  CAMPAIGN: 'campaign',
  ENTITY: 'entity',
  TRANSACTION: 'transaction',
  SALES_ORDER: 'salesorder',
});

type Opts = Record<string, unknown>;

// ---------------------------------------------------------------------------------- columns / filters

function parseName(raw: string): { name: string; join?: string } {
  const i = raw.indexOf('.');
  if (i > 0 && !/^formula/i.test(raw))
    return { join: raw.slice(0, i).toLowerCase(), name: raw.slice(i + 1).toLowerCase() };
  return { name: raw.toLowerCase() };
}

export class EmColumn {
  name: string;
  join?: string;
  summary?: string;
  formula?: string;
  label?: string;
  function?: string;
  sort?: string;
  constructor(o: Opts) {
    if (!o || o.name === undefined || o.name === '') throw missingArgument('search.createColumn', 'name');
    const p = o.join
      ? { name: String(o.name).toLowerCase(), join: String(o.join).toLowerCase() }
      : parseName(String(o.name));
    this.name = p.name;
    if (p.join) this.join = p.join;
    if (o.summary) {
      const s = String(o.summary).toLowerCase();
      if (!Object.values(Summary).includes(s as never)) {
        throw nsError(
          'SSS_INVALID_SRCH_COLUMN_SUM',
          `An unknown summary type was provided: ${String(o.summary)}`,
        );
      }
      this.summary = s;
    }
    if (o.formula !== undefined) this.formula = String(o.formula);
    if (o.label !== undefined) this.label = String(o.label);
    if (o.function !== undefined) this.function = String(o.function);
    if (o.sort !== undefined) this.sort = String(o.sort).toUpperCase();
  }
  setWhenOrderedBy(): this {
    return this;
  }
  /** Key of this column in Result.toJSON().values. */
  get key(): string {
    const base = this.join ? `${this.name}.${this.join}` : this.name;
    return this.summary ? `${this.summary.toUpperCase()}(${base})` : base;
  }
  toString(): string {
    return 'search.Column';
  }
  toJSON(): Opts {
    return {
      name: this.name,
      join: this.join ?? null,
      summary: this.summary ?? null,
      label: this.label ?? null,
      formula: this.formula ?? null,
      function: this.function ?? null,
      sortdir: this.sort ?? 'NONE',
    };
  }
}

export class EmFilter {
  name: string;
  join?: string;
  operator: string;
  summary?: string;
  formula?: string;
  values: unknown[];
  constructor(o: Opts) {
    if (!o || o.name === undefined || o.name === '') throw missingArgument('search.createFilter', 'name');
    if (!o.operator) throw missingArgument('search.createFilter', 'operator');
    const p = o.join
      ? { name: String(o.name).toLowerCase(), join: String(o.join).toLowerCase() }
      : parseName(String(o.name));
    this.name = p.name;
    if (p.join) this.join = p.join;
    const op = String(o.operator).toLowerCase();
    if (!OPERATOR_SET.has(op))
      throw nsError(
        'SSS_INVALID_SRCH_OPERATOR',
        `An nlobjSearchFilter contains an invalid operator, or is not in proper syntax: ${op}.`,
      );
    this.operator = op;
    if (o.summary) this.summary = String(o.summary).toLowerCase();
    if (o.formula !== undefined) this.formula = String(o.formula);
    const v = o.values;
    this.values = v === undefined || v === null ? [] : Array.isArray(v) ? v.flat() : [v];
  }
  toString(): string {
    return 'search.Filter';
  }
  toJSON(): Opts {
    return {
      name: this.name,
      join: this.join ?? null,
      operator: this.operator,
      summary: this.summary ?? null,
      formula: this.formula ?? null,
      values: this.values.map((v) => (v instanceof Date ? v.toISOString() : String(v))),
      isor: false,
      isnot: false,
      leftparens: 0,
      rightparens: 0,
    };
  }
}

type FNode =
  { k: 'c'; f: EmFilter } | { k: 'and'; c: FNode[] } | { k: 'or'; c: FNode[] } | { k: 'not'; c: FNode };

function isConditionArray(a: unknown): a is unknown[] {
  return (
    Array.isArray(a) &&
    typeof a[0] === 'string' &&
    a[0].toUpperCase() !== 'NOT' &&
    typeof a[1] === 'string' &&
    OPERATOR_SET.has(a[1].toLowerCase())
  );
}

function filterFromArray(a: unknown[]): EmFilter {
  const raw = String(a[0]);
  if (/^formula/i.test(raw)) {
    const [name, formula] = raw.split(/:(.*)/s);
    return new EmFilter({ name, formula: formula?.trim(), operator: a[1], values: a.slice(2) });
  }
  return new EmFilter({ name: raw, operator: a[1], values: a.slice(2) });
}

function toFilter(x: unknown): EmFilter {
  if (x instanceof EmFilter) return x;
  if (Array.isArray(x)) return filterFromArray(x);
  if (x && typeof x === 'object') return new EmFilter(x as Opts);
  throw nsError('SSS_INVALID_SRCH_FILTER_EXPR', `Malformed search filter expression: ${JSON.stringify(x)}`);
}

function badExpr(x: unknown): Error {
  return nsError('SSS_INVALID_SRCH_FILTER_EXPR', `Malformed search filter expression: ${JSON.stringify(x)}`);
}

/** Parses a filter expression: terms joined by 'AND' / 'OR' (AND binds tighter), 'NOT' prefixes. */
function parseExpression(tokens: unknown[]): FNode {
  let i = 0;
  const peekWord = (): string | undefined =>
    typeof tokens[i] === 'string' ? String(tokens[i]).toUpperCase() : undefined;
  const term = (): FNode => {
    const t = tokens[i];
    if (typeof t === 'string' && t.toUpperCase() === 'NOT') {
      i++;
      return { k: 'not', c: term() };
    }
    i++;
    if (t instanceof EmFilter) return { k: 'c', f: t };
    if (isConditionArray(t)) return { k: 'c', f: filterFromArray(t) };
    if (Array.isArray(t)) return parseExpression(t);
    if (t && typeof t === 'object') return { k: 'c', f: new EmFilter(t as Opts) };
    throw badExpr(t);
  };
  const and = (): FNode => {
    const c = [term()];
    while (i < tokens.length) {
      const w = peekWord();
      if (w === 'AND') {
        i++;
        c.push(term());
      } else if (w === 'OR') break;
      else c.push(term()); // adjacent terms: implicit AND
    }
    return c.length === 1 ? c[0] : { k: 'and', c };
  };
  const c = [and()];
  while (i < tokens.length && peekWord() === 'OR') {
    i++;
    c.push(and());
  }
  return c.length === 1 ? c[0] : { k: 'or', c };
}

/** filters option → expression tree (null when there are none). */
function normalizeFilters(filters: unknown): {
  node: FNode | null;
  list: EmFilter[] | null;
  expr: unknown[] | null;
} {
  if (filters === undefined || filters === null) return { node: null, list: [], expr: null };
  if (filters instanceof EmFilter) return { node: { k: 'c', f: filters }, list: [filters], expr: null };
  if (!Array.isArray(filters)) throw badExpr(filters);
  if (filters.length === 0) return { node: null, list: [], expr: null };
  if (filters.every((x) => x instanceof EmFilter || (x && typeof x === 'object' && !Array.isArray(x)))) {
    const list = filters.map(toFilter);
    return { node: null, list, expr: null };
  }
  if (isConditionArray(filters))
    return { node: { k: 'c', f: filterFromArray(filters) }, list: null, expr: filters };
  return { node: parseExpression(filters), list: null, expr: filters };
}

/** A filter tree as a filter expression (search.Search.filterExpression). */
function nodeToExpression(node: FNode): unknown {
  if (node.k === 'c') {
    const f = node.f;
    const name = f.summary ? `${f.summary}(${f.name})` : f.join ? `${f.join}.${f.name}` : f.name;
    return [name, f.operator, ...f.values];
  }
  if (node.k === 'not') return ['NOT', nodeToExpression(node.c)];
  const out: unknown[] = [];
  for (const c of node.c) {
    if (out.length) out.push(node.k === 'and' ? 'AND' : 'OR');
    out.push(nodeToExpression(c));
  }
  return out;
}

function flatten(node: FNode | null, out: EmFilter[] = []): EmFilter[] {
  if (!node) return out;
  if (node.k === 'c') out.push(node.f);
  else if (node.k === 'not') flatten(node.c, out);
  else for (const c of node.c) flatten(c, out);
  return out;
}

function toColumn(c: unknown): EmColumn {
  if (c instanceof EmColumn) return c;
  if (typeof c === 'string') return new EmColumn({ name: c });
  if (c && typeof c === 'object') return new EmColumn(c as Opts);
  throw nsError(
    'SSS_INVALID_SRCH_COL',
    `An nlobjSearchColumn contains an invalid column, or is not in proper syntax: ${String(c)}.`,
  );
}

// ---------------------------------------------------------------------------------- evaluation

interface Accessor {
  def: FieldDef;
  get: (r: StoredRecord) => unknown;
  /** Select fields: the type whose records the value points at. */
  selectType?: string;
}

type Row = { rec: StoredRecord; group?: undefined } | { rec?: undefined; group: GroupRow };
interface GroupRow {
  values: unknown[];
  first: StoredRecord;
}

function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

class Engine {
  constructor(private readonly ctx: ExecutionContext) {}

  get store(): RecordStore {
    return this.ctx.account.records;
  }

  typeDef(type: string): RecordTypeDef {
    if (type === 'file') return FILE_SEARCH_DEF;
    if (type === SCRIPT_INSTANCE_TYPE) return SCRIPT_INSTANCE_SEARCH_DEF;
    if (!this.store.hasType(type)) {
      throw nsError('SSS_INVALID_RECORD_TYPE', `The record type [${type}] is not a valid search type.`);
    }
    return this.store.typeDef(type);
  }

  rows(type: string): Iterable<StoredRecord> {
    if (type === 'file') return this.ctx.account.files.searchRows();
    if (type === SCRIPT_INSTANCE_TYPE)
      return scriptInstanceRows((this.ctx.account as { tasks?: { entries: [] } }).tasks?.entries ?? []);
    return this.store.all(type);
  }

  version(type: string, joins: string[]): string {
    // Script instances change as tasks run: never reuse their rows.
    if (type === SCRIPT_INSTANCE_TYPE) return `i${++instanceVersion}`;
    const parts = [
      type === 'file' ? `f${this.ctx.account.files.version()}` : String(this.store.version(type)),
    ];
    for (const j of joins) parts.push(String(this.store.version(j)));
    return parts.join(':');
  }

  accessor(type: string, name: string, join: string | undefined, kind: 'filter' | 'column'): Accessor {
    const invalid = (): Error =>
      kind === 'filter'
        ? nsError(
            'SSS_INVALID_SRCH_FILTER',
            `An nlobjSearchFilter contains invalid search criteria: ${join ? join + '.' : ''}${name}.`,
          )
        : nsError(
            'SSS_INVALID_SRCH_COL',
            `An nlobjSearchColumn contains an invalid column, or is not in proper syntax: ${join ? join + '.' : ''}${name}.`,
          );
    if (/^formula/.test(name)) {
      throw nsError(
        kind === 'filter' ? 'SSS_INVALID_SRCH_FILTER' : 'SSS_INVALID_SRCH_COL',
        `Formula ${kind}s (${name}) are not supported by the NetSuite emulator; use plain fields.`,
      );
    }
    const def = this.typeDef(type);
    // A search type may offer joined fields itself (scheduledscriptinstance's script.scriptid).
    const joined = join ? def.computed[`${join}.${name}`] : undefined;
    if (joined) return { def: joined.def, get: joined.get };
    if (join) {
      const jf = def.fields[join];
      if (!jf || jf.type !== 'SELECT' || !jf.selectType || !this.store.hasType(jf.selectType))
        throw invalid();
      const jt = jf.selectType;
      const inner = this.accessor(jt, name, undefined, kind);
      const store = this.store;
      return {
        def: inner.def,
        selectType: inner.selectType,
        get: (r) => {
          const v = r.values[join];
          if (v === undefined || v === null || v === '') return undefined;
          const jr = store.get(jt, v as string);
          return jr ? inner.get(jr) : undefined;
        },
      };
    }
    if (name === 'internalid') {
      return {
        def: { id: name, label: 'Internal ID', type: 'SELECT', selectType: type },
        selectType: type,
        get: (r) => String(r.id),
      };
    }
    if (name === 'internalidnumber') {
      return { def: { id: name, label: 'Internal ID (Number)', type: 'INTEGER' }, get: (r) => r.id };
    }
    const comp = def.computed[name];
    if (comp) return { def: comp.def, get: comp.get };
    const fd = def.fields[name];
    if (!fd) throw invalid();
    const sel =
      (fd.type === 'SELECT' || fd.type === 'MULTISELECT') &&
      fd.selectType &&
      (fd.selectType === 'file' || this.store.hasType(fd.selectType))
        ? fd.selectType
        : undefined;
    return { def: fd, selectType: sel, get: (r) => r.values[name] };
  }

  /** Text of a select value. */
  selectText(selectType: string | undefined, v: unknown): string {
    if (isEmptyValue(v)) return '';
    if (!selectType) return String(v);
    return this.store.displayText(selectType, v) ?? String(v);
  }

  dateRange(v: unknown, fieldId: string): ParsedDate {
    const prefs = this.ctx.account.preferences;
    if (v instanceof Date) return { start: v, end: v, hasTime: true };
    const s = String(v).trim();
    const rel = s.toLowerCase();
    const now = this.ctx.account.now();
    if (rel === 'today') return dayRange(now, prefs);
    if (rel === 'yesterday') return dayRange(now, prefs, -1);
    if (rel === 'tomorrow') return dayRange(now, prefs, 1);
    const ago = /^daysago(\d+)$/.exec(rel);
    if (ago) return dayRange(now, prefs, -Number(ago[1]));
    const ahead = /^daysfromnow(\d+)$/.exec(rel);
    if (ahead) return dayRange(now, prefs, Number(ahead[1]));
    const p = parseUserDate(s, prefs);
    if (!p) {
      throw nsError(
        'SSS_INVALID_SRCH_FILTER',
        `Invalid date value ${s} for filter ${fieldId}: dates must follow the user's date format (${prefs.dateFormat}${s.includes(':') ? ' ' + prefs.timeFormat : ''}).`,
      );
    }
    return p;
  }

  compile(type: string, node: FNode | null): (r: StoredRecord) => boolean {
    if (!node) return () => true;
    switch (node.k) {
      case 'and': {
        const cs = node.c.map((c) => this.compile(type, c));
        return (r) => {
          for (const c of cs) if (!c(r)) return false;
          return true;
        };
      }
      case 'or':
        return this.compileOr(type, node.c);
      case 'not': {
        const c = this.compile(type, node.c);
        return (r) => !c(r);
      }
      default:
        return this.compileCondition(type, node.f);
    }
  }

  /**
   * OR of conditions. Plain `is` conditions on text fields (the shape of "one of these values",
   * e.g. 50 rows' ids OR'ed per field) are merged into one set lookup per field, so a record costs
   * one lowercase per field instead of one comparison per value: same results, O(fields) per record.
   */
  private compileOr(type: string, children: FNode[]): (r: StoredRecord) => boolean {
    const leaves: FNode[] = [];
    const flatten = (ns: FNode[]) => {
      for (const n of ns)
        if (n.k === 'or') flatten(n.c);
        else leaves.push(n);
    };
    flatten(children);
    const sets = new Map<string, { get: (r: StoredRecord) => unknown; want: Set<string> }>();
    const others: ((r: StoredRecord) => boolean)[] = [];
    for (const n of leaves) {
      const compiled = this.compile(type, n); // validates the condition as before
      const f = n.k === 'c' ? n.f : null;
      if (f && f.operator === 'is' && !f.summary) {
        const acc = this.accessor(type, f.name, f.join, 'filter');
        const ft = acc.def.type;
        if (ft !== 'CHECKBOX' && !isNumberType(ft)) {
          const key = `${f.join ?? ''}.${f.name}`;
          const entry = sets.get(key) ?? { get: acc.get, want: new Set<string>() };
          entry.want.add(String(f.values[0] ?? '').toLowerCase());
          sets.set(key, entry);
          continue;
        }
      }
      others.push(compiled);
    }
    const lookups = [...sets.values()];
    return (r) => {
      for (const { get, want } of lookups) {
        const v = get(r);
        if (want.has(isEmptyValue(v) ? '' : String(v).toLowerCase())) return true;
      }
      for (const c of others) if (c(r)) return true;
      return false;
    };
  }

  private compileCondition(type: string, f: EmFilter): (r: StoredRecord) => boolean {
    // A summary filter (HAVING) applies to groups, after summarizing: see EmSearch.having.
    if (f.summary) return () => true;
    const acc = this.accessor(type, f.name, f.join, 'filter');
    const get = acc.get;
    const ft = acc.def.type;
    const op = f.operator;
    const vals = f.values;
    const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
    const numOf = (r: StoredRecord): number | null => {
      const v = get(r);
      if (v === undefined || v === null || v === '') return null;
      const n = v instanceof Date ? v.getTime() : Number(v);
      return Number.isFinite(n) ? n : null;
    };
    switch (op) {
      case 'anyof':
      case 'noneof':
      case 'allof':
      case 'notallof': {
        const set = new Set(vals.map((v) => String(v)));
        const none = set.has('@NONE@');
        const any = (r: StoredRecord): boolean => {
          const v = get(r);
          if (Array.isArray(v)) {
            if (v.length === 0) return none;
            return v.some((x) => set.has(String(x)));
          }
          if (isEmptyValue(v)) return none;
          if (typeof v === 'boolean') return set.has(v ? 'T' : 'F');
          return set.has(String(v));
        };
        if (op === 'anyof' || op === 'allof') return any;
        return (r) => !any(r);
      }
      case 'is':
      case 'isnot': {
        const want = vals[0];
        let test: (r: StoredRecord) => boolean;
        if (ft === 'CHECKBOX') {
          const w =
            want === true || String(want).toUpperCase() === 'T' || String(want).toLowerCase() === 'true';
          test = (r) => (get(r) === true) === w;
        } else if (isNumberType(ft)) {
          const w = num(want);
          test = (r) => numOf(r) === w;
        } else {
          const w = String(want ?? '').toLowerCase();
          test = (r) => {
            const v = get(r);
            return (isEmptyValue(v) ? '' : String(v).toLowerCase()) === w;
          };
        }
        return op === 'is' ? test : (r) => !test(r);
      }
      case 'isempty':
        return (r) => {
          const v = get(r);
          return isEmptyValue(v) || (ft === 'CHECKBOX' && v === false);
        };
      case 'isnotempty':
        return (r) => {
          const v = get(r);
          return !(isEmptyValue(v) || (ft === 'CHECKBOX' && v === false));
        };
      case 'contains':
      case 'doesnotcontain':
      case 'haskeywords':
      case 'startswith':
      case 'doesnotstartwith': {
        const w = String(vals[0] ?? '').toLowerCase();
        const starts = op === 'startswith' || op === 'doesnotstartwith';
        const test = (r: StoredRecord): boolean => {
          const v = get(r);
          if (isEmptyValue(v)) return false;
          const s = (acc.selectType ? this.selectText(acc.selectType, v) : String(v)).toLowerCase();
          return starts ? s.startsWith(w) : s.includes(w);
        };
        return op === 'doesnotcontain' || op === 'doesnotstartwith' ? (r) => !test(r) : test;
      }
      default:
        break;
    }
    if (ft === 'DATE' || ft === 'DATETIME') return this.compileDate(f, get);
    const a = num(vals[0]);
    const b = num(vals[1]);
    const cmp: Record<string, (n: number) => boolean> = {
      equalto: (n) => n === a,
      notequalto: (n) => n !== a,
      greaterthan: (n) => n > a,
      notgreaterthan: (n) => !(n > a),
      greaterthanorequalto: (n) => n >= a,
      notgreaterthanorequalto: (n) => !(n >= a),
      lessthan: (n) => n < a,
      notlessthan: (n) => !(n < a),
      lessthanorequalto: (n) => n <= a,
      notlessthanorequalto: (n) => !(n <= a),
      between: (n) => n >= a && n <= b,
      notbetween: (n) => !(n >= a && n <= b),
    };
    const c = cmp[op];
    if (!c) throw nsError('SSS_INVALID_SRCH_OPERATOR', `Operator ${op} cannot be used with field ${f.name}.`);
    if (!Number.isFinite(a))
      throw nsError(
        'SSS_INVALID_SRCH_FILTER',
        `Filter ${f.name} ${op} needs a number, got ${String(vals[0])}.`,
      );
    return (r) => {
      const n = numOf(r);
      return n !== null && c(n);
    };
  }

  private compileDate(f: EmFilter, get: (r: StoredRecord) => unknown): (r: StoredRecord) => boolean {
    const op = f.operator;
    const ranges = f.values.map((v) => this.dateRange(v, f.name));
    if (ranges.length === 0) throw nsError('SSS_INVALID_SRCH_FILTER', `Filter ${f.name} ${op} needs a date.`);
    const a = ranges[0];
    const b = ranges[1] ?? ranges[0];
    const tests: Record<string, (t: number) => boolean> = {
      on: (t) => t >= a.start.getTime() && t <= a.end.getTime(),
      before: (t) => t < a.start.getTime(),
      after: (t) => t > a.end.getTime(),
      onorbefore: (t) => t <= a.end.getTime(),
      onorafter: (t) => t >= a.start.getTime(),
      within: (t) => t >= a.start.getTime() && t <= b.end.getTime(),
    };
    const negated = op.startsWith('not') && tests[op.slice(3)];
    const test = negated ? tests[op.slice(3)] : tests[op];
    if (!test)
      throw nsError('SSS_INVALID_SRCH_OPERATOR', `Operator ${op} cannot be used with date field ${f.name}.`);
    return (r) => {
      const v = get(r);
      if (!(v instanceof Date)) return false;
      const res = test(v.getTime());
      return negated ? !res : res;
    };
  }

  /** getValue form of a raw value. */
  valueOut(acc: Accessor, v: unknown): string | boolean {
    const t = acc.def.type;
    if (t === 'CHECKBOX') return v === true;
    if (isEmptyValue(v)) return '';
    if (v instanceof Date) {
      const prefs = this.ctx.account.preferences;
      return t === 'DATE' ? formatDate(v, prefs) : formatDateTime(v, prefs);
    }
    if (Array.isArray(v)) return v.join(',');
    const s = String(v);
    if (isTextType(t) && s.length > 4000) return s.slice(0, 4000);
    return s;
  }
}

// ---------------------------------------------------------------------------------- results

interface CompiledColumn {
  col: EmColumn;
  acc: Accessor;
}

class EmResult {
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

// ---------------------------------------------------------------------------------- search

interface SearchState {
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

class EmSearch {
  private readonly st: SearchState;
  private cache?: { version: string; rows: Row[] };

  constructor(
    private readonly ctx: ExecutionContext,
    private readonly engine: Engine,
    st: SearchState,
  ) {
    this.st = st;
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
      out.push([f.join ? `${f.join}.${f.name}` : f.name, f.operator, ...f.values]);
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
      acc: this.engine.accessor(this.st.type, col.name, col.join, 'column'),
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

  /** Matching rows, sorted; reused while the data they come from is unchanged. */
  rows(cols: CompiledColumn[]): Row[] {
    const version = this.engine.version(this.st.type, this.joins(cols));
    if (this.cache && this.cache.version === version) return this.cache.rows;
    const pred = this.engine.compile(this.st.type, this.node());
    const matched: StoredRecord[] = [];
    for (const r of this.engine.rows(this.st.type)) if (pred(r)) matched.push(r);
    const summarized = cols.some((c) => c.col.summary);
    const having = flatten(this.node()).filter((f) => f.summary);
    if (having.length && !summarized)
      throw nsError(
        'SSS_INVALID_SRCH_FILTER',
        'A summary filter needs a search whose columns are summarized.',
      );
    const rows: Row[] = summarized
      ? this.summarize(cols, matched, having)
      : this.sortRecords(cols, matched).map((rec) => ({ rec }));
    this.cache = { version, rows };
    return rows;
  }

  private sortKey(acc: Accessor, v: unknown): number | string {
    if (v === undefined || v === null || v === '') return '';
    if (v instanceof Date) return v.getTime();
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'number') return v;
    if (acc.selectType) {
      if (acc.def.id === 'internalid') return Number(v);
      return this.engine.selectText(acc.selectType, Array.isArray(v) ? v[0] : v).toLowerCase();
    }
    if (isNumberType(acc.def.type)) return Number(v);
    return String(v).toLowerCase();
  }

  private static compare(a: number | string, b: number | string): number {
    if (a === b) return 0;
    if (a === '') return -1;
    if (b === '') return 1;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a) < String(b) ? -1 : 1;
  }

  private sortRecords(cols: CompiledColumn[], recs: StoredRecord[]): StoredRecord[] {
    const sorts = cols.filter((c) => c.col.sort === 'ASC' || c.col.sort === 'DESC');
    if (sorts.length === 0) return recs;
    const keyed = recs.map((rec, i) => ({
      rec,
      i,
      k: sorts.map((s) => this.sortKey(s.acc, s.acc.get(rec))),
    }));
    keyed.sort((x, y) => {
      for (let j = 0; j < sorts.length; j++) {
        const c = EmSearch.compare(x.k[j], y.k[j]);
        if (c !== 0) return sorts[j].col.sort === 'DESC' ? -c : c;
      }
      return x.i - y.i;
    });
    return keyed.map((x) => x.rec);
  }

  /**
   * Summary filters ("Summary type" criteria in the UI, `summary` on search.createFilter) keep the
   * groups whose aggregate satisfies them, like SQL HAVING (NetSuite help "search.createFilter(options)").
   */
  private passesHaving(having: EmFilter[], members: StoredRecord[]): boolean {
    for (const f of having) {
      const acc = this.engine.accessor(this.st.type, f.name, f.join, 'filter');
      const value = Number(
        this.aggregate({ col: new EmColumn({ name: f.name, summary: f.summary }), acc }, members),
      );
      const [a, b] = f.values.map(Number);
      const ok =
        f.operator === 'equalto'
          ? value === a
          : f.operator === 'notequalto'
            ? value !== a
            : f.operator === 'greaterthan'
              ? value > a
              : f.operator === 'greaterthanorequalto'
                ? value >= a
                : f.operator === 'lessthan'
                  ? value < a
                  : f.operator === 'lessthanorequalto'
                    ? value <= a
                    : f.operator === 'between'
                      ? value >= a && value <= b
                      : (() => {
                          throw unsupported(`Summary filter operator ${f.operator}`);
                        })();
      if (!ok) return false;
    }
    return true;
  }

  private summarize(cols: CompiledColumn[], recs: StoredRecord[], having: EmFilter[] = []): Row[] {
    const groupIdx = cols.map((c, i) => (c.col.summary === 'group' ? i : -1)).filter((i) => i >= 0);
    cols.forEach((c) => {
      if (!c.col.summary) {
        throw nsError(
          'SSS_INVALID_SRCH_COL',
          `Column ${c.col.name} needs a summary type: every column of a summary search is grouped or summarized.`,
        );
      }
    });
    const groups = new Map<string, StoredRecord[]>();
    for (const r of recs) {
      const key = groupIdx.map((i) => JSON.stringify(cols[i].acc.get(r) ?? null)).join('\u0001');
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(r);
    }
    if (groupIdx.length === 0 && groups.size === 0) groups.set('', []);
    const rows: { group: GroupRow; k: (number | string)[] }[] = [];
    for (const members of groups.values()) {
      if (having.length && !this.passesHaving(having, members)) continue;
      const values = cols.map((c) => this.aggregate(c, members));
      rows.push({ group: { values, first: members[0] }, k: [] });
    }
    const sorts = cols
      .map((c, i) => ({ c, i }))
      .filter(
        ({ c }) =>
          c.col.sort === 'ASC' ||
          c.col.sort === 'DESC' ||
          (!cols.some((x) => x.col.sort === 'ASC' || x.col.sort === 'DESC') && c.col.summary === 'group'),
      );
    for (const r of rows)
      r.k = sorts.map(({ c, i }) =>
        this.sortKey(
          c.col.summary === 'group' ? c.acc : { ...c.acc, selectType: undefined },
          r.group.values[i],
        ),
      );
    rows.sort((x, y) => {
      for (let j = 0; j < sorts.length; j++) {
        const c = EmSearch.compare(x.k[j], y.k[j]);
        if (c !== 0) return sorts[j].c.col.sort === 'DESC' ? -c : c;
      }
      return 0;
    });
    return rows.map((r) => ({ group: r.group }));
  }

  private aggregate(c: CompiledColumn, members: StoredRecord[]): unknown {
    const s = c.col.summary;
    if (s === 'group') return members.length ? c.acc.get(members[0]) : undefined;
    const vals = members.map((m) => c.acc.get(m)).filter((v) => !isEmptyValue(v));
    if (s === 'count') return new Set(vals.map((v) => (v instanceof Date ? v.getTime() : String(v)))).size;
    if (vals.length === 0) return '';
    const numeric = (v: unknown): number => (v instanceof Date ? v.getTime() : Number(v));
    const isNum =
      isNumberType(c.acc.def.type) ||
      c.acc.def.id === 'internalid' ||
      c.acc.def.type === 'DATE' ||
      c.acc.def.type === 'DATETIME';
    if (s === 'sum' || s === 'avg') {
      const total = vals.reduce<number>((a, v) => a + numeric(v), 0);
      return s === 'sum' ? total : total / vals.length;
    }
    let best = vals[0];
    for (const v of vals) {
      const better = isNum
        ? s === 'max'
          ? numeric(v) > numeric(best)
          : numeric(v) < numeric(best)
        : s === 'max'
          ? String(v) > String(best)
          : String(v) < String(best);
      if (better) best = v;
    }
    return best;
  }

  run(): unknown {
    const cols = this.compiledColumns();
    const type = this.st.type;
    const engine = this.engine;
    const ctx = this.ctx;
    const results = (): Row[] => this.rows(cols);
    const each = (callback: (r: EmResult) => boolean): void => {
      if (typeof callback !== 'function') throw missingArgument('ResultSet.each', 'callback');
      ctx.charge('ResultSet.each', COSTS.resultSetEach);
      const rows = results();
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
      return results()
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

  runPaged(options?: unknown): unknown {
    const o = (options ?? {}) as Opts;
    const pageSize = o.pageSize === undefined || o.pageSize === null ? 50 : Number(o.pageSize);
    this.ctx.charge('Search.runPaged', COSTS.searchRunPaged);
    if (!Number.isInteger(pageSize) || pageSize < LIMITS.minPageSize || pageSize > LIMITS.maxPageSize) {
      throw nsError(
        ERROR_CODES.pageSize,
        `Search.runPaged: pageSize ${String(o.pageSize)} is out of range; it must be between ${LIMITS.minPageSize} and ${LIMITS.maxPageSize}.`,
      );
    }
    const cols = this.compiledColumns();
    const rows = this.rows(cols);
    const count = rows.length;
    const pages = Math.min(Math.ceil(count / pageSize), LIMITS.maxPages);
    const pageRanges = Array.from({ length: pages }, (_, index) => ({
      index,
      compoundLabel: `${index * pageSize + 1} \u2013 ${Math.min((index + 1) * pageSize, count)}`,
    }));
    const ctx = this.ctx;
    const engine = this.engine;
    const type = this.st.type;
    const search = this as unknown as searchTypes.Search;
    const pagedData: Opts = { count, pageRanges, pageSize, searchDefinition: search };
    const fetch = (arg: unknown): unknown => {
      const index = typeof arg === 'number' ? arg : Number((arg as Opts | undefined)?.index);
      ctx.charge('PagedData.fetch', COSTS.pagedDataFetch);
      if (!Number.isInteger(index) || index < 0 || index >= pages) {
        throw nsError(ERROR_CODES.pageRange, 'Invalid page range.');
      }
      const current = this.rows(cols);
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

function serializeValue(v: unknown): unknown {
  return v instanceof Date ? { $date: v.toISOString() } : v;
}

function serializeNode(n: FNode | null): unknown {
  if (!n) return null;
  if (n.k === 'c') {
    return {
      k: 'c',
      name: n.f.name,
      join: n.f.join,
      operator: n.f.operator,
      values: n.f.values.map(serializeValue),
    };
  }
  if (n.k === 'not') return { k: 'not', c: serializeNode(n.c) };
  return { k: n.k, c: n.c.map(serializeNode) };
}

function deserializeNode(x: unknown): FNode | null {
  if (!x) return null;
  const o = x as Opts;
  if (o.k === 'c') {
    const values = ((o.values as unknown[]) ?? []).map((v) =>
      v && typeof v === 'object' && '$date' in (v as Opts) ? new Date(String((v as Opts).$date)) : v,
    );
    return { k: 'c', f: new EmFilter({ name: o.name, join: o.join, operator: o.operator, values }) };
  }
  if (o.k === 'not') return { k: 'not', c: deserializeNode(o.c)! };
  return { k: o.k as 'and' | 'or', c: (o.c as unknown[]).map((c) => deserializeNode(c)!) };
}

// ---------------------------------------------------------------------------------- module

/** N/search for one execution. */
export function createSearchModule(ctx: ExecutionContext): typeof searchTypes {
  const engine = new Engine(ctx);

  const create = (options: unknown): EmSearch => {
    const o = (options ?? {}) as Opts;
    if (!o.type) throw missingArgument('search.create', 'type');
    const type = String(o.type).toLowerCase();
    engine.typeDef(type);
    ctx.charge('search.create', 0);
    const f = normalizeFilters(o.filters ?? o.filterExpression);
    return new EmSearch(ctx, engine, {
      type,
      ...f,
      columns: ((o.columns as unknown[]) ?? []).map(toColumn),
      title: o.title ? String(o.title) : '',
      id: o.id ? String(o.id) : '',
      isPublic: o.isPublic === true,
      searchId: -1,
    });
  };

  /** A saved search by internal id or script id (INVALID_SEARCH when there is none). */
  const savedSearch = (store: typeof ctx.account.records, id: unknown) => {
    const key = String(id).toLowerCase();
    const rec = /^-?\d+$/.test(key)
      ? store.get('savedsearch', Number(key))
      : store.findOne('savedsearch', (r) => String(r.values.scriptid).toLowerCase() === key);
    if (!rec) throw nsError('INVALID_SEARCH', 'That search or mass update does not exist.');
    return rec;
  };

  const load = (options: unknown): EmSearch => {
    const o = (options ?? {}) as Opts;
    if (o.id === undefined || o.id === null || o.id === '') throw missingArgument('search.load', 'id');
    ctx.charge('search.load', COSTS.searchLoad);
    const store = ctx.account.records;
    const rec = savedSearch(store, o.id);
    const d = JSON.parse(String(rec.values.definition)) as {
      type: string;
      filters: unknown;
      columns: Opts[];
    };
    const node = deserializeNode(d.filters);
    return new EmSearch(ctx, engine, {
      type: d.type,
      node,
      list: null,
      expr: null,
      columns: d.columns.map(
        (c) =>
          new EmColumn({
            ...c,
            sort: c.sortdir === 'NONE' ? undefined : c.sortdir,
            join: c.join ?? undefined,
            summary: c.summary ?? undefined,
            label: c.label ?? undefined,
            formula: c.formula ?? undefined,
            function: c.function ?? undefined,
          }),
      ),
      title: String(rec.values.title ?? ''),
      id: String(rec.values.scriptid ?? ''),
      isPublic: rec.values.ispublic === true,
      searchId: rec.id,
    });
  };

  const del = (options: unknown): void => {
    const o = (options ?? {}) as Opts;
    if (o.id === undefined || o.id === null || o.id === '') throw missingArgument('search.delete', 'id');
    ctx.charge('search.delete', COSTS.searchSave);
    const store = ctx.account.records;
    const rec = savedSearch(store, o.id);
    store.delete('savedsearch', rec.id);
  };

  const lookupFields = (options: unknown): Record<string, unknown> => {
    const o = (options ?? {}) as Opts;
    if (!o.type) throw missingArgument('search.lookupFields', 'type');
    if (o.id === undefined || o.id === null || o.id === '')
      throw missingArgument('search.lookupFields', 'id');
    if (!o.columns) throw missingArgument('search.lookupFields', 'columns');
    ctx.charge('search.lookupFields', COSTS.searchLookupFields);
    const type = String(o.type).toLowerCase();
    const cols = (Array.isArray(o.columns) ? o.columns : [o.columns]).map(String);
    const accs = cols.map((c) => {
      const p = parseName(c);
      return { key: c, acc: engine.accessor(type, p.name, p.join, 'column') };
    });
    const rec =
      type === 'file'
        ? ctx.account.files.searchRows().find((r) => r.id === Number(o.id))
        : ctx.account.records.get(type, o.id as string);
    const out: Record<string, unknown> = {};
    if (!rec) return out;
    for (const { key, acc } of accs) {
      const v = acc.get(rec);
      if (acc.def.id === 'internalid') out[key] = String(v);
      else if (acc.def.type === 'CHECKBOX') out[key] = v === true;
      else if (acc.selectType) {
        const list = Array.isArray(v) ? v : isEmptyValue(v) ? [] : [v];
        out[key] = list.map((x) => ({ value: String(x), text: engine.selectText(acc.selectType, x) }));
      } else out[key] = engine.valueOut(acc, v);
    }
    return out;
  };

  const mod = {
    Type: SearchType,
    Operator,
    Summary,
    Sort,
    create: withPromise(create),
    load: withPromise(load),
    delete: withPromise(del),
    lookupFields: withPromise(lookupFields),
    createColumn: (options: unknown) => new EmColumn((options ?? {}) as Opts),
    createFilter: (options: unknown) => new EmFilter((options ?? {}) as Opts),
    createSetting: (options: unknown) => ({ ...((options ?? {}) as Opts) }),
    duplicates: withPromise((): never => {
      throw unsupported('search.duplicates');
    }),
    global: withPromise((): never => {
      throw unsupported('search.global');
    }),
  };
  return mod as unknown as typeof searchTypes;
}
