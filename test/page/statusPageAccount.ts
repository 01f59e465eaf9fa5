/**
 * The account the status page tests look at (test/page/statusPage.test.ts): a simulated merchant on a
 * real SFTP server, with a backlog HC_SC_ImportCustomer handed to HC_MR_ImportCustomer, a feed with
 * rejected rows (one pointing at an existing customer), a big feed left half done in the checkpoint
 * and one waiting; the Suitelet served by the emulator's HTTP server, a headless Chromium page open.
 * Set up once per test file (beforeAll), stopped after it.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { Scheduler, SuiteletServer, runScheduled } from '../../emulator/src';
import { runScenario } from '../../simulation/scenario';
import type { SyncEnvironment } from '../../simulation/environment';
import { csvText, FEED_HEADER, parseCsv } from '../../simulation/hotwax';
import { feedRowsFor, remoteNames, serverKind, writeFeed } from '../e2e/helpers';
import { openBrowser, requireChromium } from './browser';
import {
  CUSTOMER_SYNC_PAGE,
  IMPORT_CUSTOMER,
  IMPORT_CUSTOMER_MR,
} from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

export const MR = IMPORT_CUSTOMER_MR;
export const MR_FEED = 'customer-Feed-2026-12-01-09-00-00-000.csv';

export const SUITELET = CUSTOMER_SYNC_PAGE;

export let env: SyncEnvironment;
export let server: SuiteletServer;
export let browser: Awaited<ReturnType<typeof openBrowser>>;
export let page: Page;
export let pageUrl: string;

export const checkpointState = (key: string) => {
  const r = [...env.account.records.all('customrecord_hc_sync_checkpoint')].find(
    (x) => x.values.custrecord_hc_cp_key === key,
  );
  return r ? JSON.parse(String(r.values.custrecord_hc_cp_state)) : null;
};
export const auditSummaries = (scriptId: string) =>
  env.account.executions
    .filter((e) => e.scriptId === scriptId)
    .flatMap((e) => e.logs.filter((l) => l.level === 'AUDIT' && / summary$/.test(l.title)))
    .map((l) => JSON.parse(l.details) as Record<string, unknown>);
export const rowsOf = (rel: string) => parseCsv(fs.readFileSync(env.localPath(rel), 'utf8'));
/** A feed's report in `folder`: its name carries the import's tag (`<stem>-<tag><suffix>`). */
export const reportOf = (folder: string, feed: string, suffix: string) => {
  const stem = feed.replace(/\.csv$/, '');
  const found = remoteNames(env, folder).filter((n) => n.startsWith(`${stem}-`) && n.endsWith(suffix));
  expect(found).toHaveLength(1);
  return `${folder}/${found[0]}`;
};
export const drain = () => new Scheduler(env.account, { maxExecutions: 100 }).run();

/** A backlog HC_SC_ImportCustomer hands to HC_MR_ImportCustomer (the threshold lowered to this
   feed's rows): the map/reduce imports it, two bad rows reported. */
function handOffBacklog() {
  env.setParams('import', { custscript_hc_imp_mr_min_rows: 10 });
  writeFeed(
    env,
    MR_FEED,
    csvText(
      FEED_HEADER,
      feedRowsFor(
        Array.from({ length: 14 }, (_, i) => ({
          HCCustomerId: `HCMR${i + 1}`,
          HCShopifyCustomerId: `664400${i + 1}`,
          ...(i % 7 === 3 ? { email: `mr-bad-${i + 1}` } : {}),
        })),
        env.subsidiaries[1],
      ),
    ),
  );
  const handoff = env.run('import');
  // The other feeds of this file stay on the scheduled path (0: never hand over).
  env.setParams('import', { custscript_hc_imp_mr_min_rows: 0 });
  const mrRun = handoff.find((r) => r.scriptId === MR.scriptId);
  expect(mrRun?.status).toBe('COMPLETE');
  // Its summarize wrote its run-history entry, as the scheduled import writes its own.
  expect(
    [...env.account.records.all('customrecord_hc_sync_run')].filter(
      (r) => r.values.custrecord_hc_run_script === MR.scriptId,
    ),
  ).toHaveLength(1);
}

/** A second feed: a customer NetSuite has (created by the first import) sent again with a bad email,
   so an error row points at an existing NetSuite customer. */
function importRejectedRows() {
  const known = [...env.account.records.all('customer')].find((c) => c.values.custentity_hc_customer_id)!;
  const hcId = String(known.values.custentity_hc_customer_id);
  writeFeed(
    env,
    'customer-Feed-2026-12-01-10-00-00-000.csv',
    csvText(
      FEED_HEADER,
      feedRowsFor(
        [
          { HCCustomerId: hcId, email: 'not an email' },
          { HCCustomerId: 'HCPAGE1', HCShopifyCustomerId: '6699001' },
          // Enough rejected rows that the run history keeps only part of them (4,000-byte column).
          ...Array.from({ length: 40 }, (_, i) => ({
            HCCustomerId: `HCBAD${i + 1}`,
            HCShopifyCustomerId: `665500${i + 1}`,
            email: `bad-${i + 1}`,
          })),
        ],
        env.subsidiaries[1],
      ),
    ),
  );
  env.run('import');
}

/** A big feed the import leaves half done (low usage limit): the checkpoint holds it, and the
   execution queues its on-demand deployment. Then one that waits (written after the paused run). */
function pauseBigFeedAndQueueOne() {
  const big = Array.from({ length: 80 }, (_, i) => ({
    HCCustomerId: `HCBIG${i + 1}`,
    HCShopifyCustomerId: `667700${i + 1}`,
  }));
  writeFeed(
    env,
    'customer-Feed-2026-12-01-11-00-00-000.csv',
    csvText(FEED_HEADER, feedRowsFor(big, env.subsidiaries[1])),
  );
  env.account.usageLimits.set(IMPORT_CUSTOMER.scriptId, 600);
  const paused = runScheduled(env.account, {
    scriptId: IMPORT_CUSTOMER.scriptId,
    deploymentId: IMPORT_CUSTOMER.deploymentId,
  });
  env.account.usageLimits.delete(IMPORT_CUSTOMER.scriptId);
  expect(paused.status).toBe('COMPLETE');
  expect(checkpointState('import').file).toBe('customer-Feed-2026-12-01-11-00-00-000.csv');
  writeFeed(
    env,
    'customer-Feed-2026-12-01-12-00-00-000.csv',
    csvText(
      FEED_HEADER,
      feedRowsFor(
        [
          { HCCustomerId: 'HCWAIT1', HCShopifyCustomerId: '6688001' },
          { HCCustomerId: 'HCWAIT2', HCShopifyCustomerId: '6688002', email: 'bad' },
        ],
        env.subsidiaries[1],
      ),
    ),
  );
}

beforeAll(async () => {
  requireChromium(); // before the scenario, so a machine without Chromium fails at once
  const result = await runScenario({ customers: 60, seed: 5, sftp: serverKind() });
  env = result.env;
  expect(result.report.reconciliation.ok).toBe(true);
  handOffBacklog();
  importRejectedRows();
  pauseBigFeedAndQueueOne();
  server = new SuiteletServer(env.account, { runQueuedTasks: false });
  await server.start();
  pageUrl = server.suiteletUrl(SUITELET.scriptId, SUITELET.deploymentId);
  browser = await openBrowser();
  page = await browser.context.newPage();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await env?.stop();
});
