/**
 * N/query, SuiteQL only, for simple queries (NetSuite help "query.runSuiteQL(options)",
 * "query.runSuiteQLPaged(options)", "SuiteQL.run()", "SuiteQL in the N/query Module"):
 *   SELECT col [AS alias], ... | * FROM <record type> [alias]
 *   [WHERE <col> =|<>|!=|<|<=|>|>= <? | literal>, LIKE, NOT LIKE, IN (...), IS [NOT] NULL, AND, OR, NOT, ( )]
 *   [ORDER BY col [ASC|DESC], ...]
 * over the records of the account (table = record type, column = field id, `id` = internal id; columns may
 * be qualified by the table or its alias). No joins, functions, GROUP BY or sub-queries: those throw
 * SSS_NOT_YET_SUPPORTED. The query.Query objects (query.create, query.load) are in queryObjects.ts.
 * runSuiteQL returns at most 5,000 results (help page); runSuiteQLPaged pages of 5–1,000.
 * Units: SuiteQL.run() is 10 units (help page); runSuiteQL and runSuiteQLPaged are charged 10 as well
 * (the @hitc/netsuite-types doc comments say 10 units); PagedData.fetch none (help "PagedData.fetch(options)"). Values: booleans as 'T'/'F', dates as ISO strings
 * (NetSuite gives them in the user's format: unverified here), empty as null.
 */
import type { ExecutionContext } from '../core/context';
import { SuiteScriptError } from '../core/errors';
import { createQueryObjectMembers } from './queryObjects';

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

