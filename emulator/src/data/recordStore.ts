/**
 * The account's records: a table per record type (records/table.ts, with its indexes), the type
 * definitions (records/recordTypes.ts) the N/record and N/search emulations follow, and
 * NetSuite's save-time validation (records/validation.ts).
 *
 * Errors raised here (validation errors are listed in records/validation.ts):
 * - DUP_ENTITY "This entity already exists." — duplicate entity ID with auto-numbering off
 *   (DUP_ENTITY is in NetSuite's StatusDetailCodeType enumeration; message unverified).
 * - RCRD_DSNT_EXIST "That record does not exist." — load/delete of a missing id.
 * - INVALID_RCRD_TYPE "The record type [X] is invalid." — unknown type (message unverified).
 */
import * as fs from 'fs';
import * as path from 'path';
import { nsError } from '../core/errors';
import { loadSdfObjects } from './sdfObjects';
import { cloneSublists, cloneValues, coerceValue, f, fieldMap, isEmpty, str } from './records/fields';
import { ADDRESS, builtInTypes, customerName, personName } from './records/recordTypes';
import { finishSublists, lineFrom } from './records/sublists';
import { RecordTable } from './records/table';
import { SAVE_RULES, forgetFieldCache, type SaveRule, type ValidationStore } from './records/validation';
import type {
  FieldDef,
  RecordDraft,
  RecordStoreOptions,
  RecordTypeDef,
  SaveOptions,
  SeedOptions,
  StoredRecord,
  SubrecordTypeDef,
} from './records/types';

export type * from './records/types';
export {
  cloneSublists,
  cloneValues,
  coerceValue,
  emptyValue,
  invalidFieldValue,
  isNumberType,
  isTextType,
  maxLengthOf,
} from './records/fields';
export { SAVE_RULES } from './records/validation';
export type { SaveRule } from './records/validation';
export { RecordTable } from './records/table';

/** What the Account hands to `new RecordStore(account)`. */
export interface AccountLike {
  oneWorld: boolean;
  now(): Date;
  sdfProjectDir?: string;
}

function isAccountLike(x: unknown): x is AccountLike {
  return (
    !!x &&
    typeof (x as AccountLike).now === 'function' &&
    typeof (x as AccountLike).oneWorld === 'boolean' &&
    ('preferences' in (x as object) || 'sdfProjectDir' in (x as object))
  );
}

export class RecordStore implements ValidationStore {
  private readonly defs = new Map<string, RecordTypeDef>();
  private readonly subrecordDefs = new Map<string, SubrecordTypeDef>();
  private readonly tables = new Map<string, RecordTable>();
  private readonly nextIds = new Map<string, number>();
  private readonly versions = new Map<string, number>();
  private allVersions = 0;
  private entityNumber = 0;
  /** record.attach: "type:id" of the target → attached "type:id" → attributes. */
  private readonly attached = new Map<string, Map<string, Record<string, unknown>>>();
  /** The checks a save runs (records/validation.ts SAVE_RULES); push a rule to add one. */
  readonly saveRules: SaveRule[] = [...SAVE_RULES];
  readonly options: Required<Omit<RecordStoreOptions, 'empty'>>;

  /**
   * `new RecordStore({ oneWorld, now })`, or `new RecordStore(account)` with an AccountState-like
   * object (its oneWorld flag and clock are followed; when it has an `sdfProjectDir`, the custom
   * record types and entity fields of `<sdfProjectDir>/Objects` are registered).
   */
  constructor(arg: RecordStoreOptions | AccountLike = {}) {
    const options: RecordStoreOptions = isAccountLike(arg)
      ? { oneWorld: arg.oneWorld, now: () => arg.now() }
      : (arg as RecordStoreOptions);
    this.options = {
      oneWorld: options.oneWorld ?? true,
      entityAutoNumbering: options.entityAutoNumbering ?? true,
      now: options.now ?? (() => new Date()),
      searchOrderSeed: options.searchOrderSeed ?? 1,
    };
    for (const d of builtInTypes()) this.defineType(d);
    this.subrecordDefs.set(ADDRESS.type, ADDRESS);
    if (!options.empty) this.seedDefaults();
    if (isAccountLike(arg) && typeof arg.sdfProjectDir === 'string') {
      const objects = path.join(arg.sdfProjectDir, 'Objects');
      if (fs.existsSync(objects)) loadSdfObjects(objects, this);
    }
  }

  /** Change settings after construction (the Account passes its oneWorld flag and clock). */
  configure(options: Omit<RecordStoreOptions, 'empty'>): void {
    Object.assign(
      this.options,
      Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    );
  }

