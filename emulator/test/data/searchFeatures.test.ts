/**
 * N/search beyond plain fields: formulas, relative dates, `within` with one value, the order of
 * unsorted results, the index planner, saved searches from SDF XML.
 */
import { createSearchModule } from '../../src/modules/search';
import { parseSdfObjectXml, registerSdfObjects } from '../../src/data/sdfObjects';
import { plan } from '../../src/modules/search/planner';
import { Engine } from '../../src/modules/search/engine';
import { normalizeFilters } from '../../src/modules/search/filters';
import { makeContext, seedCustomers, thrown } from './helpers';

type Ctx = ReturnType<typeof makeContext>;

function ids(ctx: Ctx, filters: unknown, sort = true): number[] {
  const out = createSearchModule(ctx)
    .create({ type: 'customer', filters: filters as never, columns: ['internalid'] })
    .run()
    .getRange({ start: 0, end: 1000 })
    .map((r) => Number(r.id));
  return sort ? out.sort((a, b) => a - b) : out;
}

describe('formula columns and filters (help "Formulas in Search")', () => {
  const setup = () => {
    const ctx = makeContext();
    seedCustomers(ctx, 4, (i) => ({
      companyname: i === 3 ? '' : `Co ${i}`,
      phone: i % 2 ? `555-000${i}` : '',
      defaultorderpriority: i * 2.5,
    }));
    return ctx;
  };

  test('formulatext: CASE WHEN, NVL, ||, UPPER/LOWER, SUBSTR, LENGTH, {field} references', () => {
    const ctx = setup();
    const search = createSearchModule(ctx);
    const col = (formula: string, type = 'formulatext') => search.createColumn({ name: type, formula });
    const rows = search
      .create({
        type: 'customer',
        columns: [
          search.createColumn({ name: 'internalid', sort: search.Sort.ASC }),
          col("CASE WHEN {phone} IS NULL THEN 'no phone' ELSE SUBSTR({phone}, 5) END"),
          col("UPPER({firstname}) || '-' || LOWER({lastname}) || ':' || LENGTH({email})"),
          col("NVL({companyname}, 'none')"),
          col("{defaultorderpriority} * 2 + TO_NUMBER('1')", 'formulanumeric'),
          col('{nosuchfield}'),
        ],
      })
      .run()
      .getRange({ start: 0, end: 10 });
    expect(rows.map((r) => r.getValue(r.columns[1]))).toEqual(['0001', 'no phone', '0003', 'no phone']);
    expect(rows[0].getValue(rows[0].columns[2])).toBe('FIRST1-last1:14');
    expect(rows.map((r) => r.getValue(r.columns[3]))).toEqual(['Co 1', 'Co 2', 'none', 'Co 4']);
    expect(rows.map((r) => r.getValue(r.columns[4]))).toEqual(['6', '11', '16', '21']);
    // NetSuite shows this text in a column whose formula does not evaluate.
    expect(rows[0].getValue(rows[0].columns[5])).toBe('ERROR: Invalid Expression');
  });

  test('formula filters: formulanumeric / formulatext / formuladate with TO_CHAR, DECODE, arithmetic', () => {
    const ctx = setup();
    expect(ids(ctx, [['formulanumeric: {defaultorderpriority} / 2.5', 'greaterthan', 2]])).toEqual([3, 4]);
    expect(ids(ctx, [["formulatext: DECODE({companyname}, 'Co 2', 'two', 'other')", 'is', 'two']])).toEqual([
      2,
    ]);
    expect(ids(ctx, [["formulatext: TO_CHAR({datecreated}, 'YYYY-MM')", 'is', '2024-03']])).toEqual([
      1, 2, 3, 4,
    ]);
    expect(ids(ctx, [['formuladate: {datecreated} + 1', 'on', '3/16/2024']])).toEqual([1, 2, 3, 4]);
    expect(ids(ctx, [["formulatext: {firstname} || 'x'", 'startswith', 'first1']])).toEqual([1]);
    expect(
      ids(ctx, [
        [
          "formulanumeric: CASE WHEN {firstname} LIKE 'First_' AND {phone} IS NOT NULL THEN 1 ELSE 0 END",
          'equalto',
          1,
        ],
      ]),
    ).toEqual([1, 3]);
    // A formula that does not parse is an invalid filter (code unverified).
    expect(thrown(() => ids(ctx, [['formulatext: UPPER({firstname}', 'is', 'x']])).name).toBe(
      'SSS_INVALID_SRCH_FILTER',
    );
    expect(thrown(() => ids(ctx, [['formulatext: EVAL({firstname})', 'is', 'x']])).name).toBe(
      'SSS_INVALID_SRCH_FILTER',
    );
  });
});

