/**
 * The scheduled import looks up the candidates of 500 rows with one search (sync/customerUpsert.ts
 * LOOK_AHEAD_ROWS) while it still writes and saves its checkpoint every 50 rows. A row later in the
 * look-ahead that matches a customer an earlier row of it created or linked (same HC id, Shopify id,
 * external id, email with email matching on) is decided as a fresh search would decide it: the same
 * outcomes as the map/reduce (which groups such rows), the same after a crash at any charged call.
 */
import type { RunningSftpServer } from '../../emulator/src';
import { crashAtCall } from '../../emulator/src';
import type { CaseEnv, FinalState } from './crashHarness';
import {
  countingPlan,
  expectSound,
  finalState,
  freshCase,
  kind,
  runAll,
  startServer,
  writeRemote,
} from './crashHarness';
import type { FeedCustomer } from './helpers';
import { feedText } from './helpers';
import { bothPaths, mapReduceFrom } from './mrScenarios';
import { IMPORT_CUSTOMER } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

let server: RunningSftpServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const SCRIPT = IMPORT_CUSTOMER.scriptId;

/**
 * 130 rows, email matching on; the rows that match each other are more than one batch of 50 apart
 * (so a batch-by-batch search would see the first one's customer; the look-ahead must too).
 */
function relatedRows(c: CaseEnv): void {
  c.env.setParams('import', { custscript_hc_imp_match_by_email: true });
  const existing = (values: Record<string, unknown>) =>
    c.env.account.records.create('customer', {
      isperson: 'T',
      firstname: 'Known',
      lastname: 'Customer',
      subsidiary: 2,
      ...values,
    });
  existing({ email: 'known@example.com' });
  existing({ custentity_hc_shop_cust_id: '6600000000900', email: 'known900@example.com' });
  const at: Record<number, FeedCustomer> = {
    0: { HCCustomerId: 'HC1', HCShopifyCustomerId: '6600000000001', externalId: '' },
    1: { HCCustomerId: 'HC2', HCShopifyCustomerId: '6600000000222', externalId: '' },
    2: { HCCustomerId: 'HC3', HCShopifyCustomerId: '', externalId: '', email: 'shared@example.com' },
    3: { HCCustomerId: 'HC4', HCShopifyCustomerId: '', externalId: 'EXT-4' },
    5: { HCCustomerId: 'HC8', HCShopifyCustomerId: '', externalId: '', email: 'known@example.com' },
    // Second batch, same look-ahead.
    70: { HCCustomerId: 'HC1', HCShopifyCustomerId: '6600000000001', externalId: '' },
    75: { HCCustomerId: 'HC5', HCShopifyCustomerId: '6600000000222', externalId: '' },
    80: { HCCustomerId: 'HC6', HCShopifyCustomerId: '', externalId: '', email: 'shared@example.com' },
    85: { HCCustomerId: 'HC7', HCShopifyCustomerId: '', externalId: 'EXT-4' },
    90: { HCCustomerId: 'HC9', HCShopifyCustomerId: '', externalId: '', email: 'known@example.com' },
    // Third batch: links (the email agrees: matching by email makes it an identifier), then the same
    // HC id again.
    105: {
      HCCustomerId: 'HC900',
      HCShopifyCustomerId: '6600000000900',
      externalId: '',
      email: 'known900@example.com',
    },
    125: {
      HCCustomerId: 'HC900',
      HCShopifyCustomerId: '6600000000900',
      externalId: '',
      email: 'known900@example.com',
    },
  };
  // And new customers that use up units, so a small usage limit spreads the feed over executions.
  for (const i of [30, 31, 32, 33, 34, 35, 36, 37, 110, 111, 112, 113, 114, 115, 116, 117])
    at[i] = { HCCustomerId: `HC${100 + i}` };
  const rows = Array.from(
    { length: 130 },
    (_, i): FeedCustomer => at[i] ?? { HCCustomerId: `HCBAD${i}`, email: 'not-an-email' },
  );
  writeRemote(c, 'customer/export/related-rows.csv', feedText(rows));
}

