/**
 * Upsert decision for one feed row against the customers NetSuite already has.
 * Order of matching: HC customer id, external id, Shopify customer id, then (only when enabled)
 * the single active customer with the row's email. Pure: the caller does the writes.
 */
import type { NewCustomer } from './customerRows';
import { CUSTOMER_FIELDS } from './customerRows';

export interface ExistingCustomer {
  id: string;
  hcCustomerId: string;
  externalId: string;
  shopifyCustomerId: string;
  email: string;
  inactive: boolean;
  /** epoch ms of the last create/link by the import, null when never stamped */
  stamp: number | null;
}

export type Decision =
  | { kind: 'create' }
  | { kind: 'alreadyLinked'; customer: ExistingCustomer; fill: Record<string, string> }
  | { kind: 'link'; customer: ExistingCustomer; matchedBy: string; fill: Record<string, string> }
  | { kind: 'conflict'; customer: ExistingCustomer; matchedBy: string };

/** Index of candidate customers by each matching key; rows created in this run are added to it. */
export class CandidateIndex {
  private readonly byHcId = new Map<string, ExistingCustomer[]>();
  private readonly byExternalId = new Map<string, ExistingCustomer>();
  private readonly byShopifyId = new Map<string, ExistingCustomer[]>();
  private readonly byEmail = new Map<string, ExistingCustomer[]>();

  constructor(customers: ExistingCustomer[] = []) {
    for (const c of customers) this.add(c);
  }

  add(c: ExistingCustomer): void {
    const push = (m: Map<string, ExistingCustomer[]>, k: string) => {
      if (!k) return;
      const list = m.get(k) ?? [];
      if (!list.some((x) => x.id === c.id)) list.push(c);
      list.sort((a, b) => Number(a.id) - Number(b.id));
      m.set(k, list);
    };
    push(this.byHcId, c.hcCustomerId);
    // NetSuite keeps external ids unique per record type ignoring case (its search matches them so too).
    if (c.externalId) this.byExternalId.set(c.externalId.toLowerCase(), c);
    push(this.byShopifyId, c.shopifyCustomerId);
    push(this.byEmail, c.email.toLowerCase());
  }

  /** Fields of `c` changed by a link: keep the index in step without searching again. */
  update(c: ExistingCustomer, fields: Partial<ExistingCustomer>): void {
    Object.assign(c, fields);
    this.add(c);
  }

  decide(row: NewCustomer, matchByEmail: boolean): Decision {
    const linked = this.byHcId.get(row.hcCustomerId);
    if (linked && linked.length > 0) {
      const customer = linked.find((c) => !c.inactive) ?? linked[0];
      return { kind: 'alreadyLinked', customer, fill: fillEmpty(customer, row) };
    }
    const byExt = row.externalId ? this.byExternalId.get(row.externalId.toLowerCase()) : undefined;
    if (byExt) return linkOrConflict(byExt, row, 'externalid');
    const byShop = row.shopifyCustomerId ? this.byShopifyId.get(row.shopifyCustomerId) : undefined;
    if (byShop && byShop.length > 0) {
      const free = byShop.find((c) => !c.hcCustomerId && !c.inactive) ?? byShop[0];
      return linkOrConflict(free, row, CUSTOMER_FIELDS.shopifyCustomerId);
    }
    if (matchByEmail && row.email) {
      const active = (this.byEmail.get(row.email.toLowerCase()) ?? []).filter((c) => !c.inactive);
      if (active.length === 1) return linkOrConflict(active[0], row, 'email');
    }
    return { kind: 'create' };
  }
}

function linkOrConflict(customer: ExistingCustomer, row: NewCustomer, matchedBy: string): Decision {
  if (customer.hcCustomerId && customer.hcCustomerId !== row.hcCustomerId)
    return { kind: 'conflict', customer, matchedBy };
  return { kind: 'link', customer, matchedBy, fill: fillEmpty(customer, row) };
}

/** The HotWax fields to fill on an existing customer: only where NetSuite holds nothing yet. */
function fillEmpty(customer: ExistingCustomer, row: NewCustomer): Record<string, string> {
  const fill: Record<string, string> = {};
  if (!customer.hcCustomerId) fill[CUSTOMER_FIELDS.hcCustomerId] = row.hcCustomerId;
  if (!customer.shopifyCustomerId && row.shopifyCustomerId)
    fill[CUSTOMER_FIELDS.shopifyCustomerId] = row.shopifyCustomerId;
  if (!customer.externalId && row.externalId) fill.externalid = row.externalId;
  return fill;
}