describe('summary filter terms in filter expressions', () => {
  test("['max(internalidnumber)', …] and ['sum(formulanumeric: …)', …] keep the groups that pass (HAVING)", () => {
    const ctx = makeContext();
    ctx.account.records.create('subsidiary', { name: 'EU Sub' }, { id: 2 });
    seedCustomers(ctx, 6, (i) => ({ subsidiary: i <= 2 ? '2' : '1', defaultorderpriority: i }));
    const search = createSearchModule(ctx);
    const groups = (filters: unknown[]) =>
      search
        .create({
          type: 'customer',
          filters: filters as never,
          columns: [
            search.createColumn({ name: 'subsidiary', summary: search.Summary.GROUP }),
            search.createColumn({ name: 'internalid', summary: search.Summary.COUNT }),
          ],
        })
        .run()
        .getRange({ start: 0, end: 10 })
        .map((r) => [r.getValue(r.columns[0]), r.getValue(r.columns[1])]);
    // Groups sort by the group column's text: "EU Sub" before "Parent Company".
    expect(groups([])).toEqual([
      ['2', '2'],
      ['1', '4'],
    ]);
    expect(groups([['count(internalid)', 'greaterthan', 2]])).toEqual([['1', '4']]);
    expect(groups([['sum(formulanumeric: {defaultorderpriority} * 10)', 'lessthan', 40]])).toEqual([
      ['2', '2'],
    ]);
    const s = search.create({
      type: 'customer',
      filters: [['sum(formulanumeric: {defaultorderpriority})', 'greaterthan', 1]],
    });
    expect(s.filterExpression).toEqual([['sum(formulanumeric: {defaultorderpriority})', 'greaterthan', 1]]);
  });
});

describe('relative dates (SuiteScript search date values) and within', () => {
  // Now: Friday 15 March 2024, 11:30 in Los Angeles (the user's time zone).
  const at = (ctx: Ctx, iso: string) => {
    const id = seedCustomers(ctx, 1, () => ({ externalid: iso }))[0];
    ctx.account.records.get('customer', id)!.values.datecreated = new Date(iso);
    return id;
  };
  const setup = () => {
    const ctx = makeContext({ now: new Date('2024-03-15T18:30:00Z') });
    const r = {
      ctx,
      today: at(ctx, '2024-03-15T17:00:00Z'),
      wed: at(ctx, '2024-03-13T20:00:00Z'), // this week (Sun 10 – Sat 16)
      lastweek: at(ctx, '2024-03-06T20:00:00Z'), // Wed 6 March
      mar1: at(ctx, '2024-03-01T09:00:00Z'), // 1 March 01:00 LA
      feb20: at(ctx, '2024-02-20T20:00:00Z'),
      feb29lateLA: at(ctx, '2024-03-01T07:30:00Z'), // 29 Feb 23:30 LA
      dec: at(ctx, '2023-12-31T20:00:00Z'),
    };
    return r;
  };

  test('today, thisweek, lastweek, thismonth, lastmonth, startofthismonth, thisyear, lastmonthtodate, daysago', () => {
    const r = setup();
    const q = (kw: string, op = 'within') => ids(r.ctx, [['datecreated', op, kw]]);
    expect(q('today', 'on')).toEqual([r.today]);
    expect(q('thisweek')).toEqual([r.today, r.wed]);
    expect(q('lastweek')).toEqual([r.lastweek]);
    expect(q('thismonth')).toEqual([r.today, r.wed, r.lastweek, r.mar1]);
    expect(q('lastmonth')).toEqual([r.feb20, r.feb29lateLA]);
    expect(q('startofthismonth', 'on')).toEqual([r.mar1]);
    expect(q('startofthismonth', 'before')).toEqual([r.feb20, r.feb29lateLA, r.dec]);
    expect(q('thisyear')).toEqual([r.today, r.wed, r.lastweek, r.mar1, r.feb20, r.feb29lateLA]);
    expect(q('lastyear')).toEqual([r.dec]);
    expect(q('lastmonthtodate')).toEqual([]); // 1–15 February: 20 and 29 February are later
    expect(q('thismonthtodate')).toEqual([r.today, r.wed, r.lastweek, r.mar1]);
    expect(q('daysago2', 'on')).toEqual([r.wed]);
    expect(q('daysago9', 'on')).toEqual([r.lastweek]);
    expect(q('previousoneweek')).toEqual([r.today, r.wed]); // 9–15 March
    expect(q('twodaysago', 'on')).toEqual([r.wed]);
    expect(q('weekbeforelast')).toEqual([r.mar1, r.feb29lateLA]); // 25 Feb – 2 Mar
    expect(q('monthbeforelast')).toEqual([]); // January
    expect(q('threemonthsago')).toEqual([r.dec]);
    expect(q('todaytoendofthismonth')).toEqual([r.today]);
    expect(q('fourweeksstartingthisweek')).toEqual([r.today, r.wed]);
    expect(thrown(() => q('lastfortnight')).name).toBe('SSS_INVALID_SRCH_FILTER');
  });

  test('within with one value: a span keyword is its span; a day spans to today (help "Relative Dates in the N/query Module")', () => {
    const r = setup();
    expect(ids(r.ctx, [['datecreated', 'within', 'daysago2']])).toEqual([r.today, r.wed]);
    expect(ids(r.ctx, [['datecreated', 'within', '3/1/2024']])).toEqual([r.today, r.wed, r.lastweek, r.mar1]);
    expect(ids(r.ctx, [['datecreated', 'within', '2/29/2024', '3/1/2024']])).toEqual([r.mar1, r.feb29lateLA]);
    expect(ids(r.ctx, [['datecreated', 'notwithin', 'thismonth']])).toEqual([r.feb20, r.feb29lateLA, r.dec]);
  });
});

