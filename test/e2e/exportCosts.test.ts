/**
 * What the two exports pay for reading their customers: the id export hands NetSuite its selection as
 * getInputData's search (no units, however many customers), the historical export reads 100,000
 * customers a SuiteQL query (10 units) and counts duplicated Shopify ids itself (docs/CONTRACTS.md §6).
 */
import fs from 'node:fs';
import { SyncEnvironment } from '../../simulation/environment';
import { clearCaches } from '../../emulator/src';
import { remoteCsv, serverKind } from './helpers';
import type { ExportState } from '../../src/TypeScripts/HotWaxCustomerSync/sync/idExport';

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
    // the checkpoint found by a search before the plan (a first run: no id cached yet) and the SFTP
    // settings record: no page of customers; summarize reads the checkpoint by the id map passed on
    expect(calls(run, 'ResultSet.getRange')).toBe(2);
    expect(calls(run, 'search.lookupFields')).toBe(1);
    expect(calls(run, 'ResultSet.each')).toBe(0);
    // customer/import/ is there: uploaded without a makeDirectory first
    expect(calls(run, 'sftp.Connection.makeDirectory')).toBe(0);
    // 25 stamps and the commit (the plan created the checkpoint; the files are named by the plan's
    // unique part, so no write between plan and commit)
    expect(calls(run, 'record.submitFields')).toBe(25 + 1);
    const rows = remoteCsv(env, 'customer/import').flatMap((f) => f.rows.slice(1));
    expect(rows.map((r) => r[2]).sort()).toEqual([...ids].sort());
    // the unstamped ones carry the run's upper end: the next run sends nothing
    const unstamped = env.account.records.find('customer', (r) => !r.values.custentity_hc_sync_stamp);
    expect(unstamped).toHaveLength(0);
    const [again] = env.run('export');
    expect(again.status).toBe('COMPLETE');
    expect(remoteCsv(env, 'customer/import').flatMap((f) => f.rows.slice(1))).toHaveLength(2500);
    // a later run reads the checkpoint by its cached id in both stages (with no customer, map passes
    // no id on to summarize); nothing to send: no connection, no search (the import prunes the history)
    expect(calls(again, 'search.lookupFields')).toBe(2);
    expect(calls(again, 'ResultSet.getRange')).toBe(0);
  });

  test('id export: a later run reads the checkpoint by id in both stages; a cache NetSuite dropped costs one search', () => {
    env.setParams('export', { custscript_hc_exp_settle_seconds: 0 });
    // Stamped just after the committed cursor (the previous run's upper end), as the import stamps.
    const cursor = () => {
      const [cp] = env.account.records.find('customrecord_hc_sync_checkpoint', () => true);
      return cp
        ? (JSON.parse(String(cp.values.custrecord_hc_cp_state)) as ExportState).committed.stampAfter
        : 0;
    };
    const stamped = (from: number, n: number) => {
      const after = cursor();
      return customers(n, (i) => ({
        custentity_hc_customer_id: `HC${from + i}`,
        custentity_hc_sync_stamp: after + 1,
      }));
    };
    const first = stamped(0, 3);
    expect(env.run('export')[0].status).toBe('COMPLETE');
    const second = stamped(3, 2);
    const [cached] = env.run('export');
    expect(cached.status).toBe('COMPLETE');
    // no search at all: the checkpoint twice and the SFTP settings record (its id in the checkpoint)
    // by id
    expect(calls(cached, 'ResultSet.getRange')).toBe(0);
    expect(calls(cached, 'search.lookupFields')).toBe(3);
    clearCaches(env.account);
    const third = stamped(5, 2);
    const [dropped] = env.run('export');
    expect(dropped.status).toBe('COMPLETE');
    expect(calls(dropped, 'ResultSet.getRange')).toBe(1); // the checkpoint's search
    const sent = remoteCsv(env, 'customer/import').flatMap((f) => f.rows.slice(1).map((r) => r[2]));
    expect(sent.sort()).toEqual([...first, ...second, ...third].sort());
    // one checkpoint record, whichever way it was read
    expect(env.account.records.find('customrecord_hc_sync_checkpoint', () => true)).toHaveLength(1);
  });

  test('id export: a later run writes the checkpoint twice and its run history with the commit (no record of its own)', () => {
    env.setParams('export', { custscript_hc_exp_settle_seconds: 0 });
    const stamp = Date.now() - 60_000;
    customers(3, (i) => ({ custentity_hc_customer_id: `HC${i}`, custentity_hc_sync_stamp: stamp + i }));
    expect(env.run('export')[0].status).toBe('COMPLETE');
    const [cp] = env.account.records.find('customrecord_hc_sync_checkpoint', () => true);
    customers(2, (i) => ({
      custentity_hc_customer_id: `HC${3 + i}`,
      custentity_hc_sync_stamp:
        (JSON.parse(String(cp.values.custrecord_hc_cp_state)) as ExportState).committed.stampAfter + i,
    }));
    const entries = () =>
      env.account.records.hasType('customrecord_hc_sync_run')
        ? env.account.records.find('customrecord_hc_sync_run', () => true).length
        : 0;
    const before = entries();
    const [later] = env.run('export');
    expect(later.status).toBe('COMPLETE');
    expect(calls(later, 'record.submitFields')).toBe(2); // the plan and the commit
    expect(calls(later, 'record.create')).toBe(0);
    expect(later.usage.total).toBe(118); // upload 100, move 10, 2 writes, 3 reads by id, Cache.get 1
    expect(entries()).toBe(before);
    const [now] = env.account.records.find('customrecord_hc_sync_checkpoint', () => true);
    const state = JSON.parse(String(now.values.custrecord_hc_cp_state)) as ExportState;
    const files = remoteCsv(env, 'customer/import')
      .map((f) => f.name)
      .sort();
    expect(state.lastRuns?.map((r) => r.files)).toEqual([[files[1]], [files[0]]]);
    expect(state.lastRuns?.[0]).toMatchObject({ exported: 2, deploymentId: 'customdeploy_export_customer' });
  });

  test('id export: the SFTP settings record kept in the checkpoint is searched again when inactive or a day old', () => {
    env.setParams('export', { custscript_hc_exp_settle_seconds: 0 });
    const send = (hc: string) => {
      const [cp] = env.account.records.find('customrecord_hc_sync_checkpoint', () => true);
      const after = cp
        ? (JSON.parse(String(cp.values.custrecord_hc_cp_state)) as ExportState).committed.stampAfter
        : Date.now() - 60_000;
      customers(1, () => ({ custentity_hc_customer_id: hc, custentity_hc_sync_stamp: after + 1 }));
      const [r] = env.run('export');
      expect(r.status).toBe('COMPLETE');
      const state = JSON.parse(
        String(
          env.account.records.find('customrecord_hc_sync_checkpoint', () => true)[0].values
            .custrecord_hc_cp_state,
        ),
      ) as ExportState;
      return { searches: calls(r, 'ResultSet.getRange'), used: state.sftpRecord?.id };
    };
    const first = env.account.records.get('customrecord_ns_sftp_configuration', env.sftpRecordId)!;
    expect(send('HC1')).toEqual({ searches: 2, used: String(env.sftpRecordId) });
    expect(send('HC2')).toEqual({ searches: 0, used: String(env.sftpRecordId) });
    // made inactive, another record in its place: found by the search, never used stale
    const other = env.account.records.create('customrecord_ns_sftp_configuration', { ...first.values });
    env.account.records.update('customrecord_ns_sftp_configuration', env.sftpRecordId, { isinactive: true });
    expect(send('HC3')).toEqual({ searches: 1, used: String(other) });
    expect(send('HC4')).toEqual({ searches: 0, used: String(other) });
    // a day later the search runs again (a record made active since may come first)
    const next = env.account.now().getTime() + 864e5 + 60_000;
    env.account.setClock(() => new Date(next));
    expect(send('HC5')).toEqual({ searches: 1, used: String(other) });
    const sent = remoteCsv(env, 'customer/import').flatMap((f) => f.rows.slice(1).map((r) => r[0]));
    expect(sent.sort()).toEqual(['HC1', 'HC2', 'HC3', 'HC4', 'HC5']);
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
    expect(calls(run, 'ResultSet.getRange')).toBe(0); // the folder lookup is paged: its count, no page
    const dup = run.logs.find((l) => l.level === 'ERROR' && /more than one NetSuite customer/.test(l.title));
    expect(dup?.details).toContain('6620110000076 (2 customers)');
  });

  const folderState = () => {
    const [folder] = env.account.records.find(
      'folder',
      (r) => r.values.name === 'Historical Shopify Customer CSV',
    );
    const d = String(folder.values.description);
    return JSON.parse(d.slice(d.indexOf(' State: ') + 8)) as Record<string, unknown>;
  };

  test('historical export on a fresh account: 50 units (folder missing 5, query 10, folder with its state 15, part 20)', () => {
    customers(1000, (i) => ({ custentity_hc_shop_cust_id: String(6620110000000 + i) }));
    const [run] = env.run('generate');
    expect(run.status).toBe('COMPLETE');
    // the folder's absence is learnt from the paged search's count: no page fetched
    expect(calls(run, 'Search.runPaged')).toBe(1);
    expect(calls(run, 'PagedData.fetch')).toBe(0);
    // the query runs before any write, so the folder is created with the export's final state and no
    // save follows the part (write-ahead)
    expect(calls(run, 'record.create')).toBe(1);
    expect(calls(run, 'record.submitFields')).toBe(0);
    expect(calls(run, 'File.save')).toBe(1);
    // the finishing execution keeps its facts in the folder, not in a run-history record
    expect(env.account.records.find('customrecord_hc_sync_run', () => true)).toHaveLength(0);
    expect(run.usage.total).toBe(50);
    expect(folderState()).toMatchObject({
      done: true,
      exported: 1000,
      nextPart: 2,
      run: { exported: 1000, parts: 1, duplicates: 0, unitsUsed: 50 },
    });
  });

  test('historical export where its folder exists: 45 units (lookup 10, query 10, state 5, part 20)', () => {
    customers(1000, (i) => ({ custentity_hc_shop_cust_id: String(6620110000000 + i) }));
    env.account.files.createFolder('Historical Shopify Customer CSV');
    const [run] = env.run('generate');
    expect(run.status).toBe('COMPLETE');
    expect(calls(run, 'record.submitFields')).toBe(1);
    expect(run.usage.total).toBe(45);
    expect(folderState()).toMatchObject({ done: true, run: { unitsUsed: 45 } });
    // a second run finds it finished: the part is checked (5), nothing written
    const [again] = env.run('generate');
    expect(calls(again, 'File.save') + calls(again, 'record.submitFields')).toBe(0);
    expect(again.logs.some((l) => l.title === 'Historical export already finished')).toBe(true);
  });
});
