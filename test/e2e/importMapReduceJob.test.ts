/**
 * What HC_MR_ImportCustomer's job does around the rows, with the BUILT scripts in the emulator and a
 * real SFTP server: summarize replays the outcomes against the feed texts getInputData read (no
 * second download, unless the feed was replaced meanwhile), queues HC_SC_ImportCustomer only when
 * feeds are waiting, and writes a run-history entry; the scheduled import hands a backlog its listing
 * shows to be large over without reading it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExecutionResult, RunningSftpServer } from '../../emulator/src';
import { atCall } from '../../emulator/src';
import { expectSound, freshCase, kind, runAll, startServer, writeRemote } from './crashHarness';
import type { CaseEnv } from './crashHarness';
import { importScenario } from './crashScenarios';
import { feedText } from './helpers';
import type { FeedCustomer } from './helpers';
import { MR_SCRIPT_ID, comparableState, importAll, mapReduceFrom, mrRuns } from './mrScenarios';
import { IMPORT_CUSTOMER, IMPORT_CUSTOMER_MR } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

let server: RunningSftpServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const SCHEDULED_ID = IMPORT_CUSTOMER.scriptId;
const downloads = (r: ExecutionResult) => r.usage.byApi['sftp.Connection.download']?.calls ?? 0;
const audits = (r: ExecutionResult, title: RegExp) =>
  r.logs.filter((l) => l.level === 'AUDIT' && title.test(l.title)).map((l) => JSON.parse(l.details));
const handedOff = (runs: ExecutionResult[]): string[] =>
  runs
    .filter((r) => r.scriptId === SCHEDULED_ID)
    .flatMap((r) => audits(r, /^HC_SC_ImportCustomer summary$/))
    .flatMap((s: { handedOff: string[] | null }) => s.handedOff ?? []);
const people = (n: number, from: number, extra: Partial<FeedCustomer> = {}): FeedCustomer[] =>
  Array.from({ length: n }, (_, i) => ({ HCCustomerId: `HC${from + i}`, ...extra }));
const feedName = (i: number) =>
  `customer/export/customer-Feed-2026-11-26-10-${String(i).padStart(2, '0')}-00-000.csv`;

describe(`summarize and the feed texts (${kind})`, () => {
  test('each handed feed is downloaded once in the whole job: summarize replays the text getInputData read', async () => {
    const c = await freshCase(server, 'once');
    importScenario(c, 3);
    mapReduceFrom(c, 1);
    const runs = importAll(c);
    expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
    const [mr] = mrRuns(runs);
    const handed = handedOff(runs);
    expect(handed.length).toBeGreaterThanOrEqual(2);
    expect(downloads(mr)).toBe(handed.length);
    expectSound(comparableState(c));
  });

  test('a feed replaced on the SFTP server during the job: the version read is reported, the new one left to the scheduled path', async () => {
    const c = await freshCase(server, 'replaced');
    writeRemote(c, feedName(0), feedText(people(3, 1)));
    writeRemote(c, feedName(5), feedText(people(3, 101)));
    mapReduceFrom(c, 1);
    // At the reduce stage's first customer save, HotWax writes the second feed again, longer.
    const runs = runAll(
      c.env,
      'import',
      atCall('Record.save', 3, () => writeRemote(c, feedName(5), feedText(people(6, 101)))),
    );
    expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
    const [mr] = mrRuns(runs);
    // Summarize replays the text getInputData read; its fingerprint no longer matches the listing.
    expect(downloads(mr)).toBe(2);
    expect(
      mr.logs.some((l) => /feed-2026-11-26-10-05.*changed while it was being imported/i.test(l.title)),
    ).toBe(true);
    // Every row of the text now on the server is a customer: the scheduled path imported the rest.
    const state = comparableState(c);
    expectSound(state);
    expect(Object.keys(state.customers).sort()).toEqual(
      ['HC1', 'HC2', 'HC3', 'HC101', 'HC102', 'HC103', 'HC104', 'HC105', 'HC106'].sort(),
    );
  });
});

describe(`after the job (${kind})`, () => {
  test('with every feed finished, summarize queues nothing; with feeds waiting, HC_SC_ImportCustomer at once', async () => {
    const done = await freshCase(server, 'nothing-waiting');
    writeRemote(done, feedName(0), feedText(people(3, 1)));
    writeRemote(done, feedName(5), feedText(people(3, 101)));
    mapReduceFrom(done, 1);
    const runs = importAll(done);
    expect(runs.map((r) => r.scriptId)).toEqual([SCHEDULED_ID, MR_SCRIPT_ID]);
    expect(audits(runs[1], /^HC_MR_ImportCustomer summary$/)[0].rescheduled).toBe(false);
    expectSound(comparableState(done));

    // 26 feeds: one handoff takes 25, the 26th waits for the scheduled import the summarize queues.
    const more = await freshCase(server, 'feeds-waiting');
    for (let i = 0; i < 26; i++) writeRemote(more, feedName(i), feedText(people(2, 100 * i + 1)));
    mapReduceFrom(more, 1);
    const after = importAll(more);
    expect(after.every((r) => r.status === 'COMPLETE')).toBe(true);
    expect(after.map((r) => r.scriptId).slice(0, 3)).toEqual([SCHEDULED_ID, MR_SCRIPT_ID, SCHEDULED_ID]);
    expect(audits(after[1], /^HC_MR_ImportCustomer summary$/)[0].rescheduled).toBe(true);
    const state = comparableState(more);
    expectSound(state);
    expect(Object.keys(state.customers)).toHaveLength(52);
  });

  test('the job writes a run-history entry for the status page, as the scheduled import does', async () => {
    const c = await freshCase(server, 'history');
    importScenario(c, 3);
    mapReduceFrom(c, 1);
    const runs = importAll(c);
    const [mr] = mrRuns(runs);
    const summary = audits(mr, /^HC_MR_ImportCustomer summary$/)[0];
    const entries = [...c.env.account.records.all('customrecord_hc_sync_run')].filter(
      (r) => r.values.custrecord_hc_run_script === MR_SCRIPT_ID,
    );
    expect(entries).toHaveLength(1);
    const e = entries[0].values;
    expect(e.custrecord_hc_run_deployment).toBe(IMPORT_CUSTOMER_MR.deploymentId);
    // The binary file went back to the scheduled import, which summarize queued.
    expect(summary.rescheduled).toBe(true);
    expect(e.custrecord_hc_run_outcome).toBe('rescheduled');
    const stored = JSON.parse(String(e.custrecord_hc_run_summary));
    expect(stored.totals).toEqual(summary.totals);
    // Every feed handed over: the two summarize finished, the binary file getInputData gave back.
    expect(stored.fileResults.map((f: { name: string; outcome: string }) => [f.name, f.outcome])).toEqual([
      ['customer-Feed-2026-11-26-10-00-00-000.csv', 'archived'],
      ['customer-Feed-2026-11-26-10-05-00-000.csv', 'archived'],
      ['customer-Feed-2026-11-26-10-10-00-000.csv', 'given back'],
    ]);
    // The bad rows of the first feed, as its error report holds them.
    expect(Number(e.custrecord_hc_run_errors)).toBe(summary.totals.errors);
    expect(stored.errorRows.map((r: { lineNumber: number }) => r.lineNumber).sort()).toEqual([6, 7]);
  });
});

describe(`the handoff (${kind})`, () => {
  const backlog = (c: CaseEnv) => {
    for (let i = 0; i < 3; i++) writeRemote(c, feedName(i), feedText(people(40, 100 * i + 1)));
  };
  /** The rows the listing alone vouches for: each feed's size at 1,000 bytes a row. */
  const listedRows = (c: CaseEnv) =>
    fs
      .readdirSync(path.join(c.base, 'customer/export'))
      .filter((n) => n.endsWith('.csv'))
      .reduce((n, f) => n + Math.round(fs.statSync(path.join(c.base, 'customer/export', f)).size / 1000), 0);

  test('a backlog whose listing alone holds the threshold (at 1,000 bytes a row) is handed over unread', async () => {
    const c = await freshCase(server, 'unread');
    backlog(c);
    expect(listedRows(c)).toBeGreaterThan(1);
    mapReduceFrom(c, listedRows(c));
    const runs = importAll(c);
    expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
    expect(runs[0].scriptId).toBe(SCHEDULED_ID);
    expect(downloads(runs[0])).toBe(0);
    expect(handedOff(runs)).toHaveLength(3);
    const state = comparableState(c);
    expectSound(state);
    expect(Object.keys(state.customers)).toHaveLength(120);
  });

  test('a backlog that looks smaller is read first and its rows counted', async () => {
    const c = await freshCase(server, 'counted');
    backlog(c);
    mapReduceFrom(c, listedRows(c) + 1);
    const runs = importAll(c);
    expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
    expect(downloads(runs[0])).toBe(1);
    expect(handedOff(runs)).toHaveLength(3);
    expectSound(comparableState(c));
  });
});
