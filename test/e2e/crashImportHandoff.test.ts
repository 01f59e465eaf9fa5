/**
 * An execution that finishes a feed and then hands the next ones to HC_MR_ImportCustomer, crashed at
 * EVERY charged call of that execution (the handoff's checkpoint save and its task.submit included),
 * then run on to the end: the final state equals the uninterrupted run's, and the finished feed's
 * rows are reported once, in some execution's AUDIT lines (the handoff's save takes it out of the
 * checkpoint, so its line is logged before the submit).
 */
import type { RunningSftpServer } from '../../emulator/src';
import type { CaseEnv } from './crashHarness';
import { kind, startServer, writeRemote } from './crashHarness';
import { mapReduceFrom } from './mrScenarios';
import { expectCrashAtSound, mapReduceBaseline } from './mrCrash';
import type { MapReduceBaseline } from './mrCrash';
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

let server: RunningSftpServer;
let base: MapReduceBaseline;
beforeAll(async () => {
  server = await startServer();
  base = await mapReduceBaseline(server, scenario);
});
afterAll(() => server?.stop());

test(`a feed finished before a handoff, against ${kind}: a crash at every charged call reports it once`, async () => {
  // The failed feed is finished by the execution that hands the backlog over.
  expect(base.reports[FAILED_FEED]).toEqual([1]);
  // The execution that fails the feed and hands the backlog over ends at its task.submit; the
  // map/reduce's own stages are crashed call by call in crashImportMapReduce*.test.ts.
  const submitAt = base.calls.findIndex((api) => api.startsWith('task.')) + 1;
  expect(submitAt).toBeGreaterThan(10);
  for (let n = 1; n <= submitAt; n++) await expectCrashAtSound(server, scenario, base, n);
});
