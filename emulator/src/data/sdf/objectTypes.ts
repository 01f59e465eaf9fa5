/** What the SDF object XML of a project is read into (data/sdfObjects.ts). */
import type { FieldDef } from '../records/types';

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