  private seedDefaults(): void {
    const opts = { validate: false };
    this.create('subsidiary', { name: 'Parent Company', country: 'US' }, { ...opts, id: 1 });
    // NetSuite's standard entity statuses keep fixed internal ids (13 = CUSTOMER-Closed Won).
    const statuses: [number, string, string][] = [
      [6, 'LEAD', 'Unqualified'],
      [7, 'LEAD', 'Qualified'],
      [8, 'PROSPECT', 'In Discussion'],
      [9, 'PROSPECT', 'Identified Decision Makers'],
      [10, 'PROSPECT', 'Proposal'],
      [11, 'PROSPECT', 'In Negotiation'],
      [12, 'PROSPECT', 'Purchasing'],
      [13, 'CUSTOMER', 'Closed Won'],
      [14, 'CUSTOMER', 'Closed Lost'],
      [15, 'CUSTOMER', 'Renewal'],
      [16, 'CUSTOMER', 'Lost Customer'],
    ];
    for (const [id, stage, name] of statuses) this.create('customerstatus', { name, stage }, { ...opts, id });
    this.create('leadsource', { name: 'Web' }, { ...opts, id: -6 });
    this.create(
      'employee',
      { entityid: 'System Administrator', firstname: 'System', lastname: 'Administrator' },
      { ...opts, id: -5 },
    );
    // SuiteScripts is folder -15 in every account.
    this.create('folder', { name: 'SuiteScripts' }, { ...opts, id: -15 });
  }

  // -------------------------------------------------------------------------- definitions

  defineType(def: RecordTypeDef): void {
    this.defs.set(def.type, def);
    if (!this.tables.has(def.type)) this.tables.set(def.type, new RecordTable());
  }

  /** A custom record type (customrecord_…) with its standard fields; custom fields come after. */
  defineCustomRecordType(
    scriptId: string,
    label: string,
    opts: { includeName?: boolean } = {},
  ): RecordTypeDef {
    const type = scriptId.toLowerCase();
    const existing = this.defs.get(type);
    if (existing) return existing;
    const def: RecordTypeDef = {
      type,
      label,
      custom: true,
      fields: fieldMap([
        f('name', 'Name', 'TEXT', { maxLength: 300 }),
        f('externalid', 'External ID', 'TEXT', { maxLength: 255 }),
        f('isinactive', 'Inactive', 'CHECKBOX'),
        f('created', 'Date Created', 'DATETIME', { system: true }),
        f('lastmodified', 'Last Modified', 'DATETIME', { system: true }),
        f('owner', 'Owner', 'SELECT', { selectType: 'employee', system: true }),
      ]),
      sublists: {},
      computed: {},
      displayText: (r) => (opts.includeName === false ? String(r.id) : str(r.values.name) || String(r.id)),
    };
    this.defineType(def);
    return def;
  }

  /** Adds (or replaces) a field on a record type, e.g. a custentity_ field on customer. */
  addField(type: string, def: FieldDef): void {
    const t = this.typeDef(type);
    t.fields[def.id] = def;
    forgetFieldCache(t);
  }

  addSublistField(type: string, sublist: string, def: FieldDef): void {
    const sub = this.typeDef(type).sublists[sublist];
    if (sub) sub.fields[def.id] = def;
  }

  hasType(type: string): boolean {
    return this.defs.has(String(type).toLowerCase());
  }

  /** The definition of a type; INVALID_RCRD_TYPE when unknown. */
  typeDef(type: string): RecordTypeDef {
    const def = this.defs.get(String(type).toLowerCase());
    if (!def)
      throw nsError('INVALID_RCRD_TYPE', `The record type [${String(type).toUpperCase()}] is invalid.`);
    return def;
  }

  types(): string[] {
    return [...this.defs.keys()];
  }

  subrecordDef(type: string): SubrecordTypeDef {
    const d = this.subrecordDefs.get(type);
    if (!d) throw nsError('INVALID_RCRD_TYPE', `The subrecord type [${type}] is invalid.`);
    return d;
  }

  subrecordDefOf(type: string): SubrecordTypeDef | undefined {
    return this.subrecordDefs.get(type);
  }

  /** Incremented on every change to a type; searches reuse a computed result set while it holds. */
  version(type: string): number {
    return this.versions.get(type) ?? 0;
  }

  /** Incremented on every change to any type. */
  versionOfAll(): number {
    return this.allVersions;
  }

  // -------------------------------------------------------------------------- reads

  /** A type's table (indexes, id ranges), for the search emulation. Do not write through it. */
  table(type: string): RecordTable | undefined {
    return this.tables.get(String(type).toLowerCase());
  }

  get(type: string, id: number | string): StoredRecord | undefined {
    const t = this.tables.get(String(type).toLowerCase());
    if (!t) return undefined;
    const n = typeof id === 'number' ? id : Number(id);
    return t.get(n);
  }