describe('result order without a sort column', () => {
  test('is not creation order, is the same for one seed and changes with it; a sort restores order', () => {
    const ctx = makeContext();
    const created = seedCustomers(ctx, 40);
    const a = ids(ctx, [], false);
    expect(a).not.toEqual(created);
    expect([...a].sort((x, y) => x - y)).toEqual(created);
    expect(ids(ctx, [], false)).toEqual(a);
    ctx.account.records.configure({ searchOrderSeed: 7 });
    const b = ids(ctx, [], false);
    expect(b).not.toEqual(a);
    const sorted = createSearchModule(ctx)
      .create({ type: 'customer', columns: [{ name: 'internalid', sort: 'ASC' } as never] })
      .run()
      .getRange({ start: 0, end: 100 })
      .map((r) => Number(r.id));
    expect(sorted).toEqual(created);
  });
});

describe('indexed searches', () => {
  const setup = (n: number) => {
    const ctx = makeContext();
    seedCustomers(ctx, n, (i) => ({
      email: i % 10 === 0 ? '' : `c${i % 500}@example.com`,
      subsidiary: '1',
      isinactive: i % 7 === 0,
      defaultorderpriority: i % 13,
    }));
    return ctx;
  };

  test('the planner narrows candidates through indexes (internal id, external id, email, numbers, OR, AND)', () => {
    const ctx = setup(5000);
    const engine = new Engine(ctx);
    const table = ctx.account.records.table('customer')!;
    const size = (filters: unknown[]) => {
      const p = plan(
        engine,
        'customer',
        table,
        normalizeFilters(filters).node ??
          (normalizeFilters(filters).list && { k: 'c', f: normalizeFilters(filters).list![0] }),
      );
      if (!p) return Infinity;
      return p.k === 'ids' ? p.ids.size : table.countRange(p.lo, p.hi);
    };
    expect(size([['externalid', 'is', 'EXT-42']])).toBe(1);
    expect(size([['email', 'is', 'c42@example.com']])).toBe(10);
    expect(size([['externalid', 'is', 'ext-1'], 'OR', ['email', 'is', 'c7@example.com']])).toBe(11);
    expect(size([['isinactive', 'is', 'F'], 'AND', ['internalidnumber', 'greaterthan', 4990]])).toBe(10);
    expect(size([['internalid', 'anyof', ['3', '4', '99999']]])).toBe(3);
    expect(size([['defaultorderpriority', 'equalto', 3]])).toBe(385);
    expect(size([['email', 'contains', 'c4']])).toBe(Infinity); // needs a scan
  });

  test('indexed and scanned searches give the same rows, also after updates and deletes', () => {
    const ctx = setup(3000);
    const store = ctx.account.records;
    // NOT NOT x: the same filter, but the planner cannot use an index (a full scan).
    const same = (f: unknown[]) => expect(ids(ctx, f)).toEqual(ids(ctx, ['NOT', ['NOT', f]]));
    const cases: unknown[][] = [
      [['externalid', 'is', 'ext-17']],
      [['email', 'is', 'C17@example.com'], 'AND', ['isinactive', 'is', 'F']],
      [['email', 'is', ''], 'OR', ['externalid', 'is', 'ext-5']],
      [['internalid', 'anyof', ['5', '6', '7']], 'OR', ['email', 'is', 'c1@example.com']],
      [['internalidnumber', 'between', 100, 140], 'AND', ['defaultorderpriority', 'equalto', 4]],
      [['subsidiary', 'anyof', '1'], 'AND', ['internalidnumber', 'lessthan', 20]],
    ];
    for (const c of cases) same(c);
    store.update('customer', 17, { email: 'moved@example.com', externalid: 'ext-17b' });
    store.delete('customer', 5);
    expect(ids(ctx, [['externalid', 'is', 'ext-17']])).toEqual([]);
    expect(ids(ctx, [['email', 'is', 'moved@example.com']])).toEqual([17]);
    for (const c of cases) same(c);
  });
});

