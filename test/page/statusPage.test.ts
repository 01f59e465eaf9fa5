/**
 * The administrator's status page (HC_SL_CustomerSync), built, in the emulator's HTTP server, driven
 * in headless Chromium against a simulated merchant on a real SFTP server: every section checked
 * against the account and the server's files, every action clicked and its effect checked, a POST
 * without the CSRF token and a non-administrator refused, and the page used without JavaScript.
 * The account they look at: ./statusPageAccount.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runScheduled, setSuiteletAudience } from '../../emulator/src';
import { remoteNames } from '../e2e/helpers';
import { OUTPUT_DIR, fieldText, messageText, openBrowser, openTab, runAction, tableRows } from './browser';
import {
  MR,
  MR_FEED,
  SUITELET,
  env,
  server,
  browser,
  page,
  pageUrl,
  checkpointState,
  auditSummaries,
  rowsOf,
  reportOf,
  drain,
} from './statusPageAccount';
import {
  EXPORT_CUSTOMER_IDS,
  GENERATE_HISTORICAL_CSV,
  IMPORT_CUSTOMER,
  IMPORT_CUSTOMER_MR,
  UPLOAD_HISTORICAL_CSV,
} from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

test('the page loads for an administrator within the Suitelet limit, and a screenshot is kept', async () => {
  const res = await page.goto(pageUrl);
  expect(res?.status()).toBe(200);
  expect(await page.title()).toContain('HotWax Customer Sync');
  for (const tab of ['Overview', 'Feeds', 'Errors', 'Id export and historical export', 'Settings', 'Actions'])
    await expect(page.locator('nav.ns-tabs a', { hasText: tab }).count()).resolves.toBe(1);
  const used = Number(/This request used (\d+) of 1000 units/.exec(await page.content())?.[1]);
  expect(used).toBeGreaterThan(0);
  expect(used).toBeLessThan(200);
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'status-page.png'), fullPage: true });
});

test('Overview: each script with its deployments, last runs (counts, units, rescheduled) and what runs next', async () => {
  await page.goto(pageUrl);
  const keys = {
    generate: GENERATE_HISTORICAL_CSV.scriptId,
    upload: UPLOAD_HISTORICAL_CSV.scriptId,
    import: IMPORT_CUSTOMER.scriptId,
    import_mr: MR.scriptId,
    export: EXPORT_CUSTOMER_IDS.scriptId,
  };
  for (const [key, scriptId] of Object.entries(keys)) {
    const deployments = await fieldText(page, `custpage_${key}_deployments`);
    for (const d of env.account.script(scriptId).deployments) expect(deployments).toContain(d.deploymentId);
    const summaries = auditSummaries(scriptId);
    const runs = await tableRows(page, `custpage_runs_${key}`);
    // Newest first, one row per execution that wrote its history entry (at most 5 shown).
    expect(runs.length).toBe(Math.min(5, summaries.length));
    const last = summaries[summaries.length - 1];
    expect(runs[0][4]).toBe(Number(last.unitsUsed).toLocaleString('en-US'));
    expect(runs[0][5]).toBe(last.rescheduled ? 'Yes' : 'No');
    expect(await fieldText(page, `custpage_${key}_failed`)).toBe('No');
  }
  // HC_SC_GenerateHistoricalCustomerCSV finished in one execution and wrote no run-history entry: its
  // row above (the units its summary logged) is made from the folder's checkpoint.
  const entriesOf = (scriptId: string) =>
    env.account.records.find(
      'customrecord_hc_sync_run',
      (r) => r.values.custrecord_hc_run_script === scriptId,
    );
  expect(entriesOf(keys.generate)).toHaveLength(0);
  expect(entriesOf(keys.upload).length).toBeGreaterThan(0);
  const importRuns = await tableRows(page, 'custpage_runs_import');
  const lastImport = auditSummaries(IMPORT_CUSTOMER.scriptId).at(-1) as { totals: Record<string, number> };
  expect(importRuns[0][3]).toContain(`${lastImport.totals.created} created`);
  expect(importRuns[0][5]).toBe('Yes'); // the paused run rescheduled itself
  expect(await fieldText(page, 'custpage_import_deployments')).toContain(
    `${IMPORT_CUSTOMER.deploymentId}: Scheduled`,
  );
  const next = await fieldText(page, 'custpage_import_next');
  expect(next).toContain(`Pending on ${IMPORT_CUSTOMER.onDemandDeploymentId}`);
  expect(next).toContain(`${IMPORT_CUSTOMER.deploymentId}: every 15 minutes, next at`);
  expect(await fieldText(page, 'custpage_generate_next')).toContain('Nothing scheduled');

  // HC_MR_ImportCustomer beside the scheduled import, in its own words, with its run.
  expect(
    await page
      .locator(
        'text=Customer import of large backlogs (map/reduce) (HC_MR_ImportCustomer, started by HC_SC_ImportCustomer)',
      )
      .count(),
  ).toBe(1);
  expect(await fieldText(page, 'custpage_import_mr_deployments')).toBe(
    `${IMPORT_CUSTOMER_MR.deploymentId}: Not scheduled (on demand)`,
  );
  const mrSummary = auditSummaries(MR.scriptId)[0] as { totals: Record<string, number> };
  const mrRuns = await tableRows(page, 'custpage_runs_import_mr');
  expect(mrRuns[0].slice(1, 4)).toEqual([
    MR.deploymentId,
    'complete',
    `${mrSummary.totals.created} created, ${mrSummary.totals.linked} linked, ${mrSummary.totals.alreadyLinked} already linked, ${mrSummary.totals.errors} errors; 1 feed`,
  ]);
  expect(mrSummary.totals).toMatchObject({ created: 12, errors: 2 });
  expect(await fieldText(page, 'custpage_import_mr_next')).toMatch(
    /^Nothing queued: HC_SC_ImportCustomer submits it/,
  );
  expect(await fieldText(page, 'custpage_import_mr_handoff')).toMatch(/^none/);
  // The scheduled import's run that handed the feed over says so.
  expect(importRuns.some((r) => r[3].endsWith('1 feed, 1 handed to HC_MR_ImportCustomer'))).toBe(true);
  // While a map/reduce instance runs, it is running in its current stage.
  const running = env.account.tasks.add({
    taskType: 'MAP_REDUCE',
    ...MR,
    params: {},
    status: 'PROCESSING',
    stage: 'REDUCE',
    submittedAt: env.account.now(),
    neverRuns: true,
  });
  try {
    await page.goto(pageUrl);
    expect(await fieldText(page, 'custpage_import_mr_next')).toMatch(
      new RegExp(`^Processing on ${IMPORT_CUSTOMER_MR.deploymentId} \\(reduce stage; queued .+\\)$`),
    );
  } finally {
    env.account.tasks.entries.splice(env.account.tasks.entries.indexOf(running), 1);
  }

  // A paused scheduled deployment (HotWax's job manager or an administrator) says so and runs nothing next.
  const scheduledExport = env.account.deployment(
    env.account.script(EXPORT_CUSTOMER_IDS.scriptId),
    EXPORT_CUSTOMER_IDS.deploymentId,
  );
  scheduledExport.status = 'NOTSCHEDULED';
  try {
    await page.goto(pageUrl);
    expect(await fieldText(page, 'custpage_export_deployments')).toContain(
      `${EXPORT_CUSTOMER_IDS.deploymentId}: Paused (Not scheduled (on demand); ships scheduled every 15 minutes)`,
    );
    expect(await fieldText(page, 'custpage_export_next')).not.toContain('next at');
  } finally {
    scheduledExport.status = 'SCHEDULED';
  }

  // A run that dies before its summary writes no history entry: NetSuite's script instance says it failed.
  env.setParams('import', { custscript_hc_imp_sftp_config: '99999' });
  try {
    const failed = runScheduled(env.account, {
      scriptId: IMPORT_CUSTOMER.scriptId,
      deploymentId: IMPORT_CUSTOMER.deploymentId,
    });
    expect(failed.status).toBe('FAILED');
  } finally {
    env.setParams('import', { custscript_hc_imp_sftp_config: '' });
  }
  await page.goto(pageUrl);
  expect(await fieldText(page, 'custpage_import_failed')).toMatch(
    /^Yes \(script instance failed .*; see the deployment's execution log\)$/,
  );
  expect(await fieldText(page, 'custpage_export_failed')).toBe('No');
});

test('Feeds: the feed in progress from the checkpoint, waiting feeds listed live on request, archived feeds with counts', async () => {
  await page.goto(pageUrl);
  const cp = checkpointState('import');
  expect(await fieldText(page, 'custpage_feed_current')).toBe(cp.file);
  expect(await fieldText(page, 'custpage_feed_line')).toBe(String(cp.line));
  expect(await fieldText(page, 'custpage_feed_counts')).toContain(`${cp.counts.created} created`);
  // Not listed until asked (no SFTP on a plain page load).
  expect(await page.locator('table[data-sublist="custpage_waiting"]').count()).toBe(0);
  await openTab(page, 'custpage_tab_feeds');
  await Promise.all([page.waitForNavigation(), page.click('a:has-text("List the waiting feeds")')]);
  const waiting = (await tableRows(page, 'custpage_waiting')).map((r) => r[0]);
  expect(waiting.sort()).toEqual(
    remoteNames(env, 'customer/export')
      .filter((n) => n.endsWith('.csv'))
      .sort(),
  );
  expect(waiting).toContain('customer-Feed-2026-12-01-12-00-00-000.csv');
  const archived = await tableRows(page, 'custpage_archived');
  const onServer = remoteNames(env, 'customer/export/archive');
  expect(archived.length).toBe(onServer.length);
  for (const r of archived) expect(onServer).toContain(r[2]);
  const second = archived.find((r) => r[0] === 'customer-Feed-2026-12-01-10-00-00-000.csv')!;
  expect(second.slice(3, 8)).toEqual(['1', '0', '0', '41 (report)', 'HC_SC_ImportCustomer']);
  // The feed HC_MR_ImportCustomer imported, with its counts and its report.
  const mr = archived.find((r) => r[0] === MR_FEED)!;
  expect(mr.slice(3, 8)).toEqual(['12', '0', '0', '2 (report)', 'HC_MR_ImportCustomer']);
  expect(await tableRows(page, 'custpage_failed')).toEqual([]);
});

test('Errors: latest rows with the NetSuite customer link, filtered by code, and a full report read from SFTP', async () => {
  await page.goto(pageUrl);
  const reports = remoteNames(env, 'customer/export/error');
  const onServer = reports.flatMap((n) => rowsOf(`customer/export/error/${n}`).slice(1));
  const rows = await tableRows(page, 'custpage_errors');
  // Every row listed is a row of a report on the server; the ones the run history could not keep
  // (a search column holds 4,000 bytes) are counted, and the report has them all.
  const key = (r: string[]) => r.slice(0, 5).join('|');
  const serverKeys = new Set(onServer.map(key));
  for (const r of rows) expect(serverKeys.has(key(r))).toBe(true);
  expect(rows.length).toBeGreaterThan(5);
  expect(rows.length).toBeLessThan(onServer.length);
  expect(await fieldText(page, 'custpage_err_omitted')).toBe(
    `${onServer.length - rows.length} more error rows of these runs: open the feed's report for every row.`,
  );
  const linked = rows.find((r) => r[0] === 'customer-Feed-2026-12-01-10-00-00-000.csv' && r[1] === '2')!;
  expect(linked[3]).toBe('INVALID_EMAIL');
  const customerId = [...env.account.records.all('customer')].find(
    (c) => c.values.custentity_hc_customer_id === linked[2],
  )!.id;
  expect(linked[5]).toBe(`Customer ${customerId}`);
  expect(linked[7]).toBe('HC_SC_ImportCustomer');
  // The map/reduce's rejected rows, each saying it imported them, as its report has them.
  const mrRows = rows.filter((r) => r[0] === MR_FEED);
  expect(mrRows.map((r) => [r[1], r[2], r[3], r[7]])).toEqual(
    rowsOf(reportOf('customer/export/error', MR_FEED, '-errors.csv'))
      .slice(1)
      .map((r) => [r[1], r[2], r[3], 'HC_MR_ImportCustomer']),
  );
  expect(mrRows).toHaveLength(2);
  await openTab(page, 'custpage_tab_errors');
  await Promise.all([page.waitForNavigation(), page.click(`a:has-text("Customer ${customerId}")`)]);
  expect(await page.content()).toContain(linked[2]);

  await page.goto(`${pageUrl}&selectedtab=custpage_tab_errors`);
  await Promise.all([page.waitForNavigation(), page.click('a:has-text("INVALID_EMAIL (")')]);
  const filtered = await tableRows(page, 'custpage_errors');
  expect(filtered.length).toBe(rows.filter((r) => r[3] === 'INVALID_EMAIL').length);
  expect(filtered.every((r) => r[3] === 'INVALID_EMAIL')).toBe(true);

  await Promise.all([
    page.waitForNavigation(),
    page.click(
      'table[data-sublist="custpage_errors"] a:has-text("customer-Feed-2026-12-01-10-00-00-000.csv")',
    ),
  ]);
  const report = await tableRows(page, 'custpage_report');
  expect(report).toEqual(
    rowsOf(
      reportOf('customer/export/error', 'customer-Feed-2026-12-01-10-00-00-000.csv', '-errors.csv'),
    ).slice(1),
  );
  const download = await page.request.get(
    await page
      .locator('a:has-text("(CSV)")')
      .getAttribute('href')
      .then((h) => new URL(h!, pageUrl).href),
  );
  expect(download.headers()['content-type']).toContain('text/csv');
  expect(await download.text()).toBe(
    fs.readFileSync(
      env.localPath(
        reportOf('customer/export/error', 'customer-Feed-2026-12-01-10-00-00-000.csv', '-errors.csv'),
      ),
      'utf8',
    ),
  );
  // A path in the report name is never read.
  const sneaky = await page.goto(`${pageUrl}&custpage_report=${encodeURIComponent('../../../etc/passwd')}`);
  expect(sneaky?.status()).toBe(200);
  expect(await page.locator('table[data-sublist="custpage_report"]').count()).toBe(0);
});

test('Id export and historical export: the cursor, the last files sent, the historical parts', async () => {
  await page.goto(pageUrl);
  const cp = checkpointState('id-export') as { committed: { stampAfter: number } };
  // The committed cursor is a time the page shows (in the user's format), not "none yet".
  expect(cp.committed.stampAfter).toBeGreaterThan(0);
  expect(await fieldText(page, 'custpage_exp_stamp')).not.toMatch(/No export has run yet|the beginning/);
  expect(await fieldText(page, 'custpage_exp_pending')).toBe('none');
  const sent = (await tableRows(page, 'custpage_sent')).map((r) => r[0]);
  const exported = auditSummaries(EXPORT_CUSTOMER_IDS.scriptId).flatMap((s) => s.files as string[]);
  expect(sent.sort()).toEqual(exported.sort());
  // HotWax moved them into archive/ after storing the ids.
  for (const f of sent) expect(remoteNames(env, 'customer/import/archive')).toContain(f);
  expect(await fieldText(page, 'custpage_hist_status')).toMatch(/^Finished: \d+ customers in 1 part\(s\)$/);
  const parts = (await tableRows(page, 'custpage_parts')).map((r) => [r[0], r[2]]);
  const archiveFolder = [...env.account.records.all('folder')].find(
    (f) => f.values.name === 'Archive Historical Shopify Customer',
  )!;
  expect(parts).toEqual(
    env.account.files.list(Number(archiveFolder.id)).map((f) => [f.name, 'uploaded, archived']),
  );
});

test('Actions: a dry run of one waiting feed writes its verdicts and no customer', async () => {
  await page.goto(`${pageUrl}&custpage_feeds=T`);
  const customers = env.account.records.count('customer');
  await runAction(page, 'dry_run', 'customer-Feed-2026-12-01-12-00-00-000.csv');
  expect(await messageText(page)).toContain('Dry run of customer-Feed-2026-12-01-12-00-00-000.csv');

  expect(await messageText(page)).toContain('Would create 1, link 0, already linked 0, errors 1');
  const verdicts = rowsOf(
    reportOf('customer/export/dry_run', 'customer-Feed-2026-12-01-12-00-00-000.csv', '-dry-run.csv'),
  );
  expect(verdicts.slice(1).map((r) => [r[2], r[3]])).toEqual([
    ['HCWAIT1', 'create'],
    ['HCWAIT2', 'error'],
  ]);
  expect(env.account.records.count('customer')).toBe(customers);
  expect(remoteNames(env, 'customer/export')).toContain('customer-Feed-2026-12-01-12-00-00-000.csv');
});

test('Actions: run the import now (refused while its deployment is queued, then queued and run)', async () => {
  await page.goto(pageUrl);
  await runAction(page, 'run_import');
  expect(await messageText(page)).toMatch(/HC_SC_ImportCustomer not queued: FAILED_TO_SUBMIT_JOB_REQUEST_1/);
  drain(); // the paused import continues on its on-demand deployment and takes the waiting feed too
  expect(checkpointState('import').file).toBeNull();
  await page.goto(pageUrl);
  const before = env.account.tasks.entries.length;
  await runAction(page, 'run_import');
  const queued = env.account.tasks.entries.slice(before);
  expect(queued).toMatchObject([
    {
      scriptId: IMPORT_CUSTOMER.scriptId,
      deploymentId: IMPORT_CUSTOMER.onDemandDeploymentId,
      status: 'PENDING',
    },
  ]);
  expect(await messageText(page)).toContain(
    `HC_SC_ImportCustomer queued: Submitted HC_SC_ImportCustomer on deployment ${IMPORT_CUSTOMER.onDemandDeploymentId} (task ${queued[0].taskId})`,
  );
  drain();
  await page.goto(pageUrl);
  expect(await fieldText(page, 'custpage_feed_current')).toMatch(/^None/);
  const archived = (await tableRows(page, 'custpage_archived')).map((r) => r[0]);
  expect(archived).toContain('customer-Feed-2026-12-01-11-00-00-000.csv');
  expect(archived).toContain('customer-Feed-2026-12-01-12-00-00-000.csv');
  expect((await tableRows(page, 'custpage_runs_import'))[0][1]).toBe(IMPORT_CUSTOMER.onDemandDeploymentId);
  const big = [...env.account.records.all('customer')].filter((c) =>
    /^HCBIG\d+$/.test(String(c.values.custentity_hc_customer_id)),
  );
  expect(big).toHaveLength(80);
});

test('Actions: run the id export now sends the new customers ids', async () => {
  await page.goto(pageUrl);
  env.setParams('export', { custscript_hc_exp_settle_seconds: 0 });
  const before = new Set(remoteNames(env, 'customer/import'));
  await runAction(page, 'run_export');
  expect(await messageText(page)).toContain(
    `HC_MR_ExportedCustomerCSV queued: Submitted HC_MR_ExportedCustomerCSV on deployment ${EXPORT_CUSTOMER_IDS.onDemandDeploymentId}`,
  );
  drain();
  const added = remoteNames(env, 'customer/import').filter((n) => !before.has(n));
  expect(added).toHaveLength(1);
  const ids = rowsOf(`customer/import/${added[0]}`)
    .slice(1)
    .map((r) => r[0]);
  expect(ids).toContain('HCBIG80');
  await page.goto(pageUrl);
  expect((await tableRows(page, 'custpage_sent')).map((r) => r[0])).toContain(added[0]);
});

test('Actions: test the SFTP connection from inside NetSuite, and see a wrong host key refused', async () => {
  await page.goto(pageUrl);
  await runAction(page, 'test_sftp');
  expect(await messageText(page)).toMatch(/^SFTP connection works/);
  const checks = await tableRows(page, 'custpage_action_details');
  expect(checks.map((c) => c[0])).toEqual(
    expect.arrayContaining(['host key', 'login', 'customer/export/error/', 'write in customer/import/']),
  );
  expect(checks.every((c) => c[1] === 'OK')).toBe(true);
  // The credential is named by its id, never shown.
  const html = await page.content();
  for (const secret of [env.server?.password, env.server?.privateKey].filter((x): x is string => !!x))
    expect(html).not.toContain(secret.trim().split('\n').slice(1, 2).join('') || secret);
  // No probe left behind.
  for (const dir of [
    'customer/export/error',
    'customer/import',
    'customer/import/archive',
    'historicalshopifycustomer/csv/archive',
  ])
    expect(remoteNames(env, dir).filter((n) => n.startsWith('.hc-sftp-check'))).toEqual([]);

  const rec = [...env.account.records.all('customrecord_ns_sftp_configuration')][0];
  const good = rec.values.custrecord_ns_sftp_host_key;
  env.account.records.update('customrecord_ns_sftp_configuration', rec.id, {
    custrecord_ns_sftp_host_key:
      'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFA=',
  });
  try {
    await page.goto(pageUrl);
    await runAction(page, 'test_sftp');
    expect(await messageText(page)).toMatch(/^SFTP connection has problems/);
    const bad = await tableRows(page, 'custpage_action_details');
    expect(bad.find((c) => c[0] === 'host key and login')?.[1]).toBe('FAILED');
  } finally {
    env.account.records.update('customrecord_ns_sftp_configuration', rec.id, {
      custrecord_ns_sftp_host_key: good,
    });
  }
});

test('a POST without the CSRF token (or with another one) is refused and does nothing', async () => {
  await page.goto(pageUrl);
  const before = env.account.tasks.entries.length;
  const forms: Record<string, string>[] = [
    { custpage_action: 'run_export' },
    { custpage_action: 'run_export', custpage_csrf: 'forged-token' },
  ];
  for (const form of forms) {
    const res = await page.request.post(pageUrl, { form });
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('did not carry this page');
  }
  expect(env.account.tasks.entries.length).toBe(before);
  // With the token but no action chosen (the select starts blank), nothing happens either.
  const token = await page.locator('input[name="custpage_csrf"]').getAttribute('value');
  const blank = await page.request.post(pageUrl, { form: { custpage_action: '', custpage_csrf: token! } });
  expect(await blank.text()).toContain('Choose an action first: nothing was done.');
  expect(env.account.tasks.entries.length).toBe(before);
  // The token belongs to the session: another browser's token does not work here either.
  const other = await openBrowser();
  try {
    const p2 = await other.context.newPage();
    await p2.goto(pageUrl);
    const foreign = await p2.locator('input[name="custpage_csrf"]').getAttribute('value');
    const res = await page.request.post(pageUrl, {
      form: { custpage_action: 'run_export', custpage_csrf: foreign! },
    });
    expect(await res.text()).toContain('did not carry this page');
  } finally {
    await other.close();
  }
  expect(env.account.tasks.entries.length).toBe(before);
});

test('a non-administrator is refused: by the deployment audience, and by the script itself', async () => {
  const p = await browser.context.newPage();
  await p.goto(
    `${server.url}/emulator/role?role=customrole_hc_clerk&roleNum=1001&back=${encodeURIComponent(pageUrl)}`,
  );
  expect(await p.content()).toContain('You do not have privileges to view this page');
  expect(await p.locator('select[name="custpage_action"]').count()).toBe(0);
  // An administrator widening the audience still leaves the page to administrators.
  setSuiteletAudience(env.account, SUITELET.scriptId, SUITELET.deploymentId, { allRoles: true, roles: [] });
  try {
    await p.goto(pageUrl);
    expect(await p.content()).toContain('Only an administrator can use the HotWax Customer Sync page');
    const res = await p.request.post(pageUrl, { form: { custpage_action: 'run_export' } });
    expect(await res.text()).toContain('Only an administrator');
  } finally {
    setSuiteletAudience(env.account, SUITELET.scriptId, SUITELET.deploymentId, {
      allRoles: false,
      roles: ['administrator'],
    });
    await p.goto(`${server.url}/emulator/role?role=administrator&roleNum=3`);
    await p.close();
  }
});

test('the page works without JavaScript: one tab at a time, the active one marked, tabs switch by link, an action posts', async () => {
  const nojs = await openBrowser({ javaScript: false });
  try {
    const p = await nojs.context.newPage();
    await p.setViewportSize({ width: 1400, height: 1000 });
    await p.goto(pageUrl);
    const tabs = [
      'custpage_tab_overview',
      'custpage_tab_feeds',
      'custpage_tab_errors',
      'custpage_tab_exports',
      'custpage_tab_settings',
      'custpage_tab_actions',
    ];
    const visible = async () => {
      const out: string[] = [];
      for (const id of tabs) if (await p.locator(`section#${id}`).isVisible()) out.push(id);
      return out;
    };
    expect(await visible()).toEqual(['custpage_tab_overview']);
    expect(await p.locator('nav.ns-tabs a[aria-current="page"]').innerText()).toBe('Overview');
    // The health lines stand above the tabs, on every tab.
    expect(await p.locator('#hc-health').isVisible()).toBe(true);
    for (const id of tabs.slice(1)) {
      await openTab(p, id);
      expect(await visible()).toEqual([id]);
      expect(new URL(p.url()).searchParams.get('selectedtab')).toBe(id);
    }
    await openTab(p, 'custpage_tab_errors');
    expect((await tableRows(p, 'custpage_errors')).length).toBeGreaterThan(0);
    await runAction(p, 'test_sftp');
    expect(await messageText(p)).toMatch(/^SFTP connection works/);
    // The post came from the Actions tab: its result table is on the tab shown.
    expect(await p.locator('table[data-sublist="custpage_action_details"]').isVisible()).toBe(true);
    await p.screenshot({ path: path.join(OUTPUT_DIR, 'status-page-no-javascript.png'), fullPage: false });
  } finally {
    await nojs.close();
  }
});
