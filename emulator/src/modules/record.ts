/**
 * N/record over the account's RecordStore. Record objects in standard and dynamic mode, body
 * fields, sublists, and subrecords on sublist lines (addressbook / addressbookaddress).
 *
 * Governance (docs/CONTRACTS.md §6; core/governance.ts COSTS): record.create / load /
 * copy / submitFields cost 10 (transaction), 2 (custom record) or 5 (other); Record.save and
 * record.delete cost 20 / 4 / 10.
 *
 * Errors: SSS_MISSING_REQD_ARGUMENT (N/record.d.ts @throws tags), SSS_INVALID_SUBLIST_OPERATION
 * for lines that do not exist (N/record.d.ts @throws on sublist methods), RCRD_DSNT_EXIST for
 * missing records, and the save-time validation errors of data/recordStore.ts.
 */
import { withPromise } from '../core/promise';
import type * as recordTypes from 'N/record';
import type { ExecutionContext } from '../core/context';
import { nsError } from '../core/errors';
import { COSTS, recordCostClass, type RecordCostClass } from '../core/governance';
import {
  cloneSublists,
  cloneValues,
  coerceValue,
  invalidFieldValue,
  type FieldDef,
  type RecordDraft,
  type RecordStore,
  type RecordTypeDef,
  type StoredRecord,
  type StoredLine,
  type StoredSubrecord,
} from '../data/recordStore';
import { formatDate, formatDateTime, parseUserDate } from '../data/dates';
import { TRANSFORMS } from '../data/records/transactions';
import { stubMissingMembers } from '../sandbox/notEmulated';

/** record.attach / record.detach: 10 units (help "record.attach(options)", "record.detach(options)"). */
const ATTACH_UNITS = 10;

type UserEvents = typeof import('../runners/userEvent').runUserEvents;
let userEventRunner: UserEvents | undefined;
/** User event scripts deployed on the record type (runners/userEvent.ts; required lazily: it loads the runners). */
function userEvents(...args: Parameters<UserEvents>): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  userEventRunner ??= (require('../runners/userEvent') as { runUserEvents: UserEvents }).runUserEvents;
  userEventRunner(...args);
}

/** A read-only view of the stored record (a user event's oldRecord). */
function storedRecord(
  ctx: ExecutionContext,
  def: RecordTypeDef,
  at: number | string | StoredRecord,
  changes: Record<string, unknown> = {},
): EmRecord {
  const cur = typeof at === 'object' ? at : ctx.account.records.require(def.type, at as string);
  const values = { ...cloneValues(cur.values), ...changes };
  return new EmRecord(
    ctx,
    def,
    { id: cur.id, type: def.type, values, sublists: cloneSublists(cur.sublists) },
    false,
  );
}

/** Transactions cost the transaction rate whether or not core/governance lists them. */
function costClass(def: RecordTypeDef): RecordCostClass {
  return def.transaction ? 'transaction' : recordCostClass(def.type);
}

type Opts = Record<string, unknown>;

/** record.Type: the record types scripts of this project touch, plus common ones (values are the type ids). */
export const RecordType = Object.freeze({
  CUSTOMER: 'customer',
  CONTACT: 'contact',
  EMPLOYEE: 'employee',
  FOLDER: 'folder',
  SUBSIDIARY: 'subsidiary',
  CUSTOMER_STATUS: 'customerstatus',
  LEAD: 'lead',
  PROSPECT: 'prospect',
  PARTNER: 'partner',
  VENDOR: 'vendor',
  SALES_ORDER: 'salesorder',
  INVOICE: 'invoice',
  CASH_SALE: 'cashsale',
  ITEM_FULFILLMENT: 'itemfulfillment',
  INVENTORY_ITEM: 'inventoryitem',
  CUSTOMER_DEPOSIT: 'customerdeposit',
  FILE: 'file',
  CAMPAIGN: 'campaign',
  SCRIPT_DEPLOYMENT: 'scriptdeployment',
  SCHEDULED_SCRIPT: 'scheduledscript',
  MAP_REDUCE_SCRIPT: 'mapreducescript',
  ADDRESS: 'address',
});

export function missingArgument(api: string, name: string): Error {
  return nsError('SSS_MISSING_REQD_ARGUMENT', `${api}: Missing a required argument: ${name}`);
}

function invalidSublistOperation(): Error {
  return nsError(
    'SSS_INVALID_SUBLIST_OPERATION',
    'You have attempted an invalid sublist or line item operation. You are either trying to access a field on a non-existent line or you are trying to add or remove lines from a static sublist.',
  );
}

