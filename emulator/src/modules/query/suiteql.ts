/**
 * The SuiteQL engine of N/query (see modules/query.ts for what it accepts): a tokenizer, a parser of the
 * simple SELECT subset, and the evaluation over the account's records. Also used by Query.toSuiteQL()
 * and map/reduce's `{ type: 'suiteql' }` input.
 */
import { SuiteScriptError } from '../../core/errors';

type Tok = { t: 'id' | 'str' | 'num' | 'op' | 'param' | 'punct'; v: string };

function tokenize(sql: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) i++;
    else if (c === "'") {
      let s = '';
      i++;
      while (i < sql.length) {
        if (sql[i] === "'" && sql[i + 1] === "'") {
          s += "'";
          i += 2;
        } else if (sql[i] === "'") break;
        else s += sql[i++];
      }
      i++;
      out.push({ t: 'str', v: s });
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(sql.slice(i))![0];
      out.push({ t: 'num', v: m });
      i += m.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?/.exec(sql.slice(i))![0];
      out.push({ t: 'id', v: m });
      i += m.length;
    } else if (c === '?') {
      out.push({ t: 'param', v: '?' });
      i++;
    } else if (/[<>!=]/.test(c)) {
      const m = /^(<=|>=|<>|!=|=|<|>)/.exec(sql.slice(i))?.[0];
      if (!m) throw unsupported(`operator at ${sql.slice(i, i + 5)}`);
      out.push({ t: 'op', v: m });
      i += m.length;
    } else if ('(),*'.includes(c)) {
      out.push({ t: 'punct', v: c });
      i++;
    } else throw unsupported(`character ${c}`);
  }
  return out;
}

function unsupported(what: string): SuiteScriptError {
  return new SuiteScriptError(
    'SSS_NOT_YET_SUPPORTED',
    `SuiteQL: ${what} is not emulated (simple SELECT only)`,
  );
}

type Expr =
  | { k: 'and' | 'or'; a: Expr; b: Expr }
  | { k: 'not'; a: Expr }
  | { k: 'cmp'; col: string; op: string; v: unknown }
  | { k: 'like'; col: string; pattern: string; not: boolean }
  | { k: 'in'; col: string; vs: unknown[]; not: boolean }
  | { k: 'null'; col: string; not: boolean };

interface Parsed {
  columns: Array<{ col: string; label: string }> | '*';
  table: string;
  where?: Expr;
  order: Array<{ col: string; desc: boolean }>;
}

const KEYWORDS = new Set([
  'FROM',
  'WHERE',
  'ORDER',
  'GROUP',
  'JOIN',
  'INNER',
  'LEFT',
  'RIGHT',
  'ON',
  'UNION',
]);

/** A recursive-descent parser of the SELECT subset (one instance per query text). */
class SuiteQLParser {
  private readonly toks: Tok[];
  private p = 0;
  private paramIndex = 0;
  private table = '';
  private alias = '';
  constructor(
    sql: string,
    private readonly params: unknown[],
  ) {
    this.toks = tokenize(sql);
  }

  parse(): Parsed {
    this.eat('SELECT');
    const columns = this.selectList();
    this.eat('FROM');
    this.table = this.ident().toLowerCase();
    this.alias = this.nameNext() ? this.ident().toLowerCase() : this.table;
    let where: Expr | undefined;
    if (this.kw('WHERE')) {
      this.p++;
      where = this.orExpr();
    }
    const order = this.orderBy();
    if (this.p < this.toks.length) throw unsupported(`${this.toks[this.p].v} (GROUP BY, joins, functions)`);
    const cols = columns === '*' ? '*' : columns.map((c) => ({ col: this.field(c.col), label: c.label }));
    return { columns: cols, table: this.table, where, order };
  }

  private peek(): Tok | undefined {
    return this.toks[this.p];
  }
  private kw(w: string): boolean {
    const t = this.peek();
    return t?.t === 'id' && t.v.toUpperCase() === w;
  }
  private eat(w: string): void {
    if (!this.kw(w)) throw unsupported(`syntax near ${this.peek()?.v ?? 'the end'} (expected ${w})`);
    this.p++;
  }
  private ident(): string {
    const t = this.toks[this.p++];
    if (t?.t !== 'id') throw unsupported(`syntax near ${t?.v ?? 'the end'}`);
    return t.v;
  }
  /** The next token is a name that is not a keyword: an alias. */
  private nameNext(): boolean {
    const t = this.peek();
    return t?.t === 'id' && !KEYWORDS.has(t.v.toUpperCase());
  }
  /** A column's field id; a qualifier must name the table or its alias (no joins). */
  private field(c: string): string {
    const [q, f] = c.includes('.') ? c.toLowerCase().split('.') : [this.alias, c.toLowerCase()];
    if (q !== this.alias && q !== this.table) throw unsupported(`column ${c} of another table (joins)`);
    return f;
  }
  private value(): unknown {
    const t = this.toks[this.p++];
    if (!t) throw unsupported('syntax at the end');
    if (t.t === 'param') return this.params[this.paramIndex++];
    if (t.t === 'str') return t.v;
    if (t.t === 'num') return Number(t.v);
    if (t.t === 'id' && ['TRUE', 'FALSE'].includes(t.v.toUpperCase())) return t.v.toUpperCase() === 'TRUE';
    throw unsupported(`value ${t.v}`);
  }

