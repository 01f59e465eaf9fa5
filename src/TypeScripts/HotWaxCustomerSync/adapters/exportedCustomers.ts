/**
 * The id export's adapters over N/search and N/record: the customers a run selects (its stamp range
 * plus every unstamped customer with an HC id; read by map/reduce for no units) and the stamp the map
 * stage gives an unstamped one (5 units, once per customer).
 */
import type * as searchTypes from 'N/search';
import type * as recordTypes from 'N/record';
import { CUSTOMER_FIELDS } from '../sync/customerRows';
import type { PendingRun } from '../sync/idExport';

/**
 * The run's selection, handed to map/reduce as getInputData's input: NetSuite reads it for the script
 * and charges no units for it (help "getInputData(inputContext)": a search.Search object is a valid
 * return value). Active customers with an HC customer id, stamped in (stampAfter, stampUpTo] or not
 * stamped. The one formula column carries the run's stampUpTo to map (what an unstamped customer is
 * stamped with), since a search handed to the framework can carry nothing else.
 */
export function selectForExport(
  search: Pick<typeof searchTypes, 'create' | 'createColumn'>,
  run: Pick<PendingRun, 'stampAfter' | 'stampUpTo'>,
): searchTypes.Search {
  return search.create({
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
      CUSTOMER_FIELDS.hcCustomerId,
      CUSTOMER_FIELDS.syncStamp,
      // A text literal, not a number: no number format is applied to it.
      search.createColumn({ name: 'formulatext', formula: `'${run.stampUpTo}'` }),
    ],
  });
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