export function unsupported(api: string): Error {
  return nsError('EMULATOR_NOT_SUPPORTED', `${api} is not supported by the NetSuite emulator.`);
}

function argObject(api: string, options: unknown, required: string[]): Opts {
  if (!options || typeof options !== 'object') throw missingArgument(api, required[0] ?? 'options');
  const o = options as Opts;
  for (const r of required) {
    if (o[r] === undefined || o[r] === null || o[r] === '') throw missingArgument(api, r);
  }
  return o;
}

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

interface FieldHost {
  values: Record<string, unknown>;
  fields: Record<string, FieldDef>;
}

/** Shared body-field behaviour of records and subrecords. */
class FieldAccess {
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

function fieldIdOf(api: string, a: unknown): string {
  if (typeof a === 'string') return a;
  return String(argObject(api, a, ['fieldId']).fieldId);
}

/** A subrecord (address) attached to a sublist line. It is saved with its parent record. */
class EmSubrecord extends FieldAccess {
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

interface CurrentLine {
  index: number;
  line: StoredLine;
  isNew: boolean;
  changed: boolean;
}

/** A record.Record in standard or dynamic mode. */
export class EmRecord extends FieldAccess {
  private readonly current = new Map<string, CurrentLine>();

  constructor(
    ctx: ExecutionContext,
    readonly def: RecordTypeDef,
    private readonly draft: RecordDraft,
    dynamic: boolean,
  ) {
    super(ctx, dynamic);
  }

