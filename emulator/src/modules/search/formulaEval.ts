/**
 * Evaluates parsed formulas (formulaParser.ts) per record: Oracle semantics for NULL, dates
 * (date ± days, date − date), TO_CHAR format models on the user's wall clock, and the functions
 * listed in formulas.ts.
 */
import type { StoredRecord } from '../../data/recordStore';
import { wallClock, type DatePreferences } from '../../data/dates';
import { FormulaError, type Node, type Value } from './formulaParser';

/** What evaluation needs: the user's preferences (time zone) and the clock (SYSDATE). */
export interface EvalEnv {
  readonly prefs: DatePreferences;
  now(): Date;
}

const MONTHS = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
];
const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

function num(v: Value): number | null {
  if (v === null) return null;
  if (v instanceof Date) return v.getTime();
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  if (!Number.isFinite(n)) throw new FormulaError(`invalid number ${String(v)}`);
  return n;
}

export function text(v: Value, prefs: DatePreferences): string {
  if (v === null) return '';
  if (v instanceof Date) return toChar(v, 'YYYY-MM-DD', prefs);
  return String(v);
}

/** TO_CHAR of a date with an Oracle format model, on the user's wall clock. */
function toChar(d: Date, fmt: string, prefs: DatePreferences): string {
  const w = wallClock(d, prefs.timeZone);
  const pad = (n: number, k = 2) => String(n).padStart(k, '0');
  const dow = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return fmt.replace(/YYYY|YY|MONTH|MON|MM|DDD|DD|DAY|DY|D|HH24|HH12|HH|MI|SS|AM|PM|Q/gi, (tok) => {
    switch (tok.toUpperCase()) {
      case 'YYYY':
        return String(w.year);
      case 'YY':
        return pad(w.year % 100);
      case 'MONTH':
        return MONTHS[w.month - 1];
      case 'MON':
        return MONTHS[w.month - 1].slice(0, 3);
      case 'MM':
        return pad(w.month);
      case 'DDD': {
        const start = Date.UTC(w.year, 0, 1);
        return pad(Math.round((Date.UTC(w.year, w.month - 1, w.day) - start) / 86_400_000) + 1, 3);
      }
      case 'DD':
        return pad(w.day);
      case 'DAY':
        return DAYS[dow];
      case 'DY':
        return DAYS[dow].slice(0, 3);
      case 'D':
        return String(dow + 1);
      case 'HH24':
        return pad(w.hour);
      case 'HH12':
      case 'HH':
        return pad(w.hour % 12 === 0 ? 12 : w.hour % 12);
      case 'MI':
        return pad(w.minute);
      case 'SS':
        return pad(w.second);
      case 'AM':
      case 'PM':
        return w.hour < 12 ? 'AM' : 'PM';
      case 'Q':
        return String(Math.floor((w.month - 1) / 3) + 1);
      default:
        return tok;
    }
  });
}

/** TO_DATE(text, format) for the numeric format models (YYYY MM DD HH24 MI SS), UTC wall clock. */
function toDate(s: string, fmt: string): Date {
  const parts: Record<string, number> = { YYYY: 1970, MM: 1, DD: 1, HH24: 0, MI: 0, SS: 0 };
  const toks = fmt.toUpperCase().match(/YYYY|MM|DD|HH24|MI|SS|[^A-Z0-9]+/g) ?? [];
  let i = 0;
  for (const t of toks) {
    if (t in parts) {
      const m = /^\d+/.exec(s.slice(i, i + (t === 'YYYY' ? 4 : 2)));
      if (!m) throw new FormulaError('TO_DATE: value does not match format');
      parts[t] = Number(m[0]);
      i += m[0].length;
    } else i += t.length;
  }
  return new Date(Date.UTC(parts.YYYY, parts.MM - 1, parts.DD, parts.HH24, parts.MI, parts.SS));
}

