/**
 * The execution that finishes the historical export writes no run-history entry: the status page
 * shows the same facts (when, customers, parts, shared Shopify ids, units) from the folder's checkpoint.
 */
import type { PageModel } from '../../src/TypeScripts/HotWaxCustomerSync/sync/statusPage';
import { NOW, MIN, page, field, table } from './statusPageFixtures';

const finished = {
  status: 'HotWax historical customer export. Finished: 10000 customers in 1 part(s).',
  state: {
    exported: 10000,
    nextPart: 2,
    done: true,
    run: { ended: NOW - 5 * MIN, exported: 10000, parts: 1, duplicates: 2, unitsUsed: 50 },
  },
  waiting: [],
  archived: [],
};
const line = (m: PageModel) => m.health.find((h) => h.flow === 'Historical export (by hand, once)')!;

test('the finished export is a run on the page, from the folder: its time, counts and units', () => {
  const { model } = page({ historical: finished });
  expect(field(model, 'custpage_hist_last')).toBe(
    `${new Date(NOW - 5 * MIN).toISOString()}: 10,000 customers exported (10,000 in all), 1 part written, 2 Shopify customer IDs on more than one customer`,
  );
  expect(line(model).state).toBe('healthy');
  const runs = table(model, 'custpage_runs_generate');
  expect(runs.rows[0]).toContain('50');
});

test('without the folder state (or before it is finished) no run is made up', () => {
  const notRun = page().model;
  expect(field(notRun, 'custpage_hist_last')).toBeUndefined();
  expect(line(notRun).state).not.toBe('healthy');
  const inProgress = page({
    historical: { ...finished, state: { ...finished.state, done: false } },
  }).model;
  expect(field(inProgress, 'custpage_hist_last')).toBeUndefined();
});
