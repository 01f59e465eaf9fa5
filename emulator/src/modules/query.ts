/**
 * N/query, SuiteQL only, for simple queries (NetSuite help "query.runSuiteQL(options)",
 * "query.runSuiteQLPaged(options)", "SuiteQL.run()", "SuiteQL in the N/query Module"):
 *   SELECT col [AS alias], ... | * FROM <record type> [alias]
 *   [WHERE <col> =|<>|!=|<|<=|>|>= <? | literal>, LIKE, NOT LIKE, IN (...), IS [NOT] NULL, AND, OR, NOT, ( )]
 *   [ORDER BY col [ASC|DESC], ...]
 * over the records of the account (table = record type, column = field id, `id` = internal id; columns may
 * be qualified by the table or its alias). No joins, functions, GROUP BY or sub-queries: those throw
 * SSS_NOT_YET_SUPPORTED. The engine is query/suiteql.ts; the query.Query objects (query.create, query.load)
 * are in queryObjects.ts and query/.
 * runSuiteQL returns at most 5,000 results (help page); runSuiteQLPaged pages of 5–1,000.
 * Units: SuiteQL.run() is 10 units (help page); runSuiteQL and runSuiteQLPaged are charged 10 as well
 * (the @hitc/netsuite-types doc comments say 10 units); PagedData.fetch none (help "PagedData.fetch(options)"). Values: booleans as 'T'/'F', dates as ISO strings
 * (NetSuite gives them in the user's format: unverified here), empty as null.
 */
import type { ExecutionContext } from '../core/context';
import { SuiteScriptError } from '../core/errors';
import { createQueryObjectMembers } from './queryObjects';
import { runSuiteQLRows, type QueryAccount } from './query/suiteql';

export { compare, runSuiteQLRows } from './query/suiteql';

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
