/**
 * Time, not units: on a slow account (the emulator's latency table: every record save, part save or
 * upload takes minutes of modeled account time, which `Date.now()` in the script reads) each
 * scheduled script stops before its 3,600 s (NetSuite help "Script Execution Time Limits") with
 * most of its 10,000 units unspent, saves its checkpoint and reschedules; the follow-up executions
 * finish the work with nothing lost and nothing done twice.
 */
import { SyncEnvironment } from '../../simulation/environment';
import type { ExecutionResult, LatencyTable } from '../../emulator/src';
import { parseCsv } from '../../simulation/hotwax';
import {
  customersByHcId,
  feedText,
  importTotals,
  remoteCsv,
  remoteNames,
  serverKind,
  writeFeed,
} from './helpers';

const kind = serverKind();
const SCHEDULED_LIMIT_MS = 3_600_000;
let env: SyncEnvironment;

const start = async (latency: LatencyTable) => {
  env = await SyncEnvironment.start({ sftp: kind, latency });
};
afterEach(async () => {
  await env?.stop();
});

/** Every execution ended well inside its time limit; all but the last stopped for time and rescheduled. */
function expectStoppedForTime(results: ExecutionResult[]): Record<string, unknown>[] {
  const summaries = SyncEnvironment.summaries(results);
  expect(results.length).toBeGreaterThanOrEqual(2);
  expect(summaries).toHaveLength(results.length);
  for (const r of results) {
    expect(r.status).toBe('COMPLETE');
    expect(r.modeledMs).toBeLessThan(SCHEDULED_LIMIT_MS);
  }
  for (const s of summaries.slice(0, -1)) {
    expect(s).toMatchObject({ rescheduled: true, stoppedFor: 'time' });
    // Not the units: far from the 10,000 of a scheduled execution.
    expect(Number(s.unitsUsed)).toBeLessThan(5_000);
  }
  expect(summaries[summaries.length - 1]).toMatchObject({ rescheduled: false });
  return summaries;
}

describe(`time limits against ${kind}`, () => {
  test('import: a record save of a minute; three executions of under an hour create 120 customers once', async () => {
    await start({ 'Record.save': 60_000 });
    const feed = 'customer-Feed-2026-11-26-10-00-00-000.csv';
    const rows = Array.from({ length: 120 }, (_, i) => ({ HCCustomerId: `HC${i + 1}` }));
    writeFeed(env, feed, feedText(rows));

    const results = env.run('import');
    const summaries = expectStoppedForTime(results);
    expect(results.length).toBe(3);
    expect(summaries.map((s) => (s.totals as { created: number }).created)).toEqual([50, 50, 20]);

    expect(importTotals(env)).toEqual({ created: 120, linked: 0, alreadyLinked: 0, errors: 0 });
    const byHc = customersByHcId(env);
    expect(byHc.size).toBe(120);
    for (const [, ids] of byHc) expect(ids).toHaveLength(1);
    expect(remoteNames(env, 'customer/export')).toEqual([]);
    expect(remoteNames(env, 'customer/export/archive')).toEqual([feed]);
    expect(remoteNames(env, 'customer/export/error')).toEqual([]);
  });

  test('historical export and upload: slow part saves and uploads; every customer in exactly one part, every part uploaded once', async () => {
    await start({ 'File.save': 600_000, 'sftp.Connection.upload': 900_000 });
    const n = 600;
    for (let i = 1; i <= n; i++)
      env.account.records.create('customer', {
        isperson: 'T',
        firstname: `First${i}`,
        lastname: `Last${i}`,
        subsidiary: 2,
        custentity_hc_shop_cust_id: String(6620110000000 + i),
      });
    // Small parts (about 60 customers each), so there are ten part saves of ten minutes.
    env.setParams('generate', { custscript_hc_ghc_max_file_bytes: 5_000 });

    const generated = env.run('generate');
    expectStoppedForTime(generated);
    const folder = env.account.records.find(
      'folder',
      (r) => r.values.name === 'Historical Shopify Customer CSV',
    )[0];
    const parts = env.account.files
      .list(Number(folder.id))
      .filter((f) => f.name.endsWith('.csv'))
      .map((f) => ({ name: f.name, rows: parseCsv(String(f.contents)).slice(1) }));
    expect(parts.length).toBeGreaterThanOrEqual(10);
    const exported = parts.flatMap((p) => p.rows.map((r) => r[2]));
    expect(exported).toHaveLength(n);
    expect(new Set(exported).size).toBe(n);

    const uploaded = env.run('upload');
    expectStoppedForTime(uploaded);
    const remote = remoteCsv(env, 'historicalshopifycustomer/csv');
    expect(remote.map((f) => f.name).sort()).toEqual(parts.map((p) => p.name).sort());
    expect(remote.flatMap((f) => f.rows.slice(1).map((r) => r[2])).sort()).toEqual([...exported].sort());
    expect(remoteNames(env, 'historicalshopifycustomer/csv').filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
