/**
 * The status page's model (sync/statusPage.ts) from the status library's TypeScript sources, over
 * fake sources shaped as NetSuite returns them:
 * HC_MR_ImportCustomer beside HC_SC_ImportCustomer (its runs, its instance across its stages, its
 * deployment, the feeds handed to it), the feeds and error rows of both import scripts, each saying
 * which one imported it, and the searches a page load makes.
 */
import * as status from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerSyncStatusLib';
import type {
  FieldBlock,
  InstanceInfo,
  PageModel,
  TableBlock,
} from '../../src/TypeScripts/HotWaxCustomerSync/sync/statusPage';
import type { RunEntry } from '../../src/TypeScripts/HotWaxCustomerSync/sync/ports';
import type { ImportState } from '../../src/TypeScripts/HotWaxCustomerSync/sync/importTypes';

const SC = 'customscript_imp_customer';
const MR = 'customscript_hc_mr_import_customer';
const MR_DEPLOY = 'customdeploy_hc_mr_import_customer';
const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const MIN = 60_000;

const counts = (created: number, errors = 0) => ({ created, linked: 0, alreadyLinked: 0, errors });
const errorRow = (feed: string, line: number, code: string) => ({
  fileName: feed,
  report: feed.replace(/\.csv$/, '-T1-errors.csv'),
  lineNumber: line,
  hcCustomerId: `HC${line}`,
  errorCode: code,
  errorMessage: `${code} on line ${line}`,
});

let seq = 0;
/** An entry as recordRun writes it: the import's summary shape, for either import script. */
function entry(scriptId: string, ended: number, feeds: { name: string; created: number; errors: number }[]) {
  const errorRows = feeds.flatMap((f) =>
    Array.from({ length: f.errors }, (_, i) => errorRow(f.name, i + 2, 'INVALID_EMAIL')),
  );
  const run: RunEntry = {
    id: String(++seq),
    scriptId,
    deploymentId: scriptId === MR ? MR_DEPLOY : 'customdeploy1',
    ended,
    outcome: 'complete',
    errorCount: errorRows.length,
    summary: {
      totals: counts(
        feeds.reduce((n, f) => n + f.created, 0),
        errorRows.length,
      ),
      fileResults: feeds.map((f) => ({
        name: f.name,
        outcome: 'archived',
        movedTo: f.name,
        counts: counts(f.created, f.errors),
        errorReports: f.errors ? [f.name.replace(/\.csv$/, '-T1-errors.csv')] : [],
      })),
      skipped: null,
      unitsUsed: scriptId === MR ? 8_400 : 1_200,
      rescheduled: false,
      dryRun: false,
      errorRows,
    },
  };
  return run;
}

interface Fake {
  runs: RunEntry[];
  instances: InstanceInfo[];
  state: ImportState | null;
  calls: string[];
  subsidiary?: string;
}

function sources(f: Fake) {
  const newestFirst = (list: RunEntry[]) => [...list].sort((a, b) => b.ended - a.ended);
  return {
    deployments: () => {
      f.calls.push('deployments');
      return [
        { scriptId: SC, deploymentId: 'customdeploy1', title: 'x', status: 'SCHEDULED', isDeployed: true },
        {
          scriptId: SC,
          deploymentId: 'customdeploy_imp_customer_rest',
          title: 'x',
          status: 'NOTSCHEDULED',
          isDeployed: true,
        },
        { scriptId: MR, deploymentId: MR_DEPLOY, title: 'x', status: 'NOTSCHEDULED', isDeployed: true },
      ];
    },
    instances: () => {
      f.calls.push('instances');
      return f.instances;
    },
    runs: (ids: string[], count: number) => {
      f.calls.push(`runs ${ids.join(',')}`);
      return newestFirst(f.runs.filter((r) => ids.includes(r.scriptId))).slice(0, count);
    },
    runsWithErrors: (count: number) => {
      f.calls.push('runsWithErrors');
      return newestFirst(f.runs.filter((r) => r.errorCount > 0 && [SC, MR].includes(r.scriptId))).slice(
        0,
        count,
      );
    },
    importState: () => f.state,
    exportState: () => null,
    historical: () => ({ status: null, state: null, waiting: [], archived: [] }),
    customersByHcId: () => new Map<string, string>(),
    importSettings: () => ({ custscript_hc_imp_default_subsidiary: f.subsidiary ?? '' }),
  };
}

