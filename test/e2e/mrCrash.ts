/**
 * Shared by crashImportMapReduce*.test.ts and crashImportHandoff.test.ts. The map/reduce import crashed at EVERY charged call of a handed-over run (the scheduled execution
 * that hands over, getInputData, reduce, summarize, the scheduled run it queues), then run on to the
 * end: the final state equals the uninterrupted run's (no customer twice, no row lost, the same
 * reports and archive, no temporary file, one checkpoint). Two ways a crash ends: the whole job stops
 * (the next scheduled run submits the handoff again), or NetSuite restarts the stage (isRestarted).
 */
import type { RunningSftpServer, FaultPlan } from '../../emulator/src';
import type { FinalState } from './crashHarness';
import { countingPlan, expectSound, feedReports, freshCase, kind, runAll, startServer } from './crashHarness';
import { comparableState, duplicateScenario, importAll, mapReduceFrom, mrRuns } from './mrScenarios';
import type { CaseEnv } from './crashHarness';

/** Crashes once, at the nth charged call (a restarted stage then goes on). */
export function crashOnceAt(n: number): FaultPlan {
  let seen = 0;
  return { shouldCrash: () => ++seen === n };
}

/** The uninterrupted run of a handed-over import: its charged calls, their stages, reports, final state. */
export interface MapReduceBaseline {
  calls: string[];
  stages: string[];
  reports: Record<string, number[]>;
  baseline: FinalState;
}

export async function mapReduceBaseline(
  server: RunningSftpServer,
  scenario: (c: CaseEnv) => void,
): Promise<MapReduceBaseline> {
  const c = await freshCase(server, 'mrbase');
  scenario(c);
  const plan = countingPlan();
  const stages: string[] = [];
  const counting: FaultPlan = {
    shouldCrash(api, at) {
      stages.push(at?.stage ?? 'scheduled');
      return plan.shouldCrash(api);
    },
  };
  const runs = runAll(c.env, 'import', counting);
  expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
  expect(mrRuns(runs)).toHaveLength(1);
  const baseline = comparableState(c);
  expectSound(baseline);
  return { calls: plan.calls, stages, reports: feedReports(runs), baseline };
}

/**
 * A fresh case crashed once at call n, then imported on to the end (what the crash left, a handoff to
 * submit again or a feed in progress, is done by the next runs): its state equals the baseline's, and
 * every feed's rows are reported once, in some summary (never lost, never twice).
 */
export async function expectCrashAtSound(
  server: RunningSftpServer,
  scenario: (c: CaseEnv) => void,
  base: MapReduceBaseline,
  n: number,
  restartStage = false,
): Promise<void> {
  const c = await freshCase(server, 'mrcrash');
  scenario(c);
  const runs = runAll(c.env, 'import', crashOnceAt(n), undefined, restartStage);
  for (let i = 0; i < 2; i++) runs.push(...importAll(c));
  const state = comparableState(c);
  expectSound(state);
  const at = [n, base.calls[n - 1], base.stages[n - 1]];
  expect([...at, state]).toEqual([...at, base.baseline]);
  expect([...at, feedReports(runs)]).toEqual([...at, base.reports]);
}

export function crashEveryCall(restart: boolean): void {
  let server: RunningSftpServer;
  let base: MapReduceBaseline;

  const scenario = (c: CaseEnv) => {
    duplicateScenario(c, 0);
    mapReduceFrom(c, 1);
  };

  beforeAll(async () => {
    server = await startServer();
    base = await mapReduceBaseline(server, scenario);
  });
  afterAll(() => server?.stop());

  test('the crash points cover every stage and every kind of charged call', () => {
    for (const s of ['scheduled', 'getInputData', 'reduce', 'summarize'])
      expect([s, base.stages.includes(s)]).toEqual([s, true]);
    for (const api of [
      'search',
      'Record.save',
      'record.submitFields',
      'sftp.Connection.upload',
      'sftp.Connection.move',
      'task.',
    ])
      expect([api, base.calls.some((c) => c.startsWith(api))]).toEqual([api, true]);
  });

  test.each([
    restart
      ? ['NetSuite restarts the stage', true]
      : ['the job stops; the next scheduled run goes on', false],
  ] as [string, boolean][])(
    `map/reduce import against ${kind}: a crash at every charged call (%s)`,
    async (_label, restartStage) => {
      for (let n = 1; n <= base.calls.length; n++)
        await expectCrashAtSound(server, scenario, base, n, restartStage);
    },
  );
}
