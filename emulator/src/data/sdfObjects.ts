/**
 * Reads the SDF object XML of the project (src/Objects) into the emulated account:
 * custom record types (customrecordtype) and entity custom fields (entitycustomfield) become
 * record definitions in a RecordStore; script objects (scheduledscript, mapreducescript) are
 * returned as plain data for the deployment runner.
 *
 * Element names follow the SDF object reference (SuiteCloud Development Framework XML
 * Reference: customrecordtype, entitycustomfield, scheduledscript, mapreducescript).
 */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import type { FieldDef, FieldType, TypeRegistry } from './records/types';

/** A script parameter (scriptcustomfield). */
export interface SdfScriptParameter {
  /** custscript_… */
  id: string;
  label: string;
  /** SDF fieldtype: CHECKBOX, CLOBTEXT, DATE, EMAIL, FLOAT, INTEGER, SELECT, TEXT, TEXTAREA, … */
  fieldType: string;
  /** As written in the XML ('' when absent; checkboxes 'T'/'F'). */
  defaultValue: string;
  /** SELECT/MULTISELECT: record type, resolved when known ('-117' → 'subsidiary', '[customrecord_x]' → 'customrecord_x'). */
  selectRecordType?: string;
  isMandatory: boolean;
  /** <setting>: COMPANY or USER (a script parameter preference); '' for a deployment parameter. */
  preference: string;
}

/** A script deployment (scriptdeployment). */
export interface SdfScriptDeployment {
  /** customdeploy… */
  id: string;
  title: string;
  /** SCHEDULED, NOTSCHEDULED, TESTING, RELEASED… */
  status: string;
  isDeployed: boolean;
  logLevel: string;
  /** Parameter values set on the deployment (elements named after custscript_ ids), as strings. */
  params: Record<string, string>;
  /** The <recurrence> element as parsed (e.g. { daily: { everyxdays: 1, repeat: 'PT15M', ... } }). */
  recurrence?: Record<string, unknown>;
  /** Map/reduce settings when present. */
  concurrencyLimit?: number;
  bufferSize?: number;
  yieldAfterMins?: number;
  queueAllStagesAtOnce?: boolean;
  /** Every other child element, raw. */
  raw: Record<string, unknown>;
}

/** A script object (scheduledscript / mapreducescript / …). */
export interface SdfScriptObject {
  /** customscript_… */
  scriptId: string;
  /** XML element: 'scheduledscript', 'mapreducescript', … */
  objectType: string;
  /** 'SCHEDULED' | 'MAPREDUCE' for the two script types the emulator runs; other types upper-cased. */
  kind: string;
  name: string;
  /** File Cabinet path without the brackets, e.g. '/SuiteScripts/HotWaxCustomerSync/HC_SC_ImportCustomer.js'. */
  scriptFile: string;
  description: string;
  parameters: SdfScriptParameter[];
  deployments: SdfScriptDeployment[];
  /** The XML file it came from. */
  sourceFile: string;
}

export interface SdfCustomRecordType {
  scriptId: string;
  label: string;
  includeName: boolean;
  fields: FieldDef[];
  sourceFile: string;
}

export interface SdfEntityField {
  scriptId: string;
  field: FieldDef;
  /** Record types it applies to (customer, employee, …). */
  appliesTo: string[];
  sourceFile: string;
}

/** A saved search object (savedsearch), as the emulator reads it (see parseSavedSearch). */
export interface SdfSavedSearch {
  scriptId: string;
  title: string;
  /** Search type id: customer, salesorder, customrecord_x… */
  type: string;
  isPublic: boolean;
  /** Criteria as a filter expression (terms joined by AND). */
  expression: unknown[];
  columns: {
    name: string;
    join?: string;
    summary?: string;
    sortdir: string;
    formula?: string;
    label?: string;
  }[];
  sourceFile: string;
}

/**
 * A dataset object (help "Custom Dataset Objects", "dataset" in the SDF XML reference: scriptid, name,
 * dependencies, definition). NetSuite does not document the form of `<definition>` (its help says not to
 * modify it): a definition that is JSON is read as the emulator's query definition (modules/queryObjects.ts
 * QueryDefinition); any other text is kept as it is and query.load says it cannot read it.
 */
export interface SdfDataset {
  scriptId: string;
  name: string;
  definition: unknown;
  sourceFile: string;
}

export interface SdfObjects {
  scripts: SdfScriptObject[];
  savedSearches: SdfSavedSearch[];
  datasets: SdfDataset[];
  customRecordTypes: SdfCustomRecordType[];
  entityFields: SdfEntityField[];
  /** Files that were read but hold objects the emulator ignores (subtabs, secrets, …). */
  ignored: string[];
}

