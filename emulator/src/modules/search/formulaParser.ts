/**
 * The parser of formula expressions (see formulas.ts): Oracle SQL text → a tree. Field references
 * are resolved while parsing (`ref` turns `{name}` into a getter), so an unknown field fails here.
 */
import type { StoredRecord } from '../../data/recordStore';

export type Value = string | number | Date | null;

export type Node =
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

export class FormulaError extends Error {}

// ---------------------------------------------------------------------------------------- lexer

type Tok =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; v: string }
  | { t: 'id'; v: string }
  | { t: 'op'; v: string };

export function lex(src: string): Tok[] {
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

export class Parser {
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