function compare(a: Value, b: Value): number | null {
  if (a === null || b === null) return null;
  if (a instanceof Date || b instanceof Date || (typeof a === 'number' && typeof b === 'number')) {
    const x = num(a)!;
    const y = num(b)!;
    return x === y ? 0 : x < y ? -1 : 1;
  }
  if (typeof a === 'number' || typeof b === 'number') {
    const x = num(a)!;
    const y = num(b)!;
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return a === b ? 0 : a < b ? -1 : 1;
}

const truthy = (v: Value): boolean => v !== null && v !== 0 && v !== 'F';

export function evaluate(n: Node, r: StoredRecord, env: EvalEnv): Value {
  const ev = (x: Node) => evaluate(x, r, env);
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'ref':
      return n.get(r);
    case 'now':
      return env.now();
    case 'un': {
      const a = ev(n.a);
      if (n.op === 'NOT') return a === null ? null : truthy(a) ? 0 : 1;
      const x = num(a);
      return x === null ? null : -x;
    }
    case 'isnull': {
      const a = ev(n.a);
      return (a === null) !== n.not ? 1 : 0;
    }
    case 'like': {
      const a = ev(n.a);
      const b = ev(n.b);
      if (a === null || b === null) return null;
      const re = new RegExp(
        '^' +
          text(b, env.prefs)
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            .replace(/%/g, '.*')
            .replace(/_/g, '.') +
          '$',
        's',
      );
      return re.test(text(a, env.prefs)) !== n.not ? 1 : 0;
    }
    case 'in': {
      const a = ev(n.a);
      if (a === null) return null;
      const hit = n.list.some((x) => compare(a, ev(x)) === 0);
      return hit !== n.not ? 1 : 0;
    }
    case 'case': {
      const subject = n.subject ? ev(n.subject) : undefined;
      for (const [w, then] of n.whens) {
        const ok = n.subject ? compare(subject as Value, ev(w)) === 0 : truthy(ev(w));
        if (ok) return ev(then);
      }
      return n.else ? ev(n.else) : null;
    }
    case 'bin':
      return binary(n.op, n.a, n.b, ev, env);
    case 'fn':
      return call(
        n.name,
        n.args.map((a) => () => ev(a)),
        env,
      );
  }
}

function binary(op: string, an: Node, bn: Node, ev: (x: Node) => Value, env: EvalEnv): Value {
  if (op === 'AND') {
    const a = ev(an);
    if (a !== null && !truthy(a)) return 0;
    const b = ev(bn);
    if (b !== null && !truthy(b)) return 0;
    return a === null || b === null ? null : 1;
  }
  if (op === 'OR') {
    const a = ev(an);
    if (a !== null && truthy(a)) return 1;
    const b = ev(bn);
    if (b !== null && truthy(b)) return 1;
    return a === null || b === null ? null : 0;
  }
  const a = ev(an);
  const b = ev(bn);
  if (op === '||') {
    const s = text(a, env.prefs) + text(b, env.prefs);
    return s === '' ? null : s;
  }
  if (['=', '!=', '<', '>', '<=', '>='].includes(op)) {
    const c = compare(a, b);
    if (c === null) return null;
    const ok = { '=': c === 0, '!=': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[op]!;
    return ok ? 1 : 0;
  }
  // Date arithmetic: date ± days, date − date = days.
  if (a instanceof Date && (op === '+' || op === '-') && !(b instanceof Date)) {
    const d = num(b);
    return d === null ? null : new Date(a.getTime() + (op === '+' ? d : -d) * 86_400_000);
  }
  if (a instanceof Date && b instanceof Date && op === '-') return (a.getTime() - b.getTime()) / 86_400_000;
  const x = num(a);
  const y = num(b);
  if (x === null || y === null) return null;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    default:
      if (y === 0) throw new FormulaError('division by zero');
      return x / y;
  }
}

/** A function call's name, arguments (evaluated on use) and their readers. */
interface Call {
  name: string;
  args: (() => Value)[];
  env: EvalEnv;
  need: (min: number, max?: number) => void;
  /** Argument i as text (null stays null). */
  s: (i: number) => string | null;
  /** Argument i as a number (null when not one). */
  n: (i: number) => number | null;
}

const orNull = (v: string): Value => (v === '' ? null : v);

function call(name: string, args: (() => Value)[], env: EvalEnv): Value {
  const c: Call = {
    name,
    args,
    env,
    need: (min, max = min) => {
      if (args.length < min || args.length > max)
        throw new FormulaError(`${name}: wrong number of arguments`);
    },
    s: (i) => {
      const v = args[i]();
      return v === null ? null : text(v, env.prefs);
    },
    n: (i) => num(args[i]()),
  };
  for (const group of [nullAndConversionFunction, textFunction, numberFunction]) {
    const v = group(c);
    if (v !== undefined) return v;
  }
  throw new FormulaError(`unknown function ${name}`);
}

/** NVL, NVL2, COALESCE, DECODE, TO_CHAR, TO_NUMBER, TO_DATE. */
function nullAndConversionFunction(c: Call): Value | undefined {
  const { name, args, env, need, s } = c;
  switch (name) {
    case 'NVL': {
      need(2);
      const a = args[0]();
      return a === null ? args[1]() : a;
    }
    case 'NVL2': {
      need(3);
      return args[0]() === null ? args[2]() : args[1]();
    }
    case 'COALESCE':
      for (const a of args) {
        const v = a();
        if (v !== null) return v;
      }
      return null;
    case 'DECODE': {
      if (args.length < 3) throw new FormulaError('DECODE: wrong number of arguments');
      const x = args[0]();
      let i = 1;
      for (; i + 1 < args.length; i += 2) {
        const v = args[i]();
        if ((x === null && v === null) || compare(x, v) === 0) return args[i + 1]();
      }
      return i < args.length ? args[i]() : null;
    }
    case 'TO_CHAR': {
      need(1, 2);
      const v = args[0]();
      if (v === null) return null;
      if (v instanceof Date) return toChar(v, args.length > 1 ? (s(1) ?? '') : 'MM/DD/YYYY', env.prefs);
      return String(v);
    }
    case 'TO_NUMBER': {
      need(1, 2);
      const v = args[0]();
      return v === null ? null : num(typeof v === 'string' ? v.replace(/,/g, '') : v);
    }
    case 'TO_DATE': {
      need(1, 2);
      const v = s(0);
      if (v === null) return null;
      return toDate(v, args.length > 1 ? (s(1) ?? 'YYYY-MM-DD') : 'MM/DD/YYYY');
    }
    default:
      return undefined;
  }
}

