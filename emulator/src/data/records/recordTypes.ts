/**
 * The built-in record types (customer, subsidiary, customer status, lead source, folder,
 * employee, saved search) and the address subrecord.
 */
import type { FieldDef, RecordTypeDef, StoredRecord, SubrecordTypeDef } from './types';
import { f, fieldMap, str } from './fields';
import { transactionTypes } from './transactions';

// ---------------------------------------------------------------------------------------------
// Built-in record types

export const ADDRESS: SubrecordTypeDef = {
  type: 'address',
  fields: fieldMap([
    f('country', 'Country', 'TEXT', { maxLength: 2 }),
    f('attention', 'Attention', 'TEXT', { maxLength: 150 }),
    f('addressee', 'Addressee', 'TEXT', { maxLength: 150 }),
    f('addrphone', 'Phone', 'PHONE', { maxLength: 32 }),
    f('addr1', 'Address 1', 'TEXT', { maxLength: 150 }),
    f('addr2', 'Address 2', 'TEXT', { maxLength: 150 }),
    f('addr3', 'Address 3', 'TEXT', { maxLength: 150 }),
    f('city', 'City', 'TEXT', { maxLength: 50 }),
    f('state', 'State', 'TEXT', { maxLength: 30 }),
    f('zip', 'Zip', 'TEXT', { maxLength: 36 }),
    f('addrtext', 'Address', 'TEXTAREA', { system: true }),
    f('override', 'Override', 'CHECKBOX'),
  ]),
};

function entityCommon(): FieldDef[] {
  return [
    f('entityid', 'ID', 'TEXT', { maxLength: 83 }),
    f('externalid', 'External ID', 'TEXT', { maxLength: 255 }),
    f('isinactive', 'Inactive', 'CHECKBOX'),
    f('email', 'Email', 'EMAIL', { maxLength: 254 }),
    f('phone', 'Phone', 'PHONE', { maxLength: 32 }),
    f('firstname', 'First Name', 'TEXT', { maxLength: 32 }),
    f('middlename', 'Middle Name', 'TEXT', { maxLength: 32 }),
    f('lastname', 'Last Name', 'TEXT', { maxLength: 32 }),
    f('datecreated', 'Date Created', 'DATETIME', { system: true }),
    f('lastmodifieddate', 'Last Modified', 'DATETIME', { system: true }),
    f('subsidiary', 'Primary Subsidiary', 'SELECT', { selectType: 'subsidiary' }),
    f('comments', 'Comments', 'TEXTAREA', { maxLength: 999 }),
  ];
}

export function personName(v: Record<string, unknown>): string {
  return [v.firstname, v.middlename, v.lastname].filter((x) => typeof x === 'string' && x !== '').join(' ');
}

export function customerName(v: Record<string, unknown>): string {
  return v.isperson === 'T' ? personName(v) : String(v.companyname ?? '');
}

export /** Search columns of a customer's default billing or shipping address (billaddress, billcity...). */
function addressColumns(
  prefix: 'bill' | 'ship',
  flag: string,
): Record<string, { def: FieldDef; get: (rec: StoredRecord) => unknown }> {
  const addr = (r: StoredRecord): Record<string, unknown> | undefined =>
    (r.sublists.addressbook ?? []).find((l) => l.values[flag] === true)?.subrecords.addressbookaddress
      ?.values;
  const col = (id: string, label: string, key: string) => ({
    def: f(`${prefix}${id}`, label, 'TEXT'),
    get: (r: StoredRecord) => str(addr(r)?.[key]),
  });
  const label = prefix === 'bill' ? 'Billing' : 'Shipping';
  return {
    [`${prefix}address`]: col('address', `${label} Address`, 'addrtext'),
    [`${prefix}addressee`]: col('addressee', `${label} Addressee`, 'addressee'),
    [`${prefix}address1`]: col('address1', `${label} Address 1`, 'addr1'),
    [`${prefix}address2`]: col('address2', `${label} Address 2`, 'addr2'),
    [`${prefix}city`]: col('city', `${label} City`, 'city'),
    [`${prefix}state`]: col('state', `${label} State/Province`, 'state'),
    [`${prefix}zipcode`]: col('zipcode', `${label} Zip`, 'zip'),
    [`${prefix}country`]: col('country', `${label} Country`, 'country'),
    [`${prefix}phone`]: col('phone', `${label} Phone`, 'addrphone'),
  };
}

