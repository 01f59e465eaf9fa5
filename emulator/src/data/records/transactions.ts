/**
 * The standard record types an order integration touches: sales order, cash sale, item
 * fulfillment, customer deposit (transactions) and inventory item, as far as create, load,
 * search, save and transform need them.
 *
 * Mandatory fields as NetSuite enforces them on submit (the UI marks them; the field ids and
 * labels are those of the SuiteScript Records Browser):
 * - sales order / cash sale: Customer (entity), at least one item line ("You must enter at least
 *   one line item for this transaction."), each line an Item; OneWorld: Subsidiary, sourced from
 *   the customer when not set. Date (trandate) defaults to today.
 * - item fulfillment: Created From (it exists only as a transform of an order) and at least one
 *   line marked Fulfill (itemreceive).
 * - customer deposit: Customer and Payment Amount (payment); Subsidiary sourced from the customer.
 * - inventory item: Item Name/Number (itemid).
 * Accounts, tax codes and posting periods, which a real account defaults from its setup, are
 * not modelled.
 */
import { f, fieldMap, isEmpty, str } from './fields';
import type { BeforeSaveEnv, FieldDef, RecordTypeDef, StoredLine } from './types';

function body(entityLabel = 'Customer', entityField = 'entity'): FieldDef[] {
  return [
    f('tranid', 'Document Number', 'TEXT', { maxLength: 45 }),
    f('externalid', 'External ID', 'TEXT', { maxLength: 255 }),
    f(entityField, entityLabel, 'SELECT', { selectType: 'customer', mandatory: true }),
    f('trandate', 'Date', 'DATE'),
    f('subsidiary', 'Subsidiary', 'SELECT', { selectType: 'subsidiary', oneWorldOnly: true }),
    f('currency', 'Currency', 'SELECT'),
    f('memo', 'Memo', 'TEXT', { maxLength: 999 }),
    f('otherrefnum', 'PO/Check #', 'TEXT', { maxLength: 45 }),
    f('location', 'Location', 'SELECT'),
    f('department', 'Department', 'SELECT'),
    f('class', 'Class', 'SELECT'),
    f('status', 'Status', 'TEXT', { system: true }),
    f('createdfrom', 'Created From', 'SELECT'),
    f('total', 'Total', 'CURRENCY', { system: true }),
    f('subtotal', 'Subtotal', 'CURRENCY', { system: true }),
    f('datecreated', 'Date Created', 'DATETIME', { system: true }),
    f('lastmodifieddate', 'Last Modified', 'DATETIME', { system: true }),
  ];
}

function itemLines(extra: FieldDef[] = []): RecordTypeDef['sublists'] {
  return {
    item: {
      id: 'item',
      fields: fieldMap([
        f('item', 'Item', 'SELECT', { selectType: 'inventoryitem', mandatory: true }),
        f('quantity', 'Quantity', 'FLOAT'),
        f('rate', 'Rate', 'CURRENCY'),
        f('amount', 'Amount', 'CURRENCY'),
        f('description', 'Description', 'TEXTAREA'),
        f('location', 'Location', 'SELECT'),
        f('line', 'Line Id', 'INTEGER', { system: true }),
        ...extra,
      ]),
      subrecords: {},
    },
  };
}

