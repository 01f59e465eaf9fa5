import { createRecordModule } from '../../src/modules/record';
import { makeContext, thrown } from './helpers';

describe('N/record', () => {
  test('governance: record.create 5 / Record.save 10 for a customer, 2 / 4 for a custom record (netsuite-facts "Governance")', () => {
    const ctx = makeContext();
    ctx.account.records.defineCustomRecordType('customrecord_x', 'X');
    const record = createRecordModule(ctx);
    const c = record.create({ type: record.Type.CUSTOMER });
    c.setValue({ fieldId: 'isperson', value: 'T' });
    c.setValue({ fieldId: 'firstname', value: 'Ada' });
    c.setValue({ fieldId: 'lastname', value: 'Lovelace' });
    c.setValue({ fieldId: 'subsidiary', value: 1 });
    const id = c.save();
    expect(id).toBeGreaterThan(0);
    const x = record.create({ type: 'customrecord_x' });
    x.setValue({ fieldId: 'name', value: 'one' });
    x.save();
    record.load({ type: 'customer', id });
    record.submitFields({ type: 'customer', id, values: { email: 'ada@example.com' } });
    record.delete({ type: 'customrecord_x', id: 1 });
    expect(ctx.meter.report()).toEqual({
      'Record.save': { calls: 2, units: 14 },
      'record.create': { calls: 2, units: 7 },
      'record.delete': { calls: 1, units: 4 },
      'record.load': { calls: 1, units: 5 },
      'record.submitFields': { calls: 1, units: 5 },
    });
  });

  test('isperson T needs First Name and Last Name; OneWorld needs Primary Subsidiary (USER_ERROR "Please enter value(s) for: …")', () => {
    const ctx = makeContext();
    const record = createRecordModule(ctx);
    const c = record.create({ type: 'customer' });
    c.setValue('isperson', 'T');
    const e = thrown(() => c.save());
    expect(e.name).toBe('USER_ERROR');
    expect(e.message).toBe('Please enter value(s) for: First Name, Last Name, Primary Subsidiary');
    const co = record.create({ type: 'customer' });
    co.setValue('subsidiary', '1');
    expect(thrown(() => co.save()).message).toBe('Please enter value(s) for: Company Name');
    expect(co.save({ ignoreMandatoryFields: true })).toBeGreaterThan(0);
  });

  test('non-OneWorld accounts do not require a subsidiary', () => {
    const ctx = makeContext({ oneWorld: false });
    const record = createRecordModule(ctx);
    const c = record.create({ type: 'customer' });
    c.setValue('companyname', 'ACME');
    expect(c.save()).toBeGreaterThan(0);
  });

  test('externalid is unique per record type (DUP_RCRD)', () => {
    const ctx = makeContext();
    const record = createRecordModule(ctx);
    const mk = () => {
      const c = record.create({ type: 'customer' });
      c.setValue('companyname', 'ACME');
      c.setValue('subsidiary', '1');
      c.setValue('externalid', 'SHOP-1');
      return c.save();
    };
    mk();
    const e = thrown(mk);
    expect(e.name).toBe('DUP_RCRD');
  });

  test('entityid: auto-numbered by default; with auto-numbering off it defaults to the name and must be unique (DUP_ENTITY)', () => {
    const ctx = makeContext();
    const id = ctx.account.records.create('customer', { companyname: 'ACME', subsidiary: '1' });
    expect(ctx.account.records.get('customer', id)!.values.entityid).toBe('1');
    const off = makeContext({ autoNumbering: false });
    const record = createRecordModule(off);
    const mk = () => {
      const c = record.create({ type: 'customer' });
      c.setValue('isperson', 'T');
      c.setValue('firstname', 'Ada');
      c.setValue('lastname', 'Lovelace');
      c.setValue('subsidiary', '1');
      return c.save();
    };
    const first = mk();
    expect(record.load({ type: 'customer', id: first }).getValue('entityid')).toBe('Ada Lovelace');
    expect(thrown(mk).name).toBe('DUP_ENTITY');
  });

  test('field checks on save: email format (INVALID_FLD_VALUE), length limits (USER_ERROR), select references (INVALID_KEY_OR_REF)', () => {
    const ctx = makeContext();
    const record = createRecordModule(ctx);
    const base = () => {
      const c = record.create({ type: 'customer' });
      c.setValue('companyname', 'ACME');
      c.setValue('subsidiary', '1');
      return c;
    };
    const a = base();
    a.setValue('email', 'not an email');
    expect(thrown(() => a.save()).name).toBe('INVALID_FLD_VALUE');
    const b = base();
    b.setValue('phone', '1'.repeat(33));
    expect(thrown(() => b.save()).message).toBe(
      'The field phone contained more than the maximum number ( 32 ) of characters allowed.',
    );
    const c = base();
    c.setValue('companyname', 'x'.repeat(84));
    expect(thrown(() => c.save()).name).toBe('USER_ERROR');
    const d = base();
    d.setValue('subsidiary', '99');
    const e = thrown(() => d.save());
    expect(e.name).toBe('INVALID_KEY_OR_REF');
    expect(e.message).toBe('Invalid subsidiary reference key 99.');
    const f = base();
    f.setValue('entitystatus', '777');
    expect(thrown(() => f.save()).name).toBe('INVALID_KEY_OR_REF');
  });

  test('values: checkbox boolean, select text, dates need Date objects, system dates set on save', () => {
    const ctx = makeContext();
    const record = createRecordModule(ctx);
    const c = record.create({ type: 'customer' });
    c.setValue('companyname', 'ACME');
    c.setValue('subsidiary', 1);
    c.setText({ fieldId: 'entitystatus', text: 'CUSTOMER-Closed Won' });
    expect(c.getValue('entitystatus')).toBe('13');
    expect(c.getValue('isinactive')).toBe(false);
    ctx.account.records.addField('customer', { id: 'custentity_d', label: 'D', type: 'DATE' });
    // SuiteScript 2.x date fields take Date objects; a string is an invalid field value.
    expect(thrown(() => c.setValue('custentity_d', '1/1/2024')).name).toBe('INVALID_FLD_VALUE');
    c.setValue('datecreated', new Date(0)); // system field: ignored
    const id = c.save();
    const l = record.load({ type: 'customer', id });
    expect(l.getText('subsidiary')).toBe('Parent Company');
    expect(l.getValue('stage')).toBe('CUSTOMER');
    expect(l.getValue('datecreated')).toEqual(ctx.account.now());
    expect(l.getText('datecreated')).toBe('3/15/2024 11:30 am');
  });

  test('load of a missing record: RCRD_DSNT_EXIST', () => {
    const ctx = makeContext();
    const record = createRecordModule(ctx);
    expect(thrown(() => record.load({ type: 'customer', id: 424242 })).name).toBe('RCRD_DSNT_EXIST');
    expect(thrown(() => record.load({ type: 'customer' } as never)).name).toBe('SSS_MISSING_REQD_ARGUMENT');
  });

  test('addressbook subrecord in dynamic mode: selectNewLine, getCurrentSublistSubrecord, commitLine (netsuite-facts "Addresses only through the subrecord API")', () => {
    const ctx = makeContext();
    const record = createRecordModule(ctx);
    const c = record.create({ type: 'customer', isDynamic: true });
    c.setValue('companyname', 'ACME');
    c.setValue('subsidiary', '1');
    c.selectNewLine({ sublistId: 'addressbook' });
    c.setCurrentSublistValue({ sublistId: 'addressbook', fieldId: 'defaultbilling', value: true });
    const addr = c.getCurrentSublistSubrecord({ sublistId: 'addressbook', fieldId: 'addressbookaddress' });
    addr.setValue({ fieldId: 'country', value: 'US' });
    addr.setValue({ fieldId: 'addr1', value: '1 Main St' });
    addr.setValue({ fieldId: 'city', value: 'Springfield' });
    c.commitLine({ sublistId: 'addressbook' });
    expect(c.getLineCount({ sublistId: 'addressbook' })).toBe(1);
    const id = c.save();
    const l = record.load({ type: 'customer', id, isDynamic: true });
    l.selectLine({ sublistId: 'addressbook', line: 0 });
    expect(l.getCurrentSublistValue({ sublistId: 'addressbook', fieldId: 'defaultbilling' })).toBe(true);
    const a2 = l.getCurrentSublistSubrecord({ sublistId: 'addressbook', fieldId: 'addressbookaddress' });
    expect(a2.getValue({ fieldId: 'city' })).toBe('Springfield');
    // Standard-mode sublist setters are refused on a dynamic record.
    expect(
      thrown(() => l.setSublistValue({ sublistId: 'addressbook', fieldId: 'label', line: 0, value: 'x' }))
        .name,
    ).toBe('SSS_INVALID_API_USAGE');
  });

  test('standard mode: setSublistValue on line = count adds a line; beyond throws SSS_INVALID_SUBLIST_OPERATION', () => {
    const ctx = makeContext();
    const record = createRecordModule(ctx);
    const c = record.create({ type: 'customer' });
    c.setValue('companyname', 'ACME');
    c.setValue('subsidiary', '1');
    c.setSublistValue({ sublistId: 'addressbook', fieldId: 'defaultshipping', line: 0, value: true });
    c.getSublistSubrecord({ sublistId: 'addressbook', fieldId: 'addressbookaddress', line: 0 }).setValue({
      fieldId: 'zip',
      value: '12345',
    });
    expect(
      thrown(() => c.setSublistValue({ sublistId: 'addressbook', fieldId: 'label', line: 5, value: 'x' }))
        .name,
    ).toBe('SSS_INVALID_SUBLIST_OPERATION');
    const id = c.save();
    const stored = ctx.account.records.get('customer', id)!;
    expect(stored.sublists.addressbook[0].subrecords.addressbookaddress.values.zip).toBe('12345');
    expect(stored.sublists.addressbook[0].values.id).toBe(1);
  });

  test('SSS_USAGE_LIMIT_EXCEEDED stops the call that would cross the limit', () => {
    const ctx = makeContext({ limit: 12 });
    const record = createRecordModule(ctx);
    const c = record.create({ type: 'customer' });
    c.setValue('companyname', 'ACME');
    c.setValue('subsidiary', '1');
    expect(thrown(() => c.save()).name).toBe('SSS_USAGE_LIMIT_EXCEEDED');
    expect(ctx.account.records.count('customer')).toBe(0);
  });
});
