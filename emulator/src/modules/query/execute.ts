/** Query.run's engine: the rows of a query, filtered, grouped when a column aggregates, sorted. */
import { compare } from './suiteql';
import { isEmpty, type QueryHost } from './common';
import { Row, type QColumn, type QComponent, type QCondition, type QSort } from './components';

/** What execute reads of a Query (modules/query/queryObject.ts QQuery). */
export interface QueryParts {
  readonly host: QueryHost;
  readonly type: string;
  readonly root: QComponent;
  readonly columns: QColumn[];
  readonly condition: QCondition | null;
  readonly sort: QSort[];
}

/** The rows of a query: filtered, grouped when a column aggregates, sorted; values as Query.run gives them. */
export function execute(q: QueryParts): { columns: QColumn[]; rows: unknown[][] } {
  const { store } = q.host;
  const prefs = q.host.ctx.account.preferences;
  const columns = q.columns.length ? q.columns : [q.root.createColumn({ fieldId: 'id' })];
  let rows = [...store.all(q.type)].map((r) => new Row(r, store));
  if (q.condition) rows = rows.filter((r) => q.condition!.test(r));
  const sortRows = <T>(list: T[], key: (x: T, c: QColumn) => unknown) => {
    if (!q.sort.length) return list;
    return [...list].sort((a, b) => {
      for (const s of q.sort) {
        const x = key(a, s.column);
        const y = key(b, s.column);
        const nx = isEmpty(x);
        const ny = isEmpty(y);
        if (nx || ny) {
          if (nx && ny) continue;
          return (nx ? 1 : -1) * (s.nullsLast ? 1 : -1);
        }
        let c: number;
        if (s.caseSensitive && typeof x === 'string' && typeof y === 'string') c = x < y ? -1 : x > y ? 1 : 0;
        else c = compare(x, y);
        if (c !== 0) return s.ascending ? c : -c;
      }
      return 0;
    });
  };
  if (!columns.some((c) => c.aggregate)) {
    const sorted = sortRows(rows, (r, c) => c.raw(r));
    return { columns, rows: sorted.map((r) => columns.map((c) => c.out(c.raw(r), store, prefs))) };
  }
  // aggregates: group by every column without one
  const groups = new Map<string, Row[]>();
  const keyCols = columns.filter((c) => !c.aggregate);
  for (const r of rows) {
    const k = JSON.stringify(keyCols.map((c) => c.raw(r) ?? null));
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  if (!groups.size && !keyCols.length) groups.set('[]', []);
  const agg = (c: QColumn, g: Row[]): unknown => {
    let vals = g.map((r) => c.raw(r)).filter((v) => !isEmpty(v));
    if (c.aggregate!.endsWith('_DISTINCT')) {
      const seen = new Set<string>();
      vals = vals.filter((v) => {
        const k = v instanceof Date ? String(v.getTime()) : String(v);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    }
    const base = c.aggregate!.replace(/_DISTINCT$/, '');
    if (base === 'COUNT') return vals.length;
    if (!vals.length) return null;
    if (base === 'MINIMUM' || base === 'MAXIMUM') {
      const s = [...vals].sort(compare);
      return c.out(base === 'MINIMUM' ? s[0] : s[s.length - 1], store, prefs);
    }
    const nums = vals.map(Number).filter((n) => !Number.isNaN(n));
    if (base === 'SUM') return nums.reduce((a, b) => a + b, 0);
    if (base === 'AVERAGE') return nums.reduce((a, b) => a + b, 0) / nums.length;
    const s = [...nums].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const out = [...groups.values()].map((g) => ({
    g,
    values: columns.map((c) =>
      c.aggregate ? agg(c, g) : g.length ? c.out(c.raw(g[0]), store, prefs) : null,
    ),
  }));
  const sorted = sortRows(out, (x, c) => x.values[columns.indexOf(c)]);
  return { columns, rows: sorted.map((x) => x.values) };
}
