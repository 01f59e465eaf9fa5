/** What the parts of N/record share: record.Type, the argument checks and errors, the unit rates. */
import { nsError } from '../../core/errors';
import { recordCostClass, type RecordCostClass } from '../../core/governance';
import type { RecordTypeDef } from '../../data/recordStore';

/** record.attach / record.detach: 10 units (help "record.attach(options)", "record.detach(options)"). */
export const ATTACH_UNITS = 10;

/** Transactions cost the transaction rate whether or not core/governance lists them. */
export function costClass(def: RecordTypeDef): RecordCostClass {
  return def.transaction ? 'transaction' : recordCostClass(def.type);
}

export type Opts = Record<string, unknown>;

/** record.Type: the record types scripts of this project touch, plus common ones (values are the type ids). */
export const RecordType = Object.freeze({
  CUSTOMER: 'customer',
  CONTACT: 'contact',
  EMPLOYEE: 'employee',
  FOLDER: 'folder',
  SUBSIDIARY: 'subsidiary',
  CUSTOMER_STATUS: 'customerstatus',
  LEAD: 'lead',
  PROSPECT: 'prospect',
  PARTNER: 'partner',
  VENDOR: 'vendor',
  SALES_ORDER: 'salesorder',
  INVOICE: 'invoice',
  CASH_SALE: 'cashsale',
  ITEM_FULFILLMENT: 'itemfulfillment',
  INVENTORY_ITEM: 'inventoryitem',
  CUSTOMER_DEPOSIT: 'customerdeposit',
  FILE: 'file',
  CAMPAIGN: 'campaign',
  SCRIPT_DEPLOYMENT: 'scriptdeployment',
  SCHEDULED_SCRIPT: 'scheduledscript',
  MAP_REDUCE_SCRIPT: 'mapreducescript',
  ADDRESS: 'address',
});

export function missingArgument(api: string, name: string): Error {
  return nsError('SSS_MISSING_REQD_ARGUMENT', `${api}: Missing a required argument: ${name}`);
}

export function invalidSublistOperation(): Error {
  return nsError(
    'SSS_INVALID_SUBLIST_OPERATION',
    'You have attempted an invalid sublist or line item operation. You are either trying to access a field on a non-existent line or you are trying to add or remove lines from a static sublist.',
  );
}

export function unsupported(api: string): Error {
  return nsError('EMULATOR_NOT_SUPPORTED', `${api} is not supported by the NetSuite emulator.`);
}

export function argObject(api: string, options: unknown, required: string[]): Opts {
  if (!options || typeof options !== 'object') throw missingArgument(api, required[0] ?? 'options');
  const o = options as Opts;
  for (const r of required) {
    if (o[r] === undefined || o[r] === null || o[r] === '') throw missingArgument(api, r);
  }
  return o;
}

export function fieldIdOf(api: string, a: unknown): string {
  if (typeof a === 'string') return a;
  return String(argObject(api, a, ['fieldId']).fieldId);
}
