/**
 * A generated merchant: NetSuite customers that already exist (with Shopify customer IDs, some
 * sharing an email, one pair sharing a Shopify ID), the same customers as HotWax parties, and
 * customers only HotWax knows yet (new Shopify sign-ups).
 */
import type { SyncEnvironment } from './environment';
import type { HotWaxOms, HotWaxParty } from './hotwax';
import { personName, Random } from './random';

export interface PopulationOptions {
  existing: number;
  newInHotWax: number;
  seed: number;
}

export interface Population {
  /** The Shopify id that two NetSuite customers share (the docs' duplicate warning case). */
  sharedShopifyId: string;
  newParties: HotWaxParty[];
}

const shopifyId = (n: number) => String(6620110000000 + n);

export function seedPopulation(env: SyncEnvironment, oms: HotWaxOms, opts: PopulationOptions): Population {
  const r = new Random(opts.seed);
  const records = env.account.records;
  const subs = env.subsidiaries.length > 1 ? env.subsidiaries.slice(1) : env.subsidiaries;
  let lastEmail = '';
  for (let i = 1; i <= opts.existing; i++) {
    const { firstName, lastName } = personName(r);
    const sid = shopifyId(i);
    // Every 25th customer shares the previous one's email (households, shared inboxes).
    const email = i % 25 === 0 && lastEmail ? lastEmail : `customer${i}@example.com`;
    lastEmail = email;
    records.create('customer', {
      isperson: 'T',
      firstname: firstName,
      lastname: lastName,
      email,
      subsidiary: r.pick(subs),
      entitystatus: 13,
      custentity_hc_shop_cust_id: sid,
      isinactive: i % 97 === 0,
    });
    // Inactive customers are left out of the historical export and HotWax never had them.
    // netsuiteCustomerId present from the start: a property added later costs a million objects a
    // second allocation each.
    if (i % 97 !== 0)
      oms.add({
        partyId: String(100000 + i),
        shopifyCustomerId: sid,
        firstName,
        lastName,
        email,
        phone: '',
        netsuiteCustomerId: undefined,
      });
  }
  // One Shopify id on two NetSuite customers: reported by the historical export.
  const sharedShopifyId = shopifyId(Math.min(2, opts.existing));
  if (opts.existing >= 2) {
    records.create('customer', {
      isperson: 'T',
      firstname: 'Duplicate',
      lastname: 'Customer',
      email: 'duplicate@example.com',
      subsidiary: subs[0],
      custentity_hc_shop_cust_id: sharedShopifyId,
    });
  }

  const newParties: HotWaxParty[] = [];
  for (let j = 1; j <= opts.newInHotWax; j++) {
    const { firstName, lastName } = personName(r);
    const p: HotWaxParty = {
      partyId: String(500000 + j),
      shopifyCustomerId: shopifyId(5_000_000 + j),
      // Some Shopify customers have no name: HotWax sends X.
      firstName: j % 40 === 0 ? '' : firstName,
      lastName: j % 40 === 0 ? '' : lastName,
      email: j % 30 === 0 ? '' : `new${j}@example.com`,
      phone: j % 3 === 0 ? `1 212 555${String(1000 + (j % 9000)).padStart(4, '0')}` : '',
      netsuiteCustomerId: undefined,
    };
    oms.add(p);
    newParties.push(p);
  }
  return { sharedShopifyId, newParties };
}
