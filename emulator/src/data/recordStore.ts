/**
 * The account's records: an in-memory table per record type, with the type definitions
 * (fields, sublists, subrecords) the N/record and N/search emulations follow, and NetSuite's
 * save-time validation.
 *
 * Error codes and messages, and where they come from:
 * - USER_ERROR "Please enter value(s) for: First Name, Last Name" — NetSuite's mandatory-field
 *   message (shared/spec/netsuite-facts.md "Creating customers with N/record"; seen verbatim in
 *   integration logs, e.g. "... Please enter value(s) for: Subsidiary" with code user_error).
 * - USER_ERROR "The field phone contained more than the maximum number ( 32 ) of characters
 *   allowed." — NetSuite's length message (integration logs quote it for phone (32) and for a
 *   4000-character custom field).
 * - DUP_RCRD "This record already exists." — duplicate external ID (SuiteTalk status detail
 *   DUP_RCRD "This record already exists"; SuiteScript RESTlets catch e.name == 'DUP_RCRD' when
 *   an external ID repeats).
 * - DUP_ENTITY "This entity already exists." — duplicate entity ID with auto-numbering off
 *   (DUP_ENTITY is in NetSuite's StatusDetailCodeType enumeration; message unverified).
 * - INVALID_KEY_OR_REF "Invalid subsidiary reference key 99." — select value that references no
 *   record (NetSuite's wording for bad select keys on submit).
 * - INVALID_FLD_VALUE "You have entered an Invalid Field Value x for the following field: email".
 * - RCRD_DSNT_EXIST "That record does not exist." — load/delete of a missing id.
 * - INVALID_RCRD_TYPE "The record type [X] is invalid." — unknown type (message unverified).
 */
import * as fs from 'fs';
import * as path from 'path';
import { nsError } from '../core/errors';
import { loadSdfObjects } from './sdfObjects';
import { isValidEmail, isValidPhone } from './fieldRules';

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

export type FieldType =
  | 'TEXT'
  | 'TEXTAREA'
  | 'CLOBTEXT'
  | 'EMAIL'
  | 'PHONE'
  | 'URL'
  | 'PASSWORD'
  | 'INTEGER'
  | 'FLOAT'
  | 'CURRENCY'
  | 'PERCENT'
  | 'CHECKBOX'
  | 'RADIO'
  | 'SELECT'
  | 'MULTISELECT'
  | 'DATE'
  | 'DATETIME';

export interface FieldDef {
  id: string;
  label: string;
  type: FieldType;
  /** Longest value accepted on save (characters). */
  maxLength?: number;
  /** For SELECT / MULTISELECT: the record type the value points at (internal ids). */
  selectType?: string;
  /** Mandatory on save (custom fields with ismandatory T). */
  mandatory?: boolean;
  /** Set by the system (datecreated...): setValue is ignored. */
  system?: boolean;
}

export interface SublistDef {
  id: string;
  fields: Record<string, FieldDef>;
  /** Subrecord fields on a line: field id → subrecord type (e.g. addressbookaddress → address). */
  subrecords: Record<string, string>;
}

export interface SubrecordTypeDef {
  type: string;
  fields: Record<string, FieldDef>;
}

export interface StoredSubrecord {
  type: string;
  values: Record<string, unknown>;
}

export interface StoredLine {
  values: Record<string, unknown>;
  subrecords: Record<string, StoredSubrecord>;
}

export interface StoredRecord {
  id: number;
  type: string;
  values: Record<string, unknown>;
  sublists: Record<string, StoredLine[]>;
}

/** A record being built or edited (N/record), before save gives it an id. */
export interface RecordDraft {
  id: number | null;
  type: string;
  values: Record<string, unknown>;
  sublists: Record<string, StoredLine[]>;
}

export interface RecordTypeDef {
  type: string;
  label: string;
  custom: boolean;
  fields: Record<string, FieldDef>;
  sublists: Record<string, SublistDef>;
  /** Search-only values computed from a stored record (e.g. customer altname). */
  computed: Record<string, { def: FieldDef; get: (rec: StoredRecord) => unknown }>;
  /** The text a select field pointing at this record shows (getText). */
  displayText: (rec: StoredRecord) => string;
}

