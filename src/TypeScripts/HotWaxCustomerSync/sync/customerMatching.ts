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
  | { kind: 'conflict'; customer: ExistingCustomer; matchedBy: string }
  | { kind: 'identityConflict'; customer: ExistingCustomer; matchedBy: string; clashes: string[] };

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

  /**
   * The customer the row's identifiers lead to (HC id, then external id, Shopify id, email when
   * matching by it), and whether every other identifier agrees with it: the rule for each pair is the
   * table in docs/CONTRACTS.md ("Identity conflicts").
   */
  decide(row: NewCustomer, matchByEmail: boolean): Decision {
    const hc = this.byHcId.get(row.hcCustomerId) ?? [];
    const ext = row.externalId ? this.byExternalId.get(row.externalId.toLowerCase()) : undefined;
    const shop = row.shopifyCustomerId ? (this.byShopifyId.get(row.shopifyCustomerId) ?? []) : [];
    const mail =
      matchByEmail && row.email
        ? (this.byEmail.get(row.email.toLowerCase()) ?? []).filter((c) => !c.inactive)
        : [];
    const [customer, matchedBy = ''] = hc.length
      ? [hc.find((c) => !c.inactive) ?? hc[0], CUSTOMER_FIELDS.hcCustomerId]
      : ext
        ? [ext, 'externalid']
        : shop.length
          ? [shop.find((c) => !c.hcCustomerId && !c.inactive) ?? shop[0], CUSTOMER_FIELDS.shopifyCustomerId]
          : mail.length === 1
            ? [mail[0], 'email']
            : [];
    if (!customer) return { kind: 'create' };
    if (!hc.length && customer.hcCustomerId && customer.hcCustomerId !== row.hcCustomerId)
      return { kind: 'conflict', customer, matchedBy };
    // Each identifier of the row must be held by no other customer, and the customer must hold it or
    // nothing. External ids and emails compare ignoring case, as NetSuite matches them. The email only
    // when it is an identifier (matching by email): otherwise it is data the import never changes on
    // a customer it finds (a NetSuite copy edited since), as for names and phone.
    const clashes: string[] = [];
    for (const [what, value, held, holders] of [
      ['external id', row.externalId, customer.externalId, ext ? [ext] : []],
      ['Shopify id', row.shopifyCustomerId, customer.shopifyCustomerId, shop],
      ['email', row.email, matchByEmail ? customer.email : '', mail],
    ] as const) {
      const other = holders.some((c) => c.id === customer.id) ? undefined : holders[0];
      if (other)
        clashes.push(
          `${what} ${value} is NetSuite customer ${other.id}'s (HotWax ${other.hcCustomerId || 'none'})`,
        );
      if (value && held && value.toLowerCase() !== held.toLowerCase())
        clashes.push(`NetSuite customer ${customer.id} has ${what} ${held}, the row ${value}`);
    }
    if (clashes.length) return { kind: 'identityConflict', customer, matchedBy, clashes };
    if (hc.length) return { kind: 'alreadyLinked', customer, fill: fillEmpty(customer, row) };
    return { kind: 'link', customer, matchedBy, fill: fillEmpty(customer, row) };
  }
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
