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
import * as zlib from 'zlib';
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
  /** Transaction line and item option fields: the sublist of those record types they are on. */
  sublist?: string;
  /** The SDF object type (entitycustomfield, transactionbodycustomfield, …). */
  objectType?: string;
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
  /** Every other custom field object (transaction body / line, item, item option, CRM, other record fields). */
  customFields: SdfEntityField[];
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
  DOCUMENT: 'SELECT',
  IMAGE: 'SELECT',
};

/** The transaction record types a field's "sale" and "purchase" applies-to flags put it on. */
const SALE_TRANSACTIONS = [
  'salesorder',
  'cashsale',
  'invoice',
  'estimate',
  'creditmemo',
  'cashrefund',
  'returnauthorization',
];
const PURCHASE_TRANSACTIONS = ['purchaseorder', 'vendorbill', 'vendorcredit', 'vendorreturnauthorization'];

/**
 * Custom field objects SDF deploys and the record types each "applies to" flag names (SDF XML
 * reference: entitycustomfield appliesto…, crmcustomfield appliesto…, itemcustomfield appliesto…,
 * transactionbodycustomfield body…, transactioncolumncustomfield / itemoptioncustomfield col…,
 * othercustomfield rectype). A flag not listed maps to the record type of its own name (e.g.
 * bodyitemfulfillment → itemfulfillment); types the account does not model are skipped.
 * Which standard types each flag covers is the emulator's reading of the UI's "Applies To" boxes (unverified).
 */

const FIELD_OBJECTS: Record<string, { flag: RegExp; sublist?: string; types: Record<string, string[]> }> = {
  entitycustomfield: { flag: /^appliesto(.+)$/, types: { project: ['job'] } },
  crmcustomfield: {
    flag: /^appliesto(.+)$/,
    types: { event: ['calendarevent'], case: ['supportcase'] },
  },
  itemcustomfield: {
    flag: /^appliesto(.+)$/,
    types: {
      inventory: ['inventoryitem'],
      noninventory: ['noninventorysaleitem', 'noninventorypurchaseitem', 'noninventoryresaleitem'],
      service: ['servicesaleitem', 'servicepurchaseitem', 'serviceresaleitem'],
      othercharge: ['otherchargesaleitem', 'otherchargepurchaseitem', 'otherchargeresaleitem'],
      kit: ['kititem'],
      assembly: ['assemblyitem'],
      group: ['itemgroup'],
      allitems: ['inventoryitem', 'kititem', 'assemblyitem', 'itemgroup'],
    },
  },
  itemnumbercustomfield: { flag: /^appliesto(.+)$/, types: {} },
  transactionbodycustomfield: {
    flag: /^body(.+)$/,
    types: {
      sale: SALE_TRANSACTIONS,
      purchase: PURCHASE_TRANSACTIONS,
      customerpayment: ['customerpayment', 'customerdeposit', 'customerrefund'],
      journal: ['journalentry'],
      pickingticket: [],
      printflag: [],
      printpackingslip: [],
      printstatement: [],
    },
  },
  transactioncolumncustomfield: {
    flag: /^col(.+)$/,
    sublist: 'item',
    types: {
      sale: SALE_TRANSACTIONS,
      purchase: PURCHASE_TRANSACTIONS,
      journal: [],
      expense: [],
      time: [],
      kititem: [],
      printflag: [],
    },
  },
  itemoptioncustomfield: {
    flag: /^col(.+)$/,
    sublist: 'item',
    types: {
      sale: SALE_TRANSACTIONS,
      purchase: PURCHASE_TRANSACTIONS,
      kititem: [],
    },
  },
  othercustomfield: { flag: /^$/, types: {} },
};

