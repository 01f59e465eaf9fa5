/**
 * The status page's model with HC_MR_ImportCustomer beside HC_SC_ImportCustomer (its runs, its
 * instance across its stages, its deployment, the feeds handed to it), the feeds and error rows of
 * both import scripts, each saying which one imported it, and the searches a page load makes.
 */
import type { ImportState } from '../../src/TypeScripts/HotWaxCustomerSync/sync/importTypes';
import {
  status,
  SC,
  MR,
  MR_DEPLOY,
  NOW,
  MIN,
  counts,
  entry,
  page,
  table,
  group,
  field,
  text,
  job,
} from './statusPageFixtures';
import {
  EXPORT_CUSTOMER_IDS,
  GENERATE_HISTORICAL_CSV,
  IMPORT_CUSTOMER,
  IMPORT_CUSTOMER_MR,
  UPLOAD_HISTORICAL_CSV,
} from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

test('HC_MR_ImportCustomer has its overview row next to HC_SC_ImportCustomer, in its own words', () => {
  const { model } = page({
    runs: [
      entry(SC, NOW - 60 * MIN, [{ name: 'small.csv', created: 3, errors: 0 }]),
      entry(MR, NOW - 30 * MIN, [{ name: 'big.csv', created: 900, errors: 2 }]),
    ],
  });
  const overview = model.tabs.find((t) => t.id === 'custpage_tab_overview')!;
  const ids = overview.blocks.map((b) => b.id);
  expect(ids.indexOf('custpage_grp_import_mr')).toBe(ids.indexOf('custpage_runs_import') + 1);
  expect(group(model, 'custpage_grp_import_mr').label).toBe(
    'Customer import of large backlogs (map/reduce) (HC_MR_ImportCustomer, started by HC_SC_ImportCustomer)',
  );
  expect(text(field(model, 'custpage_import_mr_deployments'))).toBe(
    `${IMPORT_CUSTOMER_MR.deploymentId}: Not scheduled (on demand)`,
  );
  // Each script's own runs, from one search of both.
  const mrRuns = table(model, 'custpage_runs_import_mr').rows;
  expect(mrRuns).toHaveLength(1);
  expect(mrRuns[0].slice(1)).toEqual([
    MR_DEPLOY,
    'complete',
    '900 created, 0 linked, 0 already linked, 2 errors; 1 feed',
    '8,400',
    'No',
  ]);
  expect(table(model, 'custpage_runs_import').rows.map((r) => r[1])).toEqual([IMPORT_CUSTOMER.deploymentId]);
  // It never reschedules itself: what it queues is HC_SC_ImportCustomer, for the feeds after its own.
  expect(table(model, 'custpage_runs_import_mr').columns.at(-1)?.label).toBe('Queued HC_SC_ImportCustomer');
  const queuedImport = entry(MR, NOW - 10 * MIN, [{ name: 'next.csv', created: 5, errors: 0 }]);
  queuedImport.outcome = 'rescheduled';
  queuedImport.summary.rescheduled = true;
  const after = page({ runs: [queuedImport] }).model;
  expect(table(after, 'custpage_runs_import_mr').rows[0].slice(2)).toEqual([
    'complete',
    '5 created, 0 linked, 0 already linked, 0 errors; 1 feed',
    '8,400',
    'Yes',
  ]);
  expect(field(after, 'custpage_import_mr_last')).toMatch(/, complete: 5 created/);
  expect(field(model, 'custpage_import_mr_last')).toContain('complete: 900 created');
  expect(text(field(model, 'custpage_import_mr_next'))).toBe(
    'Nothing queued: HC_SC_ImportCustomer submits it when it hands over a backlog (no schedule, no run-now action)',
  );
});

test('a page load searches run history four times: both import scripts with one search', () => {
  const { fake } = page({ runs: [entry(MR, NOW - MIN, [{ name: 'big.csv', created: 700, errors: 1 }])] });
  expect(fake.calls.filter((c) => c.startsWith('runs '))).toEqual([
    `runs ${SC},${MR}`,
    `runs ${EXPORT_CUSTOMER_IDS.scriptId}`,
    `runs ${GENERATE_HISTORICAL_CSV.scriptId}`,
    `runs ${UPLOAD_HISTORICAL_CSV.scriptId}`,
  ]);
  expect(fake.calls.filter((c) => c === 'runsWithErrors')).toHaveLength(1);
  expect(fake.calls.filter((c) => c === 'instances' || c === 'deployments')).toHaveLength(2);
});