  private selectList(): Parsed['columns'] {
    if (this.peek()?.v === '*') {
      this.p++;
      return '*';
    }
    const columns: Array<{ col: string; label: string }> = [];
    for (;;) {
      const col = this.ident();
      if (this.peek()?.v === '(') throw unsupported(`function ${col}()`);
      let label = col.includes('.') ? col.split('.')[1] : col;
      if (this.kw('AS')) {
        this.p++;
        label = this.ident();
      } else if (this.nameNext()) label = this.ident();
      columns.push({ col, label: label.toLowerCase() });
      if (this.peek()?.v === ',') this.p++;
      else break;
    }
    return columns;
  }

  private orderBy(): Parsed['order'] {
    const order: Parsed['order'] = [];
    if (!this.kw('ORDER')) return order;
    this.p++;
    this.eat('BY');
    for (;;) {
      const col = this.field(this.ident());
      let desc = false;
      if (this.kw('ASC')) this.p++;
      else if (this.kw('DESC')) {
        this.p++;
        desc = true;
      }
      order.push({ col, desc });
      if (this.peek()?.v === ',') this.p++;
      else break;
    }
    return order;
  }

  private orExpr(): Expr {
    let e = this.andExpr();
    while (this.kw('OR')) {
      this.p++;
      e = { k: 'or', a: e, b: this.andExpr() };
    }
    return e;
  }
  private andExpr(): Expr {
    let e = this.primary();
    while (this.kw('AND')) {
      this.p++;
      e = { k: 'and', a: e, b: this.primary() };
    }
    return e;
  }
  private primary(): Expr {
    if (this.kw('NOT')) {
      this.p++;
      return { k: 'not', a: this.primary() };
    }
    if (this.peek()?.v === '(') {
      this.p++;
      const e = this.orExpr();
      if (this.toks[this.p++]?.v !== ')') throw unsupported('unbalanced parentheses');
      return e;
    }
    return this.predicate(this.field(this.ident()));
  }
  /** What follows a column in a condition: IS [NOT] NULL, [NOT] LIKE, [NOT] IN (...), or a comparison. */
  private predicate(col: string): Expr {
    if (this.kw('IS')) {
      this.p++;
      const not = this.kw('NOT');
      if (not) this.p++;
      this.eat('NULL');
      return { k: 'null', col, not };
    }
    let not = false;
    if (this.kw('NOT')) {
      this.p++;
      not = true;
    }
    if (this.kw('LIKE')) {
      this.p++;
      return { k: 'like', col, pattern: String(this.value()), not };
    }
    if (this.kw('IN')) {
      this.p++;
      return { k: 'in', col, vs: this.inList(), not };
    }
    const op = this.toks[this.p++];
    if (op?.t !== 'op') throw unsupported(`condition near ${op?.v ?? 'the end'}`);
    return { k: 'cmp', col, op: op.v, v: this.value() };
  }
  private inList(): unknown[] {
    if (this.toks[this.p++]?.v !== '(') throw unsupported('IN without a list');
    const vs: unknown[] = [];
    for (;;) {
      vs.push(this.value());
      const t = this.toks[this.p++];
      if (t?.v === ')') break;
      if (t?.v !== ',') throw unsupported('IN list');
    }
    return vs;
  }
}

/** A stored value as SuiteQL gives it. */
function out(v: unknown): unknown {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'boolean') return v ? 'T' : 'F';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.join(',');
  return v;
}

const cmpValue = (v: unknown): unknown => {
  if (typeof v === 'boolean') return v ? 'T' : 'F';
  if (v instanceof Date) return v.getTime();
  return v;
};

export function compare(a: unknown, b: unknown): number {
  const x = cmpValue(a);
  const y = cmpValue(b);
  if (x === null || x === undefined || x === '') return y === null || y === undefined || y === '' ? 0 : -1;
  if (y === null || y === undefined || y === '') return 1;
  const nx = Number(x);
  const ny = Number(y);
  if (!Number.isNaN(nx) && !Number.isNaN(ny) && String(x).trim() !== '' && String(y).trim() !== '')
    return nx - ny;
  return String(x).toLowerCase().localeCompare(String(y).toLowerCase());
}

