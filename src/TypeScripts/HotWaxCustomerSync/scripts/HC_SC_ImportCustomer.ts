/**
 * HC_SC_ImportCustomer (scheduled every 15 minutes, customdeploy1; on demand: customdeploy_imp_customer_rest).
 * Creates or links the customers HotWax exports to customer/export/. Logic: sync/customerImport.ts.
 *
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 */
import type { EntryPoints } from 'N/types';
import * as cache from 'N/cache';
import * as error from 'N/error';
import * as file from 'N/file';
import * as log from 'N/log';
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import * as sftp from 'N/sftp';
import * as task from 'N/task';
import {
  CheckpointStore,
  RunSummary,
  endInError,
  DEFAULT_HANDOFF_ROWS,
  MAX_HANDOFF_FEEDS,
  IMPORT_CUSTOMER_MR,
  IMPORT_CUSTOMER,
  NetSuiteCustomerStore,
  QUEUED_OR_ALIVE,
  SFTP_FOLDERS,
  checkboxParam,
  connectWithScriptParams,
  cachedSftpHint,
  cachedId,
  customerFeedFolder,
  capturingReports,
  feedCopies,
  deploymentIsRunning,
  integerParam,
  parseFieldMap,
  recordRun,
  reschedule,
  runCustomerImport,
  submitMapReduce,
  summaryDetails,
  logFeedResults,
  textParam,
  uniqueSuffix,
  scheduledBudget,
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

export function execute(_context: EntryPoints.Scheduled.executeContext): void {
  const summary = new RunSummary(log, 'HC_SC_ImportCustomer');
  try {
    importCustomers(summary);
  } catch (e) {
    throw endInError(error, summary, e, (d) =>
      recordRun({ search, record, log }, runtime.getCurrentScript(), d),
    );
  }
}

function importCustomers(runSummary: RunSummary): void {
  const script = runtime.getCurrentScript();
  // Units and the scheduled script's 3,600 s, read on the script's own clock (core/governance.ts).
  const budget = scheduledBudget(script, { now: () => Date.now() });
  const dryRun = checkboxParam(script, PARAMS.dryRun);
  // The settings record's id cached: no search in every execution (adapters/sftpConnection.ts).
  const client = connectWithScriptParams({ search, sftp, file }, script, PARAMS, cachedSftpHint(cache));
  const reports = capturingReports(customerFeedFolder(client, SFTP_FOLDERS.customerFeed));
  const summary = runCustomerImport(
    {
      feeds: reports.feeds,
      customers: new NetSuiteCustomerStore({ search, record }),
      // Its id cached per script (both deployments share it): read by id, not found by a search.
      checkpoint: new CheckpointStore<ImportState>(
        { search, record },
        'import',
        cachedId(cache, 'hc_sync_checkpoint_ids', 'import'),
      ),
      // A feed that spans executions is read back from the File Cabinet, not downloaded again.
      feedCopies: feedCopies({ search, record, file }),
      leaseHolderRunning: (lease) =>
        deploymentIsRunning(search, lease.scriptId ?? script.id, lease.deploymentId),
      budget,
      now: () => Date.now(),
      log: {
        audit: (title, details) => log.audit({ title, details }),
        error: (title, details) => log.error({ title, details }),
      },
      mapReduce: mapReduceHandoff(script),
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
  logFeedResults(summary, (title, details) => log.audit({ title, details }));
  if (summary.stalled)
    log.error({
      title: 'HC_SC_ImportCustomer cannot make progress',
      details: `Not even one row fits in this execution's usage limit (${budget.used()} units used before it); not rescheduled.`,
    });
  const rescheduled =
    summary.paused && !summary.stalled && !dryRun
      ? reschedule({ task, log }, script.id, IMPORT_CUSTOMER.onDemandDeploymentId)
      : false;
  runSummary.write(
    summaryDetails(summary, budget.used(), rescheduled, budget.stoppedFor()),
    `HC_SC_ImportCustomer ${dryRun ? 'dry run ' : ''}summary`,
  );
  // Run history for the status page (HC_SL_CustomerSync): at most 24 units, kept back by the budget.
  const history = {
    totals: summary.totals,
    fileResults: summary.files,
    skipped: summary.skipped ?? null,
    waiting: summary.waiting,
  };
  recordRun(
    { search, record, log },
    script,
    { ...history, unitsUsed: budget.used(), rescheduled, dryRun },
    { errorRows: reports.errorRows },
  );
}

/** Large backlogs go to HC_MR_ImportCustomer (sync/customerImportMapReduce.ts): its ids and settings. */
function mapReduceHandoff(script: ReturnType<typeof runtime.getCurrentScript>) {
  return {
    minRows: integerParam(script, PARAMS.mapReduceMinRows, DEFAULT_HANDOFF_ROWS, 0),
    scriptId: IMPORT_CUSTOMER_MR.scriptId,
    deploymentId: IMPORT_CUSTOMER_MR.deploymentId,
    maxFeeds: MAX_HANDOFF_FEEDS,
    settings: {
      sftpConfig: textParam(script, PARAMS.sftpConfig),
      sftpDirectory: textParam(script, PARAMS.sftpDirectory),
      defaultSubsidiary: textParam(script, PARAMS.defaultSubsidiary),
      matchByEmail: checkboxParam(script, PARAMS.matchByEmail),
      fieldMap: textParam(script, PARAMS.fieldMap),
    },
    running: () =>
      deploymentIsRunning(
        search,
        IMPORT_CUSTOMER_MR.scriptId,
        IMPORT_CUSTOMER_MR.deploymentId,
        QUEUED_OR_ALIVE,
      ),
    submit: () =>
      submitMapReduce({ task, log }, IMPORT_CUSTOMER_MR.scriptId, IMPORT_CUSTOMER_MR.deploymentId),
  };
}
