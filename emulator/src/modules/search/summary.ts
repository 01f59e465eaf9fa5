/**
 * Summary searches: GROUP / COUNT / SUM / AVG / MIN / MAX columns, and summary filters applied
 * to the groups like SQL HAVING (help "search.createFilter(options)").
 */
import { nsError } from '../../core/errors';
import { isNumberType, type StoredRecord } from '../../data/recordStore';
import { unsupported } from '../record/common';
import { EmColumn } from './columns';
import { isEmptyValue, type Engine, type GroupRow, type Row } from './engine';
import type { EmFilter } from './filters';
import { compareKeys, sortKey } from './order';
import type { CompiledColumn } from './results';

/** Each summary filter with its column, made once per search rather than once per group. */
type CompiledHaving = { f: EmFilter; c: CompiledColumn }[];

function compileHaving(engine: Engine, type: string, having: EmFilter[]): CompiledHaving {
  return having.map((f) => ({
    f,
    c: {
      col: new EmColumn({ name: f.name, summary: f.summary }),
      acc: engine.accessor(type, f.name, f.join, 'filter', f.formula),
    },
  }));
}

function passesHaving(having: CompiledHaving, members: StoredRecord[]): boolean {
  for (const { f, c } of having) {
    const value = Number(aggregate(c, members));
    const [a, b] = f.values.map(Number);
    const ok =
      f.operator === 'equalto'
        ? value === a
        : f.operator === 'notequalto'
          ? value !== a
          : f.operator === 'greaterthan'
            ? value > a
            : f.operator === 'greaterthanorequalto'
              ? value >= a
              : f.operator === 'lessthan'
                ? value < a
                : f.operator === 'lessthanorequalto'
                  ? value <= a
                  : f.operator === 'between'
                    ? value >= a && value <= b
                    : (() => {
                        throw unsupported(`Summary filter operator ${f.operator}`);
                      })();
    if (!ok) return false;
  }
  return true;
}

export function summarize(
  engine: Engine,
  type: string,
  cols: CompiledColumn[],
  recs: StoredRecord[],
  having: EmFilter[] = [],
): Row[] {
  const groupIdx = cols.map((c, i) => (c.col.summary === 'group' ? i : -1)).filter((i) => i >= 0);
  cols.forEach((c) => {
    if (!c.col.summary) {
      throw nsError(
        'SSS_INVALID_SRCH_COL',
        `Column ${c.col.name} needs a summary type: every column of a summary search is grouped or summarized.`,
      );
    }
  });
  const groups = new Map<string, StoredRecord[]>();
  for (const r of recs) {
    const key = groupIdx.map((i) => JSON.stringify(cols[i].acc.get(r) ?? null)).join('\u0001');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(r);
  }
  if (groupIdx.length === 0 && groups.size === 0) groups.set('', []);
  const rows: { group: GroupRow; k: (number | string)[] }[] = [];
  let compiled: CompiledHaving | undefined;
  for (const members of groups.values()) {
    if (having.length && !passesHaving((compiled ??= compileHaving(engine, type, having)), members)) continue;
    const values = cols.map((c) => aggregate(c, members));
    rows.push({ group: { values, first: members[0] }, k: [] });
  }
  const sorts = cols
    .map((c, i) => ({ c, i }))
    .filter(
      ({ c }) =>
        c.col.sort === 'ASC' ||
        c.col.sort === 'DESC' ||
        (!cols.some((x) => x.col.sort === 'ASC' || x.col.sort === 'DESC') && c.col.summary === 'group'),
    );
  for (const r of rows)
    r.k = sorts.map(({ c, i }) =>
      sortKey(
        engine,
        c.col.summary === 'group' ? c.acc : { ...c.acc, selectType: undefined },
        r.group.values[i],
      ),
    );
  rows.sort((x, y) => {
    for (let j = 0; j < sorts.length; j++) {
      const c = compareKeys(x.k[j], y.k[j]);
      if (c !== 0) return sorts[j].c.col.sort === 'DESC' ? -c : c;
    }
    return 0;
  });
  return rows.map((r) => ({ group: r.group }));
}

export function aggregate(c: CompiledColumn, members: StoredRecord[]): unknown {
  const s = c.col.summary;
  if (s === 'group') return members.length ? c.acc.get(members[0]) : undefined;
  const vals = members.map((m) => c.acc.get(m)).filter((v) => !isEmptyValue(v));
  if (s === 'count') return new Set(vals.map((v) => (v instanceof Date ? v.getTime() : String(v)))).size;
  if (vals.length === 0) return '';
  const numeric = (v: unknown): number => (v instanceof Date ? v.getTime() : Number(v));
  const isNum =
    isNumberType(c.acc.def.type) ||
    c.acc.def.id === 'internalid' ||
    c.acc.def.type === 'DATE' ||
    c.acc.def.type === 'DATETIME';
  if (s === 'sum' || s === 'avg') {
    const total = vals.reduce<number>((a, v) => a + numeric(v), 0);
    return s === 'sum' ? total : total / vals.length;
  }
  let best = vals[0];
  for (const v of vals) {
    const better = isNum
      ? s === 'max'
        ? numeric(v) > numeric(best)
        : numeric(v) < numeric(best)
      : s === 'max'
        ? String(v) > String(best)
        : String(v) < String(best);
    if (better) best = v;
  }
  return best;
}