test('a map/reduce instance is one run across its stage jobs: running, between stages, queued, ended', () => {
  const t = NOW - 20 * MIN;
  // NetSuite's rows, newest first: one per job, all with the instance's task id.
  const running = page({
    instances: [
      job('MAPREDUCETASK_2', 'REDUCE', 'PROCESSING', t + 3 * MIN),
      job('MAPREDUCETASK_2', 'REDUCE', 'COMPLETE', t + 2 * MIN, t + 3 * MIN),
      job('MAPREDUCETASK_2', 'SHUFFLE', 'COMPLETE', t + MIN, t + 2 * MIN),
      job('MAPREDUCETASK_2', 'GET_INPUT', 'COMPLETE', t, t + MIN),
    ],
  }).model;
  expect(text(field(running, 'custpage_import_mr_next'))).toBe(
    `Processing on ${MR_DEPLOY} (reduce stage; queued ${new Date(t).toISOString()})`,
  );
  expect(field(running, 'custpage_import_mr_failed')).toBe('—');

  const between = page({
    instances: [
      job('MAPREDUCETASK_2', 'SUMMARIZE', 'PENDING', t + 3 * MIN),
      job('MAPREDUCETASK_2', 'REDUCE', 'COMPLETE', t + 2 * MIN, t + 3 * MIN),
      job('MAPREDUCETASK_2', 'GET_INPUT', 'COMPLETE', t, t + MIN),
    ],
  }).model;
  expect(text(field(between, 'custpage_import_mr_next'))).toBe(
    `Processing on ${MR_DEPLOY} (summarize stage; queued ${new Date(t).toISOString()})`,
  );

  const queued = page({ instances: [job('MAPREDUCETASK_3', 'GET_INPUT', 'PENDING', t)] }).model;
  expect(text(field(queued, 'custpage_import_mr_next'))).toBe(
    `Pending on ${MR_DEPLOY} (queued ${new Date(t).toISOString()})`,
  );

  const done = [
    job('MAPREDUCETASK_2', 'SUMMARIZE', 'COMPLETE', t + 5 * MIN, t + 6 * MIN),
    job('MAPREDUCETASK_2', 'REDUCE', 'COMPLETE', t + 3 * MIN, t + 5 * MIN),
    job('MAPREDUCETASK_2', 'GET_INPUT', 'COMPLETE', t, t + MIN),
  ];
  const ended = page({ instances: done }).model;
  expect(text(field(ended, 'custpage_import_mr_next'))).toMatch(/^Nothing queued/);
  expect(field(ended, 'custpage_import_mr_failed')).toBe('No');

  // A failed job with nothing left to run: the instance failed, at its last job's end.
  const failed = page({
    instances: [job('MAPREDUCETASK_4', 'REDUCE', 'FAILED', t + 5 * MIN, t + 7 * MIN), ...done.slice(1)].map(
      (j) => ({ ...j, taskId: 'MAPREDUCETASK_4' }),
    ),
  }).model;
  expect(text(field(failed, 'custpage_import_mr_failed'))).toBe(
    `Yes (script instance failed ${new Date(t + 7 * MIN).toISOString()}; see the deployment's execution log)`,
  );
  // The scheduled import's instances are its own (one job each).
  expect(field(failed, 'custpage_import_failed')).toBe('—');
  expect(status.instanceRuns(done)).toHaveLength(1);
});

