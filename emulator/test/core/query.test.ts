import { createQueryModule } from '../../src/modules/query';
import { Execution } from '../../src/runners/execution';
import { fixtureAccount, scheduled } from './helpers';

function setup() {
  const account = fixtureAccount({ oneWorld: false });
  const r = account.records;
  r.create('customer', { companyname: 'Acme', email: 'a@acme.test', isperson: false, externalid: 'A1' });
  r.create('customer', { companyname: 'Beta', email: 'b@beta.test', isperson: false, externalid: 'B1' });
  r.create('customer', { companyname: "O'Hare", email: '', isperson: false, isinactive: true });
  const s = scheduled(account, 'customscript_q', '/SuiteScripts/Probe/SC_ProbeGlobals.js');
  const exec = new Execution({ account, script: s, deployment: s.deployments[0], limit: 10_000 });
  type Rs = { results: Array<{ values: unknown[] }>; asMappedResults(): Array<Record<string, unknown>> };
  const query = createQueryModule(exec) as {
    runSuiteQL(o: unknown): Rs;
    runSuiteQLPaged(o: unknown): {
      count: number;
      pageRanges: unknown[];
      fetch(o: { index: number }): { data: Rs };
    };
    delete(o: unknown): unknown;
  };
  return { account, exec, query };
}

// NetSuite help "query.runSuiteQL(options)", "query.runSuiteQLPaged(options)", "SuiteQL.run()" (10 units).
describe('N/query SuiteQL (simple SELECT)', () => {
  test('columns, qualified names, aliases, parameters, AND/OR/NOT, LIKE, IN, IS NULL, ORDER BY', () => {
    const { query, exec } = setup();
    const rows = query
      .runSuiteQL({
        query:
          'SELECT c.id, c.companyname AS name, customer.email FROM customer c WHERE c.isinactive = ? AND (c.email LIKE ? OR c.externalid IN (?, ?)) ORDER BY c.companyname DESC',
        params: [false, '%@acme.test', 'B1', 'Z9'],
      })
      .asMappedResults();
    expect(rows.map((x) => x.name)).toEqual(['Beta', 'Acme']);
    expect(rows[1]).toEqual({ id: expect.any(Number), name: 'Acme', email: 'a@acme.test' });
    const inactive = query.runSuiteQL(
      "SELECT companyname FROM customer WHERE email IS NULL AND NOT isinactive = 'F'",
    );
    expect(inactive.results.map((x) => x.values)).toEqual([["O'Hare"]]);
    expect(exec.meter.total()).toBe(20);
  });

  // help "PagedData.fetch(options)" (N/query): Governance None
  test('paged: pages of pageSize, runSuiteQLPaged charged, fetch free', () => {
    const { query, exec } = setup();
    const paged = query.runSuiteQLPaged({ query: 'SELECT id FROM customer ORDER BY id', pageSize: 5 });
    expect(paged.count).toBe(3);
    expect(paged.pageRanges).toHaveLength(1);
    expect(paged.fetch({ index: 0 }).data.results).toHaveLength(3);
    expect(exec.meter.total()).toBe(10);
  });

  test('what is not emulated says so', () => {
    const { query } = setup();
    expect(() => query.runSuiteQL('SELECT COUNT(id) FROM customer')).toThrow(
      expect.objectContaining({ name: 'SSS_NOT_YET_SUPPORTED' }),
    );
    expect(() =>
      query.runSuiteQL('SELECT t.id FROM transaction t JOIN customer c ON c.id = t.entity'),
    ).toThrow(expect.objectContaining({ name: 'SSS_NOT_YET_SUPPORTED' }));
    expect(() => query.delete({ id: 1 })).toThrow(expect.objectContaining({ name: 'SSS_NOT_YET_SUPPORTED' }));
  });
});
