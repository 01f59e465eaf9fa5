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
 *   query without joins or aggregates, runnable with the SuiteQL engine (query/suiteql.ts).
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
import {
  Aggregate,
  FieldContext,
  Operator,
  ReturnType,
  err,
  options,
  unsupported,
  type Opts,
  type QueryHost,
} from './query/common';
import { QColumn, QCondition, QSort, type QComponent } from './query/components';
import { QQuery } from './query/queryObject';

export { QQuery };

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
