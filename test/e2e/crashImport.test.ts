/**
 * The import crashed at EVERY governance-charged call of an uninterrupted run (one execution), then
 * re-run to completion: the final state equals the uninterrupted run's (no customer twice, no row
 * lost, the same reports and archive, no temporary file, one checkpoint).
 */
import type { RunningSftpServer } from '../../emulator/src';
import { crashAtCall } from '../../emulator/src';
import type { FinalState } from './crashHarness';
import {
  countingPlan,
  expectSound,
  feedReports,
  finalState,
  freshCase,
  kind,
  runAll,
  startServer,
} from './crashHarness';
import { importScenario } from './crashScenarios';

let server: RunningSftpServer;
let baseline: FinalState;
let calls: string[];
let reports: Record<string, number[]>;
beforeAll(async () => {
  server = await startServer();
  const c = await freshCase(server, 'base');
  importScenario(c);
  const plan = countingPlan();
  const runs = runAll(c.env, 'import', plan);
  expect(runs.map((r) => r.status)).toEqual(['COMPLETE']);
  calls = plan.calls;
  reports = feedReports(runs);
  baseline = finalState(c);
  expectSound(baseline);
});
afterAll(() => server?.stop());

test(`import against ${kind}: a crash at every charged call, then a re-run, ends as the uninterrupted run`, async () => {
  expect(calls.length).toBeGreaterThan(20);
  expect(Object.keys(baseline.customers)).toHaveLength(9);
  for (let n = 1; n <= calls.length; n++) {
    const c = await freshCase(server, 'crash');
    importScenario(c);
    const crashed = runAll(c.env, 'import', crashAtCall(n));
    expect([n, crashed.some((r) => r.status === 'CRASHED')]).toEqual([n, true]);
    const rerun = runAll(c.env, 'import');
    expect([n, calls[n - 1], rerun.every((r) => r.status === 'COMPLETE')]).toEqual([n, calls[n - 1], true]);
    const state = finalState(c);
    expectSound(state);
    expect([n, calls[n - 1], state]).toEqual([n, calls[n - 1], baseline]);
    // Every feed's rows reported once, by the crashed execution or a re-run (never lost, never twice).
    expect([n, calls[n - 1], feedReports([...crashed, ...rerun])]).toEqual([n, calls[n - 1], reports]);
  }
});

test('the crash points cover every kind of charged call the import makes', () => {
  for (const api of [
    'search',
    'Record.save',
    'record.submitFields',
    'sftp.Connection.upload',
    'sftp.Connection.move',
  ])
    expect([api, calls.some((c) => c.startsWith(api))]).toEqual([api, true]);
});
