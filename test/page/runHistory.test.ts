/**
 * Run history (customrecord_hc_sync_run): one entry per execution, written by the built scripts in
 * the emulator, at a measured cost, with entries older than 30 days pruned, two per execution.
 */
import '../support/csvPackages';
import { Account, runScheduled } from '../../emulator/src';
import type { ExecutionResult } from '../../emulator/src';
import { SyncEnvironment } from '../../simulation/environment';
import { RUN_HISTORY_UNITS } from '../../src/TypeScripts/HotWaxCustomerSync/core/governance';
import { SDF_PROJECT_DIR } from '../../simulation/project';
import { storedSummary } from '../../src/TypeScripts/HotWaxCustomerSync/adapters/runHistory';
import {
  GENERATE_HISTORICAL_CSV,
  IMPORT_CUSTOMER,
  UPLOAD_HISTORICAL_CSV,
} from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

const DAY = 86_400_000;

const seedEntry = (account: Account, ended: number) =>
  account.records.create('customrecord_hc_sync_run', {
    custrecord_hc_run_script: UPLOAD_HISTORICAL_CSV.scriptId,
    custrecord_hc_run_deployment: UPLOAD_HISTORICAL_CSV.deploymentId,
    custrecord_hc_run_ended: ended,
    custrecord_hc_run_outcome: 'complete',
    custrecord_hc_run_summary: '{}',
  });
const entryIds = (account: Account) => [...account.records.all('customrecord_hc_sync_run')].map((r) => r.id);
/** Everything after the closing summary is the history's: the execution's units minus the summary's. */
const historyUnits = (r: ExecutionResult) =>
  r.usage.total - Number(JSON.parse(r.logs.find((l) => / summary$/.test(l.title))!.details).unitsUsed);

test('a script run every 15 minutes writes one entry for 6 units and deletes up to two expired ones (24 units at most)', async () => {
  const env = await SyncEnvironment.start({ sftp: 'embedded' });
  try {
    const account = env.account;
    const now = Date.now();
    const expired = [31, 40, 45].map((d) => seedEntry(account, now - d * DAY));
    const kept = seedEntry(account, now - 29 * DAY);
    // The import with no feed waiting: a short run that still ends with its summary.
    const [first] = env.run('import');
    expect(first.status).toBe('COMPLETE');
    // Oldest expired first: 45 and 40 days old go; 31 days waits for the next execution.
    expect(entryIds(account)).toEqual(expect.arrayContaining([expired[0], kept]));
    expect(entryIds(account)).not.toContain(expired[1]);
    expect(entryIds(account)).not.toContain(expired[2]);
    expect(entryIds(account)).toHaveLength(3);
    expect(historyUnits(first)).toBe(6 + 10 + 2 * 4);
    const entry = [...account.records.all('customrecord_hc_sync_run')].find((r) => r.id > kept)!;
    expect(entry.values.custrecord_hc_run_script).toBe(IMPORT_CUSTOMER.scriptId);
    expect(JSON.parse(String(entry.values.custrecord_hc_run_summary))).toMatchObject({ rescheduled: false });

    const [second] = env.run('import');
    expect(second.status).toBe('COMPLETE');
    expect(entryIds(account)).not.toContain(expired[0]);
    expect(entryIds(account)).toContain(kept);
    expect(entryIds(account)).toHaveLength(3); // kept + the two new entries
    expect(historyUnits(second)).toBe(6 + 10 + 4);
    expect(RUN_HISTORY_UNITS).toBe(24);
  } finally {
    await env.stop();
  }
});

test('the historical export, run by hand: its finishing execution writes no entry (the facts are in its folder), a re-run writes one, neither prunes', () => {
  const account = new Account({ oneWorld: false, sdfProjectDir: SDF_PROJECT_DIR });
  const expired = seedEntry(account, Date.now() - 40 * DAY);
  const run = () =>
    runScheduled(account, {
      scriptId: GENERATE_HISTORICAL_CSV.scriptId,
      deploymentId: GENERATE_HISTORICAL_CSV.deploymentId,
    });
  const r = run();
  expect(r.status).toBe('COMPLETE');
  expect(historyUnits(r)).toBe(0);
  expect(entryIds(account)).toEqual([expired]);
  const again = run();
  expect(again.logs.some((l) => l.title === 'Historical export already finished')).toBe(true);
  expect(historyUnits(again)).toBe(6);
  expect(entryIds(account)).toContain(expired);
  expect(entryIds(account)).toHaveLength(2);
});

test('the stored summary fits a search column (4,000 bytes): error rows that do not fit are counted', () => {
  const rows = Array.from({ length: 200 }, (_, i) => ({
    fileName: 'customer-Feed-2026-12-01-10-00-00-000.csv',
    lineNumber: i + 2,
    hcCustomerId: `HC${i}`,
    errorCode: 'INVALID_EMAIL',
    errorMessage: `email "bad-\u00e9-${i}" is not a valid address`,
  }));
  const text = storedSummary({ totals: { errors: 200 }, unitsUsed: 300 }, rows);
  expect(encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, 'x').length).toBeLessThanOrEqual(3900);
  const back = JSON.parse(text) as { errorRows: unknown[]; errorRowsOmitted: number };
  expect(back.errorRows.length).toBeGreaterThan(10);
  expect(back.errorRows.length + back.errorRowsOmitted).toBe(200);
  expect(back.errorRows[0]).toEqual(rows[0]);
});
