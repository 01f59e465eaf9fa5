/**
 * Seeding for the benchmarks: customers written straight into the emulator's record store (no
 * governance, not timed). Names come from the simulation's generator, so they include quotes,
 * commas and accents (CSV quoting is exercised).
 */
import type { SyncEnvironment } from '../simulation/environment';
import type { HotWaxParty } from '../simulation/hotwax';
import { personName, Random } from '../simulation/random';

export interface ExistingCustomer {
  /** NetSuite internal id. */
  id: string;
  shopifyCustomerId: string;
  /** The HotWax party of the same Shopify customer (for the link run). */
  party: HotWaxParty;
}

const shopifyId = (n: number) => String(6620110000000 + n);

/** Active NetSuite customers, each with its own Shopify customer ID and no HC customer id. */
export function seedExistingCustomers(env: SyncEnvironment, n: number, seed: number): ExistingCustomer[] {
  const r = new Random(seed);
  const subs = env.subsidiaries.length > 1 ? env.subsidiaries.slice(1) : env.subsidiaries;
  const out: ExistingCustomer[] = [];
  for (let i = 1; i <= n; i++) {
    const { firstName, lastName } = personName(r);
    const sid = shopifyId(i);
    const email = `customer${i}@example.com`;
    const id = env.account.records.create('customer', {
      isperson: 'T',
      firstname: firstName,
      lastname: lastName,
      email,
      subsidiary: r.pick(subs),
      entitystatus: 13,
      custentity_hc_shop_cust_id: sid,
    });
    out.push({
      id: String(id),
      shopifyCustomerId: sid,
      party: { partyId: String(100000 + i), shopifyCustomerId: sid, firstName, lastName, email, phone: '' },
    });
  }
  return out;
}

/**
 * Customers the import created or linked earlier: an HC customer id and a sync stamp (epoch ms, one
 * millisecond apart, all at least an hour old so no settle time holds them back; or just after
 * `stampAfter`, numbered from `first`, as the import stamps customers after an export's run).
 */
export function seedStampedCustomers(
  env: SyncEnvironment,
  n: number,
  seed: number,
  later?: { first: number; stampAfter: number },
): { id: string; hcCustomerId: string }[] {
  const r = new Random(seed);
  const subs = env.subsidiaries.length > 1 ? env.subsidiaries.slice(1) : env.subsidiaries;
  const base = later ? later.stampAfter : env.account.now().getTime() - 3_600_000 - n;
  const out: { id: string; hcCustomerId: string }[] = [];
  for (let i = (later?.first ?? 0) + 1; i <= (later?.first ?? 0) + n; i++) {
    const { firstName, lastName } = personName(r);
    const hcCustomerId = String(500000 + i);
    const id = env.account.records.create('customer', {
      isperson: 'T',
      firstname: firstName,
      lastname: lastName,
      email: `stamped${i}@example.com`,
      subsidiary: r.pick(subs),
      entitystatus: 13,
      externalid: shopifyId(5_000_000 + i),
      custentity_hc_shop_cust_id: shopifyId(5_000_000 + i),
      custentity_hc_customer_id: hcCustomerId,
      custentity_hc_sync_stamp: base + i - (later?.first ?? 0),
    });
    out.push({ id: String(id), hcCustomerId });
  }
  return out;
}