function page(f: Partial<Fake> = {}): { model: PageModel; fake: Fake } {
  const fake: Fake = { runs: [], instances: [], state: null, calls: [], ...f };
  const model = status.buildPage(
    {
      sources: sources(fake),
      env: {
        now: NOW,
        time: (ms) => new Date(ms).toISOString(),
        pageUrl: (p) => `/page?${new URLSearchParams(p).toString()}`,
        customerUrl: (id) => `/customer/${id}`,
      },
      listWaiting: () => [],
      readReport: () => '',
      parseCsv: () => [],
      csrf: 'token',
    },
    { code: '', listFeeds: false, report: null },
    null,
  );
  // Plain objects of this realm (the library's arrays come from its own context).
  return { model: JSON.parse(JSON.stringify(model)) as PageModel, fake };
}

const blocks = (m: PageModel) => m.tabs.flatMap((t) => t.blocks);
const table = (m: PageModel, id: string) => blocks(m).find((b) => b.id === id) as TableBlock;
const group = (m: PageModel, id: string) => blocks(m).find((b) => b.id === id) as FieldBlock;
const field = (m: PageModel, id: string) =>
  blocks(m)
    .flatMap((b) => (b.kind === 'fields' ? b.fields : []))
    .find((x) => x.id === id)?.value;
const text = (html: string | undefined) =>
  String(html ?? '')
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'");

const job = (
  taskId: string,
  stage: string,
  status: string,
  created: number,
  ended: number | null = null,
) => ({
  scriptId: MR,
  deploymentId: MR_DEPLOY,
  taskId,
  stage,
  status,
  created,
  ended,
});

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
    'customdeploy_hc_mr_import_customer: Not scheduled (on demand)',
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
  expect(table(model, 'custpage_runs_import').rows.map((r) => r[1])).toEqual(['customdeploy1']);
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
    'runs customscript_export_customer',
    'runs customscript_generate_hist_shop_customer',
    'runs customscript_upload_hist_shop_customer',
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
  expect(submitted).toEqual([['scheduled', SC, 'customdeploy_imp_customer_rest']]);
  expect(result.message.title).toBe('HC_SC_ImportCustomer queued');
  expect(Object.values(status.ACTION_LABELS).some((l) => l.includes(MR))).toBe(false);
  expect(status.ACTION_LABELS.run_import).toContain('hands large backlogs to HC_MR_ImportCustomer');
  expect(field(page().model, 'custpage_actions_help')).toContain(
    'HC_MR_ImportCustomer has no action: only HC_SC_ImportCustomer starts it',
  );
});

test('the first screen: one line per flow, failing with the cause and the fix, healthy, not run yet', () => {
  const healthy = page({
    runs: [entry(SC, NOW - 10 * MIN, [{ name: 'a.csv', created: 3, errors: 0 }])],
  }).model;
  const line = (m: PageModel, flow: string) => m.health.find((h) => h.flow === flow)!;
  expect(healthy.health.map((h) => h.flow)).toEqual([
    'Customer import',
    'Id export to HotWax',
    'Historical export (by hand, once)',
  ]);
  expect(line(healthy, 'Customer import').state).toBe('healthy');
  // Feeds waiting: the number the last import run that counted them left in customer/export/.
  expect(line(healthy, 'Customer import').feeds).not.toMatch(/waiting in customer/);
  const counted = entry(SC, NOW - 5 * MIN, []);
  counted.summary.waiting = 2;
  const waiting = page({ runs: [counted, entry(SC, NOW - 10 * MIN, [])] }).model;
  expect(line(waiting, 'Customer import').feeds).toMatch(
    /^2 waiting in customer\/export\/ when the last run ended/,
  );
  expect(line(healthy, 'Id export to HotWax').state).toBe('not run yet');
  expect(line(healthy, 'Historical export (by hand, once)').fix).toMatch(
    /run HC_SC_GenerateHistoricalCustomerCSV by hand/,
  );

  // A run the script caught (SFTP login refused) after a good one: failing, since the first failure.
  const failed = (ended: number): RunEntry => ({
    id: String(++seq),
    scriptId: SC,
    deploymentId: 'customdeploy1',
    ended,
    outcome: 'failed',
    errorCount: 0,
    summary: {
      failed: true,
      error: {
        code: 'FTP_CANNOT_ESTABLISH_CONNECTION',
        message: 'Cannot establish a connection to sftp.example:22',
      },
    },
  });
  const failing = page({
    runs: [
      entry(SC, NOW - 60 * MIN, [{ name: 'a.csv', created: 3, errors: 0 }]),
      failed(NOW - 30 * MIN),
      failed(NOW - 15 * MIN),
    ],
  }).model;
  const imp = line(failing, 'Customer import');
  expect(imp.state).toBe('failing');
  expect(imp.cause).toBe(
    `HC_SC_ImportCustomer failed on customdeploy1 every run since ${new Date(NOW - 30 * MIN).toISOString()}: FTP_CANNOT_ESTABLISH_CONNECTION: Cannot establish a connection to sftp.example:22`,
  );
  expect(imp.fix).toMatch(/password secret .* HC SFTP Configuration record/);
  expect(imp.lastGood).toBe(`${new Date(NOW - 60 * MIN).toISOString()} (HC_SC_ImportCustomer)`);
  expect(table(failing, 'custpage_runs_import').rows[0][3]).toBe(
    'FTP_CANNOT_ESTABLISH_CONNECTION: Cannot establish a connection to sftp.example:22',
  );
});