  /** Like get, but throws RCRD_DSNT_EXIST as record.load does. */
  require(type: string, id: number | string): StoredRecord {
    this.typeDef(type);
    const r = this.get(type, id);
    if (!r) throw nsError('RCRD_DSNT_EXIST', 'That record does not exist.');
    return r;
  }

  /** Every record of a type, in the order they were stored. Do not mutate the records. */
  all(type: string): IterableIterator<StoredRecord> {
    const t = this.tables.get(String(type).toLowerCase());
    return (t ?? new RecordTable()).values();
  }

  count(type: string): number {
    return this.tables.get(String(type).toLowerCase())?.size ?? 0;
  }

  find(type: string, predicate: (r: StoredRecord) => boolean): StoredRecord[] {
    const out: StoredRecord[] = [];
    for (const r of this.all(type)) if (predicate(r)) out.push(r);
    return out;
  }

  findOne(type: string, predicate: (r: StoredRecord) => boolean): StoredRecord | undefined {
    for (const r of this.all(type)) if (predicate(r)) return r;
    return undefined;
  }

  /** Records whose `field` equals `value` (case-insensitive for text), through the field's index. */
  findBy(type: string, field: string, value: unknown): StoredRecord[] {
    const t = this.table(type);
    if (!t) return [];
    const key = value === undefined || value === null ? '' : String(value).toLowerCase();
    const out: StoredRecord[] = [];
    for (const id of t.lookup(field, key)) out.push(t.get(id)!);
    return out.sort((a, b) => a.id - b.id);
  }

  findByExternalId(type: string, externalId: string): StoredRecord | undefined {
    const id = this.externalIdOwner(type, externalId);
    return id === undefined ? undefined : this.get(type, id);
  }

  /** External ids (and entity ids) are found through the table's field index, case-insensitively. */
  externalIdOwner(type: string, externalId: string): number | undefined {
    return this.owner(type, 'externalid', externalId);
  }

  private owner(type: string, field: string, value: string): number | undefined {
    const t = this.table(type);
    if (!t) return undefined;
    for (const id of t.lookup(field, value.toLowerCase())) return id;
    return undefined;
  }

  /** The text a select field of type `selectType` shows for `value`, or undefined if no record. */
  displayText(selectType: string, value: unknown): string | undefined {
    if (value === undefined || value === null || value === '') return '';
    const def = this.defs.get(selectType);
    if (!def) return undefined;
    const r = this.get(selectType, value as string);
    return r ? def.displayText(r) : undefined;
  }

  // -------------------------------------------------------------------------- writes

  /**
   * Seeds a record directly (no governance). `values` may hold sublists as arrays of line
   * objects, with subrecords as nested objects:
   * `{ addressbook: [{ defaultbilling: true, addressbookaddress: { addr1: '1 Main St' } }] }`.
   * Returns the new internal id.
   */
  create(type: string, values: Record<string, unknown>, opts: SeedOptions = {}): number {
    const def = this.typeDef(type);
    const draft: RecordDraft = { id: null, type: def.type, values: {}, sublists: {} };
    for (const [k, v] of Object.entries(values)) {
      const sub = def.sublists[k];
      if (sub && Array.isArray(v)) {
        draft.sublists[k] = v.map((lineIn: Record<string, unknown>) =>
          lineFrom(sub, lineIn, (t) => this.subrecordDef(t)),
        );
      } else {
        draft.values[k] = coerceValue(def.fields[k], k, v);
      }
    }
    return this.save(draft, { ignoreMandatoryFields: opts.ignoreMandatoryFields }, opts);
  }

  /** Sets body fields of a stored record (seeding / submitFields path). */
  update(type: string, id: number | string, values: Record<string, unknown>, opts: SaveOptions = {}): number {
    const cur = this.require(type, id);
    const def = this.typeDef(type);
    const draft: RecordDraft = {
      id: cur.id,
      type: cur.type,
      values: cloneValues(cur.values),
      sublists: cloneSublists(cur.sublists),
    };
    for (const [k, v] of Object.entries(values)) {
      if (def.fields[k]?.system) continue;
      draft.values[k] = coerceValue(def.fields[k], k, v);
    }
    return this.save(draft, opts);
  }

  delete(type: string, id: number | string): void {
    const rec = this.require(type, id);
    const t = rec.type;
    this.tables.get(t)!.delete(rec);
    this.bump(t);
  }

