/**
 * An execution that finishes a feed and then hands the next ones to HC_MR_ImportCustomer, crashed at
 * EVERY charged call of that execution (the handoff's checkpoint save and its task.submit included),
 * then run on to the end: the final state equals the uninterrupted run's, and the finished feed's
 * rows are reported once, in some execution's AUDIT lines (the handoff's save takes it out of the
 * checkpoint, so its line is logged before the submit).
 */
import type { RunningSftpServer, FaultPlan } from '../../emulator/src';
import type { CaseEnv, FinalState } from './crashHarness';
import {
  countingPlan,
  expectSound,
  feedReports,
  freshCase,
  kind,
  runAll,
  startServer,
  writeRemote,
} from './crashHarness';
import { comparableState, importAll, mapReduceFrom, mrRuns } from './mrScenarios';
import { feedText } from './helpers';

const FAILED_FEED = 'customer-Feed-2026-11-26-09-00-00-000.csv';

/** A feed that is no feed (failed/ at once), then a backlog of 6 rows handed over (5 are enough). */
function scenario(c: CaseEnv): void {
  mapReduceFrom(c, 5);
  writeRemote(c, `customer/export/${FAILED_FEED}`, '\u0000\u0001binary');
  writeRemote(
    c,
    'customer/export/customer-Feed-2026-11-26-10-00-00-000.csv',
    feedText(Array.from({ length: 6 }, (_, i) => ({ HCCustomerId: `HC${i + 1}` }))),
  );
}

const crashOnceAt = (n: number): FaultPlan => {
  let seen = 0;
  return { shouldCrash: () => ++seen === n };
};

let server: RunningSftpServer;
let baseline: FinalState;
let calls: string[];
let reports: Record<string, number[]>;
beforeAll(async () => {
  server = await startServer();
  const c = await freshCase(server, 'hobase');
  scenario(c);
  const plan = countingPlan();
  const runs = runAll(c.env, 'import', plan);
  expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
  expect(mrRuns(runs)).toHaveLength(1);
  calls = plan.calls;
  reports = feedReports(runs);
  baseline = comparableState(c);
  expectSound(baseline);
});
afterAll(() => server?.stop());

test(`a feed finished before a handoff, against ${kind}: a crash at every charged call reports it once`, async () => {
  // The failed feed is finished by the execution that hands the backlog over.
  expect(reports[FAILED_FEED]).toEqual([1]);
  // The execution that fails the feed and hands the backlog over ends at its task.submit; the
  // map/reduce's own stages are crashed call by call in crashImportMapReduce*.test.ts.
  const submitAt = calls.findIndex((api) => api.startsWith('task.')) + 1;
  expect(submitAt).toBeGreaterThan(10);
  for (let n = 1; n <= submitAt; n++) {
    const c = await freshCase(server, 'hocrash');
    scenario(c);
    const runs = runAll(c.env, 'import', crashOnceAt(n));
    for (let i = 0; i < 2; i++) runs.push(...importAll(c));
    const state = comparableState(c);
    expectSound(state);
    const at = [n, calls[n - 1]];
    expect([...at, state]).toEqual([...at, baseline]);
    expect([...at, feedReports(runs)]).toEqual([...at, reports]);
  }
});
