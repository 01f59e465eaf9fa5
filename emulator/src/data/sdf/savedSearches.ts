/** savedsearch objects: the readable form and the serialized SearchDefinition NetSuite exports. */
import * as zlib from 'zlib';
import { parser, text, bool } from './xml';
import type { SdfSavedSearch } from './objectTypes';

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
export function parseSavedSearch(x: Record<string, unknown>, file: string): SdfSavedSearch {
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
