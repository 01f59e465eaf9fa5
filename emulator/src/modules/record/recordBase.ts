/** A record.Record's body fields, sublists in standard mode and sublist subrecords. */
import type * as recordTypes from 'N/record';
import type { ExecutionContext } from '../../core/context';
import { nsError } from '../../core/errors';
import type { FieldDef, RecordDraft, RecordTypeDef, StoredLine } from '../../data/recordStore';
import { argObject, fieldIdOf, invalidSublistOperation, type Opts } from './common';
import { EmSubrecord, FieldAccess, type FieldHost } from './fieldAccess';

export interface CurrentLine {
  index: number;
  line: StoredLine;
  isNew: boolean;
  changed: boolean;
}

/** A record.Record's body fields, standard-mode sublists and subrecords (EmRecord adds dynamic mode and save). */
export class RecordBase extends FieldAccess {
  protected readonly current = new Map<string, CurrentLine>();

  constructor(
    ctx: ExecutionContext,
    readonly def: RecordTypeDef,
    protected readonly draft: RecordDraft,
    dynamic: boolean,
  ) {
    super(ctx, dynamic);
  }

  protected get host(): FieldHost {
    return { values: this.draft.values, fields: this.def.fields };
  }

  get id(): number | null {
    return this.draft.id;
  }
  get type(): string {
    return this.def.type;
  }
  get isDynamic(): boolean {
    return this.dynamic;
  }
  get isNew(): boolean {
    return this.draft.id === null;
  }
  get isReadOnly(): boolean {
    return false;
  }

  // ------------------------------------------------------------------ body fields

  getValue(a: unknown): recordTypes.FieldValue {
    const fieldId = fieldIdOf('Record.getValue', a);
    if (fieldId === 'id' || fieldId === 'internalid')
      return this.draft.id === null ? '' : String(this.draft.id);
    return this.read(this.host, fieldId);
  }

  setValue(a: unknown, b?: unknown): this {
    if (typeof a === 'string') this.write(this.host, a, b);
    else {
      const o = argObject('Record.setValue', a, ['fieldId']);
      this.write(this.host, String(o.fieldId), o.value);
    }
    return this;
  }

  getText(a: unknown): string {
    const fieldId = fieldIdOf('Record.getText', a);
    if (fieldId === 'id' || fieldId === 'internalid')
      return this.draft.id === null ? '' : String(this.draft.id);
    return this.text(this.host, fieldId);
  }

  setText(a: unknown, b?: unknown): this {
    if (typeof a === 'string') this.writeText(this.host, a, b);
    else {
      const o = argObject('Record.setText', a, ['fieldId']);
      this.writeText(this.host, String(o.fieldId), o.text);
    }
    return this;
  }

  getFields(): string[] {
    return [...new Set([...Object.keys(this.def.fields), ...Object.keys(this.draft.values)])];
  }

  getField(a: unknown): Opts | null {
    const fieldId = fieldIdOf('Record.getField', a);
    const d = this.def.fields[fieldId];
    if (!d) return null;
    return {
      id: d.id,
      label: d.label,
      type: d.type.toLowerCase(),
      isMandatory: !!d.mandatory,
      isDisabled: !!d.system,
      isDisplay: true,
      isReadOnly: !!d.system,
      isVisible: true,
      isPopup: false,
      sublistId: '',
    };
  }

  getSubrecord(a: unknown): never {
    const fieldId = fieldIdOf('Record.getSubrecord', a);
    throw nsError('FIELD_1_IS_NOT_A_SUBRECORD_FIELD', `Field ${fieldId} is not a subrecord field.`);
  }

  hasSubrecord(): boolean {
    return false;
  }

  // ------------------------------------------------------------------ sublists (standard)

  protected sublist(
    api: string,
    sublistId: unknown,
  ): { lines: StoredLine[]; fields: Record<string, FieldDef>; subrecords: Record<string, string> } {
    const id = String(sublistId);
    const sdef = this.def.sublists[id];
    if (!sdef) throw nsError('SSS_INVALID_SUBLIST_OPERATION', `${api}: the record has no sublist ${id}.`);
    if (!this.draft.sublists[id]) this.draft.sublists[id] = [];
    return { lines: this.draft.sublists[id], fields: sdef.fields, subrecords: sdef.subrecords };
  }

  getSublists(): string[] {
    return Object.keys(this.def.sublists);
  }

  getSublistFields(a: unknown): string[] {
    const o = argObject('Record.getSublistFields', a, ['sublistId']);
    const s = this.sublist('Record.getSublistFields', o.sublistId);
    return [...Object.keys(s.fields), ...Object.keys(s.subrecords)];
  }

  getLineCount(a: unknown): number {
    const sublistId =
      typeof a === 'string' ? a : String(argObject('Record.getLineCount', a, ['sublistId']).sublistId);
    if (!this.def.sublists[sublistId]) return -1;
    return this.draft.sublists[sublistId]?.length ?? 0;
  }

  protected lineAt(
    api: string,
    o: Opts,
  ): { line: StoredLine; fields: Record<string, FieldDef>; subrecords: Record<string, string> } {
    const s = this.sublist(api, o.sublistId);
    const n = Number(o.line);
    if (!Number.isInteger(n) || n < 0 || n >= s.lines.length) throw invalidSublistOperation();
    return { line: s.lines[n], fields: s.fields, subrecords: s.subrecords };
  }

