/**
 * The historical export's adapters: the customer search it reads in internal-id batches (a plain
 * customer search, or the administrator's saved search narrowed the same way), the duplicated
 * Shopify ids, the CSV parts it writes and its checkpoint in the output folder's description.
 */
import type * as searchTypes from 'N/search';
import type * as recordTypes from 'N/record';
import type * as fileTypes from 'N/file';
import { SyncError, SYNC_ERROR_CODES } from '../core/errors';
import type { HistoricalCustomer, HistoricalExportDeps, HistoricalState } from '../sync/historicalExport';

export interface HistoricalModules {
  search: Pick<
    typeof searchTypes,
    'create' | 'load' | 'createColumn' | 'createFilter' | 'Sort' | 'Operator' | 'Summary'
  >;
  record: Pick<typeof recordTypes, 'create' | 'submitFields' | 'Type'>;
  file: Pick<typeof fileTypes, 'create' | 'Type' | 'Encoding'>;
}

/**
 * The output folder: found (`id`), or not yet there (`id` null: created by the first checkpoint save,
 * which a new export makes before its first part, with the checkpoint as its description).
 */
export interface HistoricalFolder {
  id: string | null;
  name: string;
  description: string;
}

/** Which customers: those with `idField` set, active ones unless `includeInactive`. */
export interface HistoricalSelection {
  /** `externalid` or a customer field (custentity_…) holding the Shopify customer ID. */
  idField: string;
  /** A saved search to narrow the selection ('' for none). */
  savedSearchId: string;
  includeInactive: boolean;
}

const STATE_MARK = ' State: ';

/** Everything runHistoricalExport needs from NetSuite except the budget and the clock. */
export function historicalExportStore(
  m: HistoricalModules,
  selection: HistoricalSelection,
  folder: HistoricalFolder,
): Omit<HistoricalExportDeps, 'budget' | 'now'> {
  const { search, record, file } = m;
  const { idField, savedSearchId, includeInactive } = selection;
  const baseFilters = (): unknown[] => {
    const f: unknown[] = [[idField, 'isnotempty', '']];
    if (!includeInactive) f.push('AND', ['isinactive', 'is', 'F']);
    return f;
  };
  const columns = () => [
    search.createColumn({ name: 'internalid', sort: search.Sort.ASC }),
    'firstname',
    'lastname',
    'companyname',
    idField,
  ];
  return {
    fetchAfter(after) {
      const cursor = ['internalidnumber', 'greaterthan', Number(after)];
      let s: searchTypes.Search;
      if (savedSearchId) {
        s = search.load({ id: savedSearchId });
        const own = s.filterExpression;
        s.filterExpression = (
          own && own.length
            ? [own, 'AND', ...baseFilters(), 'AND', cursor]
            : [...baseFilters(), 'AND', cursor]
        ) as unknown[];
        s.columns = columns();
      } else {
        s = search.create({
          type: 'customer',
          filters: [...baseFilters(), 'AND', cursor],
          columns: columns(),
        });
      }
      const out: HistoricalCustomer[] = [];
      // One each() call: 10 units for up to 4,000 results; the cursor takes the next batch.
      s.run().each((r) => {
        out.push({
          id: String(r.id),
          firstName: String(r.getValue({ name: 'firstname' }) ?? ''),
          lastName: String(r.getValue({ name: 'lastname' }) ?? ''),
          companyName: String(r.getValue({ name: 'companyname' }) ?? ''),
          shopifyCustomerId: String(r.getValue({ name: idField }) ?? '').trim(),
        });
        return true;
      });
      return out;
    },
    savePart(name, contents) {
      if (folder.id === null)
        throw new SyncError(
          SYNC_ERROR_CODES.historicalFolderUnknown,
          'a part was to be saved before the export folder was created: run HC_SC_GenerateHistoricalCustomerCSV again, it goes on from its checkpoint',
        );
      const f = file.create({
        name,
        fileType: file.Type.CSV,
        contents,
        folder: Number(folder.id),
        encoding: file.Encoding.UTF_8,
      });
      return String(f.save());
    },
    duplicates() {
      // HAVING COUNT(internalid) > 1: only the duplicated Shopify IDs come back.
      const s = search.create({
        type: 'customer',
        filters: [
          search.createFilter({ name: idField, operator: search.Operator.ISNOTEMPTY }),
          search.createFilter({
            name: 'internalid',
            summary: search.Summary.COUNT,
            operator: search.Operator.GREATERTHAN,
            values: [1],
          }),
        ],
        columns: [
          search.createColumn({ name: idField, summary: search.Summary.GROUP }),
          search.createColumn({ name: 'internalid', summary: search.Summary.COUNT }),
        ],
      });
      return s
        .run()
        .getRange({ start: 0, end: 1000 })
        .map((r) => ({
          shopifyCustomerId: String(r.getValue({ name: idField, summary: search.Summary.GROUP }) ?? ''),
          count: Number(r.getValue({ name: 'internalid', summary: search.Summary.COUNT })),
        }));
    },
    // The run's checkpoint lives in the output folder's description: the folder search the export
    // needs anyway reads it, so resuming costs nothing extra (a checkpoint record would cost 16), and
    // a new folder is created with the first checkpoint as its description (15 units, not 15 + 5).
    checkpoint: {
      load: () => {
        const at = folder.description.indexOf(STATE_MARK);
        if (at < 0) return null;
        try {
          return JSON.parse(folder.description.slice(at + STATE_MARK.length)) as HistoricalState;
        } catch {
          return null;
        }
      },
      save: (state) => {
        const status = state.done
          ? `Finished: ${state.exported} customers in ${state.nextPart - 1} part(s).`
          : `In progress: ${state.exported} customers exported, next part ${state.nextPart}.`;
        const description = `HotWax historical customer export. ${status}${STATE_MARK}${JSON.stringify(state)}`;
        if (folder.id === null) {
          const created = record.create({ type: record.Type.FOLDER });
          created.setValue({ fieldId: 'name', value: folder.name });
          created.setValue({ fieldId: 'description', value: description });
          folder.id = String(created.save());
        } else record.submitFields({ type: record.Type.FOLDER, id: folder.id, values: { description } });
        folder.description = description;
      },
    },
  };
}
