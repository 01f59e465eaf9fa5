/**
 * The status page's first screen (each flow's state, cause and fix), an execution NetSuite ended,
 * the settings, the fix for each error code, and the download header.
 */
import type { PageModel } from '../../src/TypeScripts/HotWaxCustomerSync/sync/statusPage';
import type { RunEntry } from '../../src/TypeScripts/HotWaxCustomerSync/sync/ports';
import { status, SC, NOW, MIN, nextId, entry, page, table, field } from './statusPageFixtures';
import { IMPORT_CUSTOMER } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

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
    id: nextId(),
    scriptId: SC,
    deploymentId: IMPORT_CUSTOMER.deploymentId,
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
    `HC_SC_ImportCustomer failed on ${IMPORT_CUSTOMER.deploymentId} every run since ${new Date(NOW - 30 * MIN).toISOString()}: FTP_CANNOT_ESTABLISH_CONNECTION: Cannot establish a connection to sftp.example:22`,
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
        deploymentId: IMPORT_CUSTOMER.onDemandDeploymentId,
        status: 'FAILED',
        created: NOW - 20 * MIN,
        ended: NOW - 5 * MIN,
        taskId: 'T9',
      },
      // Its own entry exists: not a second run.
      {
        scriptId: SC,
        deploymentId: IMPORT_CUSTOMER.deploymentId,
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
    IMPORT_CUSTOMER.onDemandDeploymentId,
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