function parse(sql: string, params: unknown[]): Parsed {
  const toks = tokenize(sql);
  let p = 0;
  let paramIndex = 0;
  const peek = () => toks[p];
  const kw = (w: string) => peek()?.t === 'id' && peek().v.toUpperCase() === w;
  const eat = (w: string) => {
    if (!kw(w)) throw unsupported(`syntax near ${peek()?.v ?? 'the end'} (expected ${w})`);
    p++;
  };
  const ident = (): string => {
    const t = toks[p++];
    if (t?.t !== 'id') throw unsupported(`syntax near ${t?.v ?? 'the end'}`);
    return t.v;
  };
  eat('SELECT');
  let columns: Parsed['columns'];
  if (peek()?.v === '*') {
    p++;
    columns = '*';
  } else {
    columns = [];
    for (;;) {
      const col = ident();
      if (peek()?.v === '(') throw unsupported(`function ${col}()`);
      let label = col.includes('.') ? col.split('.')[1] : col;
      if (kw('AS')) {
        p++;
        label = ident();
      } else if (peek()?.t === 'id' && !KEYWORDS.has(peek().v.toUpperCase())) label = ident();
      columns.push({ col, label: label.toLowerCase() });
      if (peek()?.v === ',') p++;
      else break;
    }
  }
  eat('FROM');
  const table = ident().toLowerCase();
  let alias = table;
  if (peek()?.t === 'id' && !KEYWORDS.has(peek().v.toUpperCase())) alias = ident().toLowerCase();
  const field = (c: string) => {
    const [q, f] = c.includes('.') ? c.toLowerCase().split('.') : [alias, c.toLowerCase()];
    if (q !== alias && q !== table) throw unsupported(`column ${c} of another table (joins)`);
    return f;
  };
  const value = (): unknown => {
    const t = toks[p++];
    if (!t) throw unsupported('syntax at the end');
    if (t.t === 'param') return params[paramIndex++];
    if (t.t === 'str') return t.v;
    if (t.t === 'num') return Number(t.v);
    if (t.t === 'id' && ['TRUE', 'FALSE'].includes(t.v.toUpperCase())) return t.v.toUpperCase() === 'TRUE';
    throw unsupported(`value ${t.v}`);
  };
  const primary = (): Expr => {
    if (kw('NOT')) {
      p++;
      return { k: 'not', a: primary() };
    }
    if (peek()?.v === '(') {
      p++;
      const e = orExpr();
      if (toks[p++]?.v !== ')') throw unsupported('unbalanced parentheses');
      return e;
    }
    const col = field(ident());
    if (kw('IS')) {
      p++;
      const not = kw('NOT');
      if (not) p++;
      eat('NULL');
      return { k: 'null', col, not };
    }
    let not = false;
    if (kw('NOT')) {
      p++;
      not = true;
    }
    if (kw('LIKE')) {
      p++;
      return { k: 'like', col, pattern: String(value()), not };
    }
    if (kw('IN')) {
      p++;
      if (toks[p++]?.v !== '(') throw unsupported('IN without a list');
      const vs: unknown[] = [];
      for (;;) {
        vs.push(value());
        const t = toks[p++];
        if (t?.v === ')') break;
        if (t?.v !== ',') throw unsupported('IN list');
      }
      return { k: 'in', col, vs, not };
    }
    const op = toks[p++];
    if (op?.t !== 'op') throw unsupported(`condition near ${op?.v ?? 'the end'}`);
    return { k: 'cmp', col, op: op.v, v: value() };
  };
  const andExpr = (): Expr => {
    let e = primary();
    while (kw('AND')) {
      p++;
      e = { k: 'and', a: e, b: primary() };
    }
    return e;
  };
  const orExpr = (): Expr => {
    let e = andExpr();
    while (kw('OR')) {
      p++;
      e = { k: 'or', a: e, b: andExpr() };
    }
    return e;
  };
  let where: Expr | undefined;
  if (kw('WHERE')) {
    p++;
    where = orExpr();
  }
  const order: Parsed['order'] = [];
  if (kw('ORDER')) {
    p++;
    eat('BY');
    for (;;) {
      const col = field(ident());
      let desc = false;
      if (kw('ASC')) p++;
      else if (kw('DESC')) {
        p++;
        desc = true;
      }
      order.push({ col, desc });
      if (peek()?.v === ',') p++;
      else break;
    }
  }
  if (p < toks.length) throw unsupported(`${toks[p].v} (GROUP BY, joins, functions)`);
  const cols = columns === '*' ? '*' : columns.map((c) => ({ col: field(c.col), label: c.label }));
  return { columns: cols, table, where, order };
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

interface QueryAccount {
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
  const q = parse(String(sql), params);
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

function resultSet(labels: string[], rows: unknown[][]) {
  const results = rows.map((values) => ({
    values,
    asMap: () => Object.fromEntries(labels.map((l, i) => [l, values[i]])),
    toJSON: () => ({ values }),
  }));
  return {
    columns: labels.map((label) => ({ label, fieldId: label })),
    types: labels.map(() => 'STRING'),
    results,
    asMappedResults: () => results.map((r) => r.asMap()),
    iterator: () => ({
      each(cb: (r: { value: unknown }) => unknown) {
        for (const r of results) if (cb({ value: r }) === false) break;
      },
    }),
  };
}

function queryOf(options: unknown): { sql: string; params: unknown[] } {
  if (typeof options === 'string') return { sql: options, params: [] };
  const o = (options ?? {}) as { query?: unknown; params?: unknown };
  if (typeof o.query !== 'string' || o.query === '') {
    throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'runSuiteQL: Missing a required argument: query');
  }
  return { sql: o.query, params: Array.isArray(o.params) ? o.params : [] };
}

export function createQueryModule(ctx: ExecutionContext): unknown {
  const account = ctx.account as unknown as QueryAccount;
  const notEmulated = (what: string) => () => {
    throw new SuiteScriptError('SSS_NOT_YET_SUPPORTED', `N/query ${what} is not emulated (SuiteQL only)`);
  };
  return {
    ...createQueryObjectMembers(ctx),
    runSuiteQL(options: unknown) {
      const { sql, params } = queryOf(options);
      ctx.charge('query.runSuiteQL', 10);
      const { labels, rows } = runSuiteQLRows(account, sql, params, 5000);
      return resultSet(labels, rows);
    },
    runSuiteQLPaged(options: unknown) {
      const { sql, params } = queryOf(options);
      const size = Number((options as { pageSize?: unknown })?.pageSize ?? 50);
      if (!Number.isInteger(size) || size < 5 || size > 1000) {
        throw new SuiteScriptError('INVALID_PAGE_RANGE', 'runSuiteQLPaged: pageSize must be 5 to 1000');
      }
      ctx.charge('query.runSuiteQLPaged', 10);
      const { labels, rows } = runSuiteQLRows(account, sql, params);
      const count = rows.length;
      const pageRanges = Array.from({ length: Math.ceil(count / size) }, (_, index) => ({
        index,
        size: Math.min(size, count - index * size),
      }));
      const fetch = (o: { index: number }) => {
        const index = typeof o === 'number' ? o : Number(o?.index);
        if (!(index >= 0 && index < pageRanges.length)) {
          throw new SuiteScriptError('INVALID_PAGE_RANGE', `PagedData.fetch: no page ${index}`);
        }
        // help "PagedData.fetch(options)" (N/query): Governance None
        ctx.charge('query.PagedData.fetch', 0);
        return {
          data: resultSet(labels, rows.slice(index * size, (index + 1) * size)),
          pageRange: pageRanges[index],
          isFirst: index === 0,
          isLast: index === pageRanges.length - 1,
        };
      };
      return { count, pageSize: size, pageRanges, fetch };
    },
    delete: notEmulated('query.delete'),
  };
}
