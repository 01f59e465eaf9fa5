/**
 * GovernanceBudget from the BUILT library: units and time. A budget knows its execution's time
 * limit and margin (NetSuite help "Script Execution Time Limits") and refuses work that would not
 * finish before the margin at the pace seen so far, as it refuses work the units cannot pay for.
 */
import path from 'node:path';
import { loadBareAmd } from '../support/bareAmd';
import type * as Lib from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib';

const lib = loadBareAmd<typeof Lib>(
  path.resolve(__dirname, '../../src/FileCabinet/SuiteScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib.js'),
).exports;

/** A script's units and clock that the test moves by hand. */
function fakeExecution(units = 10_000) {
  const s = { remaining: units, now: 1_000_000 };
  return {
    s,
    script: { getRemainingUsage: () => s.remaining },
    clock: { now: () => s.now },
    spend(u: number, ms: number) {
      s.remaining -= u;
      s.now += ms;
    },
  };
}

test('the documented limits: scheduled 3,600 s, map/reduce 3,600 / 300 / 900 / 3,600 s, Suitelet 300 s', () => {
  const seconds = Object.fromEntries(
    Object.entries(lib.TIME_LIMITS).map(([k, v]) => [k, [v.limitMs / 1000, v.marginMs / 1000]]),
  );
  expect(seconds).toEqual({
    scheduled: [3600, 600],
    getInputData: [3600, 600],
    map: [300, 60],
    reduce: [900, 150],
    summarize: [3600, 600],
    suitelet: [300, 60],
  });
});

test('with time to spare it decides by units alone, as before', () => {
  const x = fakeExecution();
  const budget = lib.scheduledBudget(x.script, x.clock);
  x.spend(100, 1_000);
  expect(budget.canAfford(10_000 - 100 - lib.STOP_RESERVE)).toBe(true);
  expect(budget.canAfford(10_000 - 100 - lib.STOP_RESERVE + 1)).toBe(false);
  expect(budget.stoppedFor()).toBe('units');
  expect(budget.howMany(30)).toBe(Math.floor((10_000 - 100 - lib.STOP_RESERVE) / 30));
});

test('work that would run past the margin at the pace so far is refused for time', () => {
  const x = fakeExecution();
  const budget = lib.scheduledBudget(x.script, x.clock);
  // 600 units in 30 minutes: 3 s a unit. 50 minutes may be used (3,600 s less the 600 s margin).
  x.spend(600, 30 * 60_000);
  expect(budget.elapsedMs()).toBe(30 * 60_000);
  expect(budget.canAfford(400)).toBe(true); // 20 minutes: ends at the margin
  expect(budget.stoppedFor()).toBeNull();
  expect(budget.canAfford(401)).toBe(false);
  expect(budget.stoppedFor()).toBe('time');
  // 30 units a row at 90 s: 13 rows fit in the 20 minutes left, though the units would pay for 300.
  expect(budget.howMany(30)).toBe(13);
  expect(budget.howMany(30, 10)).toBe(13);
  expect(budget.howMany(30, 40)).toBe(12);
  x.spend(390, 19.5 * 60_000);
  expect(budget.howMany(30)).toBe(0);
  expect(budget.stoppedFor()).toBe('time');
  // 30 s left: 10 units (30 s) still fit, 11 do not.
  expect(budget.canAfford(10)).toBe(true);
  expect(budget.canAfford(11)).toBe(false);
});

test('past the margin nothing more starts, even before any unit was spent', () => {
  const x = fakeExecution();
  const budget = lib.scheduledBudget(x.script, x.clock);
  x.spend(0, 50 * 60_000);
  expect(budget.canAfford(0)).toBe(false);
  expect(budget.howMany(1)).toBe(0);
  expect(budget.stoppedFor()).toBe('time');
});

test('a budget without a clock watches units only (and reports no elapsed time)', () => {
  const x = fakeExecution(1_000);
  const budget = new lib.GovernanceBudget({ remaining: () => x.s.remaining });
  x.spend(100, 10 * 3_600_000);
  expect(budget.canAfford(1_000 - 100 - lib.STOP_RESERVE)).toBe(true);
  expect(budget.elapsedMs()).toBe(0);
  expect(budget.stoppedFor()).toBeNull();
});

test('a map stage has 300 s: its budget stops at 240 s', () => {
  const x = fakeExecution(1_000);
  const budget = new lib.GovernanceBudget({ remaining: () => x.s.remaining }, 0, {
    limit: lib.TIME_LIMITS.map,
    clock: x.clock,
  });
  x.spend(10, 200_000); // 20 s a unit
  expect(budget.canAfford(2)).toBe(true);
  expect(budget.canAfford(3)).toBe(false);
  expect(budget.stoppedFor()).toBe('time');
});
