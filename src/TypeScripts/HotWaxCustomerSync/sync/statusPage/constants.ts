/**
 * The status page's fixed facts: the sync's scripts and their on-demand deployments, the request
 * parameters and actions of the page, the report folders it reads, and the import's settings.
 */

import {
  EXPORT_CUSTOMER_IDS,
  GENERATE_HISTORICAL_CSV,
  IMPORT_CUSTOMER,
  IMPORT_CUSTOMER_MR,
  UPLOAD_HISTORICAL_CSV,
} from '../../core/scriptIds';
import { DEFAULT_HANDOFF_ROWS } from '../../core/mapReduceImport';
/** The scripts of the sync: the recurring flows first, then the one-off historical export. */
export const SYNC_SCRIPTS = [
  {
    key: 'import',
    name: 'HC_SC_ImportCustomer',
    title: 'Customer import',
    scriptId: IMPORT_CUSTOMER.scriptId,
  },
  {
    key: 'import_mr',
    name: 'HC_MR_ImportCustomer',
    title: 'Customer import of large backlogs (map/reduce)',
    scriptId: IMPORT_CUSTOMER_MR.scriptId,
    about: 'started by HC_SC_ImportCustomer',
    idle: 'Nothing queued: HC_SC_ImportCustomer submits it when it hands over a backlog (no schedule, no run-now action)',
  },
  {
    key: 'export',
    name: 'HC_MR_ExportedCustomerCSV',
    title: 'Id export to HotWax',
    scriptId: EXPORT_CUSTOMER_IDS.scriptId,
  },
  {
    key: 'generate',
    name: 'HC_SC_GenerateHistoricalCustomerCSV',
    title: 'Historical export: generate the CSV parts (by hand, once)',
    scriptId: GENERATE_HISTORICAL_CSV.scriptId,
  },
  {
    key: 'upload',
    name: 'HC_SC_UploadHistoricalCustomerCSV',
    title: 'Historical export: upload the parts (by hand, after generating)',
    scriptId: UPLOAD_HISTORICAL_CSV.scriptId,
  },
] as const;
export type ScriptKey = (typeof SYNC_SCRIPTS)[number]['key'];

/**
 * Both import scripts: their run history is read with one search (the feeds and errors tabs merge
 * them), as many entries as one search page returns for its 10 units. HC_SC_ImportCustomer writes
 * 96 a day on its 15-minute schedule, so this covers about ten days of both.
 */
export const IMPORT_SCRIPT_IDS: string[] = [IMPORT_CUSTOMER.scriptId, IMPORT_CUSTOMER_MR.scriptId];
export const IMPORT_RUNS = 1000;

export const scriptName = (scriptId: string) =>
  SYNC_SCRIPTS.find((s) => s.scriptId === scriptId)?.name ?? scriptId;

/** The on-demand deployments the page's "run now" actions submit (HotWax's job manager uses them too). */
export const ON_DEMAND = {
  import: { scriptId: IMPORT_CUSTOMER.scriptId, deploymentId: IMPORT_CUSTOMER.onDemandDeploymentId },
  export: { scriptId: EXPORT_CUSTOMER_IDS.scriptId, deploymentId: EXPORT_CUSTOMER_IDS.onDemandDeploymentId },
} as const;

/** Repeat interval of the scheduled deployments this project ships (src/Objects). */
export const SHIPPED_REPEAT_MINUTES: Record<string, number> = {
  customdeploy1: 15,
  customdeploy_export_customer: 15,
};

export const PARAM = {
  action: 'custpage_action',
  feed: 'custpage_feed',
  csrf: 'custpage_csrf',
  listFeeds: 'custpage_feeds',
  code: 'custpage_code',
  report: 'custpage_report',
  download: 'custpage_download',
  /** A row's or a section's own submit button: the action (run now) or the feed to dry-run. */
  run: 'custpage_run',
  dryRunFeed: 'custpage_dryrun_feed',
  /** The page of a long report shown (REPORT_PAGE_ROWS rows each). */
  page: 'custpage_page',
} as const;

/** Rows of a report shown per page: a 4,000-row part stays a page of a reasonable size. */
export const REPORT_PAGE_ROWS = 500;

export const ACTIONS = {
  runImport: 'run_import',
  runExport: 'run_export',
  dryRun: 'dry_run',
  testSftp: 'test_sftp',
} as const;
export type ActionId = (typeof ACTIONS)[keyof typeof ACTIONS];

export const ACTION_LABELS: Record<ActionId, string> = {
  run_import:
    'Run the import now (HC_SC_ImportCustomer, customdeploy_imp_customer_rest; it hands large backlogs to HC_MR_ImportCustomer)',
  run_export: 'Run the id export now (customdeploy_export_customer_rest)',
  dry_run: 'Dry run of the chosen waiting feed',
  test_sftp: 'Test the SFTP connection',
};

/** Report folders the page may read a file from (never a path the request names). */
export const REPORT_FOLDERS = {
  error: 'customer/export/error',
  dry_run: 'customer/export/dry_run',
} as const;
export type ReportFolder = keyof typeof REPORT_FOLDERS;

/**
 * The import's settings that must be one for every deployment (customdeploy1, the on-demand
 * customdeploy_imp_customer_rest that "Run now" and every reschedule use, the page's dry run):
 * script parameters whose Preference is Company (help "Setting Script Parameter Preferences"),
 * set once under Setup > Company > General Preferences > Custom Preferences.
 */
export const IMPORT_COMPANY_SETTINGS = [
  {
    id: 'custscript_hc_imp_default_subsidiary',
    label: 'Default subsidiary',
    empty: 'none: rows without a subsidiary fail MISSING_SUBSIDIARY (OneWorld)',
  },
  { id: 'custscript_hc_imp_match_by_email', label: 'Link by email', empty: 'No' },
  { id: 'custscript_hc_imp_field_map', label: 'Extra column map (JSON)', empty: 'none' },
  {
    id: 'custscript_hc_imp_sftp_config',
    label: 'SFTP configuration',
    empty: 'the first active HC SFTP Configuration record',
  },
  {
    id: 'custscript_hc_imp_sftp_directory',
    label: 'SFTP directory',
    empty: "the record's default file directory",
  },
  { id: 'custscript_hc_imp_mr_min_rows', label: 'Map/reduce from (rows)', empty: `${DEFAULT_HANDOFF_ROWS}` },
] as const;

export const SETTINGS_WHERE =
  'Setup > Company > General Preferences > Custom Preferences (one value for every deployment of HC_SC_ImportCustomer; a redeploy never changes it)';
