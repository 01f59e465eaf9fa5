/**
 * Field values: defaults per field type, conversion of setValue input to the stored form, copies.
 */
import { nsError } from '../../core/errors';
import type { FieldDef, FieldType, StoredLine } from './types';

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

export function f(id: string, label: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef {
  return { id, label, type, ...extra };
}

export function fieldMap(list: FieldDef[]): Record<string, FieldDef> {
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

export function isEmpty(v: unknown): boolean {
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

export function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  return String(v);
}
