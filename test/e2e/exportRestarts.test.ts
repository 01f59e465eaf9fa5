/**
 * HC_MR_ExportedCustomerCSV under NetSuite's map/reduce job semantics (emulator/runners/mapReduce.ts):
 * map and reduce on several processors, and an application-server disruption at each charged N/ call,
 * which NetSuite answers by restarting the job (getInputData and summarize with isRestarted, map/reduce
 * keys again). Whatever the crash point, every HotWax customer is sent, and a following run sends no
 * customer twice beyond the documented at-least-once of a restarted summarize.
 */
import { recordApis, crashAtCall } from '../../emulator/src';
import { SyncEnvironment } from '../../simulation/environment';
import { remoteCsv, serverKind } from './helpers';
import { EXPORT_CUSTOMER_IDS } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

const kind = serverKind();

async function withEnv<T>(fn: (env: SyncEnvironment) => T): Promise<T> {
  const env = await SyncEnvironment.start({ sftp: kind });
  try {
    env.setParams('export', { custscript_hc_exp_settle_seconds: 0 });
    const script = env.account.script(EXPORT_CUSTOMER_IDS.scriptId);
    for (const d of script.deployments) d.concurrencyLimit = 2;
    const now = env.account.now().getTime();
    for (let i = 1; i <= 6; i++)
      env.account.records.create('customer', {
        isperson: 'T',
        firstname: 'Ada',
        lastname: `L${i}`,
        subsidiary: 2,
        custentity_hc_customer_id: `HC${i}`,
        custentity_hc_sync_stamp: now - 10_000 + i,
      });
    return fn(env);
  } finally {
    await env.stop();
  }
}

const sentIds = (env: SyncEnvironment) =>
  remoteCsv(env, 'customer/import')
    .flatMap((f) => f.rows.slice(1))
    .map((r) => r[0]);

const ALL = ['HC1', 'HC2', 'HC3', 'HC4', 'HC5', 'HC6'];

describe(`id export under map/reduce restarts and concurrency (${kind})`, () => {
  test('on two processors it sends every customer once', () =>
    withEnv((env) => {
      const [r] = env.run('export');
      expect(r.status).toBe('COMPLETE');
      expect(r.mapReduce?.concurrency).toBe(2);
      expect(sentIds(env).sort()).toEqual(ALL);
    }));

  test('a disruption at any charged call is restarted; every customer is sent, none lost on the next run', async () => {
    const apis = await withEnv((env) => {
      const plan = recordApis();
      env.run('export', { faults: () => plan });
      return plan.apis;
    });
    expect(apis.length).toBeGreaterThan(5);
    // the cursor is committed by the last record.submitFields of summarize
    const commitAt = apis.lastIndexOf('record.submitFields') + 1;
    expect(commitAt).toBeGreaterThan(0);
    for (let n = 1; n <= apis.length; n++) {
      await withEnv((env) => {
        const [r] = env.run('export', { faults: (i) => (i === 1 ? crashAtCall(n) : undefined) });
        // A restarted stage finishes the run, also a summarize restarted after it committed the cursor.
        expect({ n, api: apis[n - 1], error: r.error?.name }).toEqual({
          n,
          api: apis[n - 1],
          error: undefined,
        });
        expect(r.status).toBe('COMPLETE');
        expect(r.mapReduce?.restarts.length).toBe(1);
        const first = sentIds(env);
        expect([...new Set(first)].sort()).toEqual(ALL);
        env.run('export');
        // the next run adds nothing the first one committed
        expect(sentIds(env).length).toBe(first.length);
      });
    }
  });
});
