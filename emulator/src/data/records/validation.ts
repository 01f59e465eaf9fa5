/**
 * Save-time validation, as NetSuite applies it when a record is submitted. Each check is one
 * `SaveRule` in `SAVE_RULES`, run in order; a new rule (a length limit, a uniqueness constraint)
 * is one more function in that list.
 *
 * Error codes and messages, and where they come from:
 * - USER_ERROR "Please enter value(s) for: First Name, Last Name" — NetSuite's mandatory-field
 *   message (docs/CONTRACTS.md §9 "Customers"; seen verbatim in
 *   integration logs, e.g. "... Please enter value(s) for: Subsidiary" with code user_error).
 * - USER_ERROR "The field phone contained more than the maximum number ( 32 ) of characters
 *   allowed." — NetSuite's length message (integration logs quote it for phone (32) and for a
 *   4000-character custom field).
 * - DUP_RCRD "This record already exists." — duplicate external ID (SuiteTalk status detail
 *   DUP_RCRD "This record already exists"; SuiteScript RESTlets catch e.name == 'DUP_RCRD' when
 *   an external ID repeats).
 * - INVALID_KEY_OR_REF "Invalid subsidiary reference key 99." — select value that references no
 *   record (NetSuite's wording for bad select keys on submit).
 * - INVALID_FLD_VALUE "You have entered an Invalid Field Value x for the following field: email".
 * - USER_ERROR "You must enter at least one line item for this transaction." — a transaction
 *   saved without item lines (the message NetSuite shows; unverified as a SuiteScript error code).
 */
import { nsError } from '../../core/errors';
import { invalidFieldValue, isEmpty, isTextType, maxLengthOf, str } from './fields';
import type { FieldDef, RecordTypeDef, StoredLine, StoredRecord, SubrecordTypeDef } from './types';
import { isValidEmail, isValidPhone } from '../fieldRules';

/** What the rules may read from the store. */
export interface ValidationStore {
  get(type: string, id: number | string): StoredRecord | undefined;
  hasType(type: string): boolean;
  subrecordDefOf(type: string): SubrecordTypeDef | undefined;
  /** Internal id holding this external id (case-insensitive), if any. */
  externalIdOwner(type: string, externalId: string): number | undefined;
  all(type: string): Iterable<StoredRecord>;
}

export interface SaveContext {
  store: ValidationStore;
  def: RecordTypeDef;
  values: Record<string, unknown>;
  sublists: Record<string, StoredLine[]>;
  /** The stored record being replaced (undefined for a new record). */
  prev: StoredRecord | undefined;
  oneWorld: boolean;
  ignoreMandatoryFields: boolean;
}

export type SaveRule = (c: SaveContext) => void;

/** The fields a type marks mandatory, cached per definition (RecordStore.addField forgets it). */
const mandatoryCache = new WeakMap<RecordTypeDef, FieldDef[]>();
export function forgetFieldCache(def: RecordTypeDef): void {
  mandatoryCache.delete(def);
}
function mandatoryFields(def: RecordTypeDef): FieldDef[] {
  const hit = mandatoryCache.get(def);
  if (hit) return hit;
  const list = Object.values(def.fields).filter(
    (fd) => (fd.mandatory || fd.oneWorldOnly) && fd.type !== 'CHECKBOX',
  );
  mandatoryCache.set(def, list);
  return list;
}

/** Mandatory body fields: the type's own rule (customer name fields...) then fields marked mandatory. */
export const checkMandatory: SaveRule = ({ def, values: v, oneWorld, ignoreMandatoryFields }) => {
  if (ignoreMandatoryFields) return;
  const missing: string[] = [];
  if (def.type === 'customer') {
    if (v.isperson === 'T') {
      if (isEmpty(v.firstname)) missing.push('First Name');
      if (isEmpty(v.lastname)) missing.push('Last Name');
    } else if (isEmpty(v.companyname)) {
      missing.push('Company Name');
    }
  }
  for (const fd of mandatoryFields(def)) {
    if (fd.oneWorldOnly && !oneWorld) continue;
    if (isEmpty(v[fd.id]) && !missing.includes(fd.label)) missing.push(fd.label);
  }
  if (missing.length) {
    throw nsError('USER_ERROR', `Please enter value(s) for: ${missing.join(', ')}`);
  }
};

/** Transactions need at least one item line; each line its mandatory fields. */
export const checkLines: SaveRule = ({ def, sublists, ignoreMandatoryFields }) => {
  if (!def.requiredSublist) return;
  const lines = sublists[def.requiredSublist] ?? [];
  if (lines.length === 0) {
    throw nsError('USER_ERROR', 'You must enter at least one line item for this transaction.');
  }
  if (ignoreMandatoryFields) return;
  const sdef = def.sublists[def.requiredSublist];
  for (const line of lines) {
    const missing = Object.values(sdef.fields)
      .filter((fd) => fd.mandatory && isEmpty(line.values[fd.id]))
      .map((fd) => fd.label);
    if (missing.length) throw nsError('USER_ERROR', `Please enter value(s) for: ${missing.join(', ')}`);
  }
};

export function checkFieldValue(
  store: ValidationStore,
  fd: FieldDef | undefined,
  fieldId: string,
  value: unknown,
): void {
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
  } else if (fd.type === 'SELECT' && fd.selectType && store.hasType(fd.selectType)) {
    if (!store.get(fd.selectType, value as string)) {
      throw nsError('INVALID_KEY_OR_REF', `Invalid ${fieldId} reference key ${String(value)}.`);
    }
  } else if (fd.type === 'MULTISELECT' && fd.selectType && store.hasType(fd.selectType)) {
    for (const k of value as string[]) {
      if (!store.get(fd.selectType, k)) {
        throw nsError('INVALID_KEY_OR_REF', `Invalid ${fieldId} reference key ${k}.`);
      }
    }
  }
}

/** Every body, line and subrecord value: length, email form, select references. */
export const checkValues: SaveRule = ({ store, def, values, sublists }) => {
  for (const k in values) checkFieldValue(store, def.fields[k], k, values[k]);
  for (const sid in sublists) {
    const sdef = def.sublists[sid];
    if (!sdef) continue;
    for (const line of sublists[sid]) {
      for (const k in line.values) checkFieldValue(store, sdef.fields[k], k, line.values[k]);
      for (const sr of Object.values(line.subrecords)) {
        const srdef = store.subrecordDefOf(sr.type);
        if (!srdef) continue;
        for (const k in sr.values) checkFieldValue(store, srdef.fields[k], k, sr.values[k]);
      }
    }
  }
};

/** External ids are unique per record type, case-insensitively. */
export const checkExternalId: SaveRule = ({ store, def, values, prev }) => {
  const ext = values.externalid;
  if (isEmpty(ext)) return;
  const hit = store.externalIdOwner(def.type, String(ext));
  if (hit !== undefined && hit !== prev?.id) {
    throw nsError('DUP_RCRD', 'This record already exists.');
  }
};

/** Two folders with one name in one parent folder. */
export const checkFolder: SaveRule = ({ store, def, values, prev }) => {
  if (def.type !== 'folder') return;
  const name = String(values.name ?? '').toLowerCase();
  const parent = str(values.parent);
  for (const r of store.all('folder')) {
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
};

/** The rules a save runs, in order. */
export const SAVE_RULES: SaveRule[] = [checkMandatory, checkLines, checkValues, checkExternalId, checkFolder];