function customFieldObject(tag: string, x: Record<string, unknown>, file: string): SdfEntityField {
  const spec = FIELD_OBJECTS[tag];
  const scriptId = text(x['@_scriptid']).toLowerCase();
  const appliesTo = new Set<string>();
  for (const [k, v] of Object.entries(x)) {
    const m = spec.flag.exec(k);
    if (m && m[1] && bool(v)) for (const t of spec.types[m[1]] ?? [m[1]]) appliesTo.add(t);
  }
  if (tag === 'othercustomfield') {
    const t = resolveSelectType(text(x.rectype));
    if (t) appliesTo.add(t);
  }
  const field = fieldFrom(scriptId, x);
  if (/^(DOCUMENT|IMAGE)$/i.test(text(x.fieldtype))) field.selectType = 'file';
  return {
    scriptId,
    field,
    appliesTo: [...appliesTo],
    sublist: spec.sublist,
    objectType: tag,
    sourceFile: file,
  };
}

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
 * A savedsearch object. SDF keeps a saved search's criteria in `<definition>`. What the account exports
 * (HotWax's customsearch_* objects) is `<hash>@GZC@<version>@<base64 of gzip>`, whose content is
 * NetSuite's serialized SearchDefinition XML (read by readSerializedSearch). Also read: a readable
 * subset, directly in the object or as XML inside `<definition>`: `<searchtype>`, `<title>`, `<ispublic>`,
 * `<filters><filter><field/><join/><operator/><formula/><summary/><values><value/>…</values></filter>`
 * and `<columns><column><field/><join/><summary/><sort/><formula/><label/></column>`.
 * A definition that cannot be decoded, or that gives no search type, throws naming the object: a
 * search is never loaded empty. Both forms unverified against Oracle documentation ("Do not edit").
 */
function parseSavedSearch(x: Record<string, unknown>, file: string): SdfSavedSearch {
  const scriptId = text(x['@_scriptid']).toLowerCase();
  const refuse = (why: string) =>
    new Error(
      `savedsearch ${scriptId} (${file}): ${why}. Export the saved search again from the account (suitecloud object:import) and retry.`,
    );
  let def = text(x.definition).trim();
  if (def !== '' && !def.startsWith('<')) {
    const b64 = def.split('@').pop() as string;
    if (!/^[A-Za-z0-9+/\s]+=*$/.test(b64)) throw refuse('its <definition> is neither XML nor base64 of gzip');
    try {
      def = zlib.gunzipSync(Buffer.from(b64, 'base64')).toString('utf8').trim();
    } catch (e) {
      throw refuse(`its <definition> cannot be decoded as base64 of gzip (${(e as Error).message})`);
    }
    if (!def.startsWith('<')) throw refuse('its decoded <definition> is not XML');
  }
  const parsed = /<SearchDefinition[\s>]/.test(def) ? readSerializedSearch(def) : readReadableSearch(x, def);
  if (!parsed.type) throw refuse('its definition names no search type');
  return { scriptId, ...parsed, title: parsed.title || scriptId, sourceFile: file };
}

function readReadableSearch(
  x: Record<string, unknown>,
  def: string,
): Omit<SdfSavedSearch, 'scriptId' | 'sourceFile'> {
  let body = x;
  if (def.startsWith('<')) {
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
  return {
    title: text(body.title),
    type: text(body.searchtype).toLowerCase().replace(/\s+/g, ''),
    isPublic: bool(body.ispublic),
    expression,
    columns,
  };
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The `<Value field="F">v</Value>` entries of an XML fragment, first occurrence of each field. */
function serializedValues(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<Value [^>]*?field="(\w+)"[^>]*?(?:\/>|>([^<]*)<\/Value>)/g)) {
    if (!(m[1] in out)) out[m[1]] = (m[2] ?? '').replace(/&(\w+);/g, (e, n: string) => XML_ENTITIES[n] ?? e);
  }
  return out;
}

/**
 * A serialized field name → the SuiteScript id: 'Entity_ISINACTIVE' → 'isinactive',
 * 'CUSTENTITY_HC_X' → 'custentity_hc_x' (a CamelCase record prefix is dropped). Joins unverified.
 */
function serializedName(raw: string): string {
  return raw.replace(/^[A-Z][a-z]\w*?_/, '').toLowerCase();
}

/**
 * NetSuite's serialized SearchDefinition (descriptor FIELD_SEARCH_TYPE / FIELD_DEFAULT_NAME /
 * FLAG_PUBLIC; filters FIELD_FILTER_NAME, FIELD_MODIFIER (operator), FIELD_ATTRIBUTE (value, or the
 * operator isempty / isnotempty), FLAG_NOT, FLAG_OR, FIELD_NUM_LEFT_PARENS / RIGHT_PARENS, values;
 * detailFields' FIELD_ALIAS / FIELD_SUMMARY_TYPE / FIELD_FORMULA as columns; sortColumns KEY_FIELD).
 * Read from HotWax's exported objects; the meaning of each element is the emulator's reading (unverified).
 */
function readSerializedSearch(xml: string): Omit<SdfSavedSearch, 'scriptId' | 'sourceFile'> {
  const head = serializedValues(xml.slice(0, xml.search(/<filters>|$/)));
  const section = (tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? '';
  const tokens: unknown[] = [];
  let joiner = '';
  for (const m of section('filters').matchAll(/<SearchFilter>([\s\S]*?)<\/SearchFilter>/g)) {
    const v = serializedValues(m[1]);
    const name = serializedName(v.FIELD_FILTER_NAME ?? '');
    const attr = v.FIELD_ATTRIBUTE ?? '';
    const values = [...m[1].matchAll(/field="FIELD_VALUE"[^>]*>([^<]*)</g)].map((x) => x[1]);
    let term: unknown[];
    if (/^IS(NOT)?EMPTY$/.test(attr)) term = [name, attr.toLowerCase()];
    else if (v.FIELD_TYPE === 'CHECKBOX' && !v.FIELD_MODIFIER) term = [name, 'is', attr];
    else
      term = [name, (v.FIELD_MODIFIER || 'anyof').toLowerCase(), ...(attr ? [attr.toLowerCase()] : values)];
    if (v.FIELD_FORMULA) term[0] = `${term[0]}: ${v.FIELD_FORMULA}`;
    if (joiner) tokens.push(joiner);
    for (let i = 0; i < Number(v.FIELD_NUM_LEFT_PARENS || 0); i++) tokens.push('(');
    if (v.FLAG_NOT === 'true') tokens.push('NOT');
    tokens.push(term);
    for (let i = 0; i < Number(v.FIELD_NUM_RIGHT_PARENS || 0); i++) tokens.push(')');
    joiner = v.FLAG_OR === 'true' ? 'OR' : 'AND';
  }
  // Parentheses → nested filter expressions.
  const stack: unknown[][] = [[]];
  for (const t of tokens) {
    if (t === '(') stack.push([]);
    else if (t === ')' && stack.length > 1) stack[stack.length - 2].push(stack.pop());
    else if (t !== ')') stack[stack.length - 1].push(t);
  }
  while (stack.length > 1) stack[stack.length - 2].push(stack.pop());
  const sorts = [...section('sortColumns').matchAll(/<Record>([\s\S]*?)<\/Record>/g)].map((m) =>
    serializedValues(m[1]),
  );
  const sortOf = (alias: string) => {
    const sv = sorts.find((s) => s.KEY_FIELD === alias);
    return !sv ? 'NONE' : sv.FLAG_DESCENDING === 'true' ? 'DESC' : 'ASC';
  };
  const fields = section('detailFields') || section('returnFields');
  const columns = [...fields.matchAll(/<Record>([\s\S]*?)<\/Record>/g)].map((m) => {
    const v = serializedValues(m[1]);
    return {
      name: serializedName(v.FIELD_ALIAS ?? ''),
      summary: v.FIELD_SUMMARY_TYPE?.toLowerCase() || undefined,
      sortdir: sortOf(v.FIELD_ALIAS ?? ''),
      formula: v.FIELD_FORMULA || undefined,
    };
  });
  for (const s of sorts) {
    if (!columns.some((c) => c.name === serializedName(s.KEY_FIELD ?? ''))) {
      columns.push({
        name: serializedName(s.KEY_FIELD ?? ''),
        summary: undefined,
        sortdir: sortOf(s.KEY_FIELD ?? ''),
        formula: undefined,
      });
    }
  }
  return {
    title: head.FIELD_DEFAULT_NAME ?? '',
    type: (head.FIELD_SEARCH_TYPE ?? '').toLowerCase().replace(/\s+/g, ''),
    isPublic: head.FLAG_PUBLIC === 'true',
    expression: stack[0],
    columns,
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
    customFields: [],
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
      out.entityFields!.push(customFieldObject(tag, x, file));
    } else if (FIELD_OBJECTS[tag]) {
      out.customFields!.push(customFieldObject(tag, x, file));
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
    customFields: [],
    ignored: [],
  };
  for (const file of listFiles(dir)) {
    const part = parseSdfObjectXml(fs.readFileSync(file, 'utf8'), file);
    result.scripts.push(...(part.scripts ?? []));
    result.savedSearches.push(...(part.savedSearches ?? []));
    result.datasets.push(...(part.datasets ?? []));
    result.customRecordTypes.push(...(part.customRecordTypes ?? []));
    result.entityFields.push(...(part.entityFields ?? []));
    result.customFields.push(...(part.customFields ?? []));
    result.ignored.push(...(part.ignored ?? []));
  }
  if (store) registerSdfObjects(store, result);
  return result;
}

/** Registers custom record types and custom fields of `objects` in `store`. */
export function registerSdfObjects(
  store: TypeRegistry,
  objects: Pick<SdfObjects, 'customRecordTypes' | 'entityFields'> &
    Partial<Pick<SdfObjects, 'savedSearches' | 'customFields'>>,
): void {
  for (const crt of objects.customRecordTypes) {
    store.defineCustomRecordType(crt.scriptId, crt.label, { includeName: crt.includeName });
  }
  // Fields after all types exist, so selects between custom records resolve.
  for (const crt of objects.customRecordTypes) {
    for (const fd of crt.fields) store.addField(crt.scriptId, fd);
  }
  for (const ef of [...objects.entityFields, ...(objects.customFields ?? [])]) {
    for (const t of ef.appliesTo) {
      if (!store.hasType(t)) continue;
      if (ef.sublist) store.addSublistField(t, ef.sublist, ef.field);
      else store.addField(t, ef.field);
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
