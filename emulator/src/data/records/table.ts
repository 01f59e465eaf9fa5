/**
 * One record type's table: records by internal id, the ids in ascending order (for internal id
 * ranges and id-ordered scans), and field indexes built on first use and kept up to date on every
 * write. Searches ask the indexes for candidates, so their cost follows the rows they touch, not
 * the table's size (the N/search emulation re-checks every candidate against its filters).
 */
import type { StoredRecord } from './types';

/** Keys a value is indexed under: lowercased text, each value of a multi-select, '' when empty. */
export function indexKeys(v: unknown): string[] {
  if (v === undefined || v === null || v === '') return [''];
  if (Array.isArray(v)) return v.length === 0 ? [''] : v.map((x) => String(x).toLowerCase());
  if (v instanceof Date) return [String(v.getTime())];
  if (typeof v === 'boolean') return [v ? 't' : 'f'];
  return [String(v).toLowerCase()];
}

export class RecordTable {
  private readonly rows = new Map<number, StoredRecord>();
  /** Internal ids, ascending. */
  private readonly sorted: number[] = [];
  /** field id → index key → id (one record) or ids (several): most keys are unique (emails, ids). */
  private readonly indexes = new Map<string, Map<string, Posting>>();

  get size(): number {
    return this.rows.size;
  }

  get(id: number): StoredRecord | undefined {
    return this.rows.get(id);
  }

  /** Records in the order they were stored. */
  values(): IterableIterator<StoredRecord> {
    return this.rows.values();
  }

  /** Stores `rec`, replacing `prev` (same id) when given. */
  set(rec: StoredRecord, prev?: StoredRecord): void {
    if (prev) this.unindex(prev);
    else if (!this.rows.has(rec.id)) this.insertId(rec.id);
    this.rows.set(rec.id, rec);
    this.index(rec);
  }

  delete(rec: StoredRecord): void {
    this.unindex(rec);
    this.rows.delete(rec.id);
    const i = this.lowerBound(rec.id);
    if (this.sorted[i] === rec.id) this.sorted.splice(i, 1);
  }

  /** Ids of records whose `field` has index key `key` (the index is built on first use). */
  lookup(field: string, key: string): Iterable<number> {
    const p = this.indexFor(field).get(key);
    return p === undefined ? [] : typeof p === 'number' ? [p] : p;
  }

  /** Records with ids in [lo, hi] (bounds may be ±Infinity), ascending. */
  *idRange(lo: number, hi: number): IterableIterator<StoredRecord> {
    for (let i = this.lowerBound(lo); i < this.sorted.length && this.sorted[i] <= hi; i++) {
      yield this.rows.get(this.sorted[i])!;
    }
  }

  /** Number of ids in [lo, hi]. */
  countRange(lo: number, hi: number): number {
    let end = this.lowerBound(hi);
    if (this.sorted[end] === hi) end++;
    return Math.max(0, end - this.lowerBound(lo));
  }

  private lowerBound(id: number): number {
    let a = 0;
    let b = this.sorted.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (this.sorted[m] < id) a = m + 1;
      else b = m;
    }
    return a;
  }

  private insertId(id: number): void {
    const n = this.sorted.length;
    if (n === 0 || this.sorted[n - 1] < id) this.sorted.push(id);
    else this.sorted.splice(this.lowerBound(id), 0, id);
  }

  private indexFor(field: string): Map<string, Posting> {
    let idx = this.indexes.get(field);
    if (!idx) {
      idx = new Map();
      this.indexes.set(field, idx);
      for (const r of this.rows.values()) add(idx, r.values[field], r.id);
    }
    return idx;
  }

  private index(rec: StoredRecord): void {
    for (const [field, idx] of this.indexes) add(idx, rec.values[field], rec.id);
  }

  private unindex(rec: StoredRecord): void {
    for (const [field, idx] of this.indexes) {
      for (const k of indexKeys(rec.values[field])) {
        const p = idx.get(k);
        if (p === undefined) continue;
        if (typeof p === 'number') {
          if (p === rec.id) idx.delete(k);
          continue;
        }
        p.delete(rec.id);
        if (p.size === 1) idx.set(k, p.values().next().value as number);
        else if (p.size === 0) idx.delete(k);
      }
    }
  }
}

type Posting = number | Set<number>;

function add(idx: Map<string, Posting>, v: unknown, id: number): void {
  for (const k of indexKeys(v)) {
    const p = idx.get(k);
    if (p === undefined) idx.set(k, id);
    else if (typeof p === 'number') {
      if (p !== id) idx.set(k, new Set([p, id]));
    } else p.add(id);
  }
}
