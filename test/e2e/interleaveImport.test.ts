/**
 * Two deployments at once: at EVERY charged call of a run of the scheduled deployment, the on-demand
 * deployment is run to completion, from a fresh account (no checkpoint record yet) and from a warm one
 * (a checkpoint left by an earlier complete run). Afterwards: the same final state as one run alone,
 * exactly one checkpoint record per script, no customer twice, no execution failed.
 */
import type { RunningSftpServer } from '../../emulator/src';
import fs from 'node:fs';
import { atCall, crashAt } from '../../emulator/src';
import type { ScriptKey } from '../../simulation/environment';
import type { CaseEnv } from './crashHarness';
import {
  ON_DEMAND,
  expectInterleavingsSound,
  expectSound,
  finalState,
  freshCase,
  kind,
  runAll,
  startServer,
} from './crashHarness';
import { importScenario } from './crashScenarios';
import { IMPORT_CUSTOMER } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

let server: RunningSftpServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const cases: [string, ScriptKey, (c: CaseEnv) => void, boolean][] = [
  ['import, fresh account', 'import', (c) => importScenario(c, 3), false],
  ['import, warm account', 'import', (c) => importScenario(c, 3), true],
];

test.each(cases)(
  `%s against ${kind}: the other deployment run to completion at every call`,
  (_label, key, scenario, isWarm) => expectInterleavingsSound(server, key, scenario, isWarm),
);

describe(`a lease left by an execution that did not finish never blocks the other deployment (${kind})`, () => {
  const summaries = (runs: ReturnType<typeof runAll>) =>
    runs.flatMap((r) =>
      r.logs
        .filter((l) => / summary$/.test(l.title))
        .map((l) => JSON.parse(l.details) as { skipped: string | null }),
    );

  test.each([
    ['crashed', (c: CaseEnv) => runAll(c.env, 'import', crashAt('Record.save', 2))],
    [
      'failed',
      (c: CaseEnv) => {
        // customer/export/ cannot be listed (a file stands in its place, the feeds set aside): the
        // execution ends in error after it took the lease.
        fs.renameSync(`${c.base}/customer/export`, `${c.base}/customer/export.aside`);
        fs.writeFileSync(`${c.base}/customer/export`, 'not a folder');
        return runAll(c.env, 'import');
      },
    ],
  ] as [string, (c: CaseEnv) => ReturnType<typeof runAll>][])(
    'the scheduled deployment %s: the on-demand one imports at once, not 15 minutes later',
    async (how, spoil) => {
      const c = await freshCase(server, 'lease');
      importScenario(c, 3);
      const first = spoil(c);
      expect(first[0].status).toBe(how === 'crashed' ? 'CRASHED' : 'FAILED');
      if (how === 'failed') {
        fs.rmSync(`${c.base}/customer/export`);
        fs.renameSync(`${c.base}/customer/export.aside`, `${c.base}/customer/export`);
      }
      const other = runAll(c.env, 'import', undefined, ON_DEMAND.import);
      expect(other.every((r) => r.status === 'COMPLETE')).toBe(true);
      expect(summaries(other)[0].skipped).toBeNull();
      const state = finalState(c);
      expectSound(state);
      expect(Object.keys(state.customers)).toHaveLength(7);
      expect(Object.keys(state.remote).filter((n) => n.startsWith('customer/export/archive/'))).toHaveLength(
        2,
      );
    },
  );

  test('while the holder is running, the other deployment leaves the feeds to it', async () => {
    const c = await freshCase(server, 'lease');
    importScenario(c, 3);
    let skipped: (string | null)[] = [];
    runAll(
      c.env,
      'import',
      // Save 1 creates the checkpoint (fresh account); save 2 is the first customer, under the lease.
      atCall('Record.save', 2, () => {
        skipped = summaries(runAll(c.env, 'import', undefined, ON_DEMAND.import)).map((s) => s.skipped);
      }),
    );
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatch(`${IMPORT_CUSTOMER.deploymentId} is importing`);
  });
});
