/** Starting states of the map/reduce import's tests (importMapReduce*.test.ts), on crashHarness cases. */
import type { ExecutionResult, RunningSftpServer } from '../../emulator/src';
import type { CaseEnv } from './crashHarness';
import { expectSound, finalState, freshCase, runAll, writeRemote } from './crashHarness';
import type { FinalState } from './crashHarness';
import { feedText } from './helpers';
import { IMPORT_CUSTOMER_MR } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

/** Hands every backlog over (1 row is enough), or never (0). */
export function mapReduceFrom(c: CaseEnv, rows: number): void {
  c.env.setParams('import', { custscript_hc_imp_mr_min_rows: rows });
}

/**
 * Duplicate-prone feeds, email matching on: the same HC id twice in a feed and again in the next feed,
 * two rows sharing a Shopify id (the second is a conflict with the customer the first creates), a row
 * linking an existing customer by Shopify id, one by email, one conflicting by external id, two rows
 * sharing an email, rows that fail validation (one missing its HC id), and plain new customers.
 */
export function duplicateScenario(c: CaseEnv, plain = 3): void {
  c.env.setParams('import', { custscript_hc_imp_match_by_email: true });
  const existing = (values: Record<string, unknown>) =>
    c.env.account.records.create('customer', {
      isperson: 'T',
      firstname: 'Known',
      lastname: 'Customer',
      subsidiary: 2,
      ...values,
    });
  existing({ custentity_hc_shop_cust_id: '6600000000900', email: 'known900@example.com' });
  existing({ email: 'household@example.com' });
  existing({ externalid: 'EXT-7', custentity_hc_customer_id: 'OTHER-7', email: 'other7@example.com' });
  const plainRows = Array.from({ length: plain }, (_, i) => ({ HCCustomerId: `HC${10 + i}` }));
  writeRemote(
    c,
    'customer/export/customer-Feed-2026-11-26-10-00-00-000.csv',
    feedText([
      { HCCustomerId: 'HC1' },
      { HCCustomerId: 'HC2', HCShopifyCustomerId: '6600000000222', externalId: '' },
      // Its email agrees with the customer's: with email matching on, email is an identifier.
      {
        HCCustomerId: 'HC900',
        HCShopifyCustomerId: '6600000000900',
        externalId: '',
        email: 'known900@example.com',
      },
      { HCCustomerId: 'HC5', email: 'household@example.com' },
      { HCCustomerId: 'HC7', externalId: 'EXT-7' },
      ...plainRows,
      { HCCustomerId: 'HC1' },
      { HCCustomerId: 'HC3', HCShopifyCustomerId: '6600000000222', externalId: '' },
      { HCCustomerId: 'HCBAD', email: 'not-an-email' },
      { HCCustomerId: '' },
      { HCCustomerId: 'HC20', email: 'shared@example.com' },
    ]),
  );
  writeRemote(
    c,
    'customer/export/customer-Feed-2026-11-26-10-05-00-000.csv',
    feedText([
      { HCCustomerId: 'HC2', HCShopifyCustomerId: '6600000000222', externalId: '' },
      { HCCustomerId: 'HC21', email: 'shared@example.com' },
      { HCCustomerId: 'HC30' },
    ]),
  );
}

/**
 * The final state with NetSuite internal ids in report messages replaced by the HC id of that
 * customer: ids are handed out in the order customers are created, which parallel reduce jobs change.
 */
export function comparableState(c: CaseEnv): FinalState {
  const s = finalState(c);
  const hcOf = new Map<string, string>();
  for (const r of c.env.account.records.all('customer'))
    hcOf.set(String(r.id), String(r.values.custentity_hc_customer_id ?? '') || '(none)');
  for (const [k, v] of Object.entries(s.remote))
    s.remote[k] = v.replace(
      /NetSuite customer (\d+)/g,
      (_m, id: string) => `NetSuite customer <${hcOf.get(id) ?? id}>`,
    );
  return s;
}

/** Runs the import (and all it queues) and returns what ran. */
export function importAll(c: CaseEnv, restartOnCrash = false) {
  return runAll(c.env, 'import', undefined, undefined, restartOnCrash);
}

export const MR_SCRIPT_ID = IMPORT_CUSTOMER_MR.scriptId;
export const mrRuns = (runs: ExecutionResult[]) => runs.filter((r) => r.scriptId === MR_SCRIPT_ID);

/** Runs `scenario` on the scheduled path alone and on the map/reduce path, in fresh accounts. */
export async function bothPaths(
  server: RunningSftpServer,
  scenario: (c: CaseEnv) => void,
  account: { processors?: number; seed?: number } = {},
): Promise<{
  scheduled: FinalState;
  mapReduce: FinalState;
  runs: ExecutionResult[];
  scheduledRuns: ExecutionResult[];
}> {
  const a = await freshCase(server, 'sched', server.port, account);
  scenario(a);
  mapReduceFrom(a, 0);
  const scheduledRuns = importAll(a);
  expect(scheduledRuns.every((r) => r.status === 'COMPLETE')).toBe(true);
  expect(mrRuns(scheduledRuns)).toHaveLength(0);
  const b = await freshCase(server, 'mr', server.port, account);
  scenario(b);
  mapReduceFrom(b, 1);
  const runs = importAll(b);
  expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
  const scheduled = comparableState(a);
  const mapReduce = comparableState(b);
  expectSound(scheduled);
  expectSound(mapReduce);
  return { scheduled, mapReduce, runs, scheduledRuns };
}
