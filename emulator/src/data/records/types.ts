/**
 * The shapes of the data layer: field and record type definitions, stored records and drafts.
 * Type-only: the SDF reader (sdfObjects.ts) depends on these, never on the store itself.
 */

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
  /** Mandatory in OneWorld accounts only (a customer's or a transaction's subsidiary). */
  oneWorldOnly?: boolean;
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
  /** Transactions: governance charges the transaction rate (10 / 20 units). */
  transaction?: boolean;
  /** A sublist that needs at least one line on save (a transaction's item lines). */
  requiredSublist?: string;
  /** Fills defaults and computed body fields before validation (entity status, totals...). */
  beforeSave?: (
    values: Record<string, unknown>,
    sublists: Record<string, StoredLine[]>,
    env: BeforeSaveEnv,
  ) => void;
  /** After validation passed, before storing: what only a successful save consumes (document numbers). */
  onStore?: (values: Record<string, unknown>, env: BeforeSaveEnv) => void;
}

/** What a type's beforeSave hook may use. */
export interface BeforeSaveEnv {
  oneWorld: boolean;
  now: Date;
  isNew: boolean;
  get(type: string, id: number | string): StoredRecord | undefined;
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
  /** Seed of the order searches without a sort return their results in (see modules/search/order.ts). */
  searchOrderSeed?: number;
}

export interface SeedOptions {
  /** Explicit internal id (seeding NetSuite's fixed ids, e.g. customer status 13). */
  id?: number;
  /** Run save validation (default true). */
  validate?: boolean;
  ignoreMandatoryFields?: boolean;
}

/** What sdfObjects.registerSdfObjects needs from a store: defining types and fields. */
export interface TypeRegistry {
  defineCustomRecordType(scriptId: string, label: string, opts?: { includeName?: boolean }): RecordTypeDef;
  addField(type: string, def: FieldDef): void;
  /** Adds a line field to a sublist of the type (no-op when the type has no such sublist). */
  addSublistField(type: string, sublist: string, def: FieldDef): void;
  hasType(type: string): boolean;
  create(type: string, values: Record<string, unknown>, opts?: SeedOptions): number;
  findBy(type: string, field: string, value: unknown): unknown[];
}
