/**
 * HC_MR_ExportedCustomerCSV end to end: the built map/reduce in the emulator, files on a real SFTP
 * server, read back as HotWax's party identification import reads them (contract 2b).
 */
import fs from 'node:fs';
import { SyncEnvironment } from '../../simulation/environment';
import { remoteCsv, serverKind } from './helpers';

const kind = serverKind();
const HEADER = ['partyId', 'partyIdentificationTypeId', 'idValue'];

async function withEnv<T>(
  prefs: Record<string, string> | undefined,
  fn: (env: SyncEnvironment) => T,
): Promise<T> {
  const env = await SyncEnvironment.start({ sftp: kind, preferences: prefs });
  try {
    env.setParams('export', { custscript_hc_exp_settle_seconds: 0 });
    return fn(env);
  } finally {
    await env.stop();
  }
}

function customer(env: SyncEnvironment, values: Record<string, unknown>): string {
  return String(
    env.account.records.create('customer', {
      isperson: 'T',
      firstname: 'Ada',
      lastname: 'Lovelace',
      subsidiary: 2,
      ...values,
    }),
  );
}

/** Every line sent so far: [partyId, type, idValue], file by file. */
function sent(env: SyncEnvironment): string[][][] {
  return remoteCsv(env, 'customer/import').map((f) => {
    expect(f.rows[0]).toEqual(HEADER);
    return f.rows.slice(1);
  });
}

describe(`id export against ${kind}`, () => {
  test('sends each stamped customer once, skips inactive ones, and nothing again on the next run', () =>
    withEnv(undefined, (env) => {
      const now = Date.now();
      const a = customer(env, { custentity_hc_customer_id: 'HC1', custentity_hc_sync_stamp: now - 5000 });
      const b = customer(env, { custentity_hc_customer_id: 'HC2', custentity_hc_sync_stamp: now - 4000 });
      customer(env, {
        custentity_hc_customer_id: 'HC3',
        custentity_hc_sync_stamp: now - 3000,
        isinactive: true,
      });
      customer(env, { custentity_hc_sync_stamp: now - 3000 }); // not a HotWax customer
      const [run] = env.run('export');
      expect(run.status).toBe('COMPLETE');
      expect(sent(env)).toEqual([
        [
          ['HC1', 'NETSUITE_CUSTOMER_ID', a],
          ['HC2', 'NETSUITE_CUSTOMER_ID', b],
        ],
      ]);
      expect(run.usage.total).toBeLessThanOrEqual(200);
      env.run('export');
      expect(sent(env)).toHaveLength(1);
      // A customer linked later (an old customer the import links now) is sent by the next run.
      // stamped at the account's time (modeled: the runs before moved it on), as the import stamps
      const c = customer(env, {
        custentity_hc_customer_id: 'HC4',
        custentity_hc_sync_stamp: env.account.now().getTime(),
      });
      env.run('export');
      expect(sent(env).flat()).toContainEqual(['HC4', 'NETSUITE_CUSTOMER_ID', c]);
      expect(sent(env).flat()).toHaveLength(3);
    }));

  test('the same ids under two different date format and time zone preferences', async () => {
    const run = (prefs: Record<string, string>) =>
      withEnv(prefs, (env) => {
        const base = Date.now() - 60_000;
        for (let i = 1; i <= 5; i++)
          customer(env, { custentity_hc_customer_id: `HC${i}`, custentity_hc_sync_stamp: base + i });
        customer(env, { custentity_hc_customer_id: 'HC9' }); // linked by other means: no stamp
        env.run('export');
        return sent(env).flat();
      });
    const us = await run({ dateFormat: 'M/D/YYYY', timeFormat: 'h:mm a', timeZone: 'America/Los_Angeles' });
    const de = await run({ dateFormat: 'DD.MM.YYYY', timeFormat: 'H:mm', timeZone: 'Europe/Berlin' });
    expect(us).toHaveLength(6);
    expect(de).toEqual(us);
  });

  test('a customer given an HC id by any other means is sent by the next run, once, whatever its internal id or creation date', async () => {
    const run = (prefs: Record<string, string>) =>
      withEnv(prefs, (env) => {
        const store = env.account.records;
        env.account.setClock(() => new Date(Date.UTC(2019, 4, 1)));
        const old = customer(env, {}); // an old customer, low internal id, created years ago
        env.account.setClock(() => new Date());
        const imported = customer(env, {
          custentity_hc_customer_id: 'IMP1',
          custentity_hc_sync_stamp: Date.now() - 1000,
        });
        const [first] = env.run('export');
        expect(first.status).toBe('COMPLETE');
        // Long after the cursor passed it: HotWax's CSV import, a UI edit, another script gives it an HC id.
        store.update('customer', old, { custentity_hc_customer_id: 'LATE1' });
        const [second] = env.run('export');
        expect(second.status).toBe('COMPLETE');
        env.run('export'); // and not again
        return { lines: sent(env), old, imported };
      });
    const us = await run({ dateFormat: 'M/D/YYYY', timeFormat: 'h:mm a', timeZone: 'America/New_York' });
    const de = await run({ dateFormat: 'D.M.YYYY', timeFormat: 'H:mm', timeZone: 'Asia/Tokyo' });
    for (const r of [us, de])
      expect(r.lines).toEqual([
        [['IMP1', 'NETSUITE_CUSTOMER_ID', r.imported]],
        [['LATE1', 'NETSUITE_CUSTOMER_ID', r.old]],
      ]);
  });

  test('a failed upload advances nothing: the next run sends the same customers (at least once)', () =>
    withEnv(undefined, (env) => {
      const a = customer(env, {
        custentity_hc_customer_id: 'HC1',
        custentity_hc_sync_stamp: Date.now() - 1000,
      });
      // customer/import is a file, not a folder: every upload there fails.
      fs.rmSync(env.localPath('customer/import'), { recursive: true });
      fs.writeFileSync(env.localPath('customer/import'), 'not a folder');
      const [failed] = env.run('export');
      expect(failed.status).toBe('FAILED');
      fs.rmSync(env.localPath('customer/import'));
      fs.mkdirSync(env.localPath('customer/import/archive'), { recursive: true });
      const [ok] = env.run('export');
      expect(ok.status).toBe('COMPLETE');
      expect(sent(env)).toEqual([[['HC1', 'NETSUITE_CUSTOMER_ID', a]]]);
    }));

  test('very large runs are split into several files, no customer twice', () =>
    withEnv(undefined, (env) => {
      env.setParams('export', { custscript_hc_exp_max_rows_per_file: 10 });
      const ids: string[] = [];
      for (let i = 1; i <= 25; i++)
        ids.push(
          customer(env, {
            custentity_hc_customer_id: `HC${i}`,
            custentity_hc_sync_stamp: Date.now() - 1000 + i,
          }),
        );
      env.run('export');
      const files = sent(env);
      expect(files.map((f) => f.length)).toEqual([10, 10, 5]);
      expect(files.flat().map((r) => r[2])).toEqual(ids);
    }));

  test('customers stamped within the settle time wait for the next run', () =>
    withEnv(undefined, (env) => {
      env.setParams('export', { custscript_hc_exp_settle_seconds: 3600 });
      customer(env, { custentity_hc_customer_id: 'HC1', custentity_hc_sync_stamp: Date.now() });
      env.run('export');
      expect(sent(env)).toEqual([]);
      env.setParams('export', { custscript_hc_exp_settle_seconds: 0 });
      env.run('export');
      expect(
        sent(env)
          .flat()
          .map((r) => r[0]),
      ).toEqual(['HC1']);
    }));
});
