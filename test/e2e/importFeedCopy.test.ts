/**
 * A feed that spans executions is downloaded once: the execution that stops inside it keeps a copy
 * in the File Cabinet folder "HotWax Customer Feed In Progress", the next ones read it back
 * (file.load 10 units instead of N/sftp download 100), and the copy is deleted once the feed is
 * archived. With the feed's fingerprint in the checkpoint the copy is read whatever the listing shows
 * (it is the version read); a rewrite is seen before the move (rewriteChecks.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RunningSftpServer, ExecutionResult } from '../../emulator/src';
import { crashAtCall } from '../../emulator/src';
import type { CaseEnv } from './crashHarness';
import {
  countingPlan,
  expectSound,
  finalState,
  freshCase,
  kind,
  runAll,
  runFirstImportExecution,
  startServer,
  writeRemote,
} from './crashHarness';
import { feedText } from './helpers';
import { mapReduceFrom } from './mrScenarios';
import { IMPORT_CUSTOMER } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

let server: RunningSftpServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const SCRIPT = IMPORT_CUSTOMER.scriptId;
const FEED = 'customer/export/customer-Feed-2026-12-01-10-00-00-000.csv';
const COPY_FOLDER = 'HotWax Customer Feed In Progress';

const rows = (n: number, from: number) =>
  Array.from({ length: n }, (_, i) => ({ HCCustomerId: `HC${from + i}` }));

async function spreadCase(tag: string): Promise<CaseEnv> {
  const c = await freshCase(server, tag);
  mapReduceFrom(c, 0);
  writeRemote(c, FEED, feedText(rows(40, 1)));
  c.env.account.usageLimits.set(SCRIPT, 500);
  return c;
}
const calls = (r: ExecutionResult, api: string) => r.usage.byApi[api]?.calls ?? 0;
const copies = (c: CaseEnv) =>
  c.env.account.files
    .list()
    .filter((f) => c.env.account.records.get('folder', f.folder)?.values.name === COPY_FOLDER);

test(`a feed spread over 3 executions is downloaded once, read back from its copy, and the copy deleted (${kind})`, async () => {
  const c = await spreadCase('copy');
  const runs = runAll(c.env, 'import').filter((r) => r.scriptId === SCRIPT);
  expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
  expect(runs.length).toBeGreaterThanOrEqual(3);
  expect(runs.map((r) => calls(r, 'sftp.Connection.download'))).toEqual([1, ...runs.slice(1).map(() => 0)]);
  // The first execution writes the copy; the next ones read it; the last one deletes it.
  expect(calls(runs[0], 'File.save')).toBe(1);
  for (const r of runs.slice(1)) expect(calls(r, 'file.load')).toBeGreaterThanOrEqual(1);
  expect(calls(runs[runs.length - 1], 'file.delete')).toBe(1);
  expect(copies(c)).toEqual([]);
  const state = finalState(c);
  expectSound(state);
  expect(Object.keys(state.customers)).toHaveLength(40);
  expect(Object.keys(state.remote)).toEqual([
    'customer/export/archive/customer-Feed-2026-12-01-10-00-00-000.csv',
  ]);

  // The same feed in one execution: the same final state (customers, files, checkpoint).
  const one = await freshCase(server, 'copy-one');
  mapReduceFrom(one, 0);
  writeRemote(one, FEED, feedText(rows(40, 1)));
  expect(runAll(one.env, 'import').map((r) => r.status)).toEqual(['COMPLETE']);
  expect(state).toEqual(finalState(one));
});

test(`a feed changed under the same name: the version read is finished from its copy, the new one taken up as a new feed (${kind})`, async () => {
  // One execution stops inside the feed; then the feed is rewritten (same name, other size and time).
  const d = await spreadCase('copy-changed');
  const limited = runFirstImportExecution(d);
  expect(calls(limited, 'sftp.Connection.download')).toBe(1);
  expect(copies(d)).toHaveLength(1);
  const file = path.join(d.base, FEED);
  fs.writeFileSync(file, feedText([...rows(40, 1), ...rows(2, 500)]));
  fs.utimesSync(file, new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
  const rest = runAll(d.env, 'import').filter((r) => r.scriptId === SCRIPT);
  expect(rest.every((r) => r.status === 'COMPLETE')).toBe(true);
  // The copy finishes the version read (its every row), which is not archived: the file on the
  // server is another one, downloaded once and imported from line 1 under a new tag.
  expect(rest.reduce((n, r) => n + calls(r, 'sftp.Connection.download'), 0)).toBe(1);
  expect(rest.some((r) => r.logs.some((l) => /changed while it was being imported/.test(l.title)))).toBe(
    true,
  );
  expect(copies(d)).toEqual([]);
  // The rows of the new file are imported: its two new customers too.
  const state = finalState(d);
  expectSound(state);
  expect(Object.keys(state.customers)).toEqual(expect.arrayContaining(['HC500', 'HC501']));
});

test(`a copy that is gone (deleted by hand) is downloaded instead (${kind})`, async () => {
  const d = await spreadCase('copy-gone');
  runFirstImportExecution(d);
  const [copy] = copies(d);
  expect(copy).toBeDefined();
  d.env.account.files.delete(copy.id);
  const rest = runAll(d.env, 'import').filter((r) => r.scriptId === SCRIPT);
  expect(rest.every((r) => r.status === 'COMPLETE')).toBe(true);
  expect(calls(rest[0], 'sftp.Connection.download')).toBe(1);
  const state = finalState(d);
  expectSound(state);
  expect(Object.keys(state.customers)).toHaveLength(40);
  expect(copies(d)).toEqual([]);
});

test(`a crash at each call around the copy's save, reads and delete, then a re-run: the uninterrupted run's state, no copy left (${kind})`, async () => {
  const base = await spreadCase('copy-base');
  const plan = countingPlan();
  expect(runAll(base.env, 'import', plan).every((r) => r.status === 'COMPLETE')).toBe(true);
  const baseline = finalState(base);
  expect(baseline.cabinet).toEqual({});
  const points = new Set<number>();
  plan.calls.forEach((api, i) => {
    if (/^(File\.save|file\.load|file\.delete)/.test(api))
      for (let k = -2; k <= 2; k++) points.add(i + 1 + k);
  });
  expect(points.size).toBeGreaterThanOrEqual(12);
  for (const n of [...points].filter((p) => p >= 1 && p <= plan.calls.length)) {
    const c = await spreadCase('copy-crash');
    const crashed = runAll(c.env, 'import', crashAtCall(n));
    expect([n, crashed.some((r) => r.status === 'CRASHED')]).toEqual([n, true]);
    const rerun = runAll(c.env, 'import');
    expect([n, plan.calls[n - 1], rerun.every((r) => r.status === 'COMPLETE')]).toEqual([
      n,
      plan.calls[n - 1],
      true,
    ]);
    const state = finalState(c);
    expectSound(state);
    expect([n, plan.calls[n - 1], state]).toEqual([n, plan.calls[n - 1], baseline]);
  }
});