/** SUBSTR, INSTR, LENGTH, UPPER/LOWER/INITCAP/TRIM…, LPAD/RPAD, REPLACE, CONCAT (an empty string is NULL). */
function textFunction(c: Call): Value | undefined {
  const { name, args, need, s, n } = c;
  switch (name) {
    case 'SUBSTR': {
      need(2, 3);
      const v = s(0);
      const p = n(1);
      if (v === null || p === null) return null;
      const start = p > 0 ? p - 1 : p < 0 ? Math.max(0, v.length + p) : 0;
      const len = args.length > 2 ? n(2) : v.length;
      if (len === null || len < 1) return null;
      return orNull(v.substr(start, len));
    }
    case 'INSTR': {
      need(2, 3);
      const v = s(0);
      const sub = s(1);
      if (v === null || sub === null) return null;
      const from = args.length > 2 ? (n(2) ?? 1) : 1;
      return v.indexOf(sub, from - 1) + 1;
    }
    case 'LENGTH': {
      need(1);
      const v = s(0);
      return v === null ? null : v.length;
    }
    case 'UPPER':
    case 'LOWER':
    case 'INITCAP':
    case 'TRIM':
    case 'LTRIM':
    case 'RTRIM': {
      need(1);
      const v = s(0);
      if (v === null) return null;
      if (name === 'UPPER') return v.toUpperCase();
      if (name === 'LOWER') return v.toLowerCase();
      if (name === 'INITCAP')
        return v.toLowerCase().replace(/(^|[^a-z0-9])([a-z])/g, (_, p, c) => p + c.toUpperCase());
      return orNull(name === 'TRIM' ? v.trim() : name === 'LTRIM' ? v.trimStart() : v.trimEnd());
    }
    case 'LPAD':
    case 'RPAD': {
      need(2, 3);
      const v = s(0);
      const len = n(1);
      if (v === null || len === null) return null;
      const fill = args.length > 2 ? (s(2) ?? '') : ' ';
      const out = name === 'LPAD' ? v.padStart(len, fill) : v.padEnd(len, fill);
      return orNull(out.slice(0, len));
    }
    case 'REPLACE': {
      need(2, 3);
      const v = s(0);
      if (v === null) return null;
      const from = s(1);
      if (from === null) return v;
      return orNull(v.split(from).join(args.length > 2 ? (s(2) ?? '') : ''));
    }
    case 'CONCAT':
      need(2);
      return orNull((s(0) ?? '') + (s(1) ?? ''));
    default:
      return undefined;
  }
}

/** ROUND/TRUNC (numbers and dates), ABS, FLOOR, CEIL, MOD, GREATEST, LEAST. */
function numberFunction(c: Call): Value | undefined {
  const { name, args, env, need, n } = c;
  switch (name) {
    case 'ROUND':
    case 'TRUNC': {
      need(1, 2);
      const v = args[0]();
      if (v === null) return null;
      if (v instanceof Date) {
        const w = wallClock(v, env.prefs.timeZone);
        return new Date(Date.UTC(w.year, w.month - 1, w.day));
      }
      const x = num(v)!;
      const digits = args.length > 1 ? (n(1) ?? 0) : 0;
      const f = 10 ** digits;
      return name === 'ROUND' ? (Math.sign(x) * Math.round(Math.abs(x) * f)) / f : Math.trunc(x * f) / f;
    }
    case 'ABS':
    case 'FLOOR':
    case 'CEIL': {
      need(1);
      const x = n(0);
      if (x === null) return null;
      return name === 'ABS' ? Math.abs(x) : name === 'FLOOR' ? Math.floor(x) : Math.ceil(x);
    }
    case 'MOD': {
      need(2);
      const x = n(0);
      const y = n(1);
      if (x === null || y === null) return null;
      return y === 0 ? x : x - y * Math.trunc(x / y);
    }
    case 'GREATEST':
    case 'LEAST': {
      if (args.length === 0) throw new FormulaError(`${name}: no arguments`);
      const vals = args.map((a) => a());
      if (vals.some((v) => v === null)) return null;
      return vals.reduce((best, v) => {
        const c = compare(v, best)!;
        return (name === 'GREATEST' ? c > 0 : c < 0) ? v : best;
      });
    }
    default:
      return undefined;
  }
}