test('a FAILED instance without its entry is a failed run: NetSuite ended it', () => {
  const { model } = page({
    runs: [entry(SC, NOW - 60 * MIN, [{ name: 'a.csv', created: 3, errors: 0 }])],
    instances: [
      {
        scriptId: SC,
        deploymentId: 'customdeploy_imp_customer_rest',
        status: 'FAILED',
        created: NOW - 20 * MIN,
        ended: NOW - 5 * MIN,
        taskId: 'T9',
      },
      // Its own entry exists: not a second run.
      {
        scriptId: SC,
        deploymentId: 'customdeploy1',
        status: 'COMPLETE',
        created: NOW - 61 * MIN,
        ended: NOW - 60 * MIN + 1000,
        taskId: 'T8',
      },
    ],
  });
  const rows = table(model, 'custpage_runs_import').rows;
  expect(rows).toHaveLength(2);
  expect(rows[0].slice(1, 4)).toEqual([
    'customdeploy_imp_customer_rest',
    '<span class="hc-bad">failed</span>',
    'ENDED_BY_NETSUITE: NetSuite ended this execution (Script Status: Failed) before the script could record why: a usage or time limit, or an uncaught error.',
  ]);
  const imp = model.health[0];
  expect(imp.state).toBe('failing');
  expect(imp.fix).toMatch(/Execution Log/);
});

test('settings: the company preferences in effect, and where to change them', () => {
  const { model } = page({ subsidiary: '2' });
  expect(field(model, 'custpage_set_where')).toMatch(
    /^Setup > Company > General Preferences > Custom Preferences/,
  );
  expect(field(model, 'custpage_set_default_subsidiary')).toBe('2');
  expect(field(page().model, 'custpage_set_default_subsidiary')).toMatch(
    /^\(empty: none: rows without a subsidiary fail MISSING_SUBSIDIARY/,
  );
});

test('every error code the page can show has its fix in words; unknown ones say whom to ask', () => {
  for (const code of [
    'MISSING_SUBSIDIARY',
    'INVALID_EMAIL',
    'FTP_INCORRECT_HOST_KEY',
    'CONNECTION_CLOSED_BY_HOST',
    'HC_SFTP_CONFIG_MISSING',
    'ENDED_BY_NETSUITE',
    'WRONG_COLUMN_COUNT',
  ])
    expect(status.fixFor(code)).not.toMatch(/send the code/);
  expect(status.fixFor('MISSING_SUBSIDIARY')).toMatch(/Default subsidiary.*Custom Preferences/);
  expect(status.fixFor('SOMETHING_NEW')).toMatch(/send the code SOMETHING_NEW/);
});

test('the download header is RFC 6266: no quote, CR or LF from the request reaches it', () => {
  const h = status.contentDisposition('a"b\r\nSet-Cookie: x=1;é.csv');
  expect(h).not.toMatch(/[\r\n]/);
  expect(h).toBe(
    `attachment; filename="a_b__Set-Cookie_ x_1__.csv"; filename*=UTF-8''a%22b%0D%0ASet-Cookie%3A%20x%3D1%3B%C3%A9.csv`,
  );
  expect(h.match(/"/g)).toHaveLength(2);
});