function test(e: Expr, get: (col: string) => unknown): boolean {
  switch (e.k) {
    case 'and':
      return test(e.a, get) && test(e.b, get);
    case 'or':
      return test(e.a, get) || test(e.b, get);
    case 'not':
      return !test(e.a, get);
    case 'null': {
      const v = get(e.col);
      const isNull = v === null || v === undefined || v === '';
      return e.not ? !isNull : isNull;
    }
    case 'like': {
      const re = new RegExp(
        '^' +
          e.pattern
            .split('')
            .map((ch) => (ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
            .join('') +
          '$',
        'is',
      );
      const m = re.test(String(out(get(e.col)) ?? ''));
      return e.not ? !m : m;
    }
    case 'in': {
      const hit = e.vs.some((v) => compare(get(e.col), v) === 0);
      return e.not ? !hit : hit;
    }
    case 'cmp': {
      const v = get(e.col);
      if (v === null || v === undefined || v === '') return false;
      const c = compare(v, e.v);
      return e.op === '='
        ? c === 0
        : e.op === '<>' || e.op === '!='
          ? c !== 0
          : e.op === '<'
            ? c < 0
            : e.op === '<='
              ? c <= 0
              : e.op === '>'
                ? c > 0
                : c >= 0;
    }
  }
}

export interface QueryAccount {
  records: {
    hasType(type: string): boolean;
    typeDef(type: string): { fields: Record<string, { type?: string }> };
    all(type: string): IterableIterator<{ id: number; values: Record<string, unknown> }>;
    /** The type's table, whose ids are read in ascending order. */
    table?(type: string): { idRange(lo: number, hi: number): Iterable<QueryRecord> } | undefined;
  };
}

/** Runs a SuiteQL string against the account's records: column labels and rows of values (at most `limit`). */
export function runSuiteQLRows(
  account: QueryAccount,
  sql: string,
  params: unknown[] = [],
  limit = Infinity,
): { labels: string[]; rows: unknown[][] } {
  const q = new SuiteQLParser(String(sql), params).parse();
  if (!account.records.hasType(q.table)) {
    throw new SuiteScriptError('INVALID_SEARCH_TYPE', `SuiteQL: record type ${q.table} was not found`);
  }
  const fields = account.records.typeDef(q.table).fields ?? {};
  // an unset checkbox reads F, as NetSuite stores it
  const get = (r: QueryRecord) => (col: string) =>
    col === 'id'
      ? r.id
      : r.values[col] === undefined && fields[col]?.type === 'CHECKBOX'
        ? false
        : r.values[col];
  const rows = matching(account, q, get, limit);
  const cols =
    q.columns === '*'
      ? ['id', ...Object.keys(rows[0]?.values ?? {})].map((c) => ({ col: c, label: c }))
      : q.columns;
  return { labels: cols.map((c) => c.label), rows: rows.map((r) => cols.map((c) => out(get(r)(c.col)))) };
}

type QueryRecord = { id: number; values: Record<string, unknown> };

/**
 * The records a query returns, in its order, at most `limit`. Ordered by id alone (how an export
 * pages), they are read from the id-ordered table from the WHERE's lower id bound and the read stops
 * at `limit`, so paging through a million records costs about a million checks, not one per page each.
 */
function matching(
  account: QueryAccount,
  q: Parsed,
  get: (r: QueryRecord) => (col: string) => unknown,
  limit: number,
): QueryRecord[] {
  const out: QueryRecord[] = [];
  const byId = q.order.length === 1 && q.order[0].col === 'id' && !q.order[0].desc;
  const table = byId ? account.records.table?.(q.table) : undefined;
  if (table) {
    for (const r of table.idRange(lowestId(q.where), Infinity)) {
      if (q.where && !test(q.where, get(r))) continue;
      out.push(r);
      if (out.length >= limit) break;
    }
    return out;
  }
  for (const r of account.records.all(q.table)) if (!q.where || test(q.where, get(r))) out.push(r);
  if (q.order.length)
    out.sort((a, b) => {
      for (const o of q.order) {
        const c = compare(get(a)(o.col), get(b)(o.col));
        if (c !== 0) return o.desc ? -c : c;
      }
      return 0;
    });
  return out.length > limit ? out.slice(0, limit) : out;
}

/** The least internal id a WHERE can let through (`id > n`, `id >= n` or `id = n` among its ANDs). */
function lowestId(e: Expr | undefined): number {
  if (!e) return -Infinity;
  if (e.k === 'and') return Math.max(lowestId(e.a), lowestId(e.b));
  if (e.k !== 'cmp' || e.col !== 'id' || typeof e.v !== 'number' || !Number.isFinite(e.v)) return -Infinity;
  if (e.op === '>') return Math.floor(e.v) + 1;
  if (e.op === '>=' || e.op === '=') return Math.ceil(e.v);
  return -Infinity;
}