  /**
   * Validates and stores a draft (new when id is null), returning its internal id. The draft is
   * copied, so later changes to it do not reach the store.
   */
  save(draft: RecordDraft, opts: SaveOptions = {}, seed: SeedOptions = {}): number {
    const def = this.typeDef(draft.type);
    const type = def.type;
    const now = opts.now ?? this.options.now();
    const oneWorld = opts.oneWorld ?? this.options.oneWorld;
    const isNew = draft.id === null;
    const prev = isNew ? undefined : this.get(type, draft.id as number);
    if (!isNew && !prev) throw nsError('RCRD_DSNT_EXIST', 'That record does not exist.');

    const values = cloneValues(draft.values);
    const sublists = cloneSublists(draft.sublists);
    const validate = seed.validate !== false;

    // Defaults the server fills in before validation.
    if (type === 'customer') {
      if (values.isperson === undefined || values.isperson === '') values.isperson = 'F';
      if (isEmpty(values.entitystatus) && this.get('customerstatus', 13)) values.entitystatus = '13';
      if (!oneWorld && isEmpty(values.subsidiary) && this.get('subsidiary', 1)) values.subsidiary = '1';
    }
    const env = { oneWorld, now, isNew, get: (t: string, id: number | string) => this.get(t, id) };
    def.beforeSave?.(values, sublists, env);

    if (validate) {
      const c = {
        store: this,
        def,
        values,
        sublists,
        prev,
        oneWorld,
        ignoreMandatoryFields: opts.ignoreMandatoryFields === true,
      };
      for (const rule of this.saveRules) rule(c);
    }

    def.onStore?.(values, env);
    // Identity and system fields.
    let id: number;
    if (isNew) {
      id = seed.id ?? this.nextId(type);
      if (seed.id !== undefined && this.get(type, seed.id)) {
        throw nsError('DUP_RCRD', 'This record already exists.');
      }
      if (id >= (this.nextIds.get(type) ?? 1)) this.nextIds.set(type, id + 1);
    } else {
      id = draft.id as number;
    }
    if (type === 'customer' || type === 'employee') {
      this.assignEntityId(type, values, prev, isNew, validate);
    }
    if (type === 'customer') {
      const status = this.get('customerstatus', values.entitystatus as string);
      values.stage = status ? str(status.values.stage) : str(values.stage);
    }
    const fields = def.fields;
    if (fields.datecreated) values.datecreated = isNew ? now : (prev?.values.datecreated ?? now);
    if (fields.lastmodifieddate) values.lastmodifieddate = now;
    if (fields.created) values.created = isNew ? now : (prev?.values.created ?? now);
    if (fields.lastmodified) values.lastmodified = now;
    finishSublists(sublists);

    const rec: StoredRecord = { id, type, values, sublists };
    this.tables.get(type)!.set(rec, prev);
    this.bump(type);
    draft.id = id;
    return id;
  }

  private assignEntityId(
    type: string,
    values: Record<string, unknown>,
    prev: StoredRecord | undefined,
    isNew: boolean,
    validate: boolean,
  ): void {
    if (type === 'customer' && this.options.entityAutoNumbering) {
      if (isNew || isEmpty(values.entityid)) {
        this.entityNumber += 1;
        values.entityid = String(this.entityNumber);
      }
      return;
    }
    if (isEmpty(values.entityid)) {
      values.entityid = type === 'customer' ? customerName(values) : personName(values);
    }
    if (!validate) return;
    const hit = this.owner(type, 'entityid', String(values.entityid));
    if (hit !== undefined && hit !== prev?.id) {
      throw nsError('DUP_ENTITY', 'This entity already exists.');
    }
  }

  // -------------------------------------------------------------------------- attachments

  /** Records attached to `to` with record.attach: [{ type, id, attributes }]. */
  attachments(to: {
    type: string;
    id: number | string;
  }): { type: string; id: number; attributes: Record<string, unknown> }[] {
    const m = this.attached.get(`${String(to.type).toLowerCase()}:${Number(to.id)}`);
    return [...(m ?? new Map<string, Record<string, unknown>>())].map(([k, attributes]) => {
      const i = k.lastIndexOf(':');
      return { type: k.slice(0, i), id: Number(k.slice(i + 1)), attributes };
    });
  }

  attach(
    rec: { type: string; id: number | string },
    to: { type: string; id: number | string },
    attributes: Record<string, unknown> = {},
  ): void {
    const key = `${String(to.type).toLowerCase()}:${Number(to.id)}`;
    let m = this.attached.get(key);
    if (!m) this.attached.set(key, (m = new Map()));
    m.set(`${String(rec.type).toLowerCase()}:${Number(rec.id)}`, { ...attributes });
  }

  detach(rec: { type: string; id: number | string }, from: { type: string; id: number | string }): void {
    this.attached
      .get(`${String(from.type).toLowerCase()}:${Number(from.id)}`)
      ?.delete(`${String(rec.type).toLowerCase()}:${Number(rec.id)}`);
  }

  // -------------------------------------------------------------------------- identity indexes

  private nextId(type: string): number {
    return Math.max(1, this.nextIds.get(type) ?? 1);
  }

  private bump(type: string): void {
    this.allVersions++;
    this.versions.set(type, (this.versions.get(type) ?? 0) + 1);
  }
}
