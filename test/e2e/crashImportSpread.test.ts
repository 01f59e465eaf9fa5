/**
 * The import crashed at EVERY governance-charged call of an uninterrupted run (several executions: a small usage limit), then
 * re-run to completion: the final state equals the uninterrupted run's (no customer twice, no row
 * lost, the same reports and archive, no temporary file, one checkpoint).
 */
import type { RunningSftpServer } from '../../emulator/src';
import type { Baseline, CaseEnv } from './crashHarness';
import { baselineRun, expectCrashThenRerunSound, kind, startServer } from './crashHarness';
import { importScenario } from './crashScenarios';
import { IMPORT_CUSTOMER } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

const scenario = (c: CaseEnv) => {
  importScenario(c, 6);
  c.env.account.usageLimits.set(IMPORT_CUSTOMER.scriptId, 560);
};

let server: RunningSftpServer;
let base: Baseline;
beforeAll(async () => {
  server = await startServer();
  base = await baselineRun(server, 'import', scenario);
});
afterAll(() => server?.stop());

test(`import spread over several executions against ${kind}: a crash at every charged call, then a re-run, ends as the uninterrupted run`, async () => {
  expect(base.calls.length).toBeGreaterThan(20);
  expect(Object.keys(base.state.customers)).toHaveLength(13);
  expect(base.runs.length).toBeGreaterThanOrEqual(3);
  for (let n = 1; n <= base.calls.length; n++)
    await expectCrashThenRerunSound(server, 'import', scenario, base, n);
});

test('the crash points cover every kind of charged call the import makes', () => {
  for (const api of [
    'search',
    'Record.save',
    'record.submitFields',
    'sftp.Connection.upload',
    'sftp.Connection.move',
  ])
    expect([api, base.calls.some((c) => c.startsWith(api))]).toEqual([api, true]);
});
