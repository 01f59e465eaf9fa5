/**
 * What each execution of the scheduled chain pays per execution above its floor (bench/README.md, "The
 * scheduled chain's floor"), by API: the import checkpoint read by the id cached in N/cache
 * (search.lookupFields, 1 unit) instead of a search (10); a stale id (record deleted, inactive, or
 * another key's) or a dropped cache value falls back to the search, never to another record's state.
 * On creates, the reference lists' answers that a value exists travel in the checkpoint while a feed
 * is in progress (ImportState.refs): the next execution does not search the lists again (20 units).
 */
import type { RunningSftpServer, ExecutionResult } from '../../emulator/src';
import { Scheduler, clearCaches } from '../../emulator/src';
import { SCRIPTS } from '../../simulation/environment';
import type { CaseEnv } from './crashHarness';
import { expectSound, finalState, freshCase, kind, runAll, startServer, writeRemote } from './crashHarness';
import { feedText } from './helpers';
import { mapReduceFrom } from './mrScenarios';
import type { FaultSite } from '../../emulator/src';
import { IMPORT_CUSTOMER } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

let server: RunningSftpServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const SCRIPT = IMPORT_CUSTOMER.scriptId;
const CHECKPOINT = 'customrecord_hc_sync_checkpoint';
const feedName = (n: number) => `customer/export/customer-Feed-2026-12-01-10-00-0${n}-000.csv`;
const rows = (n: number, from: number) =>
  Array.from({ length: n }, (_, i) => ({ HCCustomerId: `HC${from + i}` }));
const calls = (r: ExecutionResult, api: string) => r.usage.byApi[api]?.calls ?? 0;

/** A 40-row feed that takes several executions at 500 units each. */
async function chainCase(tag: string): Promise<CaseEnv> {
  const c = await freshCase(server, tag);
  mapReduceFrom(c, 0);
  writeRemote(c, feedName(0), feedText(rows(40, 1)));
  c.env.account.usageLimits.set(SCRIPT, 500);
  return c;
}
const chain = (c: CaseEnv) => {
  const runs = runAll(c.env, 'import').filter((r) => r.scriptId === SCRIPT);
  expect(runs.map((r) => r.status).every((s) => s === 'COMPLETE')).toBe(true);
  return runs;
};
const importRecords = (c: CaseEnv) =>
  c.env.account.records.find(CHECKPOINT, (r) => r.values.custrecord_hc_cp_key === 'import');

test(`every execution after the first reads the import checkpoint by its cached id (${kind})`, async () => {
  const c = await chainCase('chain-by-id');
  const runs = chain(c);
  expect(runs.length).toBeGreaterThanOrEqual(3);
  // The first creates the checkpoint and caches its id (and the SFTP settings record's); the next
  // ones read both by id: two lookups, no Cache.put.
  expect(calls(runs[0], 'Cache.put')).toBe(2);
  for (const r of runs.slice(1)) {
    expect(calls(r, 'search.lookupFields')).toBe(2);
    expect(calls(r, 'Cache.put')).toBe(0);
  }
  expect(Object.keys(finalState(c).customers)).toHaveLength(40);
  expect(importRecords(c)).toHaveLength(1);
});

test(`a cached id whose record is gone, inactive or another key's is never used: the search finds the import's (${kind})`, async () => {
  const c = await chainCase('chain-stale');
  chain(c);
  const account = c.env.account;
  const more = (n: number, from: number) => {
    writeRemote(c, feedName(n), feedText(rows(10, from)));
    return chain(c);
  };
  // Inactive, a new record of the key in its place (empty): the new record is read and written.
  const [old] = importRecords(c);
  account.records.update(CHECKPOINT, old.id, { isinactive: true });
  const moved = account.records.create(CHECKPOINT, {
    ...old.values,
    externalid: 'moved',
    isinactive: false,
    custrecord_hc_cp_state: '',
  });
  const [inactiveRun] = more(1, 41);
  expect(calls(inactiveRun, 'ResultSet.getRange')).toBeGreaterThanOrEqual(1);
  expect(calls(inactiveRun, 'Cache.put')).toBe(1);
  expect(account.records.get(CHECKPOINT, old.id)!.values.custrecord_hc_cp_state).toBe(
    old.values.custrecord_hc_cp_state,
  );
  expect(String(account.records.get(CHECKPOINT, moved)!.values.custrecord_hc_cp_state)).toContain('"counts"');
  // Another key's: the import's record is found again by the search.
  account.records.update(CHECKPOINT, moved, { custrecord_hc_cp_key: 'other', isinactive: false });
  account.records.update(CHECKPOINT, old.id, { isinactive: false });
  const otherState = account.records.get(CHECKPOINT, moved)!.values.custrecord_hc_cp_state;
  const [otherRun] = more(2, 51);
  expect(calls(otherRun, 'Cache.put')).toBe(1);
  // The other key's record is never written by the import.
  expect(account.records.get(CHECKPOINT, moved)!.values.custrecord_hc_cp_state).toBe(otherState);
  // Deleted: the search finds none, a new checkpoint is created (and its id cached).
  for (const r of importRecords(c)) account.records.delete(CHECKPOINT, r.id);
  const [deletedRun] = more(3, 61);
  expect(calls(deletedRun, 'record.create')).toBeGreaterThanOrEqual(1);
  // NetSuite dropped the value: one search, the id cached again.
  clearCaches(account);
  const [droppedRun] = more(4, 71);
  expect(calls(droppedRun, 'Cache.put')).toBe(2);
  const s = finalState(c);
  expectSound(s);
  expect(Object.keys(s.customers)).toHaveLength(80);
  expect(importRecords(c)).toHaveLength(1);
});

