/**
 * HC_MR_ImportCustomer against the scheduled path, with the BUILT scripts in the emulator and a real
 * SFTP server: the same feeds, once through HC_SC_ImportCustomer alone (handoff off) and once handed
 * to the map/reduce, in fresh accounts; the final SFTP folders (every report byte for byte) and the
 * NetSuite customers must be the same. The hostile corpus feed by feed, duplicate-prone backlogs
 * under several concurrency seeds and processor counts, and the lease that covers both paths.
 */
import type { RunningSftpServer, ExecutionResult } from '../../emulator/src';
import { atCall } from '../../emulator/src';
import { ON_DEMAND, expectSound, freshCase, kind, runAll, startServer } from './crashHarness';
import { importScenario } from './crashScenarios';
import {
  MR_SCRIPT_ID,
  bothPaths,
  comparableState,
  duplicateScenario,
  importAll,
  mapReduceFrom,
  mrRuns,
} from './mrScenarios';
import { IMPORT_CUSTOMER, IMPORT_CUSTOMER_MR } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

let server: RunningSftpServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const summaries = (runs: ExecutionResult[], title: RegExp) =>
  runs.flatMap((r) =>
    r.logs.filter((l) => l.level === 'AUDIT' && title.test(l.title)).map((l) => JSON.parse(l.details)),
  );

describe(`map/reduce import = scheduled import, byte for byte (${kind})`, () => {
  test('two feeds, a link, bad rows, a missing HC id and a binary file', async () => {
    const { scheduled, mapReduce, runs, scheduledRuns } = await bothPaths(server, (c) =>
      importScenario(c, 4),
    );
    expect(mrRuns(runs)).toHaveLength(1);
    expect(mapReduce).toEqual(scheduled);
    // The AUDIT summaries count the same rows.
    const total = (list: { totals: Record<string, number> }[]) =>
      list.reduce(
        (t, s) => {
          for (const [k, v] of Object.entries(s.totals)) t[k] = (t[k] ?? 0) + v;
          return t;
        },
        {} as Record<string, number>,
      );
    expect(total(summaries(runs, / summary$/))).toEqual(total(summaries(scheduledRuns, / summary$/)));
    const mrSummary = summaries(runs, /^HC_MR_ImportCustomer summary$/)[0];
    expect(mrSummary).toMatchObject({ archived: 2, handedOff: null, inProgress: null, stageErrors: 0 });
  });

  test('duplicate-prone feeds (same ids in one feed and across feeds, shared email, conflicts)', async () => {
    const { scheduled, mapReduce, runs } = await bothPaths(server, (c) => duplicateScenario(c));
    expect(mrRuns(runs)).toHaveLength(1);
    expect(mapReduce).toEqual(scheduled);
    // A conflict with a customer created in the same run is reported (its id normalised above).
    const errors = Object.entries(scheduled.remote).find(([k]) => k.startsWith('customer/export/error/'));
    expect(errors?.[1]).toMatch(/LINKED_TO_OTHER_HC_CUSTOMER/);
  });

  test.each([1, 2, 3, 4, 5, 6])(
    'duplicate-prone feeds on 5 processors, concurrency seed %i',
    async (seed) => {
      const { scheduled, mapReduce, runs } = await bothPaths(server, (c) => duplicateScenario(c, 12), {
        processors: 5,
        seed,
      });
      expect(mrRuns(runs)[0].mapReduce!.concurrency).toBe(5);
      expect(mapReduce).toEqual(scheduled);
    },
  );
});

describe(`the lease covers both paths (${kind})`, () => {
  test('while the map/reduce holds the feeds, both scheduled deployments leave them alone', async () => {
    const c = await freshCase(server, 'lease');
    importScenario(c, 3);
    mapReduceFrom(c, 1);
    const skipped: (string | null)[] = [];
    // At the map/reduce's first customer save, run both scheduled deployments.
    const runs = runAll(
      c.env,
      'import',
      atCall('Record.save', 3, () => {
        for (const dep of [IMPORT_CUSTOMER.deploymentId, ON_DEMAND.import]) {
          const other = runAll(c.env, 'import', undefined, dep);
          skipped.push(...summaries(other, / summary$/).map((s: { skipped: string | null }) => s.skipped));
        }
      }),
    );
    expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
    expect(skipped.length).toBeGreaterThanOrEqual(2);
    for (const s of skipped) expect(s).toMatch(`${IMPORT_CUSTOMER_MR.deploymentId} is importing`);
    expectSound(comparableState(c));
  });

  test('a handoff cut short before its submit is submitted again by the next run; after 3 failed attempts the feeds come back', async () => {
    const c = await freshCase(server, 'handoff');
    importScenario(c, 3);
    mapReduceFrom(c, 1);
    // The submit of the handoff crashes: the checkpoint holds the handoff, no job is queued.
    const first = runAll(c.env, 'import', {
      shouldCrash: (api: string) => api === 'task.MapReduceScriptTask.submit',
    });
    expect(first.map((r) => r.status)).toEqual(['CRASHED']);
    const next = importAll(c);
    expect(next.every((r) => r.status === 'COMPLETE')).toBe(true);
    expect(mrRuns(next)).toHaveLength(1);
    expect(summaries(next, / summary$/)[0].skipped).toMatch(/submitted again \(attempt 2\)/);
    const state = comparableState(c);
    expectSound(state);
    expect(Object.keys(state.customers)).toHaveLength(7);

    // A map/reduce that never finishes (every getInputData crashes): handed back after 3 attempts.
    const d = await freshCase(server, 'giveback');
    importScenario(d, 3);
    mapReduceFrom(d, 1);
    const crashGetInput = {
      shouldCrash: (_api: string, at?: { stage?: string }) => at?.stage === 'getInputData',
    };
    for (let i = 0; i < 3; i++) runAll(d.env, 'import', crashGetInput);
    const back = importAll(d);
    expect(back.every((r) => r.status === 'COMPLETE')).toBe(true);
    const after = comparableState(d);
    expectSound(after);
    expect(Object.keys(after.customers)).toHaveLength(7);
    expect(back.some((r) => r.logs.some((l) => /did not finish/.test(l.title)))).toBe(true);
  });
});

test(`a map/reduce deployment that cannot be submitted leaves the feeds to the scheduled path (${kind})`, async () => {
  const c = await freshCase(server, 'nodeploy');
  importScenario(c, 3);
  mapReduceFrom(c, 1);
  for (const d of c.env.account.script(MR_SCRIPT_ID).deployments) d.isDeployed = false;
  const runs = importAll(c);
  expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
  expect(mrRuns(runs)).toHaveLength(0);
  expect(runs[0].logs.some((l) => l.level === 'ERROR' && /cannot hand feeds/.test(l.title))).toBe(true);
  const state = comparableState(c);
  expectSound(state);
  expect(Object.keys(state.customers)).toHaveLength(7);
  expect(Object.keys(state.remote).filter((n) => n.startsWith('customer/export/archive/'))).toHaveLength(2);
  expect(state.checkpoints.import[0]).not.toHaveProperty('handoff');
});
