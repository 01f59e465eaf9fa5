/**
 * The historical export's adapters: the customers it reads in internal-id batches (a SuiteQL query, or
 * the administrator's saved search narrowed the same way), the duplicated
 * Shopify ids, the CSV parts it writes and its checkpoint in the output folder's description.
 */
import type * as searchTypes from 'N/search';
import type * as recordTypes from 'N/record';
import type * as fileTypes from 'N/file';
import type * as queryTypes from 'N/query';
import { BATCH } from '../sync/historicalExport';
import type { HistoricalCustomer, HistoricalExportDeps, HistoricalState } from '../sync/historicalExport';

export interface HistoricalModules {
  search: Pick<
    typeof searchTypes,
    'create' | 'load' | 'createColumn' | 'createFilter' | 'Sort' | 'Operator' | 'Summary'
  >;
  record: Pick<typeof recordTypes, 'create' | 'submitFields' | 'Type'>;
  file: Pick<typeof fileTypes, 'create' | 'Type' | 'Encoding'>;
  query: Pick<typeof queryTypes, 'runSuiteQLPaged'>;
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

/** What N/query returns at most a query without SuiteAnalytics Connect (help "SuiteQL.runPaged(options)"). */
const SUITEQL_MAX_ROWS = 100000;

const NAME_FIELDS = ['firstname', 'lastname', 'companyname'];

/** A customer from its values in the order internal id, NAME_FIELDS, the Shopify id field. */
const customerOf = (v: unknown[]): HistoricalCustomer => {
  const [id, firstName, lastName, companyName, shopify] = v.map((x) => String(x ?? ''));
  return { id, firstName, lastName, companyName, shopifyCustomerId: shopify.trim() };
};

/** Everything runHistoricalExport needs from NetSuite except the budget and the clock. */
export function historicalExportStore(
  m: HistoricalModules,
  selection: HistoricalSelection,
  folder: HistoricalFolder,
): Omit<HistoricalExportDeps, 'budget' | 'now'> {
  const { idField, savedSearchId, includeInactive } = selection;
  return {
    ...(savedSearchId
      ? savedSearchReader(m.search, selection)
      : {
          batchSize: SUITEQL_MAX_ROWS,
          // idField is externalid or a custentity_ id (checked by the entry point): safe in the statement.
          fetchAfter: suiteQlReader(
            m.query,
            `SELECT id,${NAME_FIELDS.join()},${idField} FROM customer WHERE ${idField} IS NOT NULL` +
              `${includeInactive ? '' : " AND isinactive='F'"} AND id>? ORDER BY id`,
          ),
        }),
    savePart: (name, contents) => savePart(m.file, folder, name, contents),
    // By name in any folder: the upload moves parts, names kept, to its archive folder.
    partSaved: (name) =>
      m.search.create({ type: 'file', filters: [['name', 'is', name]] }).runPaged().count > 0,
    duplicates: () => duplicateIds(m.search, idField),
    checkpoint: folderCheckpoint(m.record, folder),
  };
}

/**
 * The plain selection, one SuiteQL query per 100,000 customers: query.runSuiteQLPaged 10 units, its
 * pages of 1,000 none ("PagedData.fetch(options)", N/query: Governance None), where a search costs 10
 * units per 1,000 (getRange) or 4,000 (each). Ordered by the unique internal id, as the help asks.
 */
function suiteQlReader(query: HistoricalModules['query'], sql: string): HistoricalExportDeps['fetchAfter'] {
  return (after) => {
    const paged = query.runSuiteQLPaged({ query: sql, params: [Number(after)], pageSize: 1000 });
    const out: HistoricalCustomer[] = [];
    // At most 100 pages of 1,000: SUITEQL_MAX_ROWS.
    for (const { index } of paged.pageRanges.slice(0, 100))
      for (const r of paged.fetch({ index }).data.results) out.push(customerOf(r.values));
    return out;
  };
}

/** The administrator's saved search narrowed to the selection: 10 units (ResultSet.each) per 4,000. */
function savedSearchReader(
  search: HistoricalModules['search'],
  { idField, savedSearchId, includeInactive }: HistoricalSelection,
): Pick<HistoricalExportDeps, 'fetchAfter' | 'batchSize'> {
  const base = [[idField, 'isnotempty', ''], ...(includeInactive ? [] : ['AND', ['isinactive', 'is', 'F']])];
  return {
    batchSize: BATCH,
    fetchAfter(after) {
      const cursor = ['internalidnumber', 'greaterthan', Number(after)];
      const s = search.load({ id: savedSearchId });
      const own = s.filterExpression;
      s.filterExpression = (
        own && own.length ? [own, 'AND', ...base, 'AND', cursor] : [...base, 'AND', cursor]
      ) as unknown[];
      s.columns = [
        search.createColumn({ name: 'internalid', sort: search.Sort.ASC }),
        ...NAME_FIELDS,
        idField,
      ];
      const out: HistoricalCustomer[] = [];
      // One each() call: 10 units for up to 4,000 results; the cursor takes the next batch.
      s.run().each((r) => {
        out.push(customerOf([r.id, ...[...NAME_FIELDS, idField].map((name) => r.getValue({ name }))]));
        return true;
      });
      return out;
    },
  };
}

function savePart(file: HistoricalModules['file'], folder: HistoricalFolder, name: string, contents: string) {
  // folder.id is set: the checkpoint, saved before the first part, creates a missing folder.
  const f = file.create({
    name,
    fileType: file.Type.CSV,
    contents,
    folder: Number(folder.id),
    encoding: file.Encoding.UTF_8,
  });
  return String(f.save());
}

/**
 * Shopify ids on more than one customer (HAVING COUNT(internalid) > 1): one search page. The
 * search.Summary and search.Operator values are these strings; a Result reads a value by its Column.
 */
function duplicateIds(search: HistoricalModules['search'], idField: string) {
  type Summary = searchTypes.Summary;
  type Operator = searchTypes.Operator;
  const columns = [
    search.createColumn({ name: idField, summary: 'group' as unknown as Summary }),
    search.createColumn({ name: 'internalid', summary: 'count' as unknown as Summary }),
  ];
  const filters = [
    search.createFilter({ name: idField, operator: 'isnotempty' as unknown as Operator }),
    search.createFilter({
      name: 'internalid',
      summary: 'count' as unknown as Summary,
      operator: 'greaterthan' as unknown as Operator,
      values: [1],
    }),
  ];
  return search
    .create({ type: 'customer', filters, columns })
    .run()
    .getRange({ start: 0, end: 1000 })
    .map((r) => ({
      shopifyCustomerId: String(r.getValue(columns[0]) ?? ''),
      count: Number(r.getValue(columns[1])),
    }));
}

/**
 * The run's checkpoint lives in the output folder's description: the folder search the export needs
 * anyway reads it, so resuming costs nothing extra (a checkpoint record would cost 16), and a new
 * folder is created with the first checkpoint as its description (15 units, not 15 + 5).
 */
function folderCheckpoint(
  record: HistoricalModules['record'],
  folder: HistoricalFolder,
): HistoricalExportDeps['checkpoint'] {
  return {
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
  };
}