/** Today at midnight on the server's clock (trandate's default). */
function today(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Defaults every transaction gets on save: date, subsidiary from the customer, status, totals. */
function transactionDefaults(entityField: string, status: string): NonNullable<RecordTypeDef['beforeSave']> {
  return (v: Record<string, unknown>, sublists: Record<string, StoredLine[]>, env: BeforeSaveEnv) => {
    if (isEmpty(v.trandate)) v.trandate = today(env.now);
    if (isEmpty(v.subsidiary) && !isEmpty(v[entityField])) {
      const c = env.get('customer', v[entityField] as string);
      if (c && !isEmpty(c.values.subsidiary)) v.subsidiary = c.values.subsidiary;
    }
    if (!env.oneWorld && isEmpty(v.subsidiary) && env.get('subsidiary', 1)) v.subsidiary = '1';
    if (isEmpty(v.status)) v.status = status;
    const lines = sublists.item ?? [];
    let total = 0;
    lines.forEach((l, i) => {
      const q = typeof l.values.quantity === 'number' ? l.values.quantity : 1;
      if (isEmpty(l.values.amount) && typeof l.values.rate === 'number') l.values.amount = l.values.rate * q;
      if (isEmpty(l.values.line)) l.values.line = i + 1;
      total += typeof l.values.amount === 'number' ? l.values.amount : 0;
    });
    if (sublists.item) {
      v.subtotal = total;
      v.total = total;
    }
  };
}

/** A transaction type: its body and item lines, numbering (prefix + counter) and defaults on save. */
function transactionType(
  type: string,
  label: string,
  prefix: string,
  status: string,
  opts: {
    extra?: FieldDef[];
    lines?: FieldDef[];
    requiredSublist?: boolean;
    entityField?: string;
    entityLabel?: string;
  } = {},
): RecordTypeDef {
  const entityField = opts.entityField ?? 'entity';
  const counter = { n: 0 };
  const fields = fieldMap([...body(opts.entityLabel, entityField), ...(opts.extra ?? [])]);
  return {
    type,
    label,
    custom: false,
    transaction: true,
    fields,
    sublists: opts.requiredSublist === false ? {} : itemLines(opts.lines),
    requiredSublist: opts.requiredSublist === false ? undefined : 'item',
    computed: {},
    displayText: (r) => `${label} #${str(r.values.tranid)}`,
    beforeSave: transactionDefaults(entityField, status),
    onStore: (v, env) => {
      if (env.isNew && isEmpty(v.tranid)) v.tranid = `${prefix}${++counter.n}`;
    },
  };
}

/** The inventory item (record.transform and sales order lines refer to items). */
function inventoryItemType(): RecordTypeDef {
  return {
    type: 'inventoryitem',
    label: 'Inventory Item',
    custom: false,
    fields: fieldMap([
      f('itemid', 'Item Name/Number', 'TEXT', { maxLength: 60, mandatory: true }),
      f('externalid', 'External ID', 'TEXT', { maxLength: 255 }),
      f('displayname', 'Display Name/Code', 'TEXT', { maxLength: 200 }),
      f('upccode', 'UPC Code', 'TEXT', { maxLength: 60 }),
      f('salesdescription', 'Sales Description', 'TEXTAREA'),
      f('purchasedescription', 'Purchase Description', 'TEXTAREA'),
      f('baseprice', 'Base Price', 'CURRENCY'),
      f('cost', 'Purchase Price', 'CURRENCY'),
      f('isinactive', 'Inactive', 'CHECKBOX'),
      f('subsidiary', 'Subsidiary', 'MULTISELECT', { selectType: 'subsidiary' }),
      f('includechildren', 'Include Children', 'CHECKBOX'),
      f('quantityonhand', 'On Hand', 'FLOAT', { system: true }),
      f('datecreated', 'Date Created', 'DATETIME', { system: true }),
      f('lastmodifieddate', 'Last Modified', 'DATETIME', { system: true }),
    ]),
    sublists: {},
    computed: {},
    displayText: (r) => str(r.values.itemid),
    beforeSave: (v, _s, env) => {
      if (isEmpty(v.subsidiary) && env.get('subsidiary', 1)) v.subsidiary = ['1'];
    },
  };
}

export function transactionTypes(): RecordTypeDef[] {
  const salesorder = transactionType('salesorder', 'Sales Order', 'SO', 'Pending Fulfillment', {
    extra: [f('orderstatus', 'Order Status', 'TEXT'), f('shipdate', 'Ship Date', 'DATE')],
    lines: [f('quantityfulfilled', 'Fulfilled', 'FLOAT', { system: true })],
  });
  const cashsale = transactionType('cashsale', 'Cash Sale', 'CS', 'Not Deposited', {
    extra: [f('paymentmethod', 'Payment Method', 'SELECT'), f('undepfunds', 'Undep. Funds', 'RADIO')],
  });
  const itemfulfillment = transactionType('itemfulfillment', 'Item Fulfillment', 'IF', 'Shipped', {
    extra: [f('shipstatus', 'Status', 'TEXT')],
    lines: [f('itemreceive', 'Fulfill', 'CHECKBOX'), f('orderline', 'Order Line', 'INTEGER')],
  });
  itemfulfillment.fields.createdfrom = { ...itemfulfillment.fields.createdfrom, mandatory: true };
  // Only lines marked Fulfill are fulfilled; none marked is "no line items".
  const ifDefaults = itemfulfillment.beforeSave!;
  itemfulfillment.beforeSave = (v, sublists, env) => {
    if (sublists.item) sublists.item = sublists.item.filter((l) => l.values.itemreceive !== false);
    ifDefaults(v, sublists, env);
  };
  const customerdeposit = transactionType('customerdeposit', 'Customer Deposit', 'DEP', 'Not Deposited', {
    requiredSublist: false,
    entityField: 'customer',
    extra: [
      f('payment', 'Payment Amount', 'CURRENCY', { mandatory: true }),
      f('salesorder', 'Sales Order', 'SELECT', { selectType: 'salesorder' }),
      f('paymentmethod', 'Payment Method', 'SELECT'),
      f('undepfunds', 'Undep. Funds', 'RADIO'),
      f('account', 'Account', 'SELECT'),
    ],
  });
  // A deposit for an order: record.create with defaultValues { salesorder } takes its customer.
  const depositDefaults = customerdeposit.beforeSave!;
  customerdeposit.beforeSave = (v, sublists, env) => {
    if (isEmpty(v.customer) && !isEmpty(v.salesorder)) {
      const so = env.get('salesorder', v.salesorder as string);
      if (so) v.customer = so.values.entity;
    }
    depositDefaults(v, sublists, env);
  };
  return [salesorder, cashsale, itemfulfillment, customerdeposit, inventoryItemType()];
}

/**
 * record.transform: the pairs emulated (of NetSuite's "Supported Transformation Types") and how
 * the new record starts from the old one.
 */
export const TRANSFORMS: Record<
  string,
  (src: { id: number; values: Record<string, unknown>; sublists: Record<string, StoredLine[]> }) => {
    values: Record<string, unknown>;
    sublists: Record<string, StoredLine[]>;
  }
> = {
  'salesorder>itemfulfillment': (so) => ({
    values: {
      entity: so.values.entity,
      subsidiary: so.values.subsidiary,
      createdfrom: String(so.id),
      shipstatus: 'C',
    },
    sublists: {
      item: (so.sublists.item ?? []).map((l) => ({
        values: {
          item: l.values.item,
          quantity: (Number(l.values.quantity ?? 1) || 0) - (Number(l.values.quantityfulfilled ?? 0) || 0),
          description: l.values.description,
          location: l.values.location,
          itemreceive: true,
          orderline: l.values.line,
        },
        subrecords: {},
      })),
    },
  }),
  'salesorder>cashsale': (so) => ({
    values: {
      entity: so.values.entity,
      subsidiary: so.values.subsidiary,
      createdfrom: String(so.id),
      currency: so.values.currency,
    },
    sublists: {
      item: (so.sublists.item ?? []).map((l) => ({
        values: {
          item: l.values.item,
          quantity: l.values.quantity,
          rate: l.values.rate,
          amount: l.values.amount,
          description: l.values.description,
        },
        subrecords: {},
      })),
    },
  }),
  'customer>salesorder': (c) => ({
    values: { entity: String(c.id), subsidiary: c.values.subsidiary },
    sublists: {},
  }),
  'customer>cashsale': (c) => ({
    values: { entity: String(c.id), subsidiary: c.values.subsidiary },
    sublists: {},
  }),
};
