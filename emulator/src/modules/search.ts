/**
 * N/search over the account's RecordStore and File Cabinet. The parts live in search/:
 * constants (enums, limits, error codes), filters (Filter objects, expressions, their tree),
 * columns, engine (field accessors), formulas, relativeDates, conditions (filter → predicate),
 * planner (indexes), order, summary, results (Result, ResultSet, PagedData), searchObject.
 *
 * Governance (NetSuite help, N/search module pages; docs/CONTRACTS.md §6-7):
 * search.create, Search.run, createFilter/createColumn: 0 units; search.load, Search.save,
 * Search.runPaged, PagedData.fetch: 5 units; ResultSet.each and ResultSet.getRange: 10 units per
 * call; search.lookupFields: 1 unit.
 *
 * Unknown columns / filters throw SSS_INVALID_SRCH_COL / SSS_INVALID_SRCH_FILTER with NetSuite's
 * nlobj wording; search.load of an unknown id throws INVALID_SEARCH "That search or mass update
 * does not exist." (SuiteTalk SSS_INVALID_SRCH_ID carries the same message).
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
import { missingArgument, unsupported } from './record/common';
import { EmColumn, toColumn } from './search/columns';
import { Operator, SearchType, Sort, Summary, type Opts } from './search/constants';
import { Engine, isEmptyValue } from './search/engine';
import { EmFilter, deserializeNode, normalizeFilters, parseName, type FNode } from './search/filters';
import { EmSearch } from './search/searchObject';

export { ERROR_CODES, LIMITS, Operator, SearchType, Sort, Summary } from './search/constants';
export { EmColumn } from './search/columns';
export { EmFilter } from './search/filters';

function createSearch(ctx: ExecutionContext, engine: Engine, options: unknown): EmSearch {
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
}

/** A saved search by internal id or script id (INVALID_SEARCH when there is none). */
function savedSearch(store: ExecutionContext['account']['records'], id: unknown) {
  const key = String(id).toLowerCase();
  const rec = /^-?\d+$/.test(key)
    ? store.get('savedsearch', Number(key))
    : store.findBy('savedsearch', 'scriptid', key)[0];
  if (!rec) throw nsError('INVALID_SEARCH', 'That search or mass update does not exist.');
  return rec;
}

function loadSearch(ctx: ExecutionContext, engine: Engine, options: unknown): EmSearch {
  const o = (options ?? {}) as Opts;
  if (o.id === undefined || o.id === null || o.id === '') throw missingArgument('search.load', 'id');
  ctx.charge('search.load', COSTS.searchLoad);
  const store = ctx.account.records;
  const rec = savedSearch(store, o.id);
  // Saved with Search.save: a filter tree; from SDF XML (data/sdfObjects.ts): an expression.
  const d = JSON.parse(String(rec.values.definition)) as {
    type: string;
    filters?: unknown;
    expression?: unknown[];
    columns: Opts[];
  };
  const f = d.expression
    ? { ...normalizeFilters(d.expression), expr: null }
    : { node: deserializeNode(d.filters), list: null, expr: null };
  if (f.list && f.list.length) {
    const c: FNode[] = f.list.map((x) => ({ k: 'c', f: x }));
    Object.assign(f, { node: c.length === 1 ? c[0] : { k: 'and', c }, list: null });
  }
  return new EmSearch(ctx, engine, {
    type: d.type,
    ...f,
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
}

function deleteSearch(ctx: ExecutionContext, options: unknown): void {
  const o = (options ?? {}) as Opts;
  if (o.id === undefined || o.id === null || o.id === '') throw missingArgument('search.delete', 'id');
  ctx.charge('search.delete', COSTS.searchSave);
  const store = ctx.account.records;
  const rec = savedSearch(store, o.id);
  store.delete('savedsearch', rec.id);
}

function lookupFields(ctx: ExecutionContext, engine: Engine, options: unknown): Record<string, unknown> {
  const o = (options ?? {}) as Opts;
  if (!o.type) throw missingArgument('search.lookupFields', 'type');
  if (o.id === undefined || o.id === null || o.id === '') throw missingArgument('search.lookupFields', 'id');
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
}

/** N/search for one execution. */
export function createSearchModule(ctx: ExecutionContext): typeof searchTypes {
  const engine = new Engine(ctx);
  const mod = {
    Type: SearchType,
    Operator,
    Summary,
    Sort,
    create: withPromise((o: unknown) => createSearch(ctx, engine, o)),
    load: withPromise((o: unknown) => loadSearch(ctx, engine, o)),
    delete: withPromise((o: unknown) => deleteSearch(ctx, o)),
    lookupFields: withPromise((o: unknown) => lookupFields(ctx, engine, o)),
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
