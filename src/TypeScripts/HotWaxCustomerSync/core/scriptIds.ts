/**
 * The bundle's scripts and their deployments, as src/Objects/customscript_*.xml declares them: the
 * one table the scripts, the simulation, the command line and the tests take ids from
 * (build/scripts.mjs, plain JavaScript, is checked equal to it by test/unit/scriptIds.test.ts;
 * every script by name: SCRIPT_IDS, core/scriptTable.ts).
 * HotWax's ids are kept (docs/CONTRACTS.md §4: merchants upgrade in place, and HotWax's job manager
 * finds the `_rest` deployments by title). `deploymentId`: the scheduled (or only) deployment;
 * `onDemandDeploymentId`: the NOTSCHEDULED one "Run now" and every reschedule queue.
 * One constant a script, so the library ships only the ids it uses.
 */
export const GENERATE_HISTORICAL_CSV = {
  scriptId: 'customscript_generate_hist_shop_customer',
  deploymentId: 'customdeploy_generate_hist_shop_customer',
} as const;
export const UPLOAD_HISTORICAL_CSV = {
  scriptId: 'customscript_upload_hist_shop_customer',
  deploymentId: 'customdeploy_upload_hist_shop_customer',
} as const;
export const IMPORT_CUSTOMER = {
  scriptId: 'customscript_imp_customer',
  deploymentId: 'customdeploy1',
  onDemandDeploymentId: 'customdeploy_imp_customer_rest',
} as const;
export const EXPORT_CUSTOMER_IDS = {
  scriptId: 'customscript_export_customer',
  deploymentId: 'customdeploy_export_customer',
  onDemandDeploymentId: 'customdeploy_export_customer_rest',
} as const;
export const IMPORT_CUSTOMER_MR = {
  scriptId: 'customscript_hc_mr_import_customer',
  deploymentId: 'customdeploy_hc_mr_import_customer',
} as const;
export const CUSTOMER_SYNC_PAGE = {
  scriptId: 'customscript_hc_sl_customer_sync',
  deploymentId: 'customdeploy_hc_sl_customer_sync',
} as const;