/** SDF selectrecordtype ids of standard record types (negative list/record ids). */
const STANDARD_SELECT_TYPES: Record<string, string> = {
  '-2': 'customer',
  '-4': 'employee',
  '-6': 'leadsource',
  '-104': 'customerstatus',
  '-117': 'subsidiary',
  '-100': 'folder',
};

export function resolveSelectType(raw: unknown): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const s = String(raw).trim();
  const m = /^\[(.+)\]$/.exec(s);
  if (m) return m[1].trim().toLowerCase();
  return STANDARD_SELECT_TYPES[s] ?? s.toLowerCase();
}

const FIELD_TYPES: Record<string, FieldType> = {
  TEXT: 'TEXT',
  FREEFORMTEXT: 'TEXT',
  IDENTIFIER: 'TEXT',
  TEXTAREA: 'TEXTAREA',
  CLOBTEXT: 'CLOBTEXT',
  LONGTEXT: 'CLOBTEXT',
  RICHTEXT: 'CLOBTEXT',
  EMAIL: 'EMAIL',
  PHONE: 'PHONE',
  URL: 'URL',
  PASSWORD: 'PASSWORD',
  INTEGER: 'INTEGER',
  FLOAT: 'FLOAT',
  DECIMAL: 'FLOAT',
  CURRENCY: 'CURRENCY',
  PERCENT: 'PERCENT',
  CHECKBOX: 'CHECKBOX',
  SELECT: 'SELECT',
  MULTISELECT: 'MULTISELECT',
  DATE: 'DATE',
  DATETIME: 'DATETIME',
  DATETIMETZ: 'DATETIME',
  TIMEOFDAY: 'TEXT',
};

function toFieldType(raw: unknown): FieldType {
  return FIELD_TYPES[String(raw ?? 'TEXT').toUpperCase()] ?? 'TEXT';
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) =>
    [
      'customrecordcustomfield',
      'scriptcustomfield',
      'scriptdeployment',
      'filter',
      'column',
      'value',
    ].includes(name),
});

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') {
    const t = (v as Record<string, unknown>)['#text'];
    return t === undefined ? '' : String(t);
  }
  return String(v);
}

function bool(v: unknown, dflt = false): boolean {
  const s = text(v).toUpperCase();
  if (s === '') return dflt;
  return s === 'T' || s === 'TRUE';
}

function num(v: unknown): number | undefined {
  const s = text(v);
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

function fieldFrom(scriptId: string, x: Record<string, unknown>): FieldDef {
  const type = toFieldType(x.fieldtype);
  const def: FieldDef = { id: scriptId.toLowerCase(), label: text(x.label) || scriptId, type };
  const sel = resolveSelectType(text(x.selectrecordtype));
  if (sel && (type === 'SELECT' || type === 'MULTISELECT')) def.selectType = sel;
  if (bool(x.ismandatory)) def.mandatory = true;
  const max = num(x.maxlength);
  if (max !== undefined && max > 0) def.maxLength = max;
  return def;
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p));
    else if (entry.name.toLowerCase().endsWith('.xml')) out.push(p);
  }
  return out.sort();
}

const SCRIPT_ELEMENTS: Record<string, string> = {
  scheduledscript: 'SCHEDULED',
  mapreducescript: 'MAPREDUCE',
  restlet: 'RESTLET',
  suitelet: 'SUITELET',
  usereventscript: 'USEREVENT',
  clientscript: 'CLIENT',
};

const DEPLOYMENT_KNOWN = new Set([
  '@_scriptid',
  'status',
  'title',
  'isdeployed',
  'loglevel',
  'recurrence',
  'concurrencylimit',
  'buffersize',
  'yieldaftermins',
  'queueallstagesatonce',
]);