describe('saved searches defined in SDF XML (savedsearch objects)', () => {
  test('load by script id, criteria and columns as in the XML', () => {
    const ctx = makeContext();
    seedCustomers(ctx, 6, (i) => ({ isinactive: i === 2 }));
    const xml = `<savedsearch scriptid="customsearch_hc_active">
      <definition><![CDATA[<search>
        <searchtype>Customer</searchtype><title>Active customers</title>
        <filters>
          <filter><field>isinactive</field><operator>IS</operator><values><value>F</value></values></filter>
          <filter><field>internalidnumber</field><operator>LESSTHAN</operator><values><value>5</value></values></filter>
        </filters>
        <columns>
          <column><field>internalid</field><sort>DESC</sort></column>
          <column><field>email</field></column>
          <column><field>formulatext</field><formula>UPPER({firstname})</formula></column>
        </columns>
      </search>]]></definition>
    </savedsearch>`;
    const part = parseSdfObjectXml(xml, 'customsearch_hc_active.xml');
    registerSdfObjects(ctx.account.records, {
      customRecordTypes: [],
      entityFields: [],
      savedSearches: part.savedSearches,
    });
    const search = createSearchModule(ctx);
    const s = search.load({ id: 'customsearch_hc_active' });
    expect(s.title).toBe('Active customers');
    expect(s.searchType).toBe('customer');
    const rows = s.run().getRange({ start: 0, end: 10 });
    expect(rows.map((r) => Number(r.id))).toEqual([4, 3, 1]);
    expect(rows[0].getValue({ name: 'email' })).toBe('c4@example.com');
    expect(rows[0].getValue({ name: 'formulatext' })).toBe('FIRST4');
    expect(s.filterExpression).toEqual([
      ['isinactive', 'is', 'F'],
      'AND',
      ['internalidnumber', 'lessthan', '5'],
    ]);
    expect(thrown(() => search.load({ id: 'customsearch_nope' })).name).toBe('INVALID_SEARCH');
  });
});

describe('more customer columns', () => {
  test('altemail, externalidstring, homephone, default billing / shipping address columns', () => {
    const ctx = makeContext();
    ctx.account.records.create('customer', {
      isperson: 'T',
      firstname: 'Ada',
      lastname: 'L',
      subsidiary: '1',
      externalid: 'HC-77',
      altemail: 'ada.alt@example.com',
      homephone: '555-0101',
      addressbook: [
        {
          defaultbilling: true,
          addressbookaddress: { addr1: '1 Main St', city: 'Leeds', zip: 'LS1', country: 'GB' },
        },
        { defaultshipping: true, addressbookaddress: { addr1: '9 Dock Rd', city: 'Hull', country: 'GB' } },
      ],
    });
    const [r] = createSearchModule(ctx)
      .create({
        type: 'customer',
        filters: [['externalidstring', 'startswith', 'hc-']],
        columns: [
          'altemail',
          'externalidstring',
          'homephone',
          'billcity',
          'billzipcode',
          'shipaddress1',
          'shipcity',
          'billaddress',
        ],
      })
      .run()
      .getRange({ start: 0, end: 1 });
    expect(r.getValue({ name: 'altemail' })).toBe('ada.alt@example.com');
    expect(r.getValue({ name: 'externalidstring' })).toBe('HC-77');
    expect(r.getValue({ name: 'homephone' })).toBe('555-0101');
    expect(r.getValue({ name: 'billcity' })).toBe('Leeds');
    expect(r.getValue({ name: 'billzipcode' })).toBe('LS1');
    expect(r.getValue({ name: 'shipaddress1' })).toBe('9 Dock Rd');
    expect(r.getValue({ name: 'shipcity' })).toBe('Hull');
    expect(r.getValue({ name: 'billaddress' })).toBe('1 Main St\nLeeds LS1\nGB');
  });
});
