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
import type { FieldDef, TypeRegistry } from './records/types';
import { FIELD_OBJECTS, customFieldObject, fieldFrom } from './sdf/customFields';
import { parseSavedSearch } from './sdf/savedSearches';
import { SCRIPT_ELEMENTS, parseScript } from './sdf/scripts';
import { bool, parser, text } from './sdf/xml';
import type { SdfObjects } from './sdf/objectTypes';

export type {
  SdfScriptParameter,
  SdfScriptDeployment,
  SdfScriptObject,
  SdfCustomRecordType,
  SdfEntityField,
  SdfSavedSearch,
  SdfDataset,
  SdfObjects,
} from './sdf/objectTypes';
export { resolveSelectType } from './sdf/customFields';

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