test(`rows matching a customer created or linked earlier in the look-ahead: the map/reduce's outcomes (${kind})`, async () => {
  const { scheduled, mapReduce } = await bothPaths(server, relatedRows);
  expect(mapReduce).toEqual(scheduled);
  // One customer per HC id: HC1 (twice in the feed), HC2, HC3, HC4 created; HC8 and HC900 linked.
  expect(Object.keys(scheduled.customers).sort()).toEqual(
    [
      'HC1',
      'HC2',
      'HC3',
      'HC4',
      'HC8',
      'HC900',
      ...[30, 31, 32, 33, 34, 35, 36, 37].flatMap((i) => [`HC${100 + i}`, `HC${180 + i}`]),
    ].sort(),
  );
  const [report] = Object.entries(scheduled.remote).filter(([k]) => k.startsWith('customer/export/error/'));
  const lines = report[1].split('\n').filter((l) => /LINKED_TO_OTHER_HC_CUSTOMER/.test(l));
  // HC5 (Shopify id of HC2's new customer), HC6 (email of HC3's), HC7 (external id of HC4's), HC9
  // (email of the customer HC8 linked): lines 77, 82, 87, 92.
  expect(lines.map((l) => l.split(',')[1])).toEqual(['77', '82', '87', '92']);
});

test(`1,000 rows linked in one execution: 2 candidate searches, not 20 (${kind})`, async () => {
  const c = await freshCase(server, 'look-ahead-link');
  mapReduceFrom(c, 0);
  const rows: FeedCustomer[] = [];
  for (let i = 0; i < 1000; i++) {
    const shopify = `66${String(5000 + i).padStart(11, '0')}`;
    c.env.account.records.create('customer', {
      isperson: 'T',
      firstname: 'Known',
      lastname: `Customer ${i}`,
      subsidiary: 2,
      custentity_hc_shop_cust_id: shopify,
    });
    rows.push({ HCCustomerId: `HC${5000 + i}`, HCShopifyCustomerId: shopify, externalId: '' });
  }
  writeRemote(c, 'customer/export/link-1000.csv', feedText(rows));
  const runs = runAll(c.env, 'import');
  expect(runs.map((r) => r.status)).toEqual(['COMPLETE']);
  expect(runs[0].usage.byApi['record.submitFields']?.calls).toBeGreaterThanOrEqual(1000);
  // Every search page of the execution: the candidate searches plus the checkpoint, lease and run
  // history look-ups (a handful). Batch by batch it would be at least 20 candidate pages.
  const pages = runs[0].usage.byApi['ResultSet.getRange']?.calls ?? 0;
  expect(pages).toBeLessThanOrEqual(8);
  const customers = [...c.env.account.records.all('customer')];
  expect(
    customers.filter((r) => String(r.values.custentity_hc_customer_id ?? '').startsWith('HC')),
  ).toHaveLength(1000);
});

describe('spread over executions that stop inside a look-ahead', () => {
  let baseline: FinalState;
  let calls: string[];
  const prepare = async (tag: string) => {
    const c = await freshCase(server, tag);
    relatedRows(c);
    mapReduceFrom(c, 0);
    c.env.account.usageLimits.set(SCRIPT, 400);
    return c;
  };
  beforeAll(async () => {
    const c = await prepare('la-base');
    const plan = countingPlan();
    const runs = runAll(c.env, 'import', plan);
    expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    calls = plan.calls;
    baseline = finalState(c);
    expectSound(baseline);
  });

  test(`the same final state as one execution (${kind})`, async () => {
    const c = await freshCase(server, 'la-one');
    relatedRows(c);
    mapReduceFrom(c, 0);
    expect(runAll(c.env, 'import').map((r) => r.status)).toEqual(['COMPLETE']);
    expect(finalState(c)).toEqual(baseline);
  });

  /**
   * A crash at a call that changes nothing (a search page, a remaining-usage read, record.create of a
   * record not yet saved) leaves what a crash at the next writing call leaves: the writing calls are
   * the crash points, in two halves so each test stays short.
   */
  const READ_ONLY =
    /^(runtime\.|search\.|ResultSet\.|record\.create|record\.load|task\.create|file\.create|sftp\.createConnection|sftp\.Connection\.(list|download))/;
  for (const half of [0, 1])
    test(`a crash at every writing call (half ${half + 1} of 2), then a re-run, ends as the uninterrupted run (${kind})`, async () => {
      const points = calls.map((api, i) => (READ_ONLY.test(api) ? 0 : i + 1)).filter((n) => n > 0);
      // 47 since the checkpoint is saved every 500 rows rather than every batch of 50.
      expect(points.length).toBeGreaterThan(40);
      for (const n of points.filter((_, k) => k % 2 === half)) {
        const c = await prepare('la-crash');
        const crashed = runAll(c.env, 'import', crashAtCall(n));
        expect([n, crashed.some((r) => r.status === 'CRASHED')]).toEqual([n, true]);
        const rerun = runAll(c.env, 'import');
        expect([n, calls[n - 1], rerun.every((r) => r.status === 'COMPLETE')]).toEqual([
          n,
          calls[n - 1],
          true,
        ]);
        const state = finalState(c);
        expectSound(state);
        expect([n, calls[n - 1], state]).toEqual([n, calls[n - 1], baseline]);
      }
    });
});
