/**
 * A feed written out in report parts, spread over several executions, crashed around every report
 * write (at the two charged calls after its upload: a part written but not yet in the checkpoint), then re-run: the final state equals the
 * uninterrupted run's (every line in exactly one part, no part twice, none lost, no customer twice).
 */
import type { RunningSftpServer } from '../../emulator/src';
import type { CaseEnv } from './crashHarness';
import { baselineRun, expectCrashThenRerunSound, kind, startServer, writeRemote } from './crashHarness';
import { feedText } from './helpers';
import { mapReduceFrom } from './mrScenarios';
import { IMPORT_CUSTOMER } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

let server: RunningSftpServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

/** 1,500 rows, one in 30 a new customer, the others refused with long messages: 3 report parts. */
function scenario(c: CaseEnv): void {
  const rows = Array.from({ length: 1500 }, (_, i) =>
    i % 30 === 4
      ? { HCCustomerId: `HC${7000 + i}` }
      : { HCCustomerId: `HC${7000 + i}`, email: 'bad', status: `S${'w'.repeat(850 + (i % 13))}` },
  );
  writeRemote(c, 'customer/export/long-errors.csv', feedText(rows));
  mapReduceFrom(c, 0);
  c.env.account.usageLimits.set(IMPORT_CUSTOMER.scriptId, 700);
}

test(`report parts across executions against ${kind}: a crash around each part's write, then a re-run, ends as the uninterrupted run`, async () => {
  const base = await baselineRun(server, 'import', scenario);
  expect(base.runs.length).toBeGreaterThanOrEqual(3);
  const parts = Object.keys(base.state.remote).filter((k) => k.startsWith('customer/export/error/'));
  expect(parts.length).toBeGreaterThanOrEqual(3);

  const points = new Set<number>();
  base.calls.forEach((api, i) => {
    if (api.startsWith('sftp.Connection.upload')) for (const k of [1, 2]) points.add(i + 1 + k);
  });
  expect(points.size).toBeGreaterThanOrEqual(6);
  for (const n of [...points].filter((p) => p <= base.calls.length))
    await expectCrashThenRerunSound(server, 'import', scenario, base, n, false);
});
