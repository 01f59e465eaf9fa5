/**
 * Run history (customrecord_hc_sync_run): one entry per execution, written by the built scripts in
 * the emulator, at a measured cost, with entries older than 30 days pruned, two per execution.
 */
import { Account, runScheduled } from '../../emulator/src';
import { RUN_HISTORY_UNITS } from '../../src/TypeScripts/HotWaxCustomerSync/core/governance';
import path from 'node:path';
import { SDF_PROJECT_DIR } from '../../simulation/project';
import { loadBareAmd } from '../support/bareAmd';
import type * as Lib from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib';

/** The built library, as the scripts load it. */
const lib = loadBareAmd<typeof Lib>(
  path.resolve(__dirname, '../../src/FileCabinet/SuiteScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib.js'),
).exports;

const DAY = 86_400_000;

test('each execution writes one entry for 6 units and deletes up to two expired ones (24 units at most)', () => {
  const account = new Account({ oneWorld: false, sdfProjectDir: SDF_PROJECT_DIR });
  const now = Date.now();
  const seed = (ended: number) =>
    account.records.create('customrecord_hc_sync_run', {
      custrecord_hc_run_script: 'customscript_upload_hist_shop_customer',
      custrecord_hc_run_deployment: 'customdeploy_upload_hist_shop_customer',
      custrecord_hc_run_ended: ended,
      custrecord_hc_run_outcome: 'complete',
      custrecord_hc_run_summary: '{}',
    });
  const expired = [31, 40, 45].map((d) => seed(now - d * DAY));
  const kept = seed(now - 29 * DAY);
  // The generate script with no customers: a short run that still ends with its summary.
  const run = () =>
    runScheduled(account, {
      scriptId: 'customscript_generate_hist_shop_customer',
      deploymentId: 'customdeploy_generate_hist_shop_customer',
    });
  const first = run();
  expect(first.status).toBe('COMPLETE');
  const ids = () => [...account.records.all('customrecord_hc_sync_run')].map((r) => r.id);
  // Oldest expired first: 45 and 40 days old go; 31 days waits for the next execution.
  expect(ids()).toEqual(expect.arrayContaining([expired[0], kept]));
  expect(ids()).not.toContain(expired[1]);
  expect(ids()).not.toContain(expired[2]);
  expect(ids()).toHaveLength(3);
  // Everything after the closing summary is the history's: the execution's units minus the summary's.
  const historyUnits = (r: typeof first) =>
    r.usage.total - Number(JSON.parse(r.logs.find((l) => / summary$/.test(l.title))!.details).unitsUsed);
  expect(historyUnits(first)).toBe(6 + 10 + 2 * 4);
  const entry = [...account.records.all('customrecord_hc_sync_run')].find((r) => r.id > kept)!;
  expect(entry.values.custrecord_hc_run_script).toBe('customscript_generate_hist_shop_customer');
  expect(JSON.parse(String(entry.values.custrecord_hc_run_summary))).toMatchObject({ rescheduled: false });

  const second = run();
  expect(second.status).toBe('COMPLETE');
  expect(ids()).not.toContain(expired[0]);
  expect(ids()).toContain(kept);
  expect(ids()).toHaveLength(3); // kept + the two new entries
  expect(historyUnits(second)).toBe(6 + 10 + 4);
  expect(RUN_HISTORY_UNITS).toBe(24);
});

test('the stored summary fits a search column (4,000 bytes): error rows that do not fit are counted', () => {
  const rows = Array.from({ length: 200 }, (_, i) => ({
    fileName: 'customer-Feed-2026-12-01-10-00-00-000.csv',
    lineNumber: i + 2,
    hcCustomerId: `HC${i}`,
    errorCode: 'INVALID_EMAIL',
    errorMessage: `email "bad-\u00e9-${i}" is not a valid address`,
  }));
  const text = lib.storedSummary({ totals: { errors: 200 }, unitsUsed: 300 }, rows);
  expect(encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, 'x').length).toBeLessThanOrEqual(3900);
  const back = JSON.parse(text) as { errorRows: unknown[]; errorRowsOmitted: number };
  expect(back.errorRows.length).toBeGreaterThan(10);
  expect(back.errorRows.length + back.errorRowsOmitted).toBe(200);
  expect(back.errorRows[0]).toEqual(rows[0]);
});
