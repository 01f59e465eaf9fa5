/**
 * A feed with thousands of bad rows (and a block of malformed records) is written out in report
 * parts. Where a part ends is a point of the feed itself: the same feed gives the same parts, byte
 * for byte (names aside from their tag), whether one scheduled execution imports it, several do
 * (a small usage limit: executions start and stop at different rows, batches are cut short), or the
 * map/reduce replays it in one pass.
 */
import type { RunningSftpServer } from '../../emulator/src';
import type { CaseEnv } from './crashHarness';
import { expectSound, freshCase, kind, startServer, writeRemote } from './crashHarness';
import { feedText } from './helpers';
import { comparableState, importAll, mapReduceFrom, mrRuns } from './mrScenarios';
import { IMPORT_CUSTOMER } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

let server: RunningSftpServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const SCRIPT = IMPORT_CUSTOMER.scriptId;

/** 6,000 rows, one in 40 a new customer, the others refused; 400 malformed records in the middle. */
function manyBadRows(c: CaseEnv): void {
  const rows = Array.from({ length: 6000 }, (_, i) =>
    i % 40 === 3
      ? { HCCustomerId: `HC${5000 + i}` }
      : {
          HCCustomerId: i % 900 === 11 ? '' : `HC${5000 + i}`,
          email: `not-an-email-${'y'.repeat(90 + (i % 7))}`,
        },
  );
  const lines = feedText(rows).split('\n');
  // Too few columns: each a WRONG_COLUMN_COUNT error of its own line, between two rows.
  const broken = Array.from({ length: 400 }, (_, i) => `HCBROKEN${i},${'z'.repeat(120)}`);
  lines.splice(3001, 0, ...broken);
  writeRemote(c, 'customer/export/many-bad-rows.csv', lines.join('\n'));
}

async function imported(tag: string, usageLimit: number | null, mapReduce: boolean) {
  const c = await freshCase(server, tag);
  manyBadRows(c);
  mapReduceFrom(c, mapReduce ? 1 : 0);
  if (usageLimit !== null) c.env.account.usageLimits.set(SCRIPT, usageLimit);
  const runs = importAll(c);
  expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
  const state = comparableState(c);
  expectSound(state);
  return { state, runs };
}

test(`the same report parts in one execution, spread over many, and on the map/reduce (${kind})`, async () => {
  const one = await imported('one', 1_000_000, false);
  expect(one.runs.filter((r) => r.scriptId === SCRIPT)).toHaveLength(1);
  const parts = Object.keys(one.state.remote).filter((k) => k.startsWith('customer/export/error/'));
  expect(parts.length).toBeGreaterThanOrEqual(3);
  // Lines 3,002 to 3,401 are the malformed records: reported, each on its own line.
  const all = parts.map((k) => one.state.remote[k]).join('');
  expect(all.match(/WRONG_COLUMN_COUNT/g)).toHaveLength(400);

  const spread = await imported('spread', 900, false);
  expect(spread.runs.filter((r) => r.scriptId === SCRIPT).length).toBeGreaterThanOrEqual(4);
  expect(spread.state).toEqual(one.state);

  const mr = await imported('mr', null, true);
  expect(mrRuns(mr.runs)).toHaveLength(1);
  expect(mr.state).toEqual(one.state);
});
