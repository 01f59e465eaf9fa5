/**
 * HC_SC_GenerateHistoricalCustomerCSV (run by hand once before go-live: customdeploy_generate_hist_shop_customer).
 * Exports every customer with a Shopify customer ID to CSV parts in the File Cabinet.
 * Logic: sync/historicalExport.ts.
 *
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 */
import type { EntryPoints } from 'N/types';
import * as file from 'N/file';
import * as log from 'N/log';
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import * as task from 'N/task';
import {
  checkboxParam,
  folderWithDescription,
  integerParam,
  recordRun,
  reschedule,
  runHistoricalExport,
  textParam,
  scheduledBudget,
} from '../lib/HC_CustomerSyncLib';
import type { HistoricalCustomer, HistoricalState } from '../lib/HC_CustomerSyncLib';

/** Script parameters, declared in src/Objects/customscript_generate_hist_shop_customer.xml. */
const PARAMS = {
  idSource: 'custscript_hc_ghc_id_source',
  savedSearch: 'custscript_hc_ghc_saved_search',
  includeInactive: 'custscript_hc_ghc_include_inactive',
  folder: 'custscript_hc_ghc_folder',
  maxFileBytes: 'custscript_hc_ghc_max_file_bytes',
} as const;

const DEFAULT_FOLDER = 'Historical Shopify Customer CSV';
const STATE_MARK = ' State: ';

export function execute(_context: EntryPoints.Scheduled.executeContext): void {
  const script = runtime.getCurrentScript();
  // Units and the scheduled script's 3,600 s, read on the script's own clock (lib/governance.ts).
  const budget = scheduledBudget(script, { now: () => Date.now() });
  const idField = textParam(script, PARAMS.idSource) || 'custentity_hc_shop_cust_id';
  if (!/^(externalid|custentity_[a-z0-9_]+)$/.test(idField))
    throw new Error(
      `Script parameter ${PARAMS.idSource} is "${idField}": enter externalid or a customer field id (custentity_…).`,
    );
  const savedSearchId = textParam(script, PARAMS.savedSearch);
  const includeInactive = checkboxParam(script, PARAMS.includeInactive);
  const maxFileBytes = integerParam(script, PARAMS.maxFileBytes, 9000000, 1000);
  if (maxFileBytes > 10000000)
    throw new Error(
      `Script parameter ${PARAMS.maxFileBytes} is ${maxFileBytes}: a File Cabinet file holds at most 10,000,000 bytes; use 9000000.`,
    );
  // Created when missing, so never null here.
  const folder = folderWithDescription(
    { search, record },
    textParam(script, PARAMS.folder) || DEFAULT_FOLDER,
    true,
  )!;
  const folderId = folder.id;

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

  const summary = runHistoricalExport(
    {
      fetchAfter(after) {
        const cursor = ['internalidnumber', 'greaterthan', Number(after)];
        let s: search.Search;
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
        const f = file.create({
          name,
          fileType: file.Type.CSV,
          contents,
          folder: Number(folderId),
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
      // needs anyway reads it, so resuming costs nothing extra (a checkpoint record would cost 16).
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
          record.submitFields({
            type: record.Type.FOLDER,
            id: folderId,
            values: {
              description: `HotWax historical customer export. ${status}${STATE_MARK}${JSON.stringify(state)}`,
            },
          });
        },
      },
      budget,
      now: () => new Date(),
    },
    maxFileBytes,
  );

  if (summary.alreadyFinished)
    log.audit({
      title: 'Historical export already finished',
      details: `${summary.exportedTotal} customers were exported; nothing written again. To export again, clear the description of the File Cabinet folder ${folderId} and run this deployment again.`,
    });
  if (summary.duplicates.length > 0)
    log.error({
      title: `${summary.duplicates.length} Shopify customer ID(s) are on more than one NetSuite customer`,
      details: `HotWax can link only one NetSuite customer per Shopify ID; merge these in NetSuite: ${summary.duplicates
        .slice(0, 50)
        .map((d) => `${d.shopifyCustomerId} (${d.count} customers)`)
        .join(', ')}`,
    });
  const rescheduled = summary.paused ? reschedule({ task, log }, script.id, script.deploymentId) : false;
  log.audit({
    title: 'HC_SC_GenerateHistoricalCustomerCSV summary',
    details: JSON.stringify({
      ...summary,
      duplicates: summary.duplicates.length,
      folderId,
      unitsUsed: budget.used(),
      stoppedFor: budget.stoppedFor(),
      rescheduled,
    }),
  });
  const history = { ...summary, duplicates: summary.duplicates.length, folderId };
  recordRun({ search, record, log }, script, { ...history, unitsUsed: budget.used(), rescheduled });
}
