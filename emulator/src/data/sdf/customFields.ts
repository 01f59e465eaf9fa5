/** Custom fields of SDF objects: their field types, select record types and the record types they apply to. */
import type { FieldDef, FieldType } from '../records/types';
import { text, bool, num } from './xml';
import type { SdfEntityField } from './objectTypes';

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

export const FIELD_OBJECTS: Record<
  string,
  { flag: RegExp; sublist?: string; types: Record<string, string[]> }
> = {
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

export function customFieldObject(tag: string, x: Record<string, unknown>, file: string): SdfEntityField {
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

export function fieldFrom(scriptId: string, x: Record<string, unknown>): FieldDef {
  const type = toFieldType(x.fieldtype);
  const def: FieldDef = { id: scriptId.toLowerCase(), label: text(x.label) || scriptId, type };
  const sel = resolveSelectType(text(x.selectrecordtype));
  if (sel && (type === 'SELECT' || type === 'MULTISELECT')) def.selectType = sel;
  if (bool(x.ismandatory)) def.mandatory = true;
  const max = num(x.maxlength);
  if (max !== undefined && max > 0) def.maxLength = max;
  return def;
}
