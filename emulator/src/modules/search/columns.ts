/** Search columns (search.createColumn) and the shapes columns may be given in. */
import { nsError } from '../../core/errors';
import { missingArgument } from '../record/common';
import { Summary, type Opts } from './constants';
import { parseName } from './filters';

export class EmColumn {
  name: string;
  join?: string;
  summary?: string;
  formula?: string;
  label?: string;
  function?: string;
  sort?: string;
  constructor(o: Opts) {
    if (!o || o.name === undefined || o.name === '') throw missingArgument('search.createColumn', 'name');
    const p = o.join
      ? { name: String(o.name).toLowerCase(), join: String(o.join).toLowerCase() }
      : parseName(String(o.name));
    this.name = p.name;
    if (p.join) this.join = p.join;
    if (o.summary) {
      const s = String(o.summary).toLowerCase();
      if (!Object.values(Summary).includes(s as never)) {
        throw nsError(
          'SSS_INVALID_SRCH_COLUMN_SUM',
          `An unknown summary type was provided: ${String(o.summary)}`,
        );
      }
      this.summary = s;
    }
    if (o.formula !== undefined) this.formula = String(o.formula);
    if (o.label !== undefined) this.label = String(o.label);
    if (o.function !== undefined) this.function = String(o.function);
    if (o.sort !== undefined) this.sort = String(o.sort).toUpperCase();
  }
  setWhenOrderedBy(): this {
    return this;
  }
  /** Key of this column in Result.toJSON().values. */
  get key(): string {
    const base = this.join ? `${this.name}.${this.join}` : this.name;
    return this.summary ? `${this.summary.toUpperCase()}(${base})` : base;
  }
  toString(): string {
    return 'search.Column';
  }
  toJSON(): Opts {
    return {
      name: this.name,
      join: this.join ?? null,
      summary: this.summary ?? null,
      label: this.label ?? null,
      formula: this.formula ?? null,
      function: this.function ?? null,
      sortdir: this.sort ?? 'NONE',
    };
  }
}

export function toColumn(c: unknown): EmColumn {
  if (c instanceof EmColumn) return c;
  if (typeof c === 'string') return new EmColumn({ name: c });
  if (c && typeof c === 'object') return new EmColumn(c as Opts);
  throw nsError(
    'SSS_INVALID_SRCH_COL',
    `An nlobjSearchColumn contains an invalid column, or is not in proper syntax: ${String(c)}.`,
  );
}
