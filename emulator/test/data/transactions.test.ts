/**
 * The standard records an order integration touches (sales order, cash sale, item fulfillment,
 * customer deposit, inventory item): mandatory fields, governance, search, record.transform,
 * record.attach / record.detach.
 */
import { createRecordModule } from '../../src/modules/record';
import { createSearchModule } from '../../src/modules/search';
import { makeContext, seedCustomers, thrown } from './helpers';

function setup() {
  const ctx = makeContext();
  const [customer] = seedCustomers(ctx, 1);
  const store = ctx.account.records;
  const item = store.create('inventoryitem', { itemid: 'SKU-1', displayname: 'Blue mug' });
  const record = createRecordModule(ctx);
  return { ctx, store, customer, item, record };
}

function salesOrder(t: ReturnType<typeof setup>, lines = [{ quantity: 2, rate: 7.5 }]) {
  const so = t.record.create({ type: 'salesorder' });
  so.setValue({ fieldId: 'entity', value: String(t.customer) });
  lines.forEach((l, i) => {
    so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: i, value: String(t.item) });
    so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i, value: l.quantity });
    so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: i, value: l.rate });
  });
  return so;
}

describe('standard transaction and item records', () => {
  test('sales order: Customer and an item line are mandatory; subsidiary, date, number and total are filled in; 10 / 20 units', () => {
    const t = setup();
    const empty = t.record.create({ type: 'salesorder' });
    // No customer: nothing to source the subsidiary from either.
    expect(thrown(() => empty.save()).message).toBe('Please enter value(s) for: Customer, Subsidiary');
    empty.setValue({ fieldId: 'entity', value: String(t.customer) });
    expect(thrown(() => empty.save()).message).toBe(
      'You must enter at least one line item for this transaction.',
    );
    const so = salesOrder(t);
    const id = so.save();
    const loaded = t.record.load({ type: 'salesorder', id });
    expect(loaded.getValue({ fieldId: 'subsidiary' })).toBe('1'); // sourced from the customer
    expect(loaded.getValue({ fieldId: 'tranid' })).toBe('SO1');
    expect(loaded.getValue({ fieldId: 'total' })).toBe(15);
    expect(loaded.getValue({ fieldId: 'trandate' })).toBeInstanceOf(Date);
    expect(loaded.getSublistValue({ sublistId: 'item', fieldId: 'amount', line: 0 })).toBe(15);
    const report = t.ctx.meter.report();
    expect(report['record.create']).toEqual({ calls: 2, units: 20 });
    expect(report['record.load']).toEqual({ calls: 1, units: 10 });
    expect(report['Record.save']).toEqual({ calls: 3, units: 60 });
  });

  test('search: sales orders by customer, item lines joined to their item; invalid item reference', () => {
    const t = setup();
    salesOrder(t).save();
    salesOrder(t, [{ quantity: 1, rate: 3 }]).save();
    const rows = createSearchModule(t.ctx)
      .create({
        type: 'salesorder',
        filters: [['entity', 'anyof', String(t.customer)]],
        columns: [{ name: 'internalid', sort: 'ASC' } as never, 'tranid', 'total', 'entity'],
      })
      .run()
      .getRange({ start: 0, end: 10 });
    expect(rows.map((r) => r.getValue({ name: 'tranid' }))).toEqual(['SO1', 'SO2']);
    expect(rows[1].getValue({ name: 'total' })).toBe('3');
    expect(rows[0].getText({ name: 'entity' })).toBe('1');
    const bad = t.record.create({ type: 'salesorder' });
    bad.setValue({ fieldId: 'entity', value: String(t.customer) });
    bad.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: '999' });
    expect(thrown(() => bad.save()).name).toBe('INVALID_KEY_OR_REF');
  });

  test('inventory item: Item Name/Number mandatory; customer deposit: Customer (from its sales order) and Payment Amount', () => {
    const t = setup();
    expect(thrown(() => t.record.create({ type: 'inventoryitem' }).save()).message).toBe(
      'Please enter value(s) for: Item Name/Number',
    );
    const soId = salesOrder(t).save();
    const dep = t.record.create({ type: 'customerdeposit', defaultValues: { salesorder: String(soId) } });
    expect(thrown(() => dep.save()).message).toBe('Please enter value(s) for: Payment Amount');
    dep.setValue({ fieldId: 'payment', value: 15 });
    const depId = dep.save();
    expect(t.store.get('customerdeposit', depId)!.values.customer).toBe(String(t.customer));
    const cs = t.record.create({ type: 'cashsale' });
    expect(thrown(() => cs.save()).message).toBe('Please enter value(s) for: Customer, Subsidiary');
  });

  test('record.transform: sales order → item fulfillment and cash sale, customer → sales order; other pairs refused', () => {
    const t = setup();
    const soId = salesOrder(t, [
      { quantity: 2, rate: 7.5 },
      { quantity: 1, rate: 4 },
    ]).save();
    const itemFulfillment = t.record.transform({
      fromType: 'salesorder',
      fromId: soId,
      toType: 'itemfulfillment',
    });
    expect(itemFulfillment.getValue({ fieldId: 'createdfrom' })).toBe(String(soId));
    expect(itemFulfillment.getLineCount({ sublistId: 'item' })).toBe(2);
    itemFulfillment.setSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line: 1, value: false });
    const ifId = itemFulfillment.save();
    expect(t.store.get('itemfulfillment', ifId)!.sublists.item).toHaveLength(1);
    const cs = t.record.transform({ fromType: 'salesorder', fromId: soId, toType: 'cashsale' });
    expect(t.store.get('cashsale', cs.save())!.values.total).toBe(19);
    const so2 = t.record.transform({ fromType: 'customer', fromId: t.customer, toType: 'salesorder' });
    expect(so2.getValue({ fieldId: 'entity' })).toBe(String(t.customer));
    expect(
      thrown(() =>
        t.record.transform({ fromType: 'customer', fromId: t.customer, toType: 'itemfulfillment' }),
      ).name,
    ).toBe('INVALID_RCRD_TRANSFRM');
    expect(thrown(() => t.record.transform({ fromType: 'salesorder', fromId: soId } as never)).name).toBe(
      'SSS_MISSING_REQD_ARGUMENT',
    );
    // An item fulfillment exists only as a transform of an order.
    const standalone = t.record.create({ type: 'itemfulfillment' });
    standalone.setValue({ fieldId: 'entity', value: String(t.customer) });
    expect(thrown(() => standalone.save()).message).toBe('Please enter value(s) for: Created From');
    expect(t.ctx.meter.report()['record.transform']).toEqual({ calls: 3, units: 30 });
  });

  test('record.attach / record.detach: 10 units each; both records must exist (help "record.attach(options)")', () => {
    const t = setup();
    const fileId = t.ctx.account.files.putText('/SuiteScripts/note.txt', 'hello');
    t.record.attach({ record: { type: 'file', id: fileId }, to: { type: 'customer', id: t.customer } });
    expect(t.store.attachments({ type: 'customer', id: t.customer })).toEqual([
      { type: 'file', id: fileId, attributes: {} },
    ]);
    t.record.detach({ record: { type: 'file', id: fileId }, from: { type: 'customer', id: t.customer } });
    expect(t.store.attachments({ type: 'customer', id: t.customer })).toEqual([]);
    expect(
      thrown(() =>
        t.record.attach({ record: { type: 'file', id: 999 }, to: { type: 'customer', id: t.customer } }),
      ).name,
    ).toBe('RCRD_DSNT_EXIST');
    expect(thrown(() => t.record.attach({ record: { type: 'file', id: fileId } } as never)).name).toBe(
      'SSS_MISSING_REQD_ARGUMENT',
    );
    expect(t.ctx.meter.report()['record.attach'].units).toBe(20);
    expect(t.ctx.meter.report()['record.detach']).toEqual({ calls: 1, units: 10 });
  });
});

describe("a date string in the user's format written to a date field", () => {
  test('setValue needs a Date (INVALID_FLD_VALUE); setText and submitFields take the user format', () => {
    const t = setup();
    const so = salesOrder(t);
    expect(thrown(() => so.setValue({ fieldId: 'trandate', value: '3/1/2024' })).name).toBe(
      'INVALID_FLD_VALUE',
    );
    so.setText({ fieldId: 'trandate', text: '3/1/2024' });
    const id = so.save();
    const stored = () => t.store.get('salesorder', id)!.values.trandate as Date;
    expect(stored().toISOString()).toBe('2024-03-01T08:00:00.000Z'); // midnight in Los Angeles
    t.record.submitFields({ type: 'salesorder', id, values: { trandate: '3/2/2024' } });
    expect(stored().toISOString()).toBe('2024-03-02T08:00:00.000Z');
    expect(
      thrown(() => t.record.submitFields({ type: 'salesorder', id, values: { trandate: '2024-03-02' } }))
        .name,
    ).toBe('INVALID_FLD_VALUE');
  });
});
