/**
 * The bench's own arithmetic (bench/sideBySide.ts floors, bench/backlog.ts time targets), from made-up
 * figures: what the side-by-side table prints as floors, and which scaling targets gate.
 */
import type { BacklogFigure } from '../../bench/backlog';
import { SCALING_MAX_PROCESSORS, backlogTargets } from '../../bench/backlog';
import { CHAIN_EXECUTION_UNITS, floors } from '../../bench/sideBySide';

/** A backlog figure with the modeled and serial hours given (the rest does not enter the time targets). */
const figure = (modeledHours: number, serialHours: number): BacklogFigure => ({
  unitsPerCustomer: 5.28,
  modeledHours,
  serialHours,
  stageSeconds: { scheduled: 0, getInputData: 0, shuffle: 0, reduce: 0, summarize: 0 },
  jobs: 1,
  units: 0,
  customers: 10000,
  wallSeconds: 0,
});

test('the floors: 15.22 / 5.22 per customer; the scheduled chain adds its 66 units an execution', () => {
  const f = floors(10000);
  expect(f.created).toBeCloseTo(15.22, 10);
  expect(f.linked).toBeCloseTo(5.22, 10);
  expect(Object.values(CHAIN_EXECUTION_UNITS).reduce((a, u) => a + u, 0)).toBe(66);
  // f × 10,000 / (10,000 − 66): an execution spends its 10,000 units on customers and its own calls.
  expect(f.chainCreated).toBeCloseTo((15.22 * 10000) / 9934, 10);
  expect(f.chainLinked).toBeCloseTo((5.22 * 10000) / 9934, 10);
  // Stopping only at feed ends: no copy (36 units), one 500-row feed of creates or three of links.
  expect(f.chainCreatedAtFeedEnds).toBeCloseTo(15.22 + 36 / 500, 10);
  expect(f.chainLinkedAtFeedEnds).toBeCloseTo(5.22 + 36 / 1500, 10);
});

test('the scaling target gates up to the processors the serial share allows, and says why where it does not', () => {
  // Linking 10,000: 1.86 % serial on one processor, so 15 processors cannot reach 1.2 × ideal.
  const link = backlogTargets('link', {
    '10000': { '1': figure(0.726, 0.0135), '5': figure(0.156, 0.0135), '15': figure(0.061, 0.0135) },
  }).filter((t) => t.metric.startsWith('modeledHours') && t.otherWorkShare === 0);
  const on = (p: string) => link.find((t) => t.path === p)!;
  expect(on('5')).toMatchObject({ passed: true, gating: true });
  expect(on('15')).toMatchObject({ passed: false, gating: false });
  expect(on('15').note).toBe(
    `link on more than ${SCALING_MAX_PROCESSORS.link} processors; serial stages 1.86 % of the 1-processor run: P ≤ 11.8`,
  );
  // Creating 10,000 on 15 processors stays gating: a miss there fails the bench.
  const create = backlogTargets('create', {
    '10000': { '1': figure(1.312, 0.0136), '15': figure(0.11, 0.0136) },
  }).find((t) => t.path === '15' && t.metric.startsWith('modeledHours') && t.otherWorkShare === 0)!;
  expect(create).toMatchObject({ passed: false, gating: true });
  expect(create.note).toBeUndefined();
  // Few customers a processor: reported, not gating, whatever the kind.
  const small = backlogTargets('create', {
    '2500': { '1': figure(0.331, 0.0063), '15': figure(0.0286, 0.0063) },
  }).find((t) => t.path === '15' && t.otherWorkShare === 0 && t.metric.startsWith('modeledHours'))!;
  expect(small.gating).toBe(false);
  expect(small.note).toMatch(/^167 customers a processor, under 500/);
});
