/**
 * Two deployments at once: at EVERY charged call of a run of the scheduled deployment, the on-demand
 * deployment is run to completion, from a fresh account (no checkpoint record yet) and from a warm one
 * (a checkpoint left by an earlier complete run). Afterwards: the same final state as one run alone,
 * exactly one checkpoint record per script, no customer twice, no execution failed.
 */
import type { RunningSftpServer } from '../../emulator/src';
import type { ScriptKey } from '../../simulation/environment';
import type { CaseEnv } from './crashHarness';
import { expectInterleavingsSound, kind, startServer } from './crashHarness';
import { exportScenario } from './crashScenarios';

let server: RunningSftpServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const cases: [string, ScriptKey, (c: CaseEnv) => void, boolean][] = [
  ['id export, fresh account', 'export', exportScenario, false],
  ['id export, warm account', 'export', exportScenario, true],
];

test.each(cases)(
  `%s against ${kind}: the other deployment run to completion at every call`,
  (_label, key, scenario, isWarm) => expectInterleavingsSound(server, key, scenario, isWarm),
);
