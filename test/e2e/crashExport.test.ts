/**
 * The id export and the historical export and upload, crashed at EVERY governance-charged call of an
 * uninterrupted run, then re-run to completion: the same final state (every party identification line
 * at least once, no temporary file, one checkpoint; every historical customer exactly once, every
 * part uploaded and archived).
 */
import type { RunningSftpServer } from '../../emulator/src';
import { crashAtCall } from '../../emulator/src';
import type { ScriptKey } from '../../simulation/environment';
import type { CaseEnv, FinalState } from './crashHarness';
import { countingPlan, expectSound, finalState, freshCase, kind, runAll, startServer } from './crashHarness';
import { exportScenario, historicalScenario } from './crashScenarios';

let server: RunningSftpServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const flows: [string, (c: CaseEnv) => void, ScriptKey[]][] = [
  ['id export', exportScenario, ['export']],
  ['historical export then upload', historicalScenario, ['generate', 'upload']],
];

test.each(flows)(
  `%s against ${kind}: a crash at every charged call, then a re-run, ends as the uninterrupted run`,
  async (_label, scenario, keys) => {
    const base = await freshCase(server, 'base');
    scenario(base);
    const plan = countingPlan();
    for (const k of keys) expect(runAll(base.env, k, plan).every((r) => r.status === 'COMPLETE')).toBe(true);
    const calls = plan.calls;
    const baseline: FinalState = finalState(base);
    expectSound(baseline);
    expect(calls.some((c) => c.startsWith('sftp.Connection.upload'))).toBe(true);
    for (let n = 1; n <= calls.length; n++) {
      const c = await freshCase(server, 'crash');
      scenario(c);
      const crash = crashAtCall(n);
      // One global count over the whole flow: the crash hits the script it falls in; later scripts
      // of the flow then run as the administrator would, and every script is re-run afterwards.
      const first = keys.flatMap((k) => runAll(c.env, k, crash));
      expect([n, first.some((r) => r.status === 'CRASHED')]).toEqual([n, true]);
      for (const k of keys) runAll(c.env, k);
      const state = finalState(c);
      expectSound(state);
      // A file written twice (two names that differ only by their run stamp) is a duplicate, said by name.
      const twice = JSON.stringify(state).match(/"[^"]*\(again\)"/g) ?? [];
      expect([n, calls[n - 1], twice]).toEqual([n, calls[n - 1], []]);
      expect([n, calls[n - 1], state]).toEqual([n, calls[n - 1], baseline]);
    }
  },
);

// NetSuite restarts an interrupted map/reduce stage (isRestarted): the restarted summarize names its
// files anew, so the earlier attempt's temporary file must be found by listing, not by its name.
test(`id export against ${kind}: a crash at every charged call, the stage restarted, then a re-run, leaves no temporary file`, async () => {
  const base = await freshCase(server, 'base');
  exportScenario(base);
  const plan = countingPlan();
  expect(runAll(base.env, 'export', plan).every((r) => r.status === 'COMPLETE')).toBe(true);
  const calls = plan.calls;
  const baseline = finalState(base);
  for (let n = 1; n <= calls.length; n++) {
    const c = await freshCase(server, 'restart');
    exportScenario(c);
    runAll(c.env, 'export', crashAtCall(n), undefined, true);
    runAll(c.env, 'export');
    const state = finalState(c);
    expect([n, calls[n - 1], state.temporaryFiles]).toEqual([n, calls[n - 1], []]);
    expect([n, calls[n - 1], state.partyIdLines]).toEqual([n, calls[n - 1], baseline.partyIdLines]);
  }
});
