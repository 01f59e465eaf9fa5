/**
 * The import crashed at EVERY governance-charged call of an uninterrupted run (one execution), then
 * re-run to completion: the final state equals the uninterrupted run's (no customer twice, no row
 * lost, the same reports and archive, no temporary file, one checkpoint).
 */
import type { RunningSftpServer } from '../../emulator/src';
import type { Baseline } from './crashHarness';
import { baselineRun, expectCrashThenRerunSound, kind, startServer } from './crashHarness';
import { importScenario } from './crashScenarios';

let server: RunningSftpServer;
let base: Baseline;
beforeAll(async () => {
  server = await startServer();
  base = await baselineRun(server, 'import', (c) => importScenario(c));
  expect(base.runs.map((r) => r.status)).toEqual(['COMPLETE']);
});
afterAll(() => server?.stop());

test(`import against ${kind}: a crash at every charged call, then a re-run, ends as the uninterrupted run`, async () => {
  expect(base.calls.length).toBeGreaterThan(20);
  expect(Object.keys(base.state.customers)).toHaveLength(9);
  for (let n = 1; n <= base.calls.length; n++)
    await expectCrashThenRerunSound(server, 'import', (c) => importScenario(c), base, n);
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
