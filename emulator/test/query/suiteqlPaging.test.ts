/**
 * SuiteQL ordered by id (how an export pages with `WHERE id > ?`): the rows are those of sorting every
 * match, read from the id-ordered table from the WHERE's lower id bound, at most 5,000 per runSuiteQL.
 */
import { createQueryModule } from '../../src/modules/query';
import { RecordTable } from '../../src/data/recordStore';
import { Execution } from '../../src/runners/execution';
import { fixtureAccount, scheduled } from '../core/helpers';

type Rs = { results: Array<{ values: unknown[] }> };

function setup(n: number) {
  const account = fixtureAccount({ oneWorld: false });
  // Ids stored out of order: the table's id order, not the order of storing, is the result order.
  for (let i = n; i >= 1; i--)
    account.records.create(
      'customer',
      { companyname: `C${i}`, email: `c${i}@example.com`, isperson: false },
      { id: i * 2 },
    );
  const s = scheduled(account, 'customscript_q', '/SuiteScripts/Probe/SC_ProbeGlobals.js');
  const exec = new Execution({ account, script: s, deployment: s.deployments[0], limit: 10_000 });
  const query = createQueryModule(exec) as { runSuiteQL(o: unknown): Rs };
  return { account, query };
}

describe('SuiteQL paged by id', () => {
  afterEach(() => jest.restoreAllMocks());

  test('each page the next matches in id order, from the lower bound, 5,000 at most', () => {
    const { account, query } = setup(6000);
    const sql = "SELECT id, email FROM customer WHERE id > ? AND companyname <> 'C5' ORDER BY id";
    const expected = [...account.records.all('customer')]
      .filter((r) => r.values.companyname !== 'C5')
      .map((r) => r.id)
      .sort((a, b) => a - b);
    const ranges = jest.spyOn(RecordTable.prototype, 'idRange');
    const got: number[] = [];
    let cursor = 0;
    for (;;) {
      const page = query.runSuiteQL({ query: sql, params: [cursor] }).results.map((r) => Number(r.values[0]));
      got.push(...page);
      if (page.length < 5000) break;
      cursor = page[page.length - 1];
    }
    expect(got).toEqual(expected);
    expect(expected.length).toBeGreaterThan(5000);
    expect(ranges.mock.calls.map((c) => c[0])).toEqual([1, expected[4999] + 1]);
  });

  test('ORDER BY id DESC and other orders still sort every match', () => {
    const { query } = setup(50);
    const ids = (sql: string) => query.runSuiteQL(sql).results.map((r) => Number(r.values[0]));
    expect(ids('SELECT id FROM customer WHERE id >= 90 ORDER BY id DESC')).toEqual([100, 98, 96, 94, 92, 90]);
    expect(ids('SELECT id FROM customer WHERE id < 9 ORDER BY companyname')).toEqual([2, 4, 6, 8]);
  });
});
