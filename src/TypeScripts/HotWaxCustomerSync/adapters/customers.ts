/**
 * The customer record adapter: the only place the import touches N/search and N/record for
 * customers. One search serves a whole batch of rows (10 units per 1,000 matches); entity
 * statuses are read once per execution.
 */
import type * as searchTypes from 'N/search';
import type * as recordTypes from 'N/record';
import type { CustomerStore, ExistingCustomer, MatchKeys } from '../sync/ports';
import type { NewCustomer } from '../sync/customerRows';
import { CUSTOMER_FIELDS } from '../sync/customerRows';
import { describeError } from '../core/errors';
import { allResults } from './searchResults';

export interface CustomerModules {
  search: Pick<typeof searchTypes, 'create' | 'createColumn' | 'Sort'>;
  record: Pick<typeof recordTypes, 'create' | 'submitFields'>;
}

const COLUMNS = ['internalid', 'externalid', 'email', 'isinactive', ...Object.values(CUSTOMER_FIELDS)];

function anyOf(field: string, values: string[]): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    if (out.length) out.push('OR');
    out.push([field, 'is', v]);
  }
  return out;
}

export class NetSuiteCustomerStore implements CustomerStore {
  private statuses: Map<string, string> | null = null;
  private subsidiaries: Set<string> | null = null;
  private leadSources: Set<string> | null | undefined = undefined;

  constructor(private readonly m: CustomerModules) {}

  findCandidates(keys: MatchKeys): ExistingCustomer[] {
    const groups: unknown[][] = [];
    if (keys.hcCustomerIds.length) groups.push(anyOf(CUSTOMER_FIELDS.hcCustomerId, keys.hcCustomerIds));
    if (keys.externalIds.length) groups.push(anyOf('externalid', keys.externalIds));
    if (keys.shopifyCustomerIds.length)
      groups.push(anyOf(CUSTOMER_FIELDS.shopifyCustomerId, keys.shopifyCustomerIds));
    if (keys.emails.length) groups.push(anyOf('email', keys.emails));
    if (groups.length === 0) return [];
    const filters: unknown[] = [];
    for (const g of groups) {
      if (filters.length) filters.push('OR');
      filters.push(g);
    }
    const s = this.m.search.create({
      type: 'customer',
      filters: filters as searchTypes.SearchCreateOptions['filters'],
      columns: COLUMNS.map((name) =>
        name === 'internalid' ? this.m.search.createColumn({ name, sort: this.m.search.Sort.ASC }) : name,
      ),
    });
    return allResults(s).map((r) => {
      const get = (name: string) => String(r.getValue({ name }) ?? '');
      const stamp = get(CUSTOMER_FIELDS.syncStamp);
      const inactive = r.getValue({ name: 'isinactive' }) as unknown;
      return {
        id: String(r.id),
        hcCustomerId: get(CUSTOMER_FIELDS.hcCustomerId),
        externalId: get('externalid'),
        shopifyCustomerId: get(CUSTOMER_FIELDS.shopifyCustomerId),
        email: get('email'),
        inactive: inactive === true || inactive === 'T',
        stamp: stamp ? Number(stamp) : null,
      };
    });
  }

  create(c: NewCustomer, statusId: string, stamp: number): string {
    const set = (rec: recordTypes.Record, fieldId: string, value: string | number | boolean | null) => {
      if (value === '' || value === null) return;
      rec.setValue({ fieldId, value });
    };
    const build = (entityId?: string) => {
      const rec = this.m.record.create({ type: 'customer', isDynamic: false });
      set(rec, 'isperson', c.isPerson ? 'T' : 'F');
      if (c.isPerson) {
        set(rec, 'firstname', c.firstName);
        set(rec, 'lastname', c.lastName);
      } else set(rec, 'companyname', c.companyName);
      if (entityId) set(rec, 'entityid', entityId);
      set(rec, 'email', c.email);
      set(rec, 'phone', c.phone);
      set(rec, 'externalid', c.externalId);
      set(rec, 'subsidiary', c.subsidiary);
      set(rec, 'entitystatus', statusId);
      set(rec, 'leadsource', c.leadSource);
      set(rec, 'taxable', c.taxable);
      set(rec, 'defaultorderpriority', c.defaultOrderPriority);
      for (const [fieldId, value] of Object.entries(c.extraFields)) set(rec, fieldId, value);
      set(rec, CUSTOMER_FIELDS.hcCustomerId, c.hcCustomerId);
      set(rec, CUSTOMER_FIELDS.shopifyCustomerId, c.shopifyCustomerId);
      set(rec, CUSTOMER_FIELDS.syncStamp, stamp);
      return rec;
    };
    try {
      return String(build().save({ enableSourcing: true, ignoreMandatoryFields: false }));
    } catch (e) {
      // Auto-numbering off: the entity id defaults to the name, and same-name customers collide.
      if (!/DUP_ENTITY|already exists/i.test(`${describeError(e).code} ${describeError(e).message}`)) throw e;
      if (/external/i.test(describeError(e).message)) throw e;
      const name = c.isPerson ? `${c.firstName} ${c.lastName}` : c.companyName;
      return String(
        build(`${name} (HC ${c.hcCustomerId})`.slice(0, 83)).save({
          enableSourcing: true,
          ignoreMandatoryFields: false,
        }),
      );
    }
  }

  update(id: string, values: Record<string, string | number>): void {
    this.m.record.submitFields({
      type: 'customer',
      id,
      values,
      options: { enableSourcing: false, ignoreMandatoryFields: true },
    });
  }

  subsidiaryExists(id: string): boolean {
    if (!this.subsidiaries) {
      const s = this.m.search.create({ type: 'subsidiary', columns: ['internalid'] });
      this.subsidiaries = new Set(allResults(s).map((r) => String(r.id)));
    }
    return this.subsidiaries.has(id);
  }

  /**
   * The customer's Lead Source lists the account's lead sources, or its campaigns when Marketing
   * Automation is on (Records Browser, customer.leadsource). Both lists are read once (one search
   * page each); a list the account cannot search is left out, and when neither can be read the
   * answer is null: the save decides (unverified on a real account which type answers).
   */
  leadSourceExists(id: string): boolean | null {
    if (this.leadSources === undefined) {
      let known: Set<string> | null = null;
      for (const type of ['leadsource', 'campaign']) {
        try {
          const s = this.m.search.create({ type, columns: ['internalid'] });
          known = known ?? new Set();
          for (const r of allResults(s)) known.add(String(r.id));
        } catch {
          // This account has no such list (or cannot search it).
        }
      }
      this.leadSources = known;
    }
    return this.leadSources ? this.leadSources.has(id) : null;
  }

  statusId(name: string): string | null {
    if (!this.statuses) {
      this.statuses = new Map();
      const s = this.m.search.create({ type: 'customerstatus', columns: ['name', 'stage'] });
      for (const r of allResults(s)) {
        const n = String(r.getValue({ name: 'name' }) ?? '').trim();
        const stage = String(r.getText({ name: 'stage' }) || r.getValue({ name: 'stage' }) || '').trim();
        if (n) this.statuses.set(n.toLowerCase(), String(r.id));
        if (n && stage) this.statuses.set(`${stage}-${n}`.toLowerCase(), String(r.id));
      }
    }
    return this.statuses.get(name.trim().toLowerCase()) ?? null;
  }
}
