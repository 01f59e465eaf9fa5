/**
 * HC_SC_ImportCustomer (scheduled every 15 minutes, customdeploy1; on demand: customdeploy_imp_customer_rest).
 * Creates or links the customers HotWax exports to customer/export/. Logic: sync/customerImport.ts.
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
import * as sftp from 'N/sftp';
import * as task from 'N/task';
import {
  CheckpointStore,
  DEFAULT_HANDOFF_ROWS,
  GovernanceBudget,
  MR_IMPORT,
  NetSuiteCustomerStore,
  SFTP_FOLDERS,
  checkboxParam,
  connectWithScriptParams,
  customerFeedFolder,
  handOffFeed,
  integerParam,
  parseFieldMap,
  reschedule,
  runCustomerImport,
  submitMapReduce,
  textParam,
  uniqueSuffix,
} from '../lib/HC_CustomerSyncLib';
import type { ImportState } from '../lib/HC_CustomerSyncLib';

/** Script parameters, declared in src/Objects/customscript_imp_customer.xml. */
const PARAMS = {
  sftpConfig: 'custscript_hc_imp_sftp_config',
  sftpDirectory: 'custscript_hc_imp_sftp_directory',
  defaultSubsidiary: 'custscript_hc_imp_default_subsidiary',
  matchByEmail: 'custscript_hc_imp_match_by_email',
  fieldMap: 'custscript_hc_imp_field_map',
  dryRun: 'custscript_hc_imp_dry_run',
  mapReduceMinRows: 'custscript_hc_imp_mr_min_rows',
} as const;

const ON_DEMAND_DEPLOYMENT = 'customdeploy_imp_customer_rest';

export function execute(_context: EntryPoints.Scheduled.executeContext): void {
  const script = runtime.getCurrentScript();
  const budget = new GovernanceBudget({ remaining: () => script.getRemainingUsage() });
  const dryRun = checkboxParam(script, PARAMS.dryRun);
  const client = connectWithScriptParams({ search, sftp, file }, script, PARAMS);
  const checkpoint = new CheckpointStore<ImportState>({ search, record }, 'import');
  // Large feeds go to HC_MR_ImportCustomer (sync/customerImportMapReduce.ts).
  const submitImportMapReduce = () =>
    submitMapReduce({ task, log }, MR_IMPORT.scriptId, MR_IMPORT.deploymentId);
  const handOff = handOffFeed(
    { checkpoint, submit: submitImportMapReduce, now: () => Date.now() },
    integerParam(script, PARAMS.mapReduceMinRows, DEFAULT_HANDOFF_ROWS, 0) || Infinity,
    {
      sftpConfig: textParam(script, PARAMS.sftpConfig),
      sftpDirectory: textParam(script, PARAMS.sftpDirectory),
      defaultSubsidiary: textParam(script, PARAMS.defaultSubsidiary),
      matchByEmail: checkboxParam(script, PARAMS.matchByEmail),
      fieldMap: textParam(script, PARAMS.fieldMap),
    },
  );
  const summary = runCustomerImport(
    {
      feeds: customerFeedFolder(client, SFTP_FOLDERS.customerFeed),
      customers: new NetSuiteCustomerStore({ search, record }),
      checkpoint,
      budget,
      now: () => Date.now(),
      log: {
        audit: (title, details) => log.audit({ title, details }),
        error: (title, details) => log.error({ title, details }),
      },
      handOff,
    },
    {
      oneWorld: runtime.isFeatureInEffect({ feature: 'SUBSIDIARIES' }),
      defaultSubsidiary: textParam(script, PARAMS.defaultSubsidiary),
      fieldMap: parseFieldMap(PARAMS.fieldMap, textParam(script, PARAMS.fieldMap)),
      matchByEmail: checkboxParam(script, PARAMS.matchByEmail),
      dryRun,
      batchSize: 50,
      executionId: `${script.deploymentId}-${Date.now()}-${uniqueSuffix()}`,
      deploymentId: script.deploymentId,
      restampAfterMs: 60 * 60 * 1000,
    },
  );
  for (const f of summary.files)
    log.audit({ title: `Customer feed ${f.name}: ${f.outcome}`, details: JSON.stringify(f) });
  if (summary.stalled)
    log.error({
      title: 'HC_SC_ImportCustomer cannot make progress',
      details: `Not even one row fits in this execution's usage limit (${budget.used()} units used before it); not rescheduled.`,
    });
  // The map/reduce holds the feed: submit it again in case the handoff or the job was cut short.
  if (summary.leaseHeldBy === MR_IMPORT.deploymentId && !dryRun) submitImportMapReduce();
  const rescheduled =
    summary.paused && !summary.stalled && !dryRun
      ? reschedule({ task, log }, script.id, ON_DEMAND_DEPLOYMENT)
      : false;
  log.audit({
    title: `HC_SC_ImportCustomer ${dryRun ? 'dry run ' : ''}summary`,
    details: JSON.stringify({
      totals: summary.totals,
      files: summary.files.length,
      archived: summary.files.filter((f) => f.outcome === 'archived').length,
      failed: summary.files.filter((f) => f.outcome === 'failed').length,
      inProgress: summary.files.find((f) => f.outcome === 'in progress')?.name ?? null,
      skipped: summary.skipped ?? null,
      unitsUsed: budget.used(),
      rescheduled,
    }),
  });
}
