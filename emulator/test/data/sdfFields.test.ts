/**
 * Every custom field object type SDF deploys is loaded onto the record types it applies to, and saved
 * searches whose <definition> is stored the way the account exports them (base64 of gzip of NetSuite's
 * serialized SearchDefinition) are decoded; what cannot be decoded is refused naming the object.
 * The encoded definition is generated here (not copied from any account).
 */
import * as zlib from 'node:zlib';
import { createRecordModule } from '../../src/modules/record';
import { createSearchModule } from '../../src/modules/search';
import { parseSdfObjectXml, registerSdfObjects } from '../../src/data/sdfObjects';
import { makeContext, seedCustomers, thrown } from './helpers';

function load(ctx: ReturnType<typeof makeContext>, xml: string) {
  const part = parseSdfObjectXml(xml, 'object.xml');
  registerSdfObjects(ctx.account.records, {
    customRecordTypes: [],
    entityFields: part.entityFields ?? [],
    customFields: part.customFields,
    savedSearches: part.savedSearches,
  });
  return part;
}

test('transaction body and line fields, item fields, entity fields of other entity types load with type and length', () => {
  const ctx = makeContext();
  const [customer] = seedCustomers(ctx, 1);
  const store = ctx.account.records;
  const item = store.create('inventoryitem', { itemid: 'SKU-1' });
  for (const xml of [
    `<transactionbodycustomfield scriptid="custbody_t_order_id"><bodysale>T</bodysale><bodypurchase>F</bodypurchase><fieldtype>TEXT</fieldtype><maxlength>12</maxlength><label>Order id</label></transactionbodycustomfield>`,
    `<transactionbodycustomfield scriptid="custbody_t_exported"><bodysale>T</bodysale><bodyitemfulfillment>T</bodyitemfulfillment><fieldtype>CHECKBOX</fieldtype><label>Exported</label></transactionbodycustomfield>`,
    `<transactioncolumncustomfield scriptid="custcol_t_line_id"><colsale>T</colsale><fieldtype>TEXT</fieldtype><label>Line id</label></transactioncolumncustomfield>`,
    `<itemcustomfield scriptid="custitem_t_tag"><appliestoinventory>T</appliestoinventory><fieldtype>INTEGER</fieldtype><label>Tag</label></itemcustomfield>`,
    `<entitycustomfield scriptid="custentity_t_emp"><appliestoemployee>T</appliestoemployee><appliestocustomer>F</appliestocustomer><fieldtype>TEXT</fieldtype><label>Emp</label></entitycustomfield>`,
    `<crmcustomfield scriptid="custevent_t_x"><appliestocase>T</appliestocase><fieldtype>TEXT</fieldtype><label>X</label></crmcustomfield>`,
    `<othercustomfield scriptid="custrecord_t_sub"><rectype>-117</rectype><fieldtype>TEXT</fieldtype><label>Sub</label></othercustomfield>`,
  ])
    load(ctx, xml);
  const defs = (t: string) => store.typeDef(t).fields;
  expect(defs('salesorder').custbody_t_order_id).toMatchObject({ type: 'TEXT', maxLength: 12 });
  expect(defs('cashsale').custbody_t_order_id).toBeDefined();
  expect(defs('itemfulfillment').custbody_t_exported).toMatchObject({ type: 'CHECKBOX' });
  expect(defs('itemfulfillment').custbody_t_order_id).toBeUndefined();
  expect(store.typeDef('salesorder').sublists.item.fields.custcol_t_line_id).toMatchObject({ type: 'TEXT' });
  expect(defs('inventoryitem').custitem_t_tag).toMatchObject({ type: 'INTEGER' });
  expect(defs('employee').custentity_t_emp).toBeDefined();
  expect(defs('customer').custentity_t_emp).toBeUndefined();
  expect(defs('subsidiary').custrecord_t_sub).toBeDefined();

  const record = createRecordModule(ctx);
  const so = record.create({ type: 'salesorder' });
  so.setValue({ fieldId: 'entity', value: String(customer) });
  so.setValue({ fieldId: 'custbody_t_order_id', value: 'HC-1' });
  so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: String(item) });
  so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 });
  so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: 0, value: 2 });
  so.setSublistValue({ sublistId: 'item', fieldId: 'custcol_t_line_id', line: 0, value: 'L1' });
  const id = so.save();
  const back = record.load({ type: 'salesorder', id });
  expect(back.getSublistValue({ sublistId: 'item', fieldId: 'custcol_t_line_id', line: 0 })).toBe('L1');
  const search = createSearchModule(ctx);
  const rows = search
    .create({
      type: 'salesorder',
      filters: [['custbody_t_order_id', 'is', 'HC-1']],
      columns: ['custbody_t_order_id'],
    })
    .run()
    .getRange({ start: 0, end: 5 });
  expect(rows.map((r) => r.getValue({ name: 'custbody_t_order_id' }))).toEqual(['HC-1']);
});

