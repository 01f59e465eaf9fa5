/**
 * The status page's first screen (1400×1000) in the states a new administrator meets, in headless
 * Chromium with one screenshot each (test-output/page/state-*.png): a fresh account, healthy, the
 * SFTP server down, a wrong SFTP password, a run NetSuite ended (usage limit), 5,000 rejected rows.
 * Each state's health line says healthy / attention / failing, the cause and the fix. Also: the
 * import's settings are company preferences, one value for every deployment (customdeploy1, the
 * on-demand deployment "Run now" uses, the page's dry run), and the page shows them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SuiteletServer, runScheduled } from '../../emulator/src';
import { SECRET_ID, SyncEnvironment } from '../../simulation/environment';
import { csvText, FEED_HEADER } from '../../simulation/hotwax';
import { feedRowsFor, writeFeed } from '../e2e/helpers';
import { OUTPUT_DIR, fieldText, messageText, openBrowser, openTab, tableRows } from './browser';
import { CUSTOMER_SYNC_PAGE, IMPORT_CUSTOMER } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

const SUITELET = {
  scriptId: CUSTOMER_SYNC_PAGE.scriptId,
  deploymentId: CUSTOMER_SYNC_PAGE.deploymentId,
};
const IMPORT = IMPORT_CUSTOMER.scriptId;

let env: SyncEnvironment;
let server: SuiteletServer;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let pageUrl: string;

interface Line {
  flow: string;
  state: string;
  cause: string;
  fix: string;
  lastGood: string;
  feeds: string;
  errors: string;
}

/** The health lines as shown, and a screenshot of the first screen only. */
async function firstScreen(name: string): Promise<Record<string, Line>> {
  await page.goto(pageUrl);
  await page.screenshot({ path: path.join(OUTPUT_DIR, `state-${name}.png`), fullPage: false });
  const out: Record<string, Line> = {};
  const rows = page.locator('#hc-health tr[data-flow]');
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = await rows.nth(i).locator('td').allInnerTexts();
    const [flow, state, cause, fix, lastGood, feeds, errors] = cells.map((c) => c.trim());
    // Inside the first screen: the administrator sees it without scrolling.
    const box = await rows.nth(i).boundingBox();
    expect(box!.y + box!.height).toBeLessThan(1000);
    out[flow] = { flow, state, cause, fix, lastGood, feeds, errors };
  }
  return out;
}

const feed = (name: string, rows: Parameters<typeof feedRowsFor>[0], subsidiary?: string) =>
  writeFeed(env, name, csvText(FEED_HEADER, feedRowsFor(rows, subsidiary)));
const runImport = (deploymentId = IMPORT_CUSTOMER.deploymentId) =>
  runScheduled(env.account, { scriptId: IMPORT, deploymentId });

beforeAll(async () => {
  // The embedded server: it takes a password (OpenSSH here takes a key only).
  env = await SyncEnvironment.start({ sftp: 'embedded', credential: 'secret' });
  server = new SuiteletServer(env.account, { runQueuedTasks: false });
  await server.start();
  pageUrl = server.suiteletUrl(SUITELET.scriptId, SUITELET.deploymentId);
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await env?.stop();
});

test('a fresh account: nothing has run yet, and the page says what comes next', async () => {
  const h = await firstScreen('fresh-account');
  expect(Object.keys(h)).toEqual([
    'Customer import',
    'Id export to HotWax',
    'Historical export (by hand, once)',
  ]);
  expect(h['Customer import'].state).toBe('NOT RUN YET');
  expect(h['Customer import'].cause).toBe('No run recorded yet: it runs every 15 minutes');
  expect(h['Historical export (by hand, once)'].fix).toMatch(
    /^Before go-live, run HC_SC_GenerateHistoricalCustomerCSV/,
  );
  expect(await page.locator('.hc-zone').innerText()).toMatch(
    /^Times are in your NetSuite time zone, .+; file names carry UTC\.$/,
  );
});

