/**
 * The id export's adapters over N/search and N/record: the customers a run selects (its stamp range
 * plus every unstamped customer with an HC id; 10 units per 1,000) and the stamp the map stage gives
 * an unstamped one (5 units, once per customer).
 */
import type * as searchTypes from 'N/search';
import type * as recordTypes from 'N/record';
import { CUSTOMER_FIELDS } from '../sync/customerRows';
import type { PendingRun } from '../sync/idExport';
import { allResults } from './searchResults';

export interface SelectedCustomer {
  id: string;
  hcCustomerId: string;
  stamped: boolean;
}

/** Active customers with an HC customer id, stamped in (stampAfter, stampUpTo] or not stamped, by internal id. */
export function selectForExport(
  search: Pick<typeof searchTypes, 'create' | 'createColumn' | 'Sort'>,
  run: Pick<PendingRun, 'stampAfter' | 'stampUpTo'>,
): SelectedCustomer[] {
  const selection = search.create({
    type: 'customer',
    filters: [
      [CUSTOMER_FIELDS.hcCustomerId, 'isnotempty', ''],
      'AND',
      ['isinactive', 'is', 'F'],
      'AND',
      [
        [
          [CUSTOMER_FIELDS.syncStamp, 'greaterthan', run.stampAfter],
          'AND',
          [CUSTOMER_FIELDS.syncStamp, 'lessthanorequalto', run.stampUpTo],
        ],
        'OR',
        [CUSTOMER_FIELDS.syncStamp, 'isempty', ''],
      ],
    ],
    columns: [
      search.createColumn({ name: 'internalid', sort: search.Sort.ASC }),
      CUSTOMER_FIELDS.hcCustomerId,
      CUSTOMER_FIELDS.syncStamp,
    ],
  });
  return allResults(selection).map((r) => ({
    id: String(r.id),
    hcCustomerId: String(r.getValue({ name: CUSTOMER_FIELDS.hcCustomerId }) ?? '').trim(),
    stamped: String(r.getValue({ name: CUSTOMER_FIELDS.syncStamp }) ?? '') !== '',
  }));
}

/** Stamps a customer (5 units) so the next runs do not send it again. */
export function stampCustomer(
  record: Pick<typeof recordTypes, 'submitFields' | 'Type'>,
  id: string,
  stamp: number,
): void {
  record.submitFields({
    type: record.Type.CUSTOMER,
    id,
    values: { [CUSTOMER_FIELDS.syncStamp]: stamp },
    options: { enableSourcing: false, ignoreMandatoryFields: true },
  });
}
