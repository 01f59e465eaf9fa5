/**
 * Which records a search has to look at. A filter on the internal id, or an `is` / `anyof` on a
 * plain field (external id, email, custom fields, selects), is answered from the table's indexes
 * (data/records/table.ts); an internal id range from the ordered id list. AND takes the smallest
 * candidate set of its terms, OR the union of all of them (or a full scan when one term needs
 * it). Candidates are a superset: every one is still checked against the whole filter, so a plan
 * changes the cost of a search, never its result.
 */
import type { RecordTable } from '../../data/recordStore';
import { isNumberType, isTextType } from '../../data/recordStore';
import type { Engine } from './engine';
import type { FNode } from './filters';

/** Candidate ids (unordered, may repeat), or a contiguous internal id range. */
export type Plan = { k: 'ids'; ids: Set<number> } | { k: 'range'; lo: number; hi: number } | null;

function fromIds(ids: Iterable<number>): Plan {
  return { k: 'ids', ids: ids instanceof Set ? ids : new Set(ids) };
}

function size(p: Exclude<Plan, null>, table: RecordTable): number {
  return p.k === 'ids' ? p.ids.size : table.countRange(p.lo, p.hi);
}

/** The plan of one condition. */
function leaf(engine: Engine, type: string, table: RecordTable, node: Extract<FNode, { k: 'c' }>): Plan {
  const f = node.f;
  if (f.summary || f.join || f.formula || /^formula/.test(f.name)) return null;
  const op = f.operator;
  const vals = f.values;
  if (f.name === 'internalid' && (op === 'anyof' || op === 'is')) {
    if (vals.some((v) => String(v) === '@NONE@')) return null;
    return fromIds(vals.map(Number).filter(Number.isFinite));
  }
  if (f.name === 'internalidnumber') {
    const a = Number(vals[0]);
    const b = Number(vals[1]);
    if (!Number.isFinite(a)) return null;
    switch (op) {
      case 'equalto':
        return { k: 'range', lo: a, hi: a };
      case 'greaterthan':
        return { k: 'range', lo: Math.floor(a) + 1, hi: Infinity };
      case 'greaterthanorequalto':
        return { k: 'range', lo: Math.ceil(a), hi: Infinity };
      case 'lessthan':
        return { k: 'range', lo: -Infinity, hi: Math.ceil(a) - 1 };
      case 'lessthanorequalto':
        return { k: 'range', lo: -Infinity, hi: Math.floor(a) };
      case 'between':
        return Number.isFinite(b) ? { k: 'range', lo: Math.ceil(a), hi: Math.floor(b) } : null;
      default:
        return null;
    }
  }
  const def = engine.typeDef(type);
  const fd = def.fields[f.name];
  if (!fd || def.computed[f.name]) return null;
  const keys = (list: unknown[]): string[] => list.map((v) => String(v ?? '').toLowerCase());
  if (op === 'is' && (isTextType(fd.type) || fd.type === 'SELECT' || fd.type === 'RADIO')) {
    return fromIds(table.lookup(f.name, keys([vals[0]])[0]));
  }
  if (op === 'anyof' && (fd.type === 'SELECT' || fd.type === 'MULTISELECT' || fd.type === 'RADIO')) {
    const ids = new Set<number>();
    for (const k of keys(vals)) for (const id of table.lookup(f.name, k === '@none@' ? '' : k)) ids.add(id);
    return fromIds(ids);
  }
  if ((op === 'equalto' || op === 'is') && isNumberType(fd.type) && Number.isFinite(Number(vals[0]))) {
    return fromIds(table.lookup(f.name, String(Number(vals[0]))));
  }
  return null;
}

export function plan(engine: Engine, type: string, table: RecordTable, node: FNode | null): Plan {
  if (!node) return null;
  switch (node.k) {
    case 'c':
      return leaf(engine, type, table, node);
    case 'not':
      return null;
    case 'and': {
      let best: Plan = null;
      for (const c of node.c) {
        const p = plan(engine, type, table, c);
        if (p && (!best || size(p, table) < size(best, table))) best = p;
      }
      return best;
    }
    case 'or': {
      const ids = new Set<number>();
      for (const c of node.c) {
        const p = plan(engine, type, table, c);
        if (!p) return null;
        if (p.k === 'ids') for (const id of p.ids) ids.add(id);
        else for (const r of table.idRange(p.lo, p.hi)) ids.add(r.id);
      }
      return { k: 'ids', ids };
    }
  }
}