export interface SaveOptions {
  ignoreMandatoryFields?: boolean;
  /** Overrides the store's oneWorld setting (the record module passes ctx.account.oneWorld). */
  oneWorld?: boolean;
  /** The time of the save (datecreated / lastmodifieddate). */
  now?: Date;
}

export interface RecordStoreOptions {
  /** OneWorld account: customers need a subsidiary. Default true. */
  oneWorld?: boolean;
  /** Setup > Company > Auto-Generated Numbers for customers. Default true. */
  entityAutoNumbering?: boolean;
  /** Clock for datecreated / lastmodifieddate when a save passes no time. */
  now?: () => Date;
  /** Skip the default records (subsidiary 1, entity statuses, SuiteScripts folder...). */
  empty?: boolean;
}

export interface SeedOptions {
  /** Explicit internal id (seeding NetSuite's fixed ids, e.g. customer status 13). */
  id?: number;
  /** Run save validation (default true). */
  validate?: boolean;
  ignoreMandatoryFields?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Field helpers

/** Text-like field types and their default maximum lengths (custom field defaults per NetSuite help
 * "Custom Field Type": Free-Form Text 300, Text Area 4,000, Long Text 1,000,000). */
const DEFAULT_MAX: Partial<Record<FieldType, number>> = {
  TEXT: 300,
  TEXTAREA: 4000,
  CLOBTEXT: 1_000_000,
  EMAIL: 254,
  PHONE: 32,
  URL: 999,
  PASSWORD: 300,
};

const TEXT_TYPES = new Set<FieldType>(['TEXT', 'TEXTAREA', 'CLOBTEXT', 'EMAIL', 'PHONE', 'URL', 'PASSWORD']);
const NUMBER_TYPES = new Set<FieldType>(['INTEGER', 'FLOAT', 'CURRENCY', 'PERCENT']);

export function isTextType(t: FieldType): boolean {
  return TEXT_TYPES.has(t);
}
export function isNumberType(t: FieldType): boolean {
  return NUMBER_TYPES.has(t);
}
export function maxLengthOf(def: FieldDef): number | undefined {
  return def.maxLength ?? DEFAULT_MAX[def.type];
}

function f(id: string, label: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef {
  return { id, label, type, ...extra };
}

function fieldMap(list: FieldDef[]): Record<string, FieldDef> {
  return Object.fromEntries(list.map((d) => [d.id, d]));
}

export function invalidFieldValue(fieldId: string, value: unknown): Error {
  return nsError(
    'INVALID_FLD_VALUE',
    `You have entered an Invalid Field Value ${String(value)} for the following field: ${fieldId}`,
  );
}

/** The stored form of an empty field. */
export function emptyValue(def: FieldDef | undefined): unknown {
  if (!def) return undefined;
  if (def.type === 'CHECKBOX') return false;
  if (def.type === 'MULTISELECT') return [];
  if (def.type === 'RADIO') return '';
  if (isNumberType(def.type) || def.type === 'DATE' || def.type === 'DATETIME') return null;
  return '';
}

/**
 * Converts a value given to setValue into its stored form, as NetSuite does: text fields keep
 * strings, select fields keep internal ids as strings, numbers must be numeric, date fields need a
 * Date object (a string throws INVALID_FLD_VALUE in SuiteScript 2.x), checkboxes take booleans
 * (and, leniently, 'T'/'F').
 */
export function coerceValue(def: FieldDef | undefined, fieldId: string, value: unknown): unknown {
  if (!def) return value;
  if (value === undefined || value === null || value === '') {
    return emptyValue(def);
  }
  switch (def.type) {
    case 'CHECKBOX':
      if (typeof value === 'boolean') return value;
      if (value === 'T' || value === 'F') return value === 'T';
      throw invalidFieldValue(fieldId, value);
    case 'RADIO':
      if (typeof value === 'boolean') return value ? 'T' : 'F';
      return String(value);
    case 'INTEGER': {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      if (!Number.isFinite(n) || !Number.isInteger(n)) throw invalidFieldValue(fieldId, value);
      return n;
    }
    case 'FLOAT':
    case 'CURRENCY':
    case 'PERCENT': {
      const n = typeof value === 'number' ? value : Number(String(value).replace(/%$/, '').trim());
      if (!Number.isFinite(n)) throw invalidFieldValue(fieldId, value);
      return n;
    }
    case 'DATE':
    case 'DATETIME':
      if (value instanceof Date && !Number.isNaN(value.getTime())) return new Date(value.getTime());
      throw invalidFieldValue(fieldId, value);
    case 'SELECT':
      if (Array.isArray(value)) {
        if (value.length === 0) return '';
        return String(value[0]);
      }
      if (typeof value === 'object') throw invalidFieldValue(fieldId, value);
      return String(value);
    case 'MULTISELECT': {
      const list = Array.isArray(value)
        ? value
        : String(value)
            .split(',')
            .flatMap((x) => x.split(String.fromCharCode(5)));
      return list.map((v) => String(v).trim()).filter((v) => v !== '');
    }
    default:
      if (value instanceof Date) return value.toString();
      if (typeof value === 'object') throw invalidFieldValue(fieldId, value);
      return String(value);
  }
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0);
}

function cloneValue(v: unknown): unknown {
  if (v instanceof Date) return new Date(v.getTime());
  if (Array.isArray(v)) return v.slice();
  return v;
}

export function cloneValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in values) out[k] = cloneValue(values[k]);
  return out;
}