/** The customer body fields the emulator models, after the fields every entity has. */
function customerFields(): FieldDef[] {
  return [
    ...entityCommon(),
    f('isperson', 'Type', 'RADIO'),
    f('companyname', 'Company Name', 'TEXT', { maxLength: 83 }),
    f('salutation', 'Mr./Ms...', 'TEXT', { maxLength: 15 }),
    f('title', 'Job Title', 'TEXT', { maxLength: 99 }),
    f('altphone', 'Alt. Phone', 'PHONE', { maxLength: 32 }),
    f('mobilephone', 'Mobile Phone', 'PHONE', { maxLength: 32 }),
    f('fax', 'Fax', 'PHONE', { maxLength: 32 }),
    f('url', 'Web Address', 'URL'),
    f('entitystatus', 'Status', 'SELECT', { selectType: 'customerstatus' }),
    f('stage', 'Stage', 'TEXT', { system: true }),
    f('leadsource', 'Lead Source', 'SELECT', { selectType: 'leadsource' }),
    f('salesrep', 'Sales Rep', 'SELECT', { selectType: 'employee' }),
    f('parent', 'Child Of', 'SELECT', { selectType: 'customer' }),
    f('taxable', 'Taxable', 'CHECKBOX'),
    f('defaultorderpriority', 'Default Order Priority', 'FLOAT'),
    f('giveaccess', 'Login Access', 'CHECKBOX'),
    f('globalsubscriptionstatus', 'Global Subscription Status', 'SELECT'),
    f('currency', 'Currency', 'SELECT'),
    f('terms', 'Terms', 'SELECT'),
    f('category', 'Category', 'SELECT'),
    f('customform', 'Custom Form', 'SELECT'),
    f('altemail', 'Alt. Email', 'EMAIL', { maxLength: 254 }),
    f('homephone', 'Home Phone', 'PHONE', { maxLength: 32 }),
    f('accountnumber', 'Account', 'TEXT', { maxLength: 99 }),
    f('vatregnumber', 'Tax Number', 'TEXT', { maxLength: 20 }),
    f('resalenumber', 'Resale Number', 'TEXT', { maxLength: 20 }),
    f('creditlimit', 'Credit Limit', 'CURRENCY'),
    f('pricelevel', 'Price Level', 'SELECT'),
    f('language', 'Language', 'SELECT'),
    f('emailpreference', 'Email Preference', 'TEXT'),
    f('emailtransactions', 'Email Transactions', 'CHECKBOX'),
    f('printtransactions', 'Print Transactions', 'CHECKBOX'),
    f('faxtransactions', 'Fax Transactions', 'CHECKBOX'),
    f('shipcomplete', 'Ship Complete', 'CHECKBOX'),
    f('balance', 'Balance', 'CURRENCY', { system: true }),
  ];
}