test('settings are company preferences: one value for every deployment, shown on the page', async () => {
  // A feed row without a subsidiary: the default subsidiary fills it in whichever deployment runs.
  env.setParams('import', { custscript_hc_imp_default_subsidiary: env.subsidiaries[1] });
  expect(env.account.companyPreferences.custscript_hc_imp_default_subsidiary).toBe(env.subsidiaries[1]);
  // NetSuite has no such field on a deployment: nothing was set there.
  for (const d of env.account.script(IMPORT).deployments)
    expect(d.params.custscript_hc_imp_default_subsidiary).toBeUndefined();
  expect(() =>
    env.account.setDeploymentParams(IMPORT, IMPORT_CUSTOMER.deploymentId, {
      custscript_hc_imp_default_subsidiary: '1',
    }),
  ).toThrow(/company preference/);

  // A redeploy (the SDF objects read again) leaves the administrator's value alone: it is account data.
  env.account.loadScriptsFromSdf();
  expect(env.account.companyPreferences.custscript_hc_imp_default_subsidiary).toBe(env.subsidiaries[1]);
  await page.goto(`${pageUrl}&selectedtab=custpage_tab_settings`);
  expect(await fieldText(page, 'custpage_set_where')).toMatch(
    /^Setup > Company > General Preferences > Custom Preferences/,
  );
  expect(await fieldText(page, 'custpage_set_default_subsidiary')).toBe(env.subsidiaries[1]);

  // The page's dry run and "Run now" (customdeploy_imp_customer_rest) judge the row alike.
  feed('customer-Feed-2026-12-01-08-00-00-000.csv', [{ HCCustomerId: 'HCNOSUB1' }], '');
  await page.goto(`${pageUrl}&custpage_feeds=T&selectedtab=custpage_tab_feeds`);
  await Promise.all([page.waitForNavigation(), page.click('button[name="custpage_dryrun_feed"]')]);
  expect(await messageText(page)).toContain('Would create 1, link 0, already linked 0, errors 0');
  await page.goto(pageUrl);
  await Promise.all([
    page.waitForNavigation(),
    page.click('button[name="custpage_run"][value="run_import"]'),
  ]);
  expect(await messageText(page)).toMatch(
    new RegExp(
      `^HC_SC_ImportCustomer queued: Submitted HC_SC_ImportCustomer on deployment ${IMPORT_CUSTOMER.onDemandDeploymentId}`,
    ),
  );
  const queued = env.account.tasks.entries.filter((t) => t.status === 'PENDING');
  expect(queued.map((t) => t.deploymentId)).toEqual([IMPORT_CUSTOMER.onDemandDeploymentId]);
  const run = runScheduled(env.account, {
    scriptId: IMPORT,
    deploymentId: IMPORT_CUSTOMER.onDemandDeploymentId,
  });
  expect(run.status).toBe('COMPLETE');
  const created = [...env.account.records.all('customer')].find(
    (c) => c.values.custentity_hc_customer_id === 'HCNOSUB1',
  );
  expect(String(created?.values.subsidiary)).toBe(env.subsidiaries[1]);
});

test('healthy: the flows ran, nothing to do', async () => {
  feed(
    'customer-Feed-2026-12-01-09-00-00-000.csv',
    [
      { HCCustomerId: 'HCOK1', HCShopifyCustomerId: '6611000001' },
      { HCCustomerId: 'HCOK2', HCShopifyCustomerId: '6611000002' },
    ],
    env.subsidiaries[1],
  );
  expect(runImport().status).toBe('COMPLETE');
  env.setParams('export', { custscript_hc_exp_settle_seconds: 0 });
  env.run('export');
  const h = await firstScreen('healthy');
  expect(h['Customer import']).toMatchObject({ state: 'HEALTHY', fix: 'Nothing to do.' });
  expect(h['Customer import'].errors).toBe('0 rejected rows in the last 24 hours');
  expect(h['Customer import'].feeds).toMatch(/^0 waiting in customer\/export\/ when the last run ended/);
  expect(h['Id export to HotWax'].state).toBe('HEALTHY');
});

test('SFTP down: failing, the cause in words and where to look', async () => {
  const rec = [...env.account.records.all('customrecord_ns_sftp_configuration')][0];
  const port = rec.values.custrecord_ns_sftp_port_no;
  // A port nothing listens on: the server is down.
  env.account.records.update('customrecord_ns_sftp_configuration', rec.id, { custrecord_ns_sftp_port_no: 1 });
  try {
    expect(runImport().status).toBe('FAILED');
  } finally {
    env.account.records.update('customrecord_ns_sftp_configuration', rec.id, {
      custrecord_ns_sftp_port_no: port,
    });
  }
  const h = await firstScreen('sftp-down');
  const imp = h['Customer import'];
  expect(imp.state).toBe('FAILING');
  expect(imp.cause).toMatch(
    new RegExp(
      `^HC_SC_ImportCustomer failed on ${IMPORT_CUSTOMER.deploymentId} at .+: CONNECTION_CLOSED_BY_HOST: `,
    ),
  );
  expect(imp.fix).toMatch(/did not answer: check host and port in the HC SFTP Configuration record/);
  expect(imp.lastGood).toMatch(/HC_SC_ImportCustomer\)$/);
  // The failed execution is in the run history, with its code.
  await page.goto(pageUrl);
  const runs = await tableRows(page, 'custpage_runs_import');
  expect(runs[0].slice(1, 3)).toEqual([IMPORT_CUSTOMER.deploymentId, 'failed']);
  expect(runs[0][3]).toMatch(/^CONNECTION_CLOSED_BY_HOST: /);
});

