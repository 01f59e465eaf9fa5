/**
 * Formula filters and columns (formulatext, formulanumeric, formuladate, formuladatetime,
 * formulacurrency, formulapercent): a small evaluator of the Oracle SQL expressions NetSuite
 * accepts there (help "Formulas in Search", "SQL Expressions"). It parses the expression into a
 * tree once and evaluates it per record; nothing is ever passed to `eval`.
 *
 * Supported: literals ('text' with '' escapes, numbers, NULL), `{field}` and `{join.field}`
 * references (select fields give their text, `{field.id}` their internal id), `||`, + - * /,
 * comparisons (= != <> < > <= >=), AND / OR / NOT, IS [NOT] NULL, [NOT] LIKE, [NOT] IN (…),
 * CASE WHEN … THEN … [ELSE …] END and CASE x WHEN v THEN … END, SYSDATE, and the functions NVL,
 * NVL2, COALESCE, DECODE, TO_CHAR, TO_NUMBER, TO_DATE, SUBSTR, INSTR, LENGTH, UPPER, LOWER,
 * INITCAP, TRIM, LTRIM, RTRIM, LPAD, RPAD, REPLACE, CONCAT, ROUND, TRUNC, ABS, FLOOR, CEIL, MOD,
 * GREATEST, LEAST. As in Oracle, '' is NULL, NULL propagates through arithmetic and `||` treats
 * it as ''.
 *
 * An expression that does not parse, names an unknown field or calls an unknown function gives
 * the column value "ERROR: Invalid Expression" (what NetSuite shows in such a column); as a filter
 * it throws SSS_INVALID_SRCH_FILTER (code unverified).
 */
import { nsError } from '../../core/errors';
import type { FieldDef, FieldType, StoredRecord } from '../../data/recordStore';
import { wallClock, type DatePreferences } from '../../data/dates';

export const INVALID_EXPRESSION = 'ERROR: Invalid Expression';

/** What a formula needs from the search engine (engine.ts). */
export interface FieldResolver {
  readonly prefs: DatePreferences;
  accessor(
    type: string,
    name: string,
    join: string | undefined,
    kind: 'filter' | 'column',
  ): { def: FieldDef; get: (r: StoredRecord) => unknown; selectType?: string };
  selectText(selectType: string | undefined, v: unknown): string;
  now(): Date;
}

const RESULT_TYPES: Record<string, FieldType> = {
  formulatext: 'TEXT',
  formulanumeric: 'FLOAT',
  formuladate: 'DATE',
  formuladatetime: 'DATETIME',
  formulacurrency: 'CURRENCY',
  formulapercent: 'PERCENT',
};

type Value = string | number | Date | null;

type Node =
  | { k: 'lit'; v: Value }
  | { k: 'ref'; get: (r: StoredRecord) => Value }
  | { k: 'now' }
  | { k: 'un'; op: string; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'isnull'; a: Node; not: boolean }
  | { k: 'like'; a: Node; b: Node; not: boolean }
  | { k: 'in'; a: Node; list: Node[]; not: boolean }
  | { k: 'case'; subject?: Node; whens: [Node, Node][]; else?: Node }
  | { k: 'fn'; name: string; args: Node[] };

class FormulaError extends Error {}

// ---------------------------------------------------------------------------------------- lexer

type Tok =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; v: string }
  | { t: 'id'; v: string }
  | { t: 'op'; v: string };

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new FormulaError('unterminated string');
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ t: 'str', v: s });
    } else if (c === '{') {
      const j = src.indexOf('}', i);
      if (j < 0) throw new FormulaError('unterminated field reference');
      out.push({
        t: 'ref',
        v: src
          .slice(i + 1, j)
          .trim()
          .toLowerCase(),
      });
      i = j + 1;
    } else if (/[0-9.]/.test(c)) {
      const m = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(src.slice(i));
      if (!m) throw new FormulaError(`bad number at ${i}`);
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_$#]*/.exec(src.slice(i))!;
      out.push({ t: 'id', v: m[0].toUpperCase() });
      i += m[0].length;
    } else {
      const two = src.slice(i, i + 2);
      if (['||', '<=', '>=', '<>', '!='].includes(two)) {
        out.push({ t: 'op', v: two });
        i += 2;
      } else if ('+-*/=<>(),'.includes(c)) {
        out.push({ t: 'op', v: c });
        i++;
      } else throw new FormulaError(`unexpected ${c}`);
    }
  }
  return out;
}

// --------------------------------------------------------------------------------------- parser

