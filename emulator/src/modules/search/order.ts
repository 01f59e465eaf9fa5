/**
 * Result order. With sort columns: by them, ties in internal id order. Without any: NetSuite
 * gives no order (help "Search.run()" and "ResultSet.each" promise none, and searches without a
 * sort are reported to return rows in different orders from one run to the next), so the emulator
 * returns a deterministic shuffle of internal id order, chosen by the account's search order seed
 * (RecordStore option searchOrderSeed): a script that relies on creation order fails here too.
 */
import { isNumberType, type StoredRecord } from '../../data/recordStore';
import type { Accessor, Engine } from './engine';
import type { CompiledColumn } from './results';

export function sortKey(engine: Engine, acc: Accessor, v: unknown): number | string {
  if (v === undefined || v === null || v === '') return '';
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (acc.selectType) {
    if (acc.def.id === 'internalid') return Number(v);
    return engine.selectText(acc.selectType, Array.isArray(v) ? v[0] : v).toLowerCase();
  }
  if (isNumberType(acc.def.type)) return Number(v);
  return String(v).toLowerCase();
}

export function compareKeys(a: number | string, b: number | string): number {
  if (a === b) return 0;
  if (a === '') return -1;
  if (b === '') return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

export function sortRecords(engine: Engine, cols: CompiledColumn[], recs: StoredRecord[]): StoredRecord[] {
  const sorts = cols.filter((c) => c.col.sort === 'ASC' || c.col.sort === 'DESC');
  if (sorts.length === 0) return recs;
  const keyed = recs.map((rec, i) => ({
    rec,
    i,
    k: sorts.map((s) => sortKey(engine, s.acc, s.acc.get(rec))),
  }));
  keyed.sort((x, y) => {
    for (let j = 0; j < sorts.length; j++) {
      const c = compareKeys(x.k[j], y.k[j]);
      if (c !== 0) return sorts[j].col.sort === 'DESC' ? -c : c;
    }
    return x.i - y.i;
  });
  return keyed.map((x) => x.rec);
}

/**
 * Summary filters ("Summary type" criteria in the UI, `summary` on search.createFilter) keep the

/** True when the rows come back in ascending internal id order: sorted by internal id only. */
export function sortsByInternalId(cols: CompiledColumn[]): boolean {
  const sorts = cols.filter((c) => c.col.sort === 'ASC' || c.col.sort === 'DESC');
  return (
    sorts.length > 0 &&
    sorts[0].col.sort === 'ASC' &&
    !sorts[0].col.join &&
    (sorts[0].col.name === 'internalid' || sorts[0].col.name === 'internalidnumber')
  );
}

/** A 32-bit mix of (seed, id): the position of a record in an unsorted search. */
function scramble(seed: number, id: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(id | 0, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** The order of a search without sort columns (see above). */
export function unsortedOrder(recs: StoredRecord[], seed: number): StoredRecord[] {
  return recs
    .map((r) => ({ r, k: scramble(seed, r.id) }))
    .sort((a, b) => a.k - b.k || a.r.id - b.r.id)
    .map((x) => x.r);
}