export function cloneSublists(sublists: Record<string, StoredLine[]>): Record<string, StoredLine[]> {
  const out: Record<string, StoredLine[]> = {};
  for (const id in sublists) {
    out[id] = sublists[id].map((line) => ({
      values: cloneValues(line.values),
      subrecords: Object.fromEntries(
        Object.entries(line.subrecords).map(([k, s]) => [k, { type: s.type, values: cloneValues(s.values) }]),
      ),
    }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Built-in record types

const ADDRESS: SubrecordTypeDef = {
  type: 'address',
  fields: fieldMap([
    f('country', 'Country', 'TEXT', { maxLength: 2 }),
    f('attention', 'Attention', 'TEXT', { maxLength: 150 }),
    f('addressee', 'Addressee', 'TEXT', { maxLength: 150 }),
    f('addrphone', 'Phone', 'PHONE', { maxLength: 32 }),
    f('addr1', 'Address 1', 'TEXT', { maxLength: 150 }),
    f('addr2', 'Address 2', 'TEXT', { maxLength: 150 }),
    f('addr3', 'Address 3', 'TEXT', { maxLength: 150 }),
    f('city', 'City', 'TEXT', { maxLength: 50 }),
    f('state', 'State', 'TEXT', { maxLength: 30 }),
    f('zip', 'Zip', 'TEXT', { maxLength: 36 }),
    f('addrtext', 'Address', 'TEXTAREA', { system: true }),
    f('override', 'Override', 'CHECKBOX'),
  ]),
};

function entityCommon(): FieldDef[] {
  return [
    f('entityid', 'ID', 'TEXT', { maxLength: 83 }),
    f('externalid', 'External ID', 'TEXT', { maxLength: 255 }),
    f('isinactive', 'Inactive', 'CHECKBOX'),
    f('email', 'Email', 'EMAIL', { maxLength: 254 }),
    f('phone', 'Phone', 'PHONE', { maxLength: 32 }),
    f('firstname', 'First Name', 'TEXT', { maxLength: 32 }),
    f('middlename', 'Middle Name', 'TEXT', { maxLength: 32 }),
    f('lastname', 'Last Name', 'TEXT', { maxLength: 32 }),
    f('datecreated', 'Date Created', 'DATETIME', { system: true }),
    f('lastmodifieddate', 'Last Modified', 'DATETIME', { system: true }),
    f('subsidiary', 'Primary Subsidiary', 'SELECT', { selectType: 'subsidiary' }),
    f('comments', 'Comments', 'TEXTAREA', { maxLength: 999 }),
  ];
}

function personName(v: Record<string, unknown>): string {
  return [v.firstname, v.middlename, v.lastname].filter((x) => typeof x === 'string' && x !== '').join(' ');
}

function customerName(v: Record<string, unknown>): string {
  return v.isperson === 'T' ? personName(v) : String(v.companyname ?? '');
}

function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  return String(v);
}

function builtInTypes(): RecordTypeDef[] {
  const customer: RecordTypeDef = {
    type: 'customer',
    label: 'Customer',
    custom: false,
    fields: fieldMap([
      ...entityCommon(),
      f('isperson', 'Type', 'RADIO'),
      f('companyname', 'Company Name', 'TEXT', { maxLength: 83 }),
      f('salutation', 'Mr./Ms...', 'TEXT', { maxLength: 15 }),
      f('title', 'Job Title', 'TEXT', { maxLength: 99 }),
      f('altphone', 'Alt. Phone', 'PHONE', { maxLength: 32 }),
      f('mobilephone', 'Mobile Phone', 'PHONE', { maxLength: 32 }),
      f('fax', 'Fax', 'PHONE', { maxLength: 32 }),
      f('url', 'Web Address', 'URL'),
      f('entitystatus', 'Status', 'SELECT', { selectType: 'customerstatus' }),
      f('stage', 'Stage', 'TEXT', { system: true }),
      f('leadsource', 'Lead Source', 'SELECT', { selectType: 'leadsource' }),
      f('salesrep', 'Sales Rep', 'SELECT', { selectType: 'employee' }),
      f('parent', 'Child Of', 'SELECT', { selectType: 'customer' }),
      f('taxable', 'Taxable', 'CHECKBOX'),
      f('defaultorderpriority', 'Default Order Priority', 'FLOAT'),
      f('giveaccess', 'Login Access', 'CHECKBOX'),
      f('globalsubscriptionstatus', 'Global Subscription Status', 'SELECT'),
      f('currency', 'Currency', 'SELECT'),
      f('terms', 'Terms', 'SELECT'),
      f('category', 'Category', 'SELECT'),
      f('customform', 'Custom Form', 'SELECT'),
    ]),
    sublists: {
      addressbook: {
        id: 'addressbook',
        fields: fieldMap([
          f('id', 'Internal ID', 'INTEGER', { system: true }),
          f('label', 'Label', 'TEXT', { maxLength: 150 }),
          f('defaultbilling', 'Default Billing', 'CHECKBOX'),
          f('defaultshipping', 'Default Shipping', 'CHECKBOX'),
          f('isresidential', 'Residential Address', 'CHECKBOX'),
          f('addressbookaddress_text', 'Address', 'TEXTAREA', { system: true }),
        ]),
        subrecords: { addressbookaddress: 'address' },
      },
    },
    computed: {},
    displayText: (r) => str(r.values.entityid) || customerName(r.values),
  };
  customer.computed = {
    altname: {
      def: f('altname', 'Name', 'TEXT'),
      get: (r) => customerName(r.values),
    },
    entitytitle: {
      def: f('entitytitle', 'Name', 'TEXT'),
      get: (r) => `${str(r.values.entityid)}`,
    },
  };

  const named = (type: string, label: string, extra: FieldDef[] = []): RecordTypeDef => ({
    type,
    label,
    custom: false,
    fields: fieldMap([
      f('name', 'Name', 'TEXT', { maxLength: 83 }),
      f('externalid', 'External ID', 'TEXT', { maxLength: 255 }),
      f('isinactive', 'Inactive', 'CHECKBOX'),
      ...extra,
    ]),
    sublists: {},
    computed: {},
    displayText: (r) => str(r.values.name),
  });

  const subsidiary = named('subsidiary', 'Subsidiary', [
    f('parent', 'Subsidiary Of', 'SELECT', { selectType: 'subsidiary' }),
    f('country', 'Country', 'TEXT', { maxLength: 2 }),
    f('currency', 'Currency', 'SELECT'),
  ]);

  // Entity statuses (Setup > Sales > Customer Statuses): a select on customers shows
  // "<STAGE>-<name>", e.g. "CUSTOMER-Closed Won" (what HotWax's feed sends as `status`).
  const customerstatus = named('customerstatus', 'Customer Status', [
    f('stage', 'Stage', 'TEXT'),
    f('probability', 'Probability', 'PERCENT'),
    f('descr', 'Description', 'TEXTAREA'),
  ]);
  customerstatus.displayText = (r) => `${str(r.values.stage)}-${str(r.values.name)}`;

  const leadsource = named('leadsource', 'Lead Source');

  const folder = named('folder', 'Folder', [
    f('parent', 'Sub-Folder Of', 'SELECT', { selectType: 'folder' }),
    f('description', 'Description', 'TEXTAREA'),
    f('foldertype', 'Type', 'TEXT'),
  ]);

  const employee: RecordTypeDef = {
    type: 'employee',
    label: 'Employee',
    custom: false,
    fields: fieldMap(entityCommon()),
    sublists: {},
    computed: {},
    displayText: (r) => str(r.values.entityid) || personName(r.values),
  };

  const savedsearch = named('savedsearch', 'Saved Search', [
    f('scriptid', 'ID', 'TEXT', { maxLength: 40 }),
    f('title', 'Search Title', 'TEXT'),
    f('recordtype', 'Type', 'TEXT'),
    f('ispublic', 'Public', 'CHECKBOX'),
    f('definition', 'Definition', 'CLOBTEXT'),
  ]);
  savedsearch.displayText = (r) => str(r.values.title);

  return [customer, subsidiary, customerstatus, leadsource, folder, employee, savedsearch];
}

// ---------------------------------------------------------------------------------------------

export class RecordStore {
  private readonly defs = new Map<string, RecordTypeDef>();
  private readonly subrecordDefs = new Map<string, SubrecordTypeDef>();
  private readonly tables = new Map<string, Map<number, StoredRecord>>();
  private readonly nextIds = new Map<string, number>();
  /** type → lowercased externalid → id */
  private readonly externalIds = new Map<string, Map<string, number>>();
  /** type → lowercased entityid → id (entity types) */
  private readonly entityIds = new Map<string, Map<string, number>>();
  private readonly versions = new Map<string, number>();
  private entityNumber = 0;
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
    if (!this.tables.has(def.type)) this.tables.set(def.type, new Map());
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

  /** Incremented on every change to a type; searches reuse a computed result set while it holds. */
  version(type: string): number {
    return this.versions.get(type) ?? 0;
  }

  // -------------------------------------------------------------------------- reads

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

  /** Every record of a type, in internal id order of creation. Do not mutate the records. */
  all(type: string): IterableIterator<StoredRecord> {
    const t = this.tables.get(String(type).toLowerCase());
    return (t ?? new Map<number, StoredRecord>()).values();
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

  findByExternalId(type: string, externalId: string): StoredRecord | undefined {
    const id = this.externalIds.get(String(type).toLowerCase())?.get(externalId.toLowerCase());
    return id === undefined ? undefined : this.get(type, id);
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
        draft.sublists[k] = v.map((lineIn: Record<string, unknown>) => this.lineFrom(sub, lineIn));
      } else {
        draft.values[k] = coerceValue(def.fields[k], k, v);
      }
    }
    return this.save(draft, { ignoreMandatoryFields: opts.ignoreMandatoryFields }, opts);
  }

  private lineFrom(sub: SublistDef, lineIn: Record<string, unknown>): StoredLine {
    const line: StoredLine = { values: {}, subrecords: {} };
    for (const [lk, lv] of Object.entries(lineIn)) {
      const subType = sub.subrecords[lk];
      if (subType && lv && typeof lv === 'object') {
        const sdef = this.subrecordDef(subType);
        const values: Record<string, unknown> = {};
        for (const [sk, sv] of Object.entries(lv as Record<string, unknown>)) {
          values[sk] = coerceValue(sdef.fields[sk], sk, sv);
        }
        line.subrecords[lk] = { type: subType, values };
      } else {
        line.values[lk] = coerceValue(sub.fields[lk], lk, lv);
      }
    }
    return line;
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
    this.unindex(rec);
    this.tables.get(t)!.delete(rec.id);
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

    if (validate) {
      if (!opts.ignoreMandatoryFields) this.checkMandatory(def, values, oneWorld);
      this.checkValues(def, values, sublists);
      this.checkExternalId(type, values, prev);
      if (type === 'folder') this.checkFolder(values, prev);
    }

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
    this.finishSublists(sublists);

    const rec: StoredRecord = { id, type, values, sublists };
    if (prev) this.unindex(prev);
    this.tables.get(type)!.set(id, rec);
    this.index(rec);
    this.bump(type);
    draft.id = id;
    return id;
  }

  // -------------------------------------------------------------------------- validation

  private checkMandatory(def: RecordTypeDef, v: Record<string, unknown>, oneWorld: boolean): void {
    const missing: string[] = [];
    if (def.type === 'customer') {
      if (v.isperson === 'T') {
        if (isEmpty(v.firstname)) missing.push('First Name');
        if (isEmpty(v.lastname)) missing.push('Last Name');
      } else if (isEmpty(v.companyname)) {
        missing.push('Company Name');
      }
      if (oneWorld && isEmpty(v.subsidiary)) missing.push('Primary Subsidiary');
    }
    if (def.type === 'folder' && isEmpty(v.name)) missing.push('Name');
    for (const fd of Object.values(def.fields)) {
      if (fd.mandatory && fd.type !== 'CHECKBOX' && isEmpty(v[fd.id]) && !missing.includes(fd.label)) {
        missing.push(fd.label);
      }
    }
    if (missing.length) {
      throw nsError('USER_ERROR', `Please enter value(s) for: ${missing.join(', ')}`);
    }
  }

  private checkFieldValue(fd: FieldDef | undefined, fieldId: string, value: unknown): void {
    if (!fd || value === undefined || value === null || value === '') return;
    if (isTextType(fd.type)) {
      const s = String(value);
      const max = maxLengthOf(fd);
      if (max !== undefined && s.length > max) {
        throw nsError(
          'USER_ERROR',
          `The field ${fieldId} contained more than the maximum number ( ${max} ) of characters allowed.`,
        );
      }
      if (fd.type === 'EMAIL' && !isValidEmail(s)) throw invalidFieldValue(fieldId, s);
      if (fd.type === 'PHONE' && !isValidPhone(s))
        throw nsError('INVALID_PHONE', 'Phone number should have seven digits or more.');
    } else if (fd.type === 'SELECT' && fd.selectType && this.defs.has(fd.selectType)) {
      if (!this.get(fd.selectType, value as string)) {
        throw nsError('INVALID_KEY_OR_REF', `Invalid ${fieldId} reference key ${String(value)}.`);
      }
    } else if (fd.type === 'MULTISELECT' && fd.selectType && this.defs.has(fd.selectType)) {
      for (const k of value as string[]) {
        if (!this.get(fd.selectType, k)) {
          throw nsError('INVALID_KEY_OR_REF', `Invalid ${fieldId} reference key ${k}.`);
        }
      }
    }
  }

  private checkValues(
    def: RecordTypeDef,
    values: Record<string, unknown>,
    sublists: Record<string, StoredLine[]>,
  ): void {
    for (const k in values) this.checkFieldValue(def.fields[k], k, values[k]);
    for (const sid in sublists) {
      const sdef = def.sublists[sid];
      if (!sdef) continue;
      for (const line of sublists[sid]) {
        for (const k in line.values) this.checkFieldValue(sdef.fields[k], k, line.values[k]);
        for (const sr of Object.values(line.subrecords)) {
          const srdef = this.subrecordDefs.get(sr.type);
          if (!srdef) continue;
          for (const k in sr.values) this.checkFieldValue(srdef.fields[k], k, sr.values[k]);
        }
      }
    }
  }

  private checkExternalId(
    type: string,
    values: Record<string, unknown>,
    prev: StoredRecord | undefined,
  ): void {
    const ext = values.externalid;
    if (isEmpty(ext)) return;
    const hit = this.externalIds.get(type)?.get(String(ext).toLowerCase());
    if (hit !== undefined && hit !== prev?.id) {
      throw nsError('DUP_RCRD', 'This record already exists.');
    }
  }

  private checkFolder(values: Record<string, unknown>, prev: StoredRecord | undefined): void {
    const name = String(values.name ?? '').toLowerCase();
    const parent = str(values.parent);
    for (const r of this.all('folder')) {
      if (
        r.id !== prev?.id &&
        str(r.values.parent) === parent &&
        String(r.values.name).toLowerCase() === name
      ) {
        throw nsError(
          'FOLDER_ALREADY_EXISTS',
          'A folder with the same name already exists in the selected folder.',
        );
      }
    }
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
    const key = String(values.entityid).toLowerCase();
    const hit = this.entityIds.get(type)?.get(key);
    if (hit !== undefined && hit !== prev?.id) {
      throw nsError('DUP_ENTITY', 'This entity already exists.');
    }
  }

  private finishSublists(sublists: Record<string, StoredLine[]>): void {
    const ab = sublists.addressbook;
    if (!ab) return;
    let nextLineId = 1;
    for (const line of ab) {
      const id = Number(line.values.id);
      if (Number.isFinite(id) && id >= nextLineId) nextLineId = id + 1;
    }
    for (const line of ab) {
      if (line.values.id === undefined || line.values.id === null || line.values.id === '') {
        line.values.id = nextLineId++;
      }
      const addr = line.subrecords.addressbookaddress;
      if (addr) {
        const a = addr.values;
        const text = [
          a.addressee,
          a.addr1,
          a.addr2,
          a.addr3,
          [a.city, a.state, a.zip].filter((x) => !isEmpty(x)).join(' '),
          a.country,
        ]
          .filter((x) => !isEmpty(x))
          .map(String)
          .join('\n');
        a.addrtext = text;
        line.values.addressbookaddress_text = text;
      }
    }
  }

  // -------------------------------------------------------------------------- indexes

  private nextId(type: string): number {
    return Math.max(1, this.nextIds.get(type) ?? 1);
  }

  private bump(type: string): void {
    this.versions.set(type, (this.versions.get(type) ?? 0) + 1);
  }

  private index(rec: StoredRecord): void {
    const ext = rec.values.externalid;
    if (!isEmpty(ext)) {
      let m = this.externalIds.get(rec.type);
      if (!m) this.externalIds.set(rec.type, (m = new Map()));
      m.set(String(ext).toLowerCase(), rec.id);
    }
    if ((rec.type === 'customer' || rec.type === 'employee') && !isEmpty(rec.values.entityid)) {
      let m = this.entityIds.get(rec.type);
      if (!m) this.entityIds.set(rec.type, (m = new Map()));
      m.set(String(rec.values.entityid).toLowerCase(), rec.id);
    }
  }

  private unindex(rec: StoredRecord): void {
    const ext = rec.values.externalid;
    if (!isEmpty(ext)) {
      const m = this.externalIds.get(rec.type);
      if (m?.get(String(ext).toLowerCase()) === rec.id) m.delete(String(ext).toLowerCase());
    }
    if (!isEmpty(rec.values.entityid)) {
      const m = this.entityIds.get(rec.type);
      const k = String(rec.values.entityid).toLowerCase();
      if (m?.get(k) === rec.id) m.delete(k);
    }
  }
}