/** A serialized SearchDefinition of the shape the account exports (element names as in its exports). */
function serialized(): string {
  const v = (field: string, value?: string) =>
    value === undefined
      ? `<Value fieldType="SearchFieldType" field="${field}" />`
      : `<Value fieldType="SearchFieldType" field="${field}" clazz="string">${value}</Value>`;
  const filter = (vals: string) =>
    `<SearchFilter><descriptor><recordType class="SearchRecordType">SEARCH_PARENTHESIZED_FILTER</recordType><values>${vals}</values></descriptor><values></values></SearchFilter>`;
  const col = (alias: string, i: number) =>
    `<Record><recordType class="SearchRecordType">SEARCH_RETURN_FIELD</recordType><values>${v('FIELD_ALIAS', alias)}${v('FIELD_INDEX', String(i))}${v('FIELD_SUMMARY_TYPE')}${v('FIELD_FORMULA')}</values></Record>`;
  return `<?xml version="1.0" encoding="UTF-8"?><nssoc:SerializedObjectContainer xmlns:nssoc="x"><nssoc:definition><SearchDefinition>
<descriptor><recordType class="SearchRecordType">SEARCH_ENTRY</recordType><values>${v('KEY_SCRIPT_ID', 'customsearch_t_enc')}${v('FIELD_DEFAULT_NAME', 'Encoded &amp; active')}${v('FIELD_SEARCH_TYPE', 'Customer')}<Value fieldType="SearchFieldType" field="FLAG_PUBLIC" clazz="boolean">true</Value></values></descriptor>
<filters><type class="SearchElementType">SEARCH_FILTERS</type><values>
${filter(v('FIELD_FILTER_NAME', 'Entity_ISINACTIVE') + v('FIELD_ATTRIBUTE', 'F') + v('FIELD_TYPE', 'CHECKBOX') + '<Value fieldType="SearchFieldType" field="FIELD_NUM_LEFT_PARENS" clazz="int">0</Value>')}
${filter(v('FIELD_FILTER_NAME', 'Entity_EMAIL') + v('FIELD_ATTRIBUTE', 'ISNOTEMPTY') + v('FIELD_TYPE', 'TEXT'))}
</values></filters><detailFields><type class="SearchElementType">SEARCH_DETAIL_FIELDS</type><values>${col('Entity_ENTITYID', 1)}${col('Entity_EMAIL', 2)}</values></detailFields>
<sortColumns><values><Record><values>${v('KEY_FIELD', 'Entity_EMAIL')}<Value fieldType="SearchFieldType" field="FLAG_DESCENDING" clazz="boolean">true</Value></values></Record></values></sortColumns>
</SearchDefinition></nssoc:definition></nssoc:SerializedObjectContainer>`;
}

const encoded = (xml: string) =>
  `0123abcd@GZC@2024.1.13@${zlib.gzipSync(Buffer.from(xml)).toString('base64')}`;

test('a saved search stored as gzip + base64 XML is decoded: type, title, criteria, columns and sort', () => {
  const ctx = makeContext();
  seedCustomers(ctx, 4, (i) => ({ isinactive: i === 2 }));
  const [s] = load(
    ctx,
    `<savedsearch scriptid="customsearch_t_enc"><definition>${encoded(serialized())}</definition></savedsearch>`,
  ).savedSearches!;
  expect(s).toMatchObject({ type: 'customer', title: 'Encoded & active', isPublic: true });
  const search = createSearchModule(ctx).load({ id: 'customsearch_t_enc' });
  expect(search.searchType).toBe('customer');
  expect(search.filterExpression).toEqual([['isinactive', 'is', 'F'], 'AND', ['email', 'isnotempty']]);
  const rows = search.run().getRange({ start: 0, end: 10 });
  expect(rows.map((r) => r.getValue({ name: 'email' }))).toEqual([
    'c4@example.com',
    'c3@example.com',
    'c1@example.com',
  ]);
});

test('a definition that cannot be decoded, or gives no search type, is refused naming the object', () => {
  const bad = (def: string) =>
    thrown(() =>
      parseSdfObjectXml(
        `<savedsearch scriptid="customsearch_t_bad"><definition>${def}</definition></savedsearch>`,
        'bad.xml',
      ),
    );
  for (const def of [
    'abc@GZC@1@!!notbase64!!',
    'abc@GZC@1@QUJDRA==',
    encoded('not xml'),
    encoded('<a><b/></a>'),
  ]) {
    const e = bad(def);
    expect(e.message).toMatch(/savedsearch customsearch_t_bad \(bad\.xml\)/);
  }
});
