/**
 * What every part of a search reads through: the searchable types (records and files), field
 * accessors (plain, joined, computed, internal id, formulas), select texts and getValue forms.
 */
import type { ExecutionContext } from '../../core/context';
import { nsError } from '../../core/errors';
import type { FieldDef, RecordStore, RecordTypeDef, StoredRecord } from '../../data/recordStore';
import { isTextType } from '../../data/recordStore';
import { FILE_SEARCH_DEF } from '../../data/fileCabinet';
import {
  SCRIPT_INSTANCE_SEARCH_DEF,
  SCRIPT_INSTANCE_TYPE,
  scriptInstanceRows,
} from '../../data/scriptInstances';
import { formatDate, formatDateTime, type DatePreferences } from '../../data/dates';
import { formulaAccessor } from './formulas';

export interface Accessor {
  def: FieldDef;
  get: (r: StoredRecord) => unknown;
  /** Select fields: the type whose records the value points at. */
  selectType?: string;
}

export type Row = { rec: StoredRecord; group?: undefined } | { rec?: undefined; group: GroupRow };
export interface GroupRow {
  values: unknown[];
  first: StoredRecord;
}

export function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Script instances change as tasks run: their rows are never reused. */
let instanceVersion = 0;

/** Types searched from outside the record store: the File Cabinet and the task queue's script instances. */
export const isVirtualType = (type: string): boolean => type === 'file' || type === SCRIPT_INSTANCE_TYPE;

export class Engine {
  constructor(readonly ctx: ExecutionContext) {}

  get prefs(): DatePreferences {
    return this.ctx.account.preferences;
  }

  now(): Date {
    return this.ctx.account.now();
  }

  get store(): RecordStore {
    return this.ctx.account.records;
  }

  typeDef(type: string): RecordTypeDef {
    if (type === 'file') return FILE_SEARCH_DEF;
    if (type === SCRIPT_INSTANCE_TYPE) return SCRIPT_INSTANCE_SEARCH_DEF;
    if (!this.store.hasType(type)) {
      throw nsError('SSS_INVALID_RECORD_TYPE', `The record type [${type}] is not a valid search type.`);
    }
    return this.store.typeDef(type);
  }

  rows(type: string): Iterable<StoredRecord> {
    if (type === 'file') return this.ctx.account.files.searchRows();
    if (type === SCRIPT_INSTANCE_TYPE) {
      // The account's task queue (not part of AccountState, which the data layer sees).
      const tasks = (this.ctx.account as { tasks?: { entries: Parameters<typeof scriptInstanceRows>[0] } })
        .tasks;
      return scriptInstanceRows(tasks?.entries ?? []);
    }
    return this.store.all(type);
  }

  fileVersion(): number {
    return this.ctx.account.files.version();
  }

  version(type: string, joins: string[]): string {
    if (type === SCRIPT_INSTANCE_TYPE) return `i${++instanceVersion}`;
    const parts = [
      type === 'file' ? `f${this.ctx.account.files.version()}` : String(this.store.version(type)),
    ];
    for (const j of joins) parts.push(String(this.store.version(j)));
    return parts.join(':');
  }

  accessor(
    type: string,
    name: string,
    join: string | undefined,
    kind: 'filter' | 'column',
    formula?: string,
  ): Accessor {
    const invalid = (): Error =>
      kind === 'filter'
        ? nsError(
            'SSS_INVALID_SRCH_FILTER',
            `An nlobjSearchFilter contains invalid search criteria: ${join ? join + '.' : ''}${name}.`,
          )
        : nsError(
            'SSS_INVALID_SRCH_COL',
            `An nlobjSearchColumn contains an invalid column, or is not in proper syntax: ${join ? join + '.' : ''}${name}.`,
          );
    if (/^formula/.test(name)) return formulaAccessor(this, type, name, formula, kind);
    const def = this.typeDef(type);
    // A search type may offer joined fields itself (scheduledscriptinstance's script.scriptid).
    const joined = join ? def.computed[`${join}.${name}`] : undefined;
    if (joined) return { def: joined.def, get: joined.get };
    if (join) {
      const jf = def.fields[join];
      if (!jf || jf.type !== 'SELECT' || !jf.selectType || !this.store.hasType(jf.selectType))
        throw invalid();
      const jt = jf.selectType;
      const inner = this.accessor(jt, name, undefined, kind);
      const store = this.store;
      return {
        def: inner.def,
        selectType: inner.selectType,
        get: (r) => {
          const v = r.values[join];
          if (v === undefined || v === null || v === '') return undefined;
          const jr = store.get(jt, v as string);
          return jr ? inner.get(jr) : undefined;
        },
      };
    }
    if (name === 'internalid') {
      return {
        def: { id: name, label: 'Internal ID', type: 'SELECT', selectType: type },
        selectType: type,
        get: (r) => String(r.id),
      };
    }
    if (name === 'internalidnumber') {
      return { def: { id: name, label: 'Internal ID (Number)', type: 'INTEGER' }, get: (r) => r.id };
    }
    const comp = def.computed[name];
    if (comp) return { def: comp.def, get: comp.get };
    const fd = def.fields[name];
    if (!fd) throw invalid();
    const sel =
      (fd.type === 'SELECT' || fd.type === 'MULTISELECT') &&
      fd.selectType &&
      (fd.selectType === 'file' || this.store.hasType(fd.selectType))
        ? fd.selectType
        : undefined;
    return { def: fd, selectType: sel, get: (r) => r.values[name] };
  }

  /** Text of a select value. */
  selectText(selectType: string | undefined, v: unknown): string {
    if (isEmptyValue(v)) return '';
    if (!selectType) return String(v);
    return this.store.displayText(selectType, v) ?? String(v);
  }

  /** getValue form of a raw value. */
  valueOut(acc: Accessor, v: unknown): string | boolean {
    const t = acc.def.type;
    if (t === 'CHECKBOX') return v === true;
    if (isEmptyValue(v)) return '';
    if (v instanceof Date) {
      const prefs = this.ctx.account.preferences;
      return t === 'DATE' ? formatDate(v, prefs) : formatDateTime(v, prefs);
    }
    if (Array.isArray(v)) return v.join(',');
    const s = String(v);
    if (isTextType(t) && s.length > 4000) return s.slice(0, 4000);
    return s;
  }
}