const FUNCTIONS = new Set([
  'NVL',
  'NVL2',
  'COALESCE',
  'DECODE',
  'TO_CHAR',
  'TO_NUMBER',
  'TO_DATE',
  'SUBSTR',
  'INSTR',
  'LENGTH',
  'UPPER',
  'LOWER',
  'INITCAP',
  'TRIM',
  'LTRIM',
  'RTRIM',
  'LPAD',
  'RPAD',
  'REPLACE',
  'CONCAT',
  'ROUND',
  'TRUNC',
  'ABS',
  'FLOOR',
  'CEIL',
  'MOD',
  'GREATEST',
  'LEAST',
]);

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly ref: (name: string) => (r: StoredRecord) => Value,
  ) {}

  parse(): Node {
    const n = this.or();
    if (this.i < this.toks.length) throw new FormulaError('trailing input');
    return n;
  }

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return !!t && t.t === 'op' && t.v === v;
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return !!t && t.t === 'id' && t.v === v;
  }
  private expectOp(v: string): void {
    if (!this.isOp(v)) throw new FormulaError(`expected ${v}`);
    this.i++;
  }
  private expectWord(v: string): void {
    if (!this.isWord(v)) throw new FormulaError(`expected ${v}`);
    this.i++;
  }

  private or(): Node {
    let a = this.and();
    while (this.isWord('OR')) {
      this.i++;
      a = { k: 'bin', op: 'OR', a, b: this.and() };
    }
    return a;
  }
  private and(): Node {
    let a = this.not();
    while (this.isWord('AND')) {
      this.i++;
      a = { k: 'bin', op: 'AND', a, b: this.not() };
    }
    return a;
  }
  private not(): Node {
    if (this.isWord('NOT')) {
      this.i++;
      return { k: 'un', op: 'NOT', a: this.not() };
    }
    return this.comparison();
  }
  private comparison(): Node {
    const a = this.concat();
    const t = this.peek();
    if (t?.t === 'op' && ['=', '!=', '<>', '<', '>', '<=', '>='].includes(t.v)) {
      this.i++;
      return { k: 'bin', op: t.v === '<>' ? '!=' : t.v, a, b: this.concat() };
    }
    if (this.isWord('IS')) {
      this.i++;
      const not = this.isWord('NOT');
      if (not) this.i++;
      this.expectWord('NULL');
      return { k: 'isnull', a, not };
    }
    let not = false;
    if (this.isWord('NOT')) {
      not = true;
      this.i++;
    }
    if (this.isWord('LIKE')) {
      this.i++;
      return { k: 'like', a, b: this.concat(), not };
    }
    if (this.isWord('IN')) {
      this.i++;
      this.expectOp('(');
      const list = [this.or()];
      while (this.isOp(',')) {
        this.i++;
        list.push(this.or());
      }
      this.expectOp(')');
      return { k: 'in', a, list, not };
    }
    if (not) throw new FormulaError('NOT without LIKE / IN');
    return a;
  }
  private concat(): Node {
    let a = this.additive();
    while (this.isOp('||')) {
      this.i++;
      a = { k: 'bin', op: '||', a, b: this.additive() };
    }
    return a;
  }
  private additive(): Node {
    let a = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.toks[this.i++] as { v: string }).v;
      a = { k: 'bin', op, a, b: this.term() };
    }
    return a;
  }
  private term(): Node {
    let a = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.toks[this.i++] as { v: string }).v;
      a = { k: 'bin', op, a, b: this.unary() };
    }
    return a;
  }
  private unary(): Node {
    if (this.isOp('-')) {
      this.i++;
      return { k: 'un', op: '-', a: this.unary() };
    }
    if (this.isOp('+')) {
      this.i++;
      return this.unary();
    }
    return this.primary();
  }
  private primary(): Node {
    const t = this.toks[this.i++];
    if (!t) throw new FormulaError('unexpected end');
    if (t.t === 'num') return { k: 'lit', v: t.v };
    if (t.t === 'str') return { k: 'lit', v: t.v === '' ? null : t.v };
    if (t.t === 'ref') return { k: 'ref', get: this.ref(t.v) };
    if (t.t === 'op' && t.v === '(') {
      const n = this.or();
      this.expectOp(')');
      return n;
    }
    if (t.t === 'id') {
      if (t.v === 'NULL') return { k: 'lit', v: null };
      if (t.v === 'SYSDATE' || t.v === 'CURRENT_DATE') return { k: 'now' };
      if (t.v === 'CASE') return this.caseExpr();
      if (FUNCTIONS.has(t.v) && this.isOp('(')) {
        this.i++;
        const args: Node[] = [];
        if (!this.isOp(')')) {
          args.push(this.or());
          while (this.isOp(',')) {
            this.i++;
            args.push(this.or());
          }
        }
        this.expectOp(')');
        return { k: 'fn', name: t.v, args };
      }
    }
    throw new FormulaError(`unexpected ${String((t as { v: unknown }).v)}`);
  }
  private caseExpr(): Node {
    const subject = this.isWord('WHEN') ? undefined : this.or();
    const whens: [Node, Node][] = [];
    while (this.isWord('WHEN')) {
      this.i++;
      const w = this.or();
      this.expectWord('THEN');
      whens.push([w, this.or()]);
    }
    if (whens.length === 0) throw new FormulaError('CASE without WHEN');
    let other: Node | undefined;
    if (this.isWord('ELSE')) {
      this.i++;
      other = this.or();
    }
    this.expectWord('END');
    return { k: 'case', subject, whens, else: other };
  }
}