function parseScript(kindTag: string, x: Record<string, unknown>, file: string): SdfScriptObject {
  const params: SdfScriptParameter[] = [];
  const pf = (x.scriptcustomfields as Record<string, unknown> | undefined)?.scriptcustomfield as
    Record<string, unknown>[] | undefined;
  for (const p of pf ?? []) {
    params.push({
      id: text(p['@_scriptid']).toLowerCase(),
      label: text(p.label),
      fieldType: text(p.fieldtype).toUpperCase() || 'TEXT',
      defaultValue: text(p.defaultvalue),
      selectRecordType: resolveSelectType(text(p.selectrecordtype)),
      isMandatory: bool(p.ismandatory),
      preference: text(p.setting).toUpperCase(),
    });
  }
  const paramIds = new Set(params.map((p) => p.id));
  const deployments: SdfScriptDeployment[] = [];
  const dl = (x.scriptdeployments as Record<string, unknown> | undefined)?.scriptdeployment as
    Record<string, unknown>[] | undefined;
  for (const d of dl ?? []) {
    const values: Record<string, string> = {};
    const raw: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(d)) {
      if (paramIds.has(k.toLowerCase()) || k.toLowerCase().startsWith('custscript'))
        values[k.toLowerCase()] = text(v);
      else if (!DEPLOYMENT_KNOWN.has(k)) raw[k] = v;
    }
    const rec = d.recurrence;
    deployments.push({
      id: text(d['@_scriptid']).toLowerCase(),
      title: text(d.title),
      status: text(d.status).toUpperCase() || 'NOTSCHEDULED',
      isDeployed: bool(d.isdeployed, true),
      logLevel: text(d.loglevel).toUpperCase() || 'DEBUG',
      params: values,
      recurrence: rec && typeof rec === 'object' ? (rec as Record<string, unknown>) : undefined,
      concurrencyLimit: num(d.concurrencylimit),
      bufferSize: num(d.buffersize),
      yieldAfterMins: num(d.yieldaftermins),
      queueAllStagesAtOnce: d.queueallstagesatonce === undefined ? undefined : bool(d.queueallstagesatonce),
      raw,
    });
  }
  return {
    scriptId: text(x['@_scriptid']).toLowerCase(),
    objectType: kindTag,
    kind: SCRIPT_ELEMENTS[kindTag] ?? kindTag.toUpperCase(),
    name: text(x.name),
    scriptFile: text(x.scriptfile).replace(/^\[|\]$/g, ''),
    description: text(x.description),
    parameters: params,
    deployments,
    sourceFile: file,
  };
}

/**
 * A savedsearch object. SDF keeps a saved search's criteria in `<definition>`, a serialized form
 * Oracle does not document; the emulator reads a readable subset, either directly in the object
 * or as XML inside `<definition>`: `<searchtype>`, `<title>`, `<ispublic>`,
 * `<filters><filter><field/><join/><operator/><formula/><summary/><values><value/>…</values></filter>`
 * and `<columns><column><field/><join/><summary/><sort/><formula/><label/></column>`.
 * Unverified against exports of real accounts.
 */
function parseSavedSearch(x: Record<string, unknown>, file: string): SdfSavedSearch {
  let body = x;
  const def = text(x.definition);
  if (def.trim().startsWith('<')) {
    const inner = parser.parse(def) as Record<string, unknown>;
    const root = Object.entries(inner).find(([k, v]) => k !== '?xml' && v && typeof v === 'object');
    if (root) body = { ...x, ...(root[1] as Record<string, unknown>) };
  }
  const list = <T>(v: unknown, key: string): T[] =>
    ((v as Record<string, unknown> | undefined)?.[key] as T[] | undefined) ?? [];
  const expression: unknown[] = [];
  for (const fl of list<Record<string, unknown>>(body.filters, 'filter')) {
    const field = text(fl.field).toLowerCase();
    const join = text(fl.join).toLowerCase();
    const formula = text(fl.formula);
    const summary = text(fl.summary).toLowerCase();
    let name = join ? `${join}.${field}` : field;
    if (formula) name = `${field}: ${formula}`;
    if (summary) name = `${summary}(${name})`;
    const values = list<unknown>(fl.values, 'value').map(text);
    if (expression.length) expression.push('AND');
    expression.push([name, text(fl.operator).toLowerCase(), ...values]);
  }
  const columns = list<Record<string, unknown>>(body.columns, 'column').map((c) => ({
    name: text(c.field).toLowerCase(),
    join: text(c.join).toLowerCase() || undefined,
    summary: text(c.summary).toLowerCase() || undefined,
    sortdir: text(c.sort).toUpperCase() || 'NONE',
    formula: text(c.formula) || undefined,
    label: text(c.label) || undefined,
  }));
  const scriptId = text(x['@_scriptid']).toLowerCase();
  return {
    scriptId,
    title: text(body.title) || (def.trim().startsWith('<') ? '' : def) || scriptId,
    type: text(body.searchtype).toLowerCase().replace(/\s+/g, ''),
    isPublic: bool(body.ispublic),
    expression,
    columns,
    sourceFile: file,
  };
}

