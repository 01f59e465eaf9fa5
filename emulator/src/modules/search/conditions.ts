/**
 * Compiles a filter tree into a predicate over stored records: the operators of search.Operator
 * per field type (text, numbers, checkboxes, selects, dates).
 */
import { nsError } from '../../core/errors';
import { isNumberType, type FieldType, type StoredRecord } from '../../data/recordStore';
import { isEmptyValue, type Accessor, type Engine } from './engine';
import type { EmFilter, FNode } from './filters';
import { filterDateRange, withinRange } from './relativeDates';

export class FilterCompiler {
  constructor(private readonly engine: Engine) {}

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
        const acc = this.engine.accessor(type, f.name, f.join, 'filter', f.formula);
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

  private compileCondition(type: string, f: EmFilter): Pred {
    // A summary filter (HAVING) applies to groups, after summarizing: see EmSearch.having.
    if (f.summary) return () => true;
    const acc = this.engine.accessor(type, f.name, f.join, 'filter', f.formula);
    const get = acc.get;
    const ft = acc.def.type;
    const op = f.operator;
    switch (op) {
      case 'anyof':
      case 'noneof':
      case 'allof':
      case 'notallof':
        return selectTest(op, f.values, get);
      case 'is':
      case 'isnot':
        return isTest(op, ft, f.values, get);
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
      case 'doesnotstartwith':
        return this.textTest(op, f.values, acc);
      default:
        break;
    }
    if (ft === 'DATE' || ft === 'DATETIME') return this.compileDate(f, get);
    return numberTest(f, get);
  }

  /** contains / startswith and their negations, on a select's text or the value as text, ignoring case. */
  private textTest(op: string, vals: unknown[], acc: Accessor): Pred {
    const get = acc.get;
    const w = String(vals[0] ?? '').toLowerCase();
    const starts = op === 'startswith' || op === 'doesnotstartwith';
    const test = (r: StoredRecord): boolean => {
      const v = get(r);
      if (isEmptyValue(v)) return false;
      const s = (acc.selectType ? this.engine.selectText(acc.selectType, v) : String(v)).toLowerCase();
      return starts ? s.startsWith(w) : s.includes(w);
    };
    return op === 'doesnotcontain' || op === 'doesnotstartwith' ? (r) => !test(r) : test;
  }

  private compileDate(f: EmFilter, get: (r: StoredRecord) => unknown): (r: StoredRecord) => boolean {
    const op = f.operator;
    const prefs = this.engine.prefs;
    const now = this.engine.now();
    if (f.values.length === 0)
      throw nsError('SSS_INVALID_SRCH_FILTER', `Filter ${f.name} ${op} needs a date.`);
    const base = op.startsWith('not') ? op.slice(3) : op;
    const a =
      base === 'within'
        ? withinRange(f.values, f.name, prefs, now)
        : filterDateRange(f.values[0], f.name, prefs, now);
    const tests: Record<string, (t: number) => boolean> = {
      on: (t) => t >= a.start.getTime() && t <= a.end.getTime(),
      before: (t) => t < a.start.getTime(),
      after: (t) => t > a.end.getTime(),
      onorbefore: (t) => t <= a.end.getTime(),
      onorafter: (t) => t >= a.start.getTime(),
      within: (t) => t >= a.start.getTime() && t <= a.end.getTime(),
    };
    const negated = op !== base && !!tests[base];
    const test = tests[base];
    if (!test)
      throw nsError('SSS_INVALID_SRCH_OPERATOR', `Operator ${op} cannot be used with date field ${f.name}.`);
    return (r) => {
      const v = get(r);
      if (!(v instanceof Date)) return false;
      const res = test(v.getTime());
      return negated ? !res : res;
    };
  }
}

type Pred = (r: StoredRecord) => boolean;
type Getter = (r: StoredRecord) => unknown;

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/** A field's value as a number (a date as its time), null when empty or not a number. */
function numberOf(get: Getter): (r: StoredRecord) => number | null {
  return (r) => {
    const v = get(r);
    if (v === undefined || v === null || v === '') return null;
    const n = v instanceof Date ? v.getTime() : Number(v);
    return Number.isFinite(n) ? n : null;
  };
}

/** anyof / noneof / allof / notallof: a value (or any of a multi-select's) in the list; @NONE@ is empty. */
function selectTest(op: string, vals: unknown[], get: Getter): Pred {
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

/** is / isnot: checkboxes as T/F, numbers as numbers, anything else as text ignoring case. */
function isTest(op: string, ft: FieldType, vals: unknown[], get: Getter): Pred {
  const want = vals[0];
  let test: Pred;
  if (ft === 'CHECKBOX') {
    const w = want === true || String(want).toUpperCase() === 'T' || String(want).toLowerCase() === 'true';
    test = (r) => (get(r) === true) === w;
  } else if (isNumberType(ft)) {
    const w = num(want);
    const numOf = numberOf(get);
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

/** The number operators (equalto … notbetween) on numbers and other non-date fields. */
function numberTest(f: EmFilter, get: Getter): Pred {
  const op = f.operator;
  const vals = f.values;
  const numOf = numberOf(get);
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
