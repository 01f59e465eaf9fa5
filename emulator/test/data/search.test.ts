import { createSearchModule } from '../../src/modules/search';
import { makeContext, seedCustomers, thrown } from './helpers';

describe('N/search', () => {
  test('ResultSet.each stops at 4,000 results and costs 10 units per call (help "ResultSet.each")', () => {
    const ctx = makeContext();
    seedCustomers(ctx, 4100);
    const search = createSearchModule(ctx);
    let n = 0;
    search
      .create({ type: 'customer', columns: ['entityid'] })
      .run()
      .each(() => {
        n++;
        return true;
      });
    expect(n).toBe(4000);
    expect(ctx.meter.report()['ResultSet.each']).toEqual({ calls: 1, units: 10 });
  });

  test('ResultSet.getRange returns at most 1,000 per call (help "ResultSet.getRange(options)"), 10 units', () => {
    const ctx = makeContext();
    seedCustomers(ctx, 1200);
    const rs = createSearchModule(ctx)
      .create({ type: 'customer', columns: ['internalid'] })
      .run();
    expect(rs.getRange({ start: 1000, end: 2000 })).toHaveLength(200);
    expect(thrown(() => rs.getRange({ start: 0, end: 1001 })).name).toBe('SSS_INVALID_SEARCH_RANGE');
    expect(ctx.meter.report()['ResultSet.getRange']).toEqual({ calls: 2, units: 20 });
  });

  test('runPaged: pageSize 5..1000, at most 1,000 pages, fetch 5 units, INVALID_PAGE_RANGE (help "Search.runPaged", "PagedData.fetch")', () => {
    const ctx = makeContext();
    seedCustomers(ctx, 1012);
    const s = createSearchModule(ctx).create({
      type: 'customer',
      columns: [{ name: 'internalid', sort: 'ASC' } as never],
    });
    expect(thrown(() => s.runPaged({ pageSize: 4 })).name).toBe('INVALID_PAGE_SIZE');
    expect(thrown(() => s.runPaged({ pageSize: 1001 })).name).toBe('INVALID_PAGE_SIZE');
    const pd = s.runPaged({ pageSize: 5 });
    expect(pd.count).toBe(1012);
    expect(pd.pageRanges).toHaveLength(203);
    const pd2 = s.runPaged({ pageSize: 1000 });
    const last = pd2.fetch({ index: 1 });
    expect(last.data).toHaveLength(12);
    expect(last.isLast).toBe(true);
    expect(thrown(() => pd2.fetch({ index: 2 })).name).toBe('INVALID_PAGE_RANGE');
    expect(ctx.meter.report()['Search.runPaged'].units).toBe(20);
    expect(ctx.meter.report()['PagedData.fetch']).toEqual({ calls: 2, units: 10 });
  });

  test('runPaged caps pageRanges at 1,000 pages', () => {
    const ctx = makeContext();
    seedCustomers(ctx, 5010);
    const pd = createSearchModule(ctx).create({ type: 'customer' }).runPaged({ pageSize: 5 });
    expect(pd.count).toBe(5010);
    expect(pd.pageRanges).toHaveLength(1000);
  });

  test('filter expressions: AND / OR / NOT, anyof, is, contains, internalidnumber, joins', () => {
    const ctx = makeContext();
    ctx.account.records.create('subsidiary', { name: 'EU Sub' }, { id: 2 });
    seedCustomers(ctx, 10, (i) => ({ isinactive: i % 2 === 0, subsidiary: i <= 3 ? '2' : '1' }));
    const search = createSearchModule(ctx);
    const ids = (filters: unknown[]) =>
      search
        .create({ type: 'customer', filters, columns: ['internalid'] })
        .run()
        .getRange({ start: 0, end: 100 })
        .map((r) => Number(r.id))
        .sort((x, y) => x - y); // no sort column: NetSuite promises no order
    expect(ids([['isinactive', 'is', 'F'], 'AND', ['internalidnumber', 'greaterthan', 5]])).toEqual([7, 9]);
    expect(ids([['subsidiary', 'anyof', '2'], 'OR', ['email', 'contains', 'C10@']])).toEqual([1, 2, 3, 10]);
    expect(ids(['NOT', ['subsidiary', 'anyof', '1']])).toEqual([1, 2, 3]);
    expect(ids([['subsidiary.name', 'is', 'eu sub'], 'AND', ['isinactive', 'is', true]])).toEqual([2]);
    expect(
      ids([
        search.createFilter({ name: 'externalid', operator: search.Operator.STARTSWITH, values: 'ext-1' }),
      ]),
    ).toEqual([1, 10]);
    expect(thrown(() => ids([['nosuchfield', 'is', 'x']])).name).toBe('SSS_INVALID_SRCH_FILTER');
    expect(ids([['formulatext: {firstname} || {lastname}', 'is', 'First2Last2']])).toEqual([2]);
    expect(thrown(() => ids([['formulatext: {nosuchfield}', 'is', 'x']])).name).toBe(
      'SSS_INVALID_SRCH_FILTER',
    );
  });

  test('date filters parse the user date format and time zone (datecreated onorafter / within)', () => {
    const ctx = makeContext({ preferences: { dateFormat: 'D/M/YYYY' } });
    const store = ctx.account.records;
    const mk = (iso: string) => {
      const id = seedCustomers(ctx, 1, () => ({ externalid: iso }))[0];
      const rec = store.get('customer', id)!;
      rec.values.datecreated = new Date(iso);
      return id;
    };
    const a = mk('2024-03-01T07:59:00Z'); // 29/2/2024 23:59 in Los Angeles
    const b = mk('2024-03-01T08:00:00Z'); // 1/3/2024 00:00 in Los Angeles
    const search = createSearchModule(ctx);
    const ids = (filters: unknown[]) =>
      search
        .create({ type: 'customer', filters })
        .run()
        .getRange({ start: 0, end: 10 })
        .map((r) => Number(r.id))
        .sort((x, y) => x - y); // no sort column: NetSuite promises no order
    expect(ids([['datecreated', 'onorafter', '1/3/2024']])).toEqual([b]);
    expect(ids([['datecreated', 'on', '29/2/2024']])).toEqual([a]);
    expect(ids([['datecreated', 'within', '29/2/2024', '1/3/2024']])).toEqual([a, b]);
    expect(ids([['datecreated', 'after', '1/3/2024 12:00 am']])).toEqual([]);
    expect(thrown(() => ids([['datecreated', 'on', '2024-03-01']])).name).toBe('SSS_INVALID_SRCH_FILTER');
  });

  test('result shapes: getValue strings / checkbox boolean, getText for selects, toJSON as map/reduce receives it', () => {
    const ctx = makeContext();
    seedCustomers(ctx, 1);
    const search = createSearchModule(ctx);
    const [r] = search
      .create({
        type: search.Type.CUSTOMER,
        columns: [
          'entityid',
          'isinactive',
          'subsidiary',
          'datecreated',
          search.createColumn({ name: 'name', join: 'subsidiary' }),
        ],
      })
      .run()
      .getRange({ start: 0, end: 1 });
    expect(r.id).toBe('1');
    expect(r.recordType).toBe('customer');
    expect(r.getValue('isinactive')).toBe(false);
    expect(r.getValue('subsidiary')).toBe('1');
    expect(r.getText('subsidiary')).toBe('Parent Company');
    expect(r.getValue('datecreated')).toBe('3/15/2024 11:30 am');
    expect(r.getValue({ name: 'name', join: 'subsidiary' })).toBe('Parent Company');
    expect(JSON.parse(JSON.stringify(r))).toEqual({
      recordType: 'customer',
      id: '1',
      values: {
        entityid: '1',
        isinactive: 'F',
        subsidiary: { value: '1', text: 'Parent Company' },
        datecreated: '3/15/2024 11:30 am',
        'name.subsidiary': 'Parent Company',
      },
    });
  });

  test('summary columns: MAX(internalid), COUNT, GROUP', () => {
    const ctx = makeContext();
    ctx.account.records.create('subsidiary', { name: 'EU Sub' }, { id: 2 });
    seedCustomers(ctx, 7, (i) => ({ subsidiary: i <= 3 ? '2' : '1' }));
    const search = createSearchModule(ctx);
    const [m] = search
      .create({
        type: 'customer',
        columns: [
          search.createColumn({ name: 'internalid', summary: search.Summary.MAX }),
          search.createColumn({ name: 'internalid', summary: 'count' as never }),
        ],
      })
      .run()
      .getRange({ start: 0, end: 1 });
    expect(m.getValue({ name: 'internalid', summary: search.Summary.MAX } as never)).toBe('7');
    expect(m.getValue({ name: 'internalid', summary: 'count' } as never)).toBe('7');
    const groups = search
      .create({
        type: 'customer',
        columns: [
          search.createColumn({ name: 'subsidiary', summary: search.Summary.GROUP }),
          search.createColumn({ name: 'internalid', summary: search.Summary.COUNT }),
        ],
      })
      .run()
      .getRange({ start: 0, end: 10 });
    expect(groups.map((g) => g.toJSON().values)).toEqual([
      { 'GROUP(subsidiary)': { value: '2', text: 'EU Sub' }, 'COUNT(internalid)': '3' },
      { 'GROUP(subsidiary)': { value: '1', text: 'Parent Company' }, 'COUNT(internalid)': '4' },
    ]);
  });

  test('sort, saved searches (save 5 / load 5), lookupFields (1 unit; selects as [{value,text}], checkbox boolean)', () => {
    const ctx = makeContext();
    seedCustomers(ctx, 3);
    const search = createSearchModule(ctx);
    const s = search.create({
      type: 'customer',
      title: 'All customers',
      id: 'customsearch_all',
      filters: [['isinactive', 'is', 'F']],
      columns: [search.createColumn({ name: 'lastname', sort: search.Sort.DESC })],
    });
    expect(s.save()).toBeGreaterThan(0);
    const loaded = search.load({ id: 'customsearch_all' });
    expect(
      loaded
        .run()
        .getRange({ start: 0, end: 5 })
        .map((r) => r.getValue('lastname')),
    ).toEqual(['Last3', 'Last2', 'Last1']);
    expect(thrown(() => search.load({ id: 'customsearch_nope' })).name).toBe('INVALID_SEARCH');
    expect(
      search.lookupFields({ type: 'customer', id: 2, columns: ['email', 'subsidiary', 'isinactive'] }),
    ).toEqual({
      email: 'c2@example.com',
      subsidiary: [{ value: '1', text: 'Parent Company' }],
      isinactive: false,
    });
    const rep = ctx.meter.report();
    expect(rep['Search.save'].units).toBe(5);
    expect(rep['search.load'].units).toBe(10);
    expect(rep['search.lookupFields']).toEqual({ calls: 1, units: 1 });
  });

  test('100,000 customers: runPaged over all pages stays fast', () => {
    const ctx = makeContext({ limit: 1_000_000 });
    seedCustomers(ctx, 100_000);
    const search = createSearchModule(ctx);
    const t0 = Date.now();
    const pd = search
      .create({
        type: 'customer',
        filters: [['isinactive', 'is', 'F']],
        columns: [search.createColumn({ name: 'internalid', sort: search.Sort.ASC }), 'externalid'],
      })
      .runPaged({ pageSize: 1000 });
    let n = 0;
    for (const range of pd.pageRanges) n += pd.fetch({ index: range.index }).data.length;
    expect(n).toBe(100_000);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
  test('a loaded saved search gives its criteria back as filterExpression, and added criteria narrow it (help "Search.filterExpression")', () => {
    const ctx = makeContext();
    seedCustomers(ctx, 10);
    const search = createSearchModule(ctx);
    search
      .create({
        type: 'customer',
        id: 'customsearch_t',
        title: 'T',
        filters: [['internalidnumber', 'greaterthan', 3], 'AND', ['internalidnumber', 'lessthan', 9]],
        columns: ['internalid'],
      })
      .save();
    const loaded = search.load({ id: 'customsearch_t' });
    expect(loaded.filterExpression).toEqual([
      ['internalidnumber', 'greaterthan', 3],
      'AND',
      ['internalidnumber', 'lessthan', 9],
    ]);
    loaded.filterExpression = [loaded.filterExpression, 'AND', ['internalidnumber', 'greaterthan', 6]];
    expect(
      loaded
        .run()
        .getRange({ start: 0, end: 100 })
        .map((r) => r.id),
    ).toEqual(['7', '8']);
  });
});
