/**
 * A search sorted by internal id, read page by page with getRange: each page goes on from where the
 * last one stopped while the data is unchanged (so reading N rows costs about N record checks, not
 * N²/1,000), and after a write the next page sees the write, as a fresh search would.
 */
import { createSearchModule } from '../../src/modules/search';
import { RecordTable } from '../../src/data/recordStore';
import { makeContext, seedCustomers } from './helpers';

function idSorted(ctx: ReturnType<typeof makeContext>) {
  return createSearchModule(ctx).create({
    type: 'customer',
    filters: [['email', 'contains', '7']],
    columns: [{ name: 'internalid', sort: 'ASC' } as never, 'email'],
  });
}

const ids = (page: { id: string }[]) => page.map((r) => Number(r.id));

describe('getRange pages of a search sorted by internal id', () => {
  afterEach(() => jest.restoreAllMocks());

  test('the same rows in the same order as one read, and the table scanned once', () => {
    const ctx = makeContext();
    seedCustomers(ctx, 6000);
    const all = ids(idSorted(ctx).run().getRange({ start: 0, end: 1000 }));
    const whole = [...all];
    const fresh = idSorted(ctx).run();
    const scans = jest.spyOn(RecordTable.prototype, 'idRange');
    const paged: number[] = [];
    for (let start = 0; ; start += 500) {
      const page = ids(fresh.getRange({ start, end: start + 500 }));
      paged.push(...page);
      if (page.length < 500) break;
    }
    expect(paged.slice(0, 1000)).toEqual(whole);
    expect(paged).toEqual([...paged].sort((a, b) => a - b));
    // Customers whose email holds a 7: every one of them, once.
    const expected = [...ctx.account.records.all('customer')]
      .filter((r) => String(r.values.email).includes('7'))
      .map((r) => r.id);
    expect(paged).toEqual(expected);
    expect(scans).toHaveBeenCalledTimes(1);
    expect(ctx.meter.report()['ResultSet.getRange'].units).toBe(
      10 * (1 + Math.ceil((paged.length + 1) / 500)),
    );
  });

  test('a write between pages is seen by the next page', () => {
    const ctx = makeContext();
    seedCustomers(ctx, 3000);
    const rs = idSorted(ctx).run();
    const first = ids(rs.getRange({ start: 0, end: 100 }));
    const late = ctx.account.records.create('customer', {
      isperson: 'T',
      firstname: 'Late',
      lastname: 'Seven',
      subsidiary: '1',
      email: 'late7@example.com',
    });
    const rest: number[] = [];
    for (let start = 100; ; start += 1000) {
      const page = ids(rs.getRange({ start, end: start + 1000 }));
      rest.push(...page);
      if (page.length < 1000) break;
    }
    expect(rest[rest.length - 1]).toBe(late);
    expect(new Set([...first, ...rest]).size).toBe(first.length + rest.length);
  });
});

describe('a search with a formula column', () => {
  afterEach(() => jest.restoreAllMocks());
  const withFormula = (ctx: ReturnType<typeof makeContext>, formula: string) =>
    createSearchModule(ctx).create({
      type: 'customer',
      filters: [['email', 'contains', '7']],
      columns: ['email', { name: 'formulatext', formula } as never],
    });

  test('pages of one result set are evaluated once while no record changes, and a write is seen', () => {
    const ctx = makeContext();
    seedCustomers(ctx, 3000);
    const rs = withFormula(ctx, "'stamp'").run();
    const scans = jest.spyOn(RecordTable.prototype, 'idRange');
    const first = rs.getRange({ start: 0, end: 100 });
    const second = rs.getRange({ start: 100, end: 200 });
    expect(first).toHaveLength(100);
    expect(second).toHaveLength(100);
    expect(scans).toHaveBeenCalledTimes(1);
    const late = ctx.account.records.create('customer', {
      isperson: 'T',
      firstname: 'Late',
      lastname: 'Seven',
      subsidiary: '1',
      email: 'late7@example.com',
    });
    const all = rs.getRange({ start: 0, end: 1000 }).map((r) => Number(r.id));
    expect(scans).toHaveBeenCalledTimes(2);
    expect(all).toContain(late);
    scans.mockRestore();
  });

  test('a formula that reads the clock is evaluated again on every page', () => {
    const ctx = makeContext();
    seedCustomers(ctx, 300);
    const rs = withFormula(ctx, "TO_CHAR({today}, 'YYYY')").run();
    const scans = jest.spyOn(RecordTable.prototype, 'idRange');
    rs.getRange({ start: 0, end: 10 });
    rs.getRange({ start: 10, end: 20 });
    expect(scans).toHaveBeenCalledTimes(2);
    scans.mockRestore();
  });
});