function customerType(): RecordTypeDef {
  const customer: RecordTypeDef = {
    type: 'customer',
    label: 'Customer',
    custom: false,
    fields: fieldMap(customerFields()),
    sublists: {
      addressbook: {
        id: 'addressbook',
        fields: fieldMap([
          f('id', 'Internal ID', 'INTEGER', { system: true }),
          f('label', 'Label', 'TEXT', { maxLength: 150 }),
          f('defaultbilling', 'Default Billing', 'CHECKBOX'),
          f('defaultshipping', 'Default Shipping', 'CHECKBOX'),
          f('isresidential', 'Residential Address', 'CHECKBOX'),
          f('addressbookaddress_text', 'Address', 'TEXTAREA', { system: true }),
        ]),
        subrecords: { addressbookaddress: 'address' },
      },
    },
    computed: {},
    displayText: (r) => str(r.values.entityid) || customerName(r.values),
  };
  // "Please enter value(s) for: Primary Subsidiary" in OneWorld accounts only.
  customer.fields.subsidiary = { ...customer.fields.subsidiary, oneWorldOnly: true };
  customer.computed = {
    altname: {
      def: f('altname', 'Name', 'TEXT'),
      get: (r) => customerName(r.values),
    },
    entitytitle: {
      def: f('entitytitle', 'Name', 'TEXT'),
      get: (r) => `${str(r.values.entityid)}`,
    },
    // The external id as plain text (search column "External ID (Text)"), for text operators.
    externalidstring: {
      def: f('externalidstring', 'External ID (Text)', 'TEXT'),
      get: (r) => str(r.values.externalid),
    },
    // Default billing / shipping address as search columns show them.
    ...addressColumns('bill', 'defaultbilling'),
    ...addressColumns('ship', 'defaultshipping'),
  };
  return customer;
}

/** A list record with a name, an external id and an inactive box. */
function named(type: string, label: string, extra: FieldDef[] = []): RecordTypeDef {
  return {
    type,
    label,
    custom: false,
    fields: fieldMap([
      f('name', 'Name', 'TEXT', { maxLength: 83 }),
      f('externalid', 'External ID', 'TEXT', { maxLength: 255 }),
      f('isinactive', 'Inactive', 'CHECKBOX'),
      ...extra,
    ]),
    sublists: {},
    computed: {},
    displayText: (r) => str(r.values.name),
  };
}

export function builtInTypes(): RecordTypeDef[] {
  const subsidiary = named('subsidiary', 'Subsidiary', [
    f('parent', 'Subsidiary Of', 'SELECT', { selectType: 'subsidiary' }),
    f('country', 'Country', 'TEXT', { maxLength: 2 }),
    f('currency', 'Currency', 'SELECT'),
  ]);

  // Entity statuses (Setup > Sales > Customer Statuses): a select on customers shows
  // "<STAGE>-<name>", e.g. "CUSTOMER-Closed Won" (what HotWax's feed sends as `status`).
  const customerstatus = named('customerstatus', 'Customer Status', [
    f('stage', 'Stage', 'TEXT'),
    f('probability', 'Probability', 'PERCENT'),
    f('descr', 'Description', 'TEXTAREA'),
  ]);
  customerstatus.displayText = (r) => `${str(r.values.stage)}-${str(r.values.name)}`;

  const leadsource = named('leadsource', 'Lead Source');

  const folder = named('folder', 'Folder', [
    f('parent', 'Sub-Folder Of', 'SELECT', { selectType: 'folder' }),
    f('description', 'Description', 'TEXTAREA'),
    f('foldertype', 'Type', 'TEXT'),
  ]);
  folder.fields.name = { ...folder.fields.name, mandatory: true };

  const employee: RecordTypeDef = {
    type: 'employee',
    label: 'Employee',
    custom: false,
    fields: fieldMap(entityCommon()),
    sublists: {},
    computed: {},
    displayText: (r) => str(r.values.entityid) || personName(r.values),
  };

  const savedsearch = named('savedsearch', 'Saved Search', [
    f('scriptid', 'ID', 'TEXT', { maxLength: 40 }),
    f('title', 'Search Title', 'TEXT'),
    f('recordtype', 'Type', 'TEXT'),
    f('ispublic', 'Public', 'CHECKBOX'),
    f('definition', 'Definition', 'CLOBTEXT'),
  ]);
  savedsearch.displayText = (r) => str(r.values.title);

  return [
    customerType(),
    subsidiary,
    customerstatus,
    leadsource,
    folder,
    employee,
    savedsearch,
    ...transactionTypes(),
  ];
}

// ---------------------------------------------------------------------------------------------