test('the feeds handed over, and the lease the map/reduce holds, are on the overview and the feeds tab', () => {
  const state: ImportState = {
    file: null,
    line: 0,
    errors: [],
    counts: counts(0),
    lease: { executionId: 'x', deploymentId: MR_DEPLOY, scriptId: MR, until: NOW + 60 * MIN },
    handoff: {
      feeds: [
        { name: 'a.csv', tag: 'T1' },
        { name: 'b.csv', tag: 'T2' },
      ],
      done: ['a.csv'],
      attempts: 1,
      settings: {
        sftpConfig: '',
        sftpDirectory: '',
        defaultSubsidiary: '',
        matchByEmail: false,
        fieldMap: '',
      },
    },
  };
  const { model } = page({ state });
  expect(field(model, 'custpage_import_mr_handoff')).toBe('a.csv (finished), b.csv; submitted 1 time');
  expect(field(model, 'custpage_feed_current')).toBe(
    'None on the scheduled path: the feeds below are handed to HC_MR_ImportCustomer',
  );
  expect(field(model, 'custpage_feed_handoff')).toBe('a.csv (finished), b.csv');
  expect(field(model, 'custpage_feed_lease')).toBe(
    `${MR_DEPLOY} (HC_MR_ImportCustomer) (lease until ${new Date(NOW + 60 * MIN).toISOString()})`,
  );
  expect(field(page().model, 'custpage_import_mr_handoff')).toMatch(/^none/);
});

test('the feeds tab and the errors tab hold both import scripts, each row saying which imported it', () => {
  const { model } = page({
    runs: [
      entry(SC, NOW - 90 * MIN, [{ name: 'small.csv', created: 3, errors: 1 }]),
      entry(MR, NOW - 30 * MIN, [{ name: 'big.csv', created: 900, errors: 2 }]),
    ],
  });
  const archived = table(model, 'custpage_archived');
  expect(archived.columns.at(-1)).toEqual({ id: 'by', label: 'Imported by' });
  expect(archived.rows.map((r) => [r[0], r[3], r.at(-1)])).toEqual([
    ['big.csv', '900', 'HC_MR_ImportCustomer'],
    ['small.csv', '3', 'HC_SC_ImportCustomer'],
  ]);
  const errors = table(model, 'custpage_errors');
  expect(errors.columns.at(-1)).toEqual({ id: 'by', label: 'Imported by' });
  expect(errors.rows.map((r) => [text(r[0]), r[1], r.at(-1)])).toEqual([
    ['big.csv', '2', 'HC_MR_ImportCustomer'],
    ['big.csv', '3', 'HC_MR_ImportCustomer'],
    ['small.csv', '2', 'HC_SC_ImportCustomer'],
  ]);
  expect(text(field(model, 'custpage_err_codes'))).toContain('INVALID_EMAIL (3)');
});

test('when the one search of both import scripts is full, a missing map/reduce run says how far it looked', () => {
  const runs = Array.from({ length: 1200 }, (_, i) =>
    entry(SC, NOW - (i + 1) * 15 * MIN, [{ name: `f${i}.csv`, created: 0, errors: 0 }]),
  );
  const { model } = page({ runs });
  expect(table(model, 'custpage_runs_import').rows).toHaveLength(5);
  expect(field(model, 'custpage_import_mr_last')).toBe(
    `None among the last 1,000 import runs recorded (since ${new Date(NOW - 1000 * 15 * MIN).toISOString()})`,
  );
  expect(table(model, 'custpage_runs_import_mr').rows).toEqual([]);
});

test('"run now" stays on HC_SC_ImportCustomer: the map/reduce has no action, and the page says why', () => {
  const submitted: string[][] = [];
  const result = status.runAction(
    {
      submit: (kind, scriptId, deploymentId) => {
        submitted.push([kind, scriptId, deploymentId]);
        return 'SCHEDSCRIPT_1';
      },
      dryRun: () => {
        throw new Error('not used');
      },
      testSftp: () => ({ ok: true, checks: [] }),
      describeError: (e) => ({ code: 'X', message: String(e) }),
    },
    status.ACTIONS.runImport,
    { feed: '' },
  );
  expect(submitted).toEqual([['scheduled', SC, IMPORT_CUSTOMER.onDemandDeploymentId]]);
  expect(result.message.title).toBe('HC_SC_ImportCustomer queued');
  expect(Object.values(status.ACTION_LABELS).some((l) => l.includes(MR))).toBe(false);
  expect(status.ACTION_LABELS.run_import).toContain('hands large backlogs to HC_MR_ImportCustomer');
  expect(field(page().model, 'custpage_actions_help')).toContain(
    'HC_MR_ImportCustomer has no action: only HC_SC_ImportCustomer starts it',
  );
});