/** Parses one SDF object XML string (exported for tests). */
export function parseSdfObjectXml(xml: string, file = '<string>'): Partial<SdfObjects> {
  const doc = parser.parse(xml) as Record<string, unknown>;
  const out: Partial<SdfObjects> = {
    scripts: [],
    savedSearches: [],
    datasets: [],
    customRecordTypes: [],
    entityFields: [],
    ignored: [],
  };
  for (const [tag, body] of Object.entries(doc)) {
    if (tag === '?xml' || !body || typeof body !== 'object') continue;
    const x = body as Record<string, unknown>;
    if (tag === 'customrecordtype') {
      const fields: FieldDef[] = [];
      const list = (x.customrecordcustomfields as Record<string, unknown> | undefined)
        ?.customrecordcustomfield as Record<string, unknown>[] | undefined;
      for (const cf of list ?? []) fields.push(fieldFrom(text(cf['@_scriptid']), cf));
      out.customRecordTypes!.push({
        scriptId: text(x['@_scriptid']).toLowerCase(),
        label: text(x.recordname) || text(x['@_scriptid']),
        includeName: bool(x.includename, true),
        fields,
        sourceFile: file,
      });
    } else if (tag === 'entitycustomfield') {
      const scriptId = text(x['@_scriptid']).toLowerCase();
      const appliesTo: string[] = [];
      for (const [k, v] of Object.entries(x)) {
        const m = /^appliesto(.+)$/.exec(k);
        if (m && bool(v)) appliesTo.push(m[1]);
      }
      out.entityFields!.push({ scriptId, field: fieldFrom(scriptId, x), appliesTo, sourceFile: file });
    } else if (tag === 'savedsearch') {
      out.savedSearches!.push(parseSavedSearch(x, file));
    } else if (tag === 'dataset') {
      const raw = text(x.definition);
      let definition: unknown = raw;
      try {
        definition = JSON.parse(raw);
      } catch {
        definition = raw;
      }
      const scriptId = text(x['@_scriptid']).toLowerCase();
      out.datasets!.push({ scriptId, name: text(x.name) || scriptId, definition, sourceFile: file });
    } else if (SCRIPT_ELEMENTS[tag]) {
      out.scripts!.push(parseScript(tag, x, file));
    } else {
      out.ignored!.push(file);
    }
  }
  return out;
}

/**
 * Reads every *.xml under `dir` (e.g. 'src/Objects'). When `store` is given, registers the custom
 * record types and the entity custom fields that apply to customers/employees in it.
 */
export function loadSdfObjects(dir: string, store?: TypeRegistry): SdfObjects {
  const result: SdfObjects = {
    scripts: [],
    savedSearches: [],
    datasets: [],
    customRecordTypes: [],
    entityFields: [],
    ignored: [],
  };
  for (const file of listFiles(dir)) {
    const part = parseSdfObjectXml(fs.readFileSync(file, 'utf8'), file);
    result.scripts.push(...(part.scripts ?? []));
    result.savedSearches.push(...(part.savedSearches ?? []));
    result.datasets.push(...(part.datasets ?? []));
    result.customRecordTypes.push(...(part.customRecordTypes ?? []));
    result.entityFields.push(...(part.entityFields ?? []));
    result.ignored.push(...(part.ignored ?? []));
  }
  if (store) registerSdfObjects(store, result);
  return result;
}

/** Registers custom record types and entity fields of `objects` in `store`. */
export function registerSdfObjects(
  store: TypeRegistry,
  objects: Pick<SdfObjects, 'customRecordTypes' | 'entityFields'> &
    Partial<Pick<SdfObjects, 'savedSearches'>>,
): void {
  for (const crt of objects.customRecordTypes) {
    store.defineCustomRecordType(crt.scriptId, crt.label, { includeName: crt.includeName });
  }
  // Fields after all types exist, so selects between custom records resolve.
  for (const crt of objects.customRecordTypes) {
    for (const fd of crt.fields) store.addField(crt.scriptId, fd);
  }
  for (const ef of objects.entityFields) {
    for (const t of ef.appliesTo) {
      if (store.hasType(t)) store.addField(t, ef.field);
    }
  }
  // Saved searches become savedsearch records search.load finds by script id.
  for (const s of objects.savedSearches ?? []) {
    if (store.findBy('savedsearch', 'scriptid', s.scriptId).length) continue;
    store.create(
      'savedsearch',
      {
        scriptid: s.scriptId,
        title: s.title,
        name: s.title,
        recordtype: s.type,
        ispublic: s.isPublic,
        definition: JSON.stringify({ type: s.type, expression: s.expression, columns: s.columns }),
      },
      { validate: false },
    );
  }
}