  private get host(): FieldHost {
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

  private sublist(
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

  private lineAt(
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

  private subrecordOnLine(
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

  // ------------------------------------------------------------------ sublists (dynamic)

  private dynamicOnly(api: string): void {
    if (!this.dynamic) {
      throw nsError(
        'SSS_INVALID_API_USAGE',
        `${api} is only available for records in dynamic mode (isDynamic: true).`,
      );
    }
  }

  private currentLine(api: string, sublistId: unknown): CurrentLine {
    this.dynamicOnly(api);
    const id = String(sublistId);
    const s = this.sublist(api, id);
    let cur = this.current.get(id);
    if (!cur) {
      // NetSuite starts a dynamic record on a new line of each sublist.
      cur = this.startNewLine(id, s);
    }
    return cur;
  }

  /** A new, empty current line at the end of the sublist (what selectNewLine and commit leave). */
  private startNewLine(sublistId: string, s: { lines: unknown[] }): CurrentLine {
    const cur = { index: s.lines.length, line: { values: {}, subrecords: {} }, isNew: true, changed: false };
    this.current.set(sublistId, cur);
    return cur;
  }

  selectNewLine(a: unknown): this {
    const o = argObject('Record.selectNewLine', a, ['sublistId']);
    this.dynamicOnly('Record.selectNewLine');
    const s = this.sublist('Record.selectNewLine', o.sublistId);
    this.startNewLine(String(o.sublistId), s);
    return this;
  }

  selectLine(a: unknown): this {
    const o = argObject('Record.selectLine', a, ['sublistId']);
    this.dynamicOnly('Record.selectLine');
    const s = this.sublist('Record.selectLine', o.sublistId);
    const n = Number(o.line);
    if (!Number.isInteger(n) || n < 0 || n >= s.lines.length) throw invalidSublistOperation();
    const copy = cloneSublists({ x: [s.lines[n]] }).x[0];
    this.current.set(String(o.sublistId), { index: n, line: copy, isNew: false, changed: false });
    return this;
  }

  getCurrentSublistIndex(a: unknown): number {
    const o = argObject('Record.getCurrentSublistIndex', a, ['sublistId']);
    return this.currentLine('Record.getCurrentSublistIndex', o.sublistId).index;
  }

  setCurrentSublistValue(a: unknown): this {
    const o = argObject('Record.setCurrentSublistValue', a, ['sublistId', 'fieldId']);
    const cur = this.currentLine('Record.setCurrentSublistValue', o.sublistId);
    const fields = this.def.sublists[String(o.sublistId)].fields;
    this.write({ values: cur.line.values, fields }, String(o.fieldId), o.value);
    cur.changed = true;
    return this;
  }

  setCurrentSublistText(a: unknown): this {
    const o = argObject('Record.setCurrentSublistText', a, ['sublistId', 'fieldId']);
    const cur = this.currentLine('Record.setCurrentSublistText', o.sublistId);
    const fields = this.def.sublists[String(o.sublistId)].fields;
    this.writeText({ values: cur.line.values, fields }, String(o.fieldId), o.text);
    cur.changed = true;
    return this;
  }

  getCurrentSublistValue(a: unknown): recordTypes.FieldValue {
    const o = argObject('Record.getCurrentSublistValue', a, ['sublistId', 'fieldId']);
    const cur = this.currentLine('Record.getCurrentSublistValue', o.sublistId);
    return this.read(
      { values: cur.line.values, fields: this.def.sublists[String(o.sublistId)].fields },
      String(o.fieldId),
    );
  }

  getCurrentSublistText(a: unknown): string {
    const o = argObject('Record.getCurrentSublistText', a, ['sublistId', 'fieldId']);
    const cur = this.currentLine('Record.getCurrentSublistText', o.sublistId);
    return this.text(
      { values: cur.line.values, fields: this.def.sublists[String(o.sublistId)].fields },
      String(o.fieldId),
    );
  }

  getCurrentSublistSubrecord(a: unknown): EmSubrecord {
    const o = argObject('Record.getCurrentSublistSubrecord', a, ['sublistId', 'fieldId']);
    const cur = this.currentLine('Record.getCurrentSublistSubrecord', o.sublistId);
    cur.changed = true;
    return this.subrecordOnLine(
      cur.line,
      this.def.sublists[String(o.sublistId)].subrecords,
      String(o.fieldId),
      true,
    );
  }

  hasCurrentSublistSubrecord(a: unknown): boolean {
    const o = argObject('Record.hasCurrentSublistSubrecord', a, ['sublistId', 'fieldId']);
    const cur = this.currentLine('Record.hasCurrentSublistSubrecord', o.sublistId);
    return !!cur.line.subrecords[String(o.fieldId)];
  }

  removeCurrentSublistSubrecord(a: unknown): this {
    const o = argObject('Record.removeCurrentSublistSubrecord', a, ['sublistId', 'fieldId']);
    const cur = this.currentLine('Record.removeCurrentSublistSubrecord', o.sublistId);
    delete cur.line.subrecords[String(o.fieldId)];
    cur.changed = true;
    return this;
  }

  commitLine(a: unknown): this {
    const o = argObject('Record.commitLine', a, ['sublistId']);
    const id = String(o.sublistId);
    const cur = this.currentLine('Record.commitLine', id);
    const s = this.sublist('Record.commitLine', id);
    if (cur.isNew) s.lines.push(cur.line);
    else s.lines[cur.index] = cur.line;
    // After a commit the sublist sits on a new line again.
    this.startNewLine(id, s);
    return this;
  }

  cancelLine(a: unknown): this {
    const o = argObject('Record.cancelLine', a, ['sublistId']);
    this.dynamicOnly('Record.cancelLine');
    const s = this.sublist('Record.cancelLine', o.sublistId);
    this.startNewLine(String(o.sublistId), s);
    return this;
  }

  // ------------------------------------------------------------------ save

  save(options?: unknown): number {
    const o = (options && typeof options === 'object' ? options : {}) as Opts;
    this.ctx.charge('Record.save', COSTS.recordSaveLike[costClass(this.def)]);
    // A dynamic record commits a changed current line on save.
    if (this.dynamic) {
      for (const [id, cur] of this.current) if (cur.changed) this.commitLine({ sublistId: id });
    }
    const priorId = this.draft.id;
    const event = priorId === null ? 'create' : 'edit';
    const records = () => ({
      newRecord: this,
      oldRecord: priorId === null ? undefined : storedRecord(this.ctx, this.def, priorId),
    });
    // A merchant's beforeSubmit that throws makes this save throw, nothing stored ("beforeSubmit(context)").
    userEvents(this.ctx, 'beforeSubmit', this.def.type, event, records);
    const id = this.store.save(this.draft, {
      ignoreMandatoryFields: o.ignoreMandatoryFields === true,
      oneWorld: this.ctx.account.oneWorld,
      now: this.ctx.account.now(),
    });
    // Pick up what the server set (entity id, dates, line ids).
    const saved = this.store.get(this.def.type, id)!;
    this.draft.values = cloneValues(saved.values);
    this.draft.sublists = cloneSublists(saved.sublists);
    userEvents(this.ctx, 'afterSubmit', this.def.type, event, () => ({
      newRecord: storedRecord(this.ctx, this.def, id),
      oldRecord: records().oldRecord,
    }));
    return id;
  }

  toJSON(): Opts {
    const fields: Record<string, string> = {};
    for (const k of Object.keys(this.draft.values)) {
      const v = this.draft.values[k];
      if (v === undefined || v === null) continue;
      fields[k] =
        v instanceof Date ? this.text(this.host, k) : typeof v === 'boolean' ? (v ? 'T' : 'F') : String(v);
    }
    const sublists: Record<string, Record<string, Record<string, string>>> = {};
    for (const [sid, lines] of Object.entries(this.draft.sublists)) {
      sublists[sid] = {};
      lines.forEach((l, i) => {
        sublists[sid][`line ${i + 1}`] = Object.fromEntries(
          Object.entries(l.values).map(([k, v]) => [
            k,
            typeof v === 'boolean' ? (v ? 'T' : 'F') : String(v ?? ''),
          ]),
        );
      });
    }
    return {
      id: this.draft.id === null ? '' : String(this.draft.id),
      type: this.def.type,
      isDynamic: this.dynamic,
      fields,
      sublists,
    };
  }

  toString(): string {
    return 'standard record';
  }
}

/** N/record for one execution. */
export function createRecordModule(ctx: ExecutionContext): typeof recordTypes {
  const store = (): RecordStore => ctx.account.records;

  const create = (options: unknown): EmRecord => {
    const o = argObject('record.create', options, ['type']);
    const def = store().typeDef(String(o.type));
    ctx.charge('record.create', COSTS.recordLoadLike[costClass(def)]);
    const draft: RecordDraft = { id: null, type: def.type, values: {}, sublists: {} };
    const rec = new EmRecord(ctx, def, draft, o.isDynamic === true);
    const dv = o.defaultValues as Opts | undefined;
    if (dv && typeof dv === 'object') for (const [k, v] of Object.entries(dv)) rec.setValue(k, v);
    return rec;
  };

  const load = (options: unknown): EmRecord => {
    const o = argObject('record.load', options, ['type', 'id']);
    const def = store().typeDef(String(o.type));
    ctx.charge('record.load', COSTS.recordLoadLike[costClass(def)]);
    const cur = store().require(def.type, o.id as string);
    const draft: RecordDraft = {
      id: cur.id,
      type: def.type,
      values: cloneValues(cur.values),
      sublists: cloneSublists(cur.sublists),
    };
    const rec = new EmRecord(ctx, def, draft, o.isDynamic === true);
    userEvents(ctx, 'beforeLoad', def.type, 'view', () => ({ newRecord: rec }));
    return rec;
  };

  const copy = (options: unknown): EmRecord => {
    const o = argObject('record.copy', options, ['type', 'id']);
    const def = store().typeDef(String(o.type));
    ctx.charge('record.copy', COSTS.recordLoadLike[costClass(def)]);
    const cur = store().require(def.type, o.id as string);
    const values = cloneValues(cur.values);
    for (const k of ['externalid', 'datecreated', 'lastmodifieddate', 'created', 'lastmodified'])
      delete values[k];
    if (def.type === 'customer' || def.type === 'employee') delete values.entityid;
    const sublists = cloneSublists(cur.sublists);
    for (const lines of Object.values(sublists)) for (const l of lines) delete l.values.id;
    return new EmRecord(ctx, def, { id: null, type: def.type, values, sublists }, o.isDynamic === true);
  };

  const del = (options: unknown): number => {
    const o = argObject('record.delete', options, ['type', 'id']);
    const def = store().typeDef(String(o.type));
    ctx.charge('record.delete', COSTS.recordSaveLike[costClass(def)]);
    const cur = store().require(def.type, o.id as string);
    const old = () => {
      const r = storedRecord(ctx, def, cur);
      return { newRecord: r, oldRecord: r };
    };
    userEvents(ctx, 'beforeSubmit', def.type, 'delete', old);
    store().delete(def.type, o.id as string);
    userEvents(ctx, 'afterSubmit', def.type, 'delete', old);
    return Number(o.id);
  };

  const submitFields = (options: unknown): number => {
    const o = argObject('record.submitFields', options, ['type', 'id', 'values']);
    const def = store().typeDef(String(o.type));
    ctx.charge('record.submitFields', COSTS.recordLoadLike[costClass(def)]);
    const sub = (o.options ?? {}) as Opts;
    // Date fields also take text in the user's date format here, as the UI and nlapiSubmitField
    // do (unverified for record.submitFields; setValue needs a Date: help "Record.setValue").
    const values: Opts = { ...(o.values as Opts) };
    for (const [k, v] of Object.entries(values)) {
      const fd = def.fields[k];
      if ((fd?.type === 'DATE' || fd?.type === 'DATETIME') && typeof v === 'string' && v !== '') {
        const p = parseUserDate(v, ctx.account.preferences);
        if (!p) throw invalidFieldValue(k, v);
        values[k] = p.start;
      }
    }
    const stored = store().require(def.type, o.id as string);
    // a copy: the store may update the stored record in place
    const before: StoredRecord = { ...stored, values: { ...stored.values } };
    const old = () => storedRecord(ctx, def, before);
    userEvents(ctx, 'beforeSubmit', def.type, 'xedit', () => ({
      newRecord: storedRecord(ctx, def, before, values),
      oldRecord: old(),
    }));
    const id = store().update(def.type, o.id as string, values, {
      ignoreMandatoryFields: sub.ignoreMandatoryFields === true,
      oneWorld: ctx.account.oneWorld,
      now: ctx.account.now(),
    });
    userEvents(ctx, 'afterSubmit', def.type, 'xedit', () => ({
      newRecord: storedRecord(ctx, def, id),
      oldRecord: old(),
    }));
    return id;
  };

  /**
   * record.transform (help "record.transform(options)"): a new, unsaved record of toType started
   * from the fromType record; charged at toType's create rate. Pairs outside TRANSFORMS throw
   * INVALID_RCRD_TRANSFRM (code and message unverified).
   */
  const transform = (options: unknown): EmRecord => {
    const o = argObject('record.transform', options, ['fromType', 'fromId', 'toType']);
    const fromDef = store().typeDef(String(o.fromType));
    const toDef = store().typeDef(String(o.toType));
    const make = TRANSFORMS[`${fromDef.type}>${toDef.type}`];
    if (!make) {
      throw nsError(
        'INVALID_RCRD_TRANSFRM',
        `You have entered an invalid type argument: a ${fromDef.type} cannot be transformed into a ${toDef.type}.`,
      );
    }
    ctx.charge('record.transform', COSTS.recordLoadLike[costClass(toDef)]);
    const src = store().require(fromDef.type, o.fromId as string);
    const start = make({
      id: src.id,
      values: cloneValues(src.values),
      sublists: cloneSublists(src.sublists),
    });
    const draft: RecordDraft = { id: null, type: toDef.type, values: {}, sublists: {} };
    for (const [k, v] of Object.entries(start.values)) if (v !== undefined) draft.values[k] = v;
    draft.sublists = start.sublists;
    const rec = new EmRecord(ctx, toDef, draft, o.isDynamic === true);
    const dv = o.defaultValues as Opts | undefined;
    if (dv && typeof dv === 'object') for (const [k, v] of Object.entries(dv)) rec.setValue(k, v);
    return rec;
  };

  /** `{ type, id }` of attach/detach, checked to exist (files in the File Cabinet). */
  const ref = (api: string, x: unknown): { type: string; id: number } => {
    const r = argObject(api, x, ['type', 'id']);
    const type = String(r.type).toLowerCase();
    if (type === 'file') {
      if (!ctx.account.files.get(r.id as string))
        throw nsError('RCRD_DSNT_EXIST', 'That record does not exist.');
    } else store().require(type, r.id as string);
    return { type, id: Number(r.id) };
  };

  /** record.attach (help "record.attach(options)"): 10 units; e.g. a file or contact to a customer. */
  const attach = (options: unknown): void => {
    const o = argObject('record.attach', options, ['record', 'to']);
    ctx.charge('record.attach', ATTACH_UNITS);
    const rec = ref('record.attach', o.record);
    const to = ref('record.attach', o.to);
    store().attach(rec, to, (o.attributes as Opts | undefined) ?? {});
  };

  /** record.detach (help "record.detach(options)"): 10 units. */
  const detach = (options: unknown): void => {
    const o = argObject('record.detach', options, ['record', 'from']);
    ctx.charge('record.detach', ATTACH_UNITS);
    const rec = ref('record.detach', o.record);
    const from = ref('record.detach', o.from);
    store().detach(rec, from);
  };

  const mod = {
    Type: RecordType,
    create: withPromise(create),
    load: withPromise(load),
    copy: withPromise(copy),
    delete: withPromise(del),
    submitFields: withPromise(submitFields),
    transform: withPromise(transform),
    attach: withPromise(attach),
    detach: withPromise(detach),
  };
  return mod as unknown as typeof recordTypes;
}

// members of NetSuite's Record the emulator lacks throw "not emulated" (sandbox/notEmulated.ts)
stubMissingMembers(EmRecord.prototype, 'N/record.Record');
