/**
 * What the two exports pay for reading their customers: the id export hands NetSuite its selection as
 * getInputData's search (no units, however many customers), the historical export reads 100,000
 * customers a SuiteQL query (10 units) and counts duplicated Shopify ids itself (docs/CONTRACTS.md §6).
 */
import fs from 'node:fs';
import { SyncEnvironment } from '../../simulation/environment';
import { remoteCsv, serverKind } from './helpers';

const kind = serverKind();
let env: SyncEnvironment;
beforeEach(async () => {
  env = await SyncEnvironment.start({ sftp: kind });
});
afterEach(async () => {
  await env.stop();
});

function customers(n: number, values: (i: number) => Record<string, unknown>): string[] {
  const ids: string[] = [];
  for (let i = 1; i <= n; i++)
    ids.push(
      String(
        env.account.records.create('customer', {
          isperson: 'T',
          firstname: `First${i}`,
          lastname: `Last${i}`,
          subsidiary: 2,
          ...values(i),
        }),
      ),
    );
  return ids;
}

const calls = (r: { usage: { byApi: Record<string, { calls: number }> } }, api: string) =>
  r.usage.byApi[api]?.calls ?? 0;

describe(`export costs against ${kind}`, () => {
  test('id export: 2,500 customers (some unstamped) read for no units, stamped with the run end, each sent once', () => {
    env.setParams('export', { custscript_hc_exp_settle_seconds: 0 });
    const stamp = Date.now() - 60_000;
    const ids = customers(2500, (i) => ({
      custentity_hc_customer_id: `HC${i}`,
      ...(i % 100 === 0 ? {} : { custentity_hc_sync_stamp: stamp + i }),
    }));
    const [run] = env.run('export');
    expect(run.status).toBe('COMPLETE');
    // the checkpoint read before the plan and before the commit, and the SFTP settings record: no page of customers
    expect(calls(run, 'ResultSet.getRange')).toBe(3);
    expect(calls(run, 'ResultSet.each')).toBe(0);
    // customer/import/ is there: uploaded without a makeDirectory first
    expect(calls(run, 'sftp.Connection.makeDirectory')).toBe(0);
    expect(calls(run, 'record.submitFields')).toBe(25 + 2); // 25 stamps, 2 checkpoint writes
    const rows = remoteCsv(env, 'customer/import').flatMap((f) => f.rows.slice(1));
    expect(rows.map((r) => r[2]).sort()).toEqual([...ids].sort());
    // the unstamped ones carry the run's upper end: the next run sends nothing
    const unstamped = env.account.records.find('customer', (r) => !r.values.custentity_hc_sync_stamp);
    expect(unstamped).toHaveLength(0);
    const [again] = env.run('export');
    expect(again.status).toBe('COMPLETE');
    expect(remoteCsv(env, 'customer/import').flatMap((f) => f.rows.slice(1))).toHaveLength(2500);
  });

  test('id export: a missing customer/import/ is made after the upload fails, and the file still arrives', () => {
    env.setParams('export', { custscript_hc_exp_settle_seconds: 0 });
    customers(3, (i) => ({
      custentity_hc_customer_id: `HC${i}`,
      custentity_hc_sync_stamp: Date.now() - 60_000,
    }));
    fs.rmSync(env.localPath('customer/import'), { recursive: true, force: true });
    const [run] = env.run('export');
    expect(run.status).toBe('COMPLETE');
    expect(remoteCsv(env, 'customer/import').flatMap((f) => f.rows.slice(1))).toHaveLength(3);
  });

  test('historical export: 5,000 customers in one SuiteQL query, duplicates counted without a search', () => {
    customers(5000, (i) => ({ custentity_hc_shop_cust_id: String(6620110000000 + (i === 77 ? 76 : i)) }));
    const [run] = env.run('generate');
    expect(run.status).toBe('COMPLETE');
    expect(calls(run, 'query.runSuiteQLPaged')).toBe(1);
    expect(calls(run, 'ResultSet.each')).toBe(0);
    expect(calls(run, 'ResultSet.getRange')).toBe(1); // the folder lookup only
    const dup = run.logs.find((l) => l.level === 'ERROR' && /more than one NetSuite customer/.test(l.title));
    expect(dup?.details).toContain('6620110000076 (2 customers)');
  });
});