test('wrong SFTP password: failing, check the password secret', async () => {
  const good = env.account.secrets.get(SECRET_ID)!;
  env.account.secrets.set(SECRET_ID, 'not-the-password');
  try {
    expect(runImport().status).toBe('FAILED');
  } finally {
    env.account.secrets.set(SECRET_ID, good);
  }
  const h = await firstScreen('wrong-password');
  const imp = h['Customer import'];
  expect(imp.state).toBe('FAILING');
  expect(imp.cause).toMatch(/every run since .+: FTP_CANNOT_ESTABLISH_CONNECTION: /);
  expect(imp.fix).toMatch(/user name and the password secret/);
  // No secret on the page.
  expect(await page.content()).not.toContain('not-the-password');
  expect(await page.content()).not.toContain(good);
});

test('a run NetSuite ended (usage limit): failing, from the script instance, with the Execution Log to read', async () => {
  feed(
    'customer-Feed-2026-12-01-10-00-00-000.csv',
    [{ HCCustomerId: 'HCLIM1', HCShopifyCustomerId: '6612000001' }],
    env.subsidiaries[1],
  );
  env.account.usageLimits.set(IMPORT, 5);
  try {
    expect(runImport().status).toBe('FAILED');
  } finally {
    env.account.usageLimits.delete(IMPORT);
  }
  const h = await firstScreen('failed-run');
  expect(h['Customer import'].state).toBe('FAILING');
  expect(h['Customer import'].cause).toMatch(/ENDED_BY_NETSUITE: NetSuite ended this execution/);
  expect(h['Customer import'].fix).toMatch(/Execution Log/);
  const runs = await tableRows(page, 'custpage_runs_import');
  expect(runs[0][2]).toBe('failed');
  expect(runs[0][3]).toMatch(/^ENDED_BY_NETSUITE: /);
});

test('5,000 rejected rows: attention, the count and where to read them', async () => {
  const bad = Array.from({ length: 5000 }, (_, i) => ({
    HCCustomerId: `HCE${i + 1}`,
    email: `bad-${i + 1}`,
  }));
  feed('customer-Feed-2026-12-01-11-00-00-000.csv', bad, env.subsidiaries[1]);
  env.run('import');
  const h = await firstScreen('5000-errors');
  const imp = h['Customer import'];
  expect(imp.state).toBe('ATTENTION');
  expect(imp.errors).toMatch(/^5,000 rejected rows/);
  expect(imp.fix).toBe('Open the Errors tab: each error code says what to fix.');
  await openTab(page, 'custpage_tab_errors');
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'state-5000-errors-tab.png'), fullPage: false });
  // True counts per code, though the run history keeps only a sample of the rows.
  expect(await fieldText(page, 'custpage_err_codes')).toBe('All (5,000) | INVALID_EMAIL (5,000)');
  expect(await tableRows(page, 'custpage_err_causes')).toEqual([
    ['INVALID_EMAIL', '5,000', expect.stringMatching(/fix the customer in HotWax/)],
  ]);
  // Every part of the report is linked from the feed's row, and each part reads in pages.
  await openTab(page, 'custpage_tab_feeds');
  const links = page.locator('table[data-sublist="custpage_archived"] a', { hasText: /report|part/ });
  const names: string[] = [];
  for (let i = 0; i < (await links.count()); i++)
    names.push(
      new URL((await links.nth(i).getAttribute('href'))!, pageUrl).searchParams.get('custpage_report')!,
    );
  const onServer = fs
    .readdirSync(env.localPath('customer/export/error'))
    .filter((n) => n.startsWith('customer-Feed-2026-12-01-11-00-00-000-'))
    .sort();
  expect(onServer.length).toBeGreaterThan(1);
  expect([...names].sort()).toEqual(onServer);
  let rows = 0;
  for (const name of onServer) {
    await page.goto(`${pageUrl}&custpage_report=${encodeURIComponent(name)}&selectedtab=custpage_tab_errors`);
    const pages = await page.locator('[data-field="custpage_report_pages"] a').count();
    for (let p = 1; p <= pages + 1; p++) {
      if (p > 1)
        await page.goto(
          `${pageUrl}&custpage_report=${encodeURIComponent(name)}&custpage_page=${p}&selectedtab=custpage_tab_errors`,
        );
      const shown = await page.locator('table[data-sublist="custpage_report"] tbody tr').count();
      expect(shown).toBeLessThanOrEqual(500);
      rows += shown;
    }
    expect(Buffer.byteLength(await page.content())).toBeLessThan(300_000);
  }
  expect(rows).toBe(5000);
  // A plain page load (no SFTP read) stays about where it was: 110-120 of the Suitelet's 1,000.
  await page.goto(pageUrl);
  const used = Number(/This request used (\d+) of 1000 units/.exec(await page.content())?.[1]);
  expect(used).toBeLessThanOrEqual(130);
  console.log(`plain page load with 5,000 rejected rows: ${used} units`);
}, 300_000);
