/**
 * Search filters: Filter objects, filter expressions (terms joined by AND / OR, NOT prefixes) and
 * the tree both become, with its serialized form (saved searches).
 */
import { nsError } from '../../core/errors';
import { missingArgument } from '../record/common';
import { OPERATOR_SET, type Opts } from './constants';

export function parseName(raw: string): { name: string; join?: string } {
  const i = raw.indexOf('.');
  if (i > 0 && !/^formula/i.test(raw))
    return { join: raw.slice(0, i).toLowerCase(), name: raw.slice(i + 1).toLowerCase() };
  return { name: raw.toLowerCase() };
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

export type FNode =
  { k: 'c'; f: EmFilter } | { k: 'and'; c: FNode[] } | { k: 'or'; c: FNode[] } | { k: 'not'; c: FNode };

export function isConditionArray(a: unknown): a is unknown[] {
  return (
    Array.isArray(a) &&
    typeof a[0] === 'string' &&
    a[0].toUpperCase() !== 'NOT' &&
    typeof a[1] === 'string' &&
    OPERATOR_SET.has(a[1].toLowerCase())
  );
}

/**
 * A filter term `[name, operator, ...values]`. The name may be a join (`subsidiary.name`), a formula
 * (`formulatext: {firstname}`) and a summary around either (`sum(amount)`, `max(formulanumeric: …)`),
 * as in NetSuite's filter expressions.
 */
export function filterFromArray(a: unknown[]): EmFilter {
  let raw = String(a[0]).trim();
  let summary: string | undefined;
  const s = /^(sum|count|avg|min|max|group)\((.*)\)$/is.exec(raw);
  if (s) {
    summary = s[1].toLowerCase();
    raw = s[2].trim();
  }
  if (/^formula/i.test(raw)) {
    const [name, formula] = raw.split(/:(.*)/s);
    return new EmFilter({ name, formula: formula?.trim(), summary, operator: a[1], values: a.slice(2) });
  }
  return new EmFilter({ name: raw, summary, operator: a[1], values: a.slice(2) });
}

export function toFilter(x: unknown): EmFilter {
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
export function normalizeFilters(filters: unknown): {
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
/** The first element of a filter term for `f`: `name`, `join.name`, `formulatext: …`, `sum(…)`. */
export function termName(f: EmFilter): string {
  const base = f.formula !== undefined ? `${f.name}: ${f.formula}` : f.join ? `${f.join}.${f.name}` : f.name;
  return f.summary ? `${f.summary}(${base})` : base;
}

export function nodeToExpression(node: FNode): unknown {
  if (node.k === 'c') {
    const f = node.f;
    return [termName(f), f.operator, ...f.values];
  }
  if (node.k === 'not') return ['NOT', nodeToExpression(node.c)];
  const out: unknown[] = [];
  for (const c of node.c) {
    if (out.length) out.push(node.k === 'and' ? 'AND' : 'OR');
    out.push(nodeToExpression(c));
  }
  return out;
}

export function flatten(node: FNode | null, out: EmFilter[] = []): EmFilter[] {
  if (!node) return out;
  if (node.k === 'c') out.push(node.f);
  else if (node.k === 'not') flatten(node.c, out);
  else for (const c of node.c) flatten(c, out);
  return out;
}

function serializeValue(v: unknown): unknown {
  return v instanceof Date ? { $date: v.toISOString() } : v;
}

export function serializeNode(n: FNode | null): unknown {
  if (!n) return null;
  if (n.k === 'c') {
    return {
      k: 'c',
      name: n.f.name,
      join: n.f.join,
      operator: n.f.operator,
      summary: n.f.summary,
      formula: n.f.formula,
      values: n.f.values.map(serializeValue),
    };
  }
  if (n.k === 'not') return { k: 'not', c: serializeNode(n.c) };
  return { k: n.k, c: n.c.map(serializeNode) };
}

export function deserializeNode(x: unknown): FNode | null {
  if (!x) return null;
  const o = x as Opts;
  if (o.k === 'c') {
    const values = ((o.values as unknown[]) ?? []).map((v) =>
      v && typeof v === 'object' && '$date' in (v as Opts) ? new Date(String((v as Opts).$date)) : v,
    );
    return {
      k: 'c',
      f: new EmFilter({
        name: o.name,
        join: o.join,
        operator: o.operator,
        summary: o.summary,
        formula: o.formula,
        values,
      }),
    };
  }
  if (o.k === 'not') return { k: 'not', c: deserializeNode(o.c)! };
  return { k: o.k as 'and' | 'or', c: (o.c as unknown[]).map((c) => deserializeNode(c)!) };
}