/** One execution of the queued tasks (the first one queued as the schedule fires). */
function step(c: CaseEnv): ExecutionResult {
  const account = c.env.account;
  if (!account.tasks.nextPending())
    account.tasks.add({
      taskType: 'SCHEDULED_SCRIPT',
      scriptId: SCRIPT,
      deploymentId: SCRIPTS.import.deploymentId,
      params: {},
      status: 'PENDING',
      submittedAt: account.now(),
    });
  const r = new Scheduler(account).runNext()!;
  expect([r.scriptId, r.status]).toEqual([SCRIPT, 'COMPLETE']);
  return r;
}
const importState = (c: CaseEnv) =>
  JSON.parse(String(importRecords(c)[0].values.custrecord_hc_cp_state)) as {
    file: string | null;
    refs?: object;
  };

test(`on creates, the next execution answers the reference lists from the checkpoint; the answers go when the chain ends (${kind})`, async () => {
  const kept = await chainCase('refs-kept');
  const dropped = await chainCase('refs-dropped');
  for (const c of [kept, dropped]) step(c);
  // Stopped inside the feed: the status and the subsidiary its rows name were found to exist.
  const state = importState(kept);
  expect(state.file).toBeTruthy();
  expect(state.refs).toEqual({ 's:customer-closed won': expect.any(String), 'u:2': true });
  // Without them (as before), the next execution searches both lists again: 2 pages, 20 units.
  const [cp] = importRecords(dropped);
  const { refs, ...rest } = importState(dropped);
  expect(refs).toBeDefined();
  putState(dropped, cp.id, rest);
  const [withRefs, without] = [step(kept), step(dropped)];
  expect(calls(without, 'ResultSet.getRange') - calls(withRefs, 'ResultSet.getRange')).toBe(2);
  const pageUnits = (r: ExecutionResult) => r.usage.byApi['ResultSet.getRange']?.units ?? 0;
  expect(pageUnits(without) - pageUnits(withRefs)).toBe(20);
  // The chains finish alike, and the answers are dropped with the last execution.
  for (const c of [kept, dropped]) new Scheduler(c.env.account).run();
  expect(importState(kept).file).toBeNull();
  expect(importState(kept).refs).toBeUndefined();
  expect(finalState(kept)).toEqual(finalState(dropped));
  expect(Object.keys(finalState(kept).customers)).toHaveLength(40);
});

function putState(c: CaseEnv, id: number | string, state: object): void {
  c.env.account.records.update(CHECKPOINT, id, { custrecord_hc_cp_state: JSON.stringify(state) });
}

test(`HC_MR_ImportCustomer's summarize reads the import checkpoint by the id its getInputData cached (${kind})`, async () => {
  const c = await freshCase(server, 'mr-by-id');
  writeRemote(c, feedName(0), feedText(rows(2, 1)));
  mapReduceFrom(c, 1);
  const calls: string[] = [];
  const record = (api: string, at?: FaultSite) => {
    calls.push(`${at?.stage ?? 'scheduled'} ${api}`);
    return false;
  };
  expect(runAll(c.env, 'import', { shouldCrash: record }).every((r) => r.status === 'COMPLETE')).toBe(true);
  const count = (call: string) => calls.filter((x) => x === call).length;
  // getInputData finds both records by a search and caches their ids (the map/reduce's own cache);
  // summarize reads both by id: the checkpoint's and the SFTP settings record's lookups.
  expect(count('getInputData Cache.put')).toBe(2);
  expect(count('summarize search.lookupFields')).toBe(2);
  expect(Object.keys(finalState(c).customers)).toHaveLength(2);
});