// ------------------------------------------------------------------------------------ evaluator

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

function text(v: Value, prefs: DatePreferences): string {
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

function evaluate(n: Node, r: StoredRecord, env: FieldResolver): Value {
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

function binary(op: string, an: Node, bn: Node, ev: (x: Node) => Value, env: FieldResolver): Value {
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

function call(name: string, args: (() => Value)[], env: FieldResolver): Value {
  const need = (min: number, max = min) => {
    if (args.length < min || args.length > max) throw new FormulaError(`${name}: wrong number of arguments`);
  };
  const s = (i: number): string | null => {
    const v = args[i]();
    return v === null ? null : text(v, env.prefs);
  };
  const n = (i: number): number | null => num(args[i]());
  const orNull = (v: string): Value => (v === '' ? null : v);
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
      throw new FormulaError(`unknown function ${name}`);
  }
}

// ------------------------------------------------------------------------------------- accessor

/** The value a field reference stands for in a formula. */
function refGetter(env: FieldResolver, type: string, ref: string): (r: StoredRecord) => Value {
  const parts = ref.split('.');
  const wantId = parts.length > 1 && parts[parts.length - 1] === 'id';
  if (wantId) parts.pop();
  if (parts.length > 2 || parts.some((p) => p === '')) throw new FormulaError(`bad field reference {${ref}}`);
  const [join, name] = parts.length === 2 ? [parts[0], parts[1]] : [undefined, parts[0]];
  const acc = env.accessor(type, name, join, 'column');
  const t = acc.def.type;
  return (r) => {
    const v = acc.get(r);
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return null;
    if (v instanceof Date) return v;
    if (typeof v === 'boolean') return v ? 'T' : 'F';
    if (acc.selectType && !wantId) {
      const list = Array.isArray(v) ? v : [v];
      return list.map((x) => env.selectText(acc.selectType, x)).join(',');
    }
    if (Array.isArray(v)) return v.join(',');
    if (typeof v === 'number') return v;
    if (t === 'INTEGER' || t === 'FLOAT' || t === 'CURRENCY' || t === 'PERCENT') return Number(v);
    return String(v);
  };
}

/** A compiled formula: the record's value, or INVALID_EXPRESSION for columns. */
export function compileFormula(
  env: FieldResolver,
  type: string,
  name: string,
  formula: string | undefined,
): { def: FieldDef; get: (r: StoredRecord) => unknown; error?: string } {
  const resultType = RESULT_TYPES[name];
  const def: FieldDef = { id: name, label: name, type: resultType ?? 'TEXT' };
  if (!resultType) return { def, get: () => INVALID_EXPRESSION, error: `unknown formula type ${name}` };
  let tree: Node;
  try {
    if (!formula || !formula.trim()) throw new FormulaError('empty formula');
    tree = new Parser(lex(formula), (ref) => refGetter(env, type, ref)).parse();
  } catch (e) {
    const msg = e instanceof FormulaError ? e.message : (e as Error).message;
    return { def: { ...def, type: 'TEXT' }, get: () => INVALID_EXPRESSION, error: msg };
  }
  const get = (r: StoredRecord): unknown => {
    let v: Value;
    try {
      v = evaluate(tree, r, env);
    } catch {
      return INVALID_EXPRESSION;
    }
    if (v === null) return '';
    switch (resultType) {
      case 'DATE':
      case 'DATETIME':
        return v instanceof Date ? v : INVALID_EXPRESSION;
      case 'TEXT':
        return text(v, env.prefs);
      default: {
        if (v instanceof Date) return INVALID_EXPRESSION;
        const x = typeof v === 'number' ? v : Number(v);
        return Number.isFinite(x) ? x : INVALID_EXPRESSION;
      }
    }
  };
  return { def, get };
}

/** The accessor engine.ts uses for formula* names; a bad formula in a filter throws. */
export function formulaAccessor(
  env: FieldResolver,
  type: string,
  name: string,
  formula: string | undefined,
  kind: 'filter' | 'column',
): { def: FieldDef; get: (r: StoredRecord) => unknown } {
  const c = compileFormula(env, type, name, formula);
  if (c.error && kind === 'filter') {
    throw nsError(
      'SSS_INVALID_SRCH_FILTER',
      `An nlobjSearchFilter contains invalid search criteria: ${name}: ${INVALID_EXPRESSION} (${c.error}).`,
    );
  }
  if (kind === 'filter') {
    // A row whose value does not evaluate matches nothing (it is not an error for the search).
    const get = c.get;
    return {
      def: c.def,
      get: (r) => {
        const v = get(r);
        return v === INVALID_EXPRESSION ? undefined : v;
      },
    };
  }
  return { def: c.def, get: c.get };
}