  getSublistValue(a: unknown): recordTypes.FieldValue {
    const o = argObject('Record.getSublistValue', a, ['sublistId', 'fieldId']);
    const { line, fields } = this.lineAt('Record.getSublistValue', o);
    return this.read({ values: line.values, fields }, String(o.fieldId));
  }

  getSublistText(a: unknown): string {
    const o = argObject('Record.getSublistText', a, ['sublistId', 'fieldId']);
    const { line, fields } = this.lineAt('Record.getSublistText', o);
    return this.text({ values: line.values, fields }, String(o.fieldId));
  }

  private standardOnly(api: string): void {
    if (this.dynamic) {
      throw nsError(
        'SSS_INVALID_API_USAGE',
        `${api} is for records in standard mode; a dynamic record uses selectLine/setCurrentSublistValue/commitLine.`,
      );
    }
  }

  /** Standard mode: line may equal the line count, which adds a line. */
  private lineForWrite(api: string, o: Opts): { line: StoredLine; fields: Record<string, FieldDef> } {
    this.standardOnly(api);
    const s = this.sublist(api, o.sublistId);
    const n = Number(o.line);
    if (!Number.isInteger(n) || n < 0 || n > s.lines.length) throw invalidSublistOperation();
    if (n === s.lines.length) s.lines.push({ values: {}, subrecords: {} });
    return { line: s.lines[n], fields: s.fields };
  }

  setSublistValue(a: unknown): this {
    const o = argObject('Record.setSublistValue', a, ['sublistId', 'fieldId']);
    const { line, fields } = this.lineForWrite('Record.setSublistValue', o);
    this.write({ values: line.values, fields }, String(o.fieldId), o.value);
    return this;
  }

  setSublistText(a: unknown): this {
    const o = argObject('Record.setSublistText', a, ['sublistId', 'fieldId']);
    const { line, fields } = this.lineForWrite('Record.setSublistText', o);
    this.writeText({ values: line.values, fields }, String(o.fieldId), o.text);
    return this;
  }

  insertLine(a: unknown): this {
    const o = argObject('Record.insertLine', a, ['sublistId']);
    const s = this.sublist('Record.insertLine', o.sublistId);
    const n = Number(o.line);
    if (!Number.isInteger(n) || n < 0 || n > s.lines.length) throw invalidSublistOperation();
    s.lines.splice(n, 0, { values: {}, subrecords: {} });
    if (this.dynamic)
      this.current.set(String(o.sublistId), { index: n, line: s.lines[n], isNew: false, changed: false });
    return this;
  }

  removeLine(a: unknown): this {
    const o = argObject('Record.removeLine', a, ['sublistId']);
    const s = this.sublist('Record.removeLine', o.sublistId);
    const n = Number(o.line);
    if (!Number.isInteger(n) || n < 0 || n >= s.lines.length) throw invalidSublistOperation();
    s.lines.splice(n, 1);
    this.current.delete(String(o.sublistId));
    return this;
  }

  findSublistLineWithValue(a: unknown): number {
    const o = argObject('Record.findSublistLineWithValue', a, ['sublistId', 'fieldId']);
    const s = this.sublist('Record.findSublistLineWithValue', o.sublistId);
    const fieldId = String(o.fieldId);
    const want = o.value;
    return s.lines.findIndex((l) => {
      const v = l.values[fieldId];
      if (v instanceof Date && want instanceof Date) return v.getTime() === want.getTime();
      return v === want || (v !== undefined && v !== null && String(v) === String(want));
    });
  }

  protected subrecordOnLine(
    line: StoredLine,
    subrecords: Record<string, string>,
    fieldId: string,
    create: boolean,
  ): EmSubrecord {
    const subType = subrecords[fieldId];
    if (!subType)
      throw nsError('FIELD_1_IS_NOT_A_SUBRECORD_FIELD', `Field ${fieldId} is not a subrecord field.`);
    let sub = line.subrecords[fieldId];
    if (!sub) {
      if (!create) throw nsError('SSS_INVALID_SUBLIST_OPERATION', `No subrecord ${fieldId} on this line.`);
      sub = line.subrecords[fieldId] = { type: subType, values: {} };
    }
    return new EmSubrecord(this.ctx, this.dynamic, sub);
  }

  getSublistSubrecord(a: unknown): EmSubrecord {
    const o = argObject('Record.getSublistSubrecord', a, ['sublistId', 'fieldId']);
    const { line, subrecords } = this.lineAt('Record.getSublistSubrecord', o);
    return this.subrecordOnLine(line, subrecords, String(o.fieldId), !this.dynamic);
  }

  hasSublistSubrecord(a: unknown): boolean {
    const o = argObject('Record.hasSublistSubrecord', a, ['sublistId', 'fieldId']);
    const { line } = this.lineAt('Record.hasSublistSubrecord', o);
    return !!line.subrecords[String(o.fieldId)];
  }

  removeSublistSubrecord(a: unknown): this {
    const o = argObject('Record.removeSublistSubrecord', a, ['sublistId', 'fieldId']);
    const { line } = this.lineAt('Record.removeSublistSubrecord', o);
    delete line.subrecords[String(o.fieldId)];
    return this;
  }
}
