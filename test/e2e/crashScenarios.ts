/** The starting states the crash and interleaving tests run from (see crashHarness.ts). */
import type { CaseEnv } from './crashHarness';
import { writeRemote } from './crashHarness';
import { feedText } from './helpers';
import type { FeedCustomer } from './helpers';

const rows = (n: number, from: number): FeedCustomer[] =>
  Array.from({ length: n }, (_, i) => ({ HCCustomerId: `HC${from + i}` }));

/**
 * Two feeds and a file that is not a feed: new customers, one NetSuite already has (linked by its
 * Shopify id), a bad email, a row missing its HC id (required-fields report), and a binary file.
 */
export function importScenario(c: CaseEnv, size = 4): void {
  c.env.account.records.create('customer', {
    isperson: 'T',
    firstname: 'Known',
    lastname: 'Customer',
    subsidiary: 2,
    custentity_hc_shop_cust_id: '6600000000900',
  });
  writeRemote(
    c,
    'customer/export/customer-Feed-2026-11-26-10-00-00-000.csv',
    feedText([
      ...rows(size, 1),
      { HCCustomerId: 'HC900', HCShopifyCustomerId: '6600000000900' },
      { HCCustomerId: 'HCBAD', email: 'not-an-email' },
      { HCCustomerId: '' },
    ]),
  );
  writeRemote(c, 'customer/export/customer-Feed-2026-11-26-10-05-00-000.csv', feedText(rows(size, 101)));
  writeRemote(c, 'customer/export/customer-Feed-2026-11-26-10-10-00-000.csv', '\u0000\u0001binary');
}

/** Customers for the id export: stamped by the import, and given an HC id by other means (no stamp). */
export function exportScenario(c: CaseEnv): void {
  c.env.setParams('export', { custscript_hc_exp_settle_seconds: 0, custscript_hc_exp_max_rows_per_file: 3 });
  const now = Date.now();
  for (let i = 1; i <= 4; i++)
    c.env.account.records.create('customer', {
      isperson: 'T',
      firstname: 'Ada',
      lastname: `Stamped${i}`,
      subsidiary: 2,
      custentity_hc_customer_id: `HCS${i}`,
      custentity_hc_sync_stamp: now - 10_000 + i,
    });
  for (let i = 1; i <= 2; i++)
    c.env.account.records.create('customer', {
      isperson: 'T',
      firstname: 'Bob',
      lastname: `Other${i}`,
      subsidiary: 2,
      custentity_hc_customer_id: `HCO${i}`,
    });
}

/** Customers with a Shopify id, for the historical export (small parts, so there are several). */
export function historicalScenario(c: CaseEnv): void {
  c.env.setParams('generate', { custscript_hc_ghc_max_file_bytes: 1000 });
  for (let i = 1; i <= 30; i++)
    c.env.account.records.create('customer', {
      isperson: 'T',
      firstname: `First${i}`,
      lastname: `Last${i}`,
      subsidiary: 2,
      custentity_hc_shop_cust_id: String(6620110000000 + i),
    });
}
