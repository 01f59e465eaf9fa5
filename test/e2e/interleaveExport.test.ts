/**
 * Two deployments at once: at EVERY charged call of a run of the scheduled deployment, the on-demand
 * deployment is run to completion, from a fresh account (no checkpoint record yet) and from a warm one
 * (a checkpoint left by an earlier complete run). Afterwards: the same final state as one run alone,
 * exactly one checkpoint record per script, no customer twice, no execution failed.
 */
import type { RunningSftpServer } from '../../emulator/src/sftp/servers';
import { interleaveAt } from '../../emulator/src/runners/faults';
import { SCRIPTS } from '../../simulation/environment';
import type { ScriptKey } from '../../simulation/environment';
import type { CaseEnv } from './crashHarness';
import { countingPlan, expectSound, finalState, freshCase, kind, runAll, startServer } from './crashHarness';
import { exportScenario } from './crashScenarios';

const ON_DEMAND: Record<string, string> = {
  import: 'customdeploy_imp_customer_rest',
  export: 'customdeploy_export_customer_rest',
};

let server: RunningSftpServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

/** A warm account: the script has run once already (its checkpoint record exists), on nothing. */
function warm(c: CaseEnv, key: ScriptKey): void {
  expect(runAll(c.env, key).every((r) => r.status === 'COMPLETE')).toBe(true);
}

const cases: [string, ScriptKey, (c: CaseEnv) => void, boolean][] = [
  ['id export, fresh account', 'export', exportScenario, false],
  ['id export, warm account', 'export', exportScenario, true],
];

test.each(cases)(
  `%s against ${kind}: the other deployment run to completion at every call`,
  async (_label, key, scenario, isWarm) => {
    const prepare = async () => {
      const c = await freshCase(server, 'il');
      if (isWarm) warm(c, key);
      scenario(c);
      return c;
    };
    const base = await prepare();
    const plan = countingPlan();
    expect(runAll(base.env, key, plan).every((r) => r.status === 'COMPLETE')).toBe(true);
    const baseline = finalState(base);
    expectSound(baseline);
    const calls = plan.calls;
    expect(calls.length).toBeGreaterThan(5);
    for (let n = 1; n <= calls.length; n++) {
      const c = await prepare();
      let second: string[] = [];
      const first = runAll(
        c.env,
        key,
        interleaveAt(n, () => {
          second = runAll(c.env, key, undefined, ON_DEMAND[key]).map((r) => r.status);
        }),
        SCRIPTS[key].deploymentId,
      );
      const statuses = [...first.map((r) => r.status), ...second];
      expect([n, calls[n - 1], statuses.every((s) => s === 'COMPLETE')]).toEqual([n, calls[n - 1], true]);
      // What a run left to the next one (a paused feed, a range re-selected) is done by the next run.
      runAll(c.env, key);
      const state = finalState(c);
      expectSound(state);
      expect([n, calls[n - 1], state]).toEqual([n, calls[n - 1], baseline]);
    }
  },
);
