/** Body-field reads and writes shared by records and subrecords, and the subrecord on a sublist line. */
import type * as recordTypes from 'N/record';
import type { ExecutionContext } from '../../core/context';
import { nsError } from '../../core/errors';
import {
  cloneValues,
  coerceValue,
  invalidFieldValue,
  type FieldDef,
  type RecordStore,
  type StoredSubrecord,
} from '../../data/recordStore';
import { formatDate, formatDateTime, parseUserDate } from '../../data/dates';
import { argObject, fieldIdOf, type Opts } from './common';

/** Stored value → what getValue returns (empty numbers/dates/text as ''; dates copied into the script's Date). */
function outValue(v: unknown, def: FieldDef | undefined, ctx: ExecutionContext): recordTypes.FieldValue {
  if (v === undefined || v === null) {
    if (def?.type === 'CHECKBOX') return false;
    if (def?.type === 'MULTISELECT') return [];
    return def ? '' : (null as unknown as recordTypes.FieldValue);
  }
  if (v instanceof Date) return ctx.scriptDate(v);
  if (Array.isArray(v)) return v.slice();
  return v as recordTypes.FieldValue;
}

export interface FieldHost {
  values: Record<string, unknown>;
  fields: Record<string, FieldDef>;
}

/** Shared body-field behaviour of records and subrecords. */
export class FieldAccess {
  constructor(
    protected readonly ctx: ExecutionContext,
    protected readonly dynamic: boolean,
  ) {}

  protected get store(): RecordStore {
    return this.ctx.account.records;
  }

  protected read(host: FieldHost, fieldId: string): recordTypes.FieldValue {
    return outValue(host.values[fieldId], host.fields[fieldId], this.ctx);
  }

  protected write(host: FieldHost, fieldId: string, value: unknown): void {
    const def = host.fields[fieldId];
    if (def?.system) return;
    const v = coerceValue(def, fieldId, value);
    // Dynamic mode validates select keys as they are set (the UI would refuse the value).
    if (
      this.dynamic &&
      def?.type === 'SELECT' &&
      def.selectType &&
      v !== '' &&
      this.store.hasType(def.selectType)
    ) {
      if (!this.store.get(def.selectType, v as string)) throw invalidFieldValue(fieldId, value);
    }
    host.values[fieldId] = v;
  }

  protected text(host: FieldHost, fieldId: string): string {
    const def = host.fields[fieldId];
    const v = host.values[fieldId];
    if (v === undefined || v === null || v === '') return '';
    if (!def) return String(v);
    const prefs = this.ctx.account.preferences;
    switch (def.type) {
      case 'SELECT':
        return (def.selectType && this.store.displayText(def.selectType, v)) || String(v);
      case 'MULTISELECT':
        return (v as string[])
          .map((k) => (def.selectType && this.store.displayText(def.selectType, k)) || k)
          .join(',');
      case 'CHECKBOX':
        return v ? 'T' : 'F';
      case 'DATE':
        return formatDate(v as Date, prefs);
      case 'DATETIME':
        return formatDateTime(v as Date, prefs);
      default:
        return String(v);
    }
  }

  protected writeText(host: FieldHost, fieldId: string, text: unknown): void {
    const def = host.fields[fieldId];
    if (!def || text === '' || text === null || text === undefined) {
      this.write(host, fieldId, text);
      return;
    }
    const t = String(text);
    switch (def.type) {
      case 'SELECT': {
        if (!def.selectType || !this.store.hasType(def.selectType)) {
          this.write(host, fieldId, t);
          return;
        }
        const tdef = this.store.typeDef(def.selectType);
        const lower = t.toLowerCase();
        const hit = this.store.findOne(def.selectType, (r) => tdef.displayText(r).toLowerCase() === lower);
        if (!hit) throw invalidFieldValue(fieldId, t);
        host.values[fieldId] = String(hit.id);
        return;
      }
      case 'DATE':
      case 'DATETIME': {
        const p = parseUserDate(t, this.ctx.account.preferences);
        if (!p) throw invalidFieldValue(fieldId, t);
        host.values[fieldId] = p.start;
        return;
      }
      default:
        this.write(host, fieldId, t);
    }
  }
}

/** A subrecord (address) attached to a sublist line. It is saved with its parent record. */
export class EmSubrecord extends FieldAccess {
  private readonly host: FieldHost;
  constructor(
    ctx: ExecutionContext,
    dynamic: boolean,
    private readonly sub: StoredSubrecord,
  ) {
    super(ctx, dynamic);
    this.host = { values: sub.values, fields: ctx.account.records.subrecordDef(sub.type).fields };
  }
  get type(): string {
    return this.sub.type;
  }
  get id(): null {
    return null;
  }
  get isDynamic(): boolean {
    return this.dynamic;
  }
  getValue(a: unknown): recordTypes.FieldValue {
    return this.read(this.host, fieldIdOf('Subrecord.getValue', a));
  }
  setValue(a: unknown, b?: unknown): this {
    if (typeof a === 'string') this.write(this.host, a, b);
    else {
      const o = argObject('Subrecord.setValue', a, ['fieldId']);
      this.write(this.host, String(o.fieldId), o.value);
    }
    return this;
  }
  getText(a: unknown): string {
    return this.text(this.host, fieldIdOf('Subrecord.getText', a));
  }
  setText(a: unknown, b?: unknown): this {
    if (typeof a === 'string') this.writeText(this.host, a, b);
    else {
      const o = argObject('Subrecord.setText', a, ['fieldId']);
      this.writeText(this.host, String(o.fieldId), o.text);
    }
    return this;
  }
  getFields(): string[] {
    return Object.keys(this.host.fields);
  }
  save(): never {
    throw nsError(
      'SSS_INVALID_API_USAGE',
      'A subrecord is saved with its parent record: call save() on the parent.',
    );
  }
  toJSON(): Opts {
    const fields = cloneValues(this.sub.values);
    for (const [k, v] of Object.entries(fields)) if (v instanceof Date) fields[k] = this.ctx.scriptDate(v);
    return { type: this.type, isSubrecord: true, fields };
  }
}
