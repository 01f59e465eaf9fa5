/**
 * HC_SL_CustomerSync's logic: the administrator's status and control page of the customer sync, as
 * a page model (tabs of field groups and tables) built from small sources (run history, deployments,
 * script instances, checkpoints, File Cabinet folders, SFTP on request), and the page's actions.
 * No N/ module here: adapters/statusSources.ts reads NetSuite, adapters/statusForm.ts draws the model with
 * N/ui/serverWidget. Every text that comes from a feed, a report or a record is escaped here, because
 * list cells are HTML in NetSuite.
 */
import type { ImportState, FileResult, MapReduceHandoff } from './importTypes';
import type { ExportState } from './idExport';
import type { ErrorReportRow, RunEntry } from './ports';

/** The scripts of the sync: the recurring flows first, then the one-off historical export. */
export const SYNC_SCRIPTS = [
  {
    key: 'import',
    name: 'HC_SC_ImportCustomer',
    title: 'Customer import',
    scriptId: 'customscript_imp_customer',
  },
  {
    key: 'import_mr',
    name: 'HC_MR_ImportCustomer',
    title: 'Customer import of large backlogs (map/reduce)',
    scriptId: 'customscript_hc_mr_import_customer',
    about: 'started by HC_SC_ImportCustomer',
    idle: 'Nothing queued: HC_SC_ImportCustomer submits it when it hands over a backlog (no schedule, no run-now action)',
  },
  {
    key: 'export',
    name: 'HC_MR_ExportedCustomerCSV',
    title: 'Id export to HotWax',
    scriptId: 'customscript_export_customer',
  },
  {
    key: 'generate',
    name: 'HC_SC_GenerateHistoricalCustomerCSV',
    title: 'Historical export: generate the CSV parts (by hand, once)',
    scriptId: 'customscript_generate_hist_shop_customer',
  },
  {
    key: 'upload',
    name: 'HC_SC_UploadHistoricalCustomerCSV',
    title: 'Historical export: upload the parts (by hand, after generating)',
    scriptId: 'customscript_upload_hist_shop_customer',
  },
] as const;
export type ScriptKey = (typeof SYNC_SCRIPTS)[number]['key'];

/**
 * Both import scripts: their run history is read with one search (the feeds and errors tabs merge
 * them), as many entries as one search page returns for its 10 units. HC_SC_ImportCustomer writes
 * 96 a day on its 15-minute schedule, so this covers about ten days of both.
 */
export const IMPORT_SCRIPT_IDS = ['customscript_imp_customer', 'customscript_hc_mr_import_customer'];
const IMPORT_RUNS = 1000;

const scriptName = (scriptId: string) => SYNC_SCRIPTS.find((s) => s.scriptId === scriptId)?.name ?? scriptId;

/** The on-demand deployments the page's "run now" actions submit (HotWax's job manager uses them too). */
export const ON_DEMAND = {
  import: { scriptId: 'customscript_imp_customer', deploymentId: 'customdeploy_imp_customer_rest' },
  export: { scriptId: 'customscript_export_customer', deploymentId: 'customdeploy_export_customer_rest' },
} as const;

/** Repeat interval of the scheduled deployments this project ships (src/Objects). */
const SHIPPED_REPEAT_MINUTES: Record<string, number> = {
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

/** A submit button of the page's one form (it posts the CSRF token with it); works without JavaScript. */
const submitButton = (name: string, value: string, label: string) =>
  `<button type="submit" class="hc-btn" name="${esc(name)}" value="${esc(value)}">${esc(label)}</button>`;

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

// ------------------------------------------------------------------------------------- sources

export interface DeploymentInfo {
  scriptId: string;
  deploymentId: string;
  title: string;
  /** SCHEDULED, NOTSCHEDULED, TESTING, RELEASED */
  status: string;
  isDeployed: boolean;
}

/** A scheduled script instance as NetSuite keeps it (Customization > Scripting > Script Status), newest first. */
export interface InstanceInfo {
  scriptId: string;
  deploymentId: string;
  /** PENDING, PROCESSING, COMPLETE, FAILED, ... */
  status: string;
  created: number;
  ended: number | null;
  /** The task id: a map/reduce instance has one row per job (stage), all with its task id. */
  taskId?: string;
  /** A map/reduce job's stage: GET_INPUT, MAP, SHUFFLE, REDUCE, SUMMARIZE. */
  stage?: string;
}

export interface RemoteFileInfo {
  name: string;
  size: number;
  lastModified: number;
}

export interface CabinetFileInfo {
  id: string;
  name: string;
  size: number;
  created: number;
}

export interface HistoricalInfo {
  /** The output folder's description (its human part), or null when the folder does not exist. */
  status: string | null;
  state: { exported: number; nextPart: number; done: boolean } | null;
  waiting: CabinetFileInfo[];
  archived: CabinetFileInfo[];
}

export interface StatusSources {
  deployments(): DeploymentInfo[];
  instances(): InstanceInfo[];
  /** The latest entries of these scripts, newest first, with one search. */
  runs(scriptIds: string[], count: number): RunEntry[];
  /** The latest entries of the import scripts (IMPORT_SCRIPT_IDS) with error rows. */
  runsWithErrors(count: number): RunEntry[];
  importState(): ImportState | null;
  exportState(): ExportState | null;
  historical(): HistoricalInfo;
  /** NetSuite customers by HC customer id, for the given ids. */
  customersByHcId(hcIds: string[]): Map<string, string>;
  /** The import's company-preference settings (IMPORT_COMPANY_SETTINGS ids), as every deployment reads them. */
  importSettings(): Record<string, string>;
}

export interface PageEnv {
  now: number;
  /** A time in the user's format and time zone. */
  time(ms: number): string;
  /** The page's own URL with these parameters. */
  pageUrl(params: Record<string, string>): string;
  /** The URL of a customer record. */
  customerUrl(id: string): string;
  /** The user's time zone (Set Preferences), which env.time follows: every time on the page says it. */
  zone?: string;
}

// ------------------------------------------------------------------------------------- model

export interface FieldModel {
  id: string;
  label: string;
  /** Text (escaped by the form) or, with html, markup this module built. */
  value: string;
  html?: boolean;
}

export interface FieldBlock {
  kind: 'fields';
  id: string;
  label: string;
  fields: FieldModel[];
}

export interface TableBlock {
  kind: 'table';
  id: string;
  label: string;
  columns: { id: string; label: string }[];
  /** Cells are HTML (escaped here). */
  rows: string[][];
  empty: string;
}

export type Block = FieldBlock | TableBlock;

export interface TabModel {
  id: string;
  label: string;
  blocks: Block[];
}

export interface MessageModel {
  kind: 'confirmation' | 'information' | 'warning' | 'error';
  title: string;
  text: string;
}

export interface HealthRow {
  flow: string;
  state: 'healthy' | 'attention' | 'failing' | 'not run yet';
  cause: string;
  fix: string;
  lastGood: string;
  feeds: string;
  errors: string;
}

export interface PageModel {
  title: string;
  message: MessageModel | null;
  /** The first screen: one line per flow. */
  health: HealthRow[];
  /** "Times in <zone>". */
  zoneNote: string;
  tabs: TabModel[];
  /** The action form: choices and the feed list (names only, when listed). */
  actions: { feeds: string[]; csrf: string };
}

// ------------------------------------------------------------------------------------- helpers

export function esc(s: unknown): string {
  return String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const link = (href: string, text: string) => `<a href="${esc(href)}">${esc(text)}</a>`;

const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v) || 0);

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

const DEPLOYMENT_STATUS_LABEL: Record<string, string> = {
  SCHEDULED: 'Scheduled',
  NOTSCHEDULED: 'Not scheduled (on demand)',
  TESTING: 'Testing',
  RELEASED: 'Released',
};

const INSTANCE_STATUS_LABEL: Record<string, string> = {
  PENDING: 'Pending',
  PROCESSING: 'Processing',
  COMPLETE: 'Complete',
  FAILED: 'Failed',
  CANCELED: 'Canceled',
  DEFERRED: 'Deferred',
  RETRY: 'Retry',
};

/** What one run did, in a few words (each script's summary has its own shape). */
export function outcomeText(key: ScriptKey, s: Record<string, unknown>): string {
  if (key === 'import' || key === 'import_mr') {
    const t = (s.totals ?? {}) as Record<string, unknown>;
    const parts = [
      `${n(t.created)} created`,
      `${n(t.linked)} linked`,
      `${n(t.alreadyLinked)} already linked`,
      `${n(t.errors)} errors`,
    ];
    const files = Array.isArray(s.fileResults) ? (s.fileResults as FileResult[]) : [];
    if (s.skipped) return `skipped: ${String(s.skipped)}`;
    const handed = files.filter((f) => f.outcome === 'handed off').length;
    return `${s.dryRun ? 'dry run: ' : ''}${parts.join(', ')}; ${plural(files.length, 'feed')}${handed ? `, ${handed} handed to HC_MR_ImportCustomer` : ''}`;
  }
  if (key === 'export') {
    const files = Array.isArray(s.files) ? s.files.length : 0;
    return `${plural(n(s.exported), 'customer id')} sent in ${plural(files, 'file')}${n(s.stageErrors) ? `, ${n(s.stageErrors)} stage errors` : ''}`;
  }
  if (key === 'generate') {
    return `${plural(n(s.exportedThisExecution), 'customer')} exported (${n(s.exportedTotal)} in all), ${plural(Array.isArray(s.partsWritten) ? s.partsWritten.length : 0, 'part')} written${n(s.duplicates) ? `, ${n(s.duplicates)} shared Shopify ids` : ''}`;
  }
  return `${plural(n(s.uploaded), 'file')} uploaded, ${n(s.failed)} failed`;
}

const STAGE_LABEL: Record<string, string> = {
  GETINPUT: 'getInputData',
  MAP: 'map',
  SHUFFLE: 'shuffle',
  REDUCE: 'reduce',
  SUMMARIZE: 'summarize',
};
const stageLabel = (stage = '') => STAGE_LABEL[stage.toUpperCase().replace(/[^A-Z]/g, '')] ?? stage;
const isAlive = (i: InstanceInfo) => i.status === 'PROCESSING' || i.status === 'RETRY';

/**
 * Script instances as runs: NetSuite lists a map/reduce instance as one row per job, a stage's
 * job each (help "Scheduled Script Instance"), all with the instance's task id. One instance here,
 * running from its first job to the end of its last: a job alive, or a stage done and the next one
 * still pending, is a running instance; all pending is queued; otherwise it has ended (FAILED when a
 * job failed). Newest first, as the rows come.
 */
export function instanceRuns(rows: InstanceInfo[]): InstanceInfo[] {
  const groups = new Map<string, InstanceInfo[]>();
  rows.forEach((r, i) => {
    const key = r.taskId || `#${i}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  });
  return [...groups.values()].map((jobs) => {
    if (jobs.length === 1) return jobs[0];
    const alive = jobs.find(isAlive);
    const pending = jobs.filter((j) => j.status === 'PENDING');
    const status = alive
      ? 'PROCESSING'
      : pending.length === jobs.length
        ? 'PENDING'
        : pending.length
          ? 'PROCESSING'
          : jobs.some((j) => j.status === 'FAILED')
            ? 'FAILED'
            : 'COMPLETE';
    const ends = jobs.map((j) => j.ended ?? 0);
    return {
      ...jobs[0],
      status,
      stage: (alive ?? pending[pending.length - 1] ?? jobs[0]).stage,
      created: Math.min(...jobs.map((j) => j.created)),
      ended: status === 'COMPLETE' || status === 'FAILED' ? Math.max(...ends) : null,
    };
  });
}

const handedFeeds = (h: MapReduceHandoff) =>
  h.feeds.map((f) => `${f.name}${h.done.includes(f.name) ? ' (finished)' : ''}`).join(', ');

function nextQuarter(now: number, minutes: number): number {
  const step = minutes * 60_000;
  return Math.floor(now / step) * step + step;
}

// ------------------------------------------------------------------------------------- health

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
  { id: 'custscript_hc_imp_mr_min_rows', label: 'Map/reduce from (rows)', empty: '600' },
] as const;

export const SETTINGS_WHERE =
  'Setup > Company > General Preferences > Custom Preferences (one value for every deployment of HC_SC_ImportCustomer; a redeploy never changes it)';

const SFTP_RECORD =
  'the HC SFTP Configuration record (Customization > Lists, Records, & Fields > Record Types > HC SFTP Configuration)';

/**
 * What to do, per error code: run errors (NetSuite's N/sftp codes, this project's HC_ codes) and
 * row errors of the feeds. One entry per code or code pattern: add a line for a new code.
 */
export const ERROR_FIXES: [RegExp, string][] = [
  [
    /^FTP_CANNOT_ESTABLISH_CONNECTION$/,
    `Check the user name and the password secret (custrecord_ns_sftp_guid names it) of ${SFTP_RECORD}, then use "Test the SFTP connection".`,
  ],
  [
    /^FTP_INCORRECT_HOST_KEY/,
    `The server's host key changed or is wrong: ask HotWax for the key and update ${SFTP_RECORD}.`,
  ],
  [
    /^(CONNECTION_CLOSED_BY_HOST|CONNECTION_RESET|FTP_CONNECT_TIMEOUT_EXCEEDED|FTP_UNKNOWN_HOST|NO_ROUTE_TO_HOST_FOUND)$/,
    `The SFTP server did not answer: check host and port in ${SFTP_RECORD}, and ask HotWax whether the server is up.`,
  ],
  [
    /^FTP_UNSUPPORTED_ENCRYPTION_ALGORITHM$/,
    'The SFTP server offers none of the algorithms NetSuite accepts: ask HotWax to enable aes128-ctr/aes256-ctr.',
  ],
  [
    /^(FTP_PERMISSION_DENIED|FTP_DIRECTORY_NOT_FOUND|FTP_NO_SUCH_FILE_OR_DIRECTORY|FTP_INVALID_DIRECTORY)$/,
    `A folder of the SFTP layout is missing or not writable: check the directory in ${SFTP_RECORD} and run "Test the SFTP connection".`,
  ],
  [/^HC_SFTP_CONFIG_(MISSING|INVALID)$/, `The message names the field: correct ${SFTP_RECORD}.`],
  [
    /^HC_PARAMETER_INVALID$/,
    `The message names the setting: correct it under ${SETTINGS_WHERE.replace(/ \(.*$/, '')} or on the deployment.`,
  ],
  [
    /^HC_CHECKPOINT_CONFLICT$/,
    'Another execution changed the checkpoint: nothing to do, the next run continues.',
  ],
  [
    /^HC_HISTORICAL_UPLOAD_FAILED$/,
    'The failed parts stay in "Historical Shopify Customer CSV": fix the SFTP problem named, then run the upload again.',
  ],
  [
    /^SSS_USAGE_LIMIT_EXCEEDED$|^SSS_TIME_LIMIT_EXCEEDED$/,
    'NetSuite stopped the execution at its limit: the next run continues from the checkpoint; if it repeats, report it to HotWax with the Execution Log.',
  ],
  [
    /^ENDED_BY_NETSUITE$/,
    "Open the deployment's Execution Log (Customization > Scripting > Script Deployments) for the error; the next run continues from the checkpoint.",
  ],
  [
    /^MISSING_SUBSIDIARY$|^INVALID_SUBSIDIARY$/,
    `Set "Default subsidiary" (an internal id) under ${SETTINGS_WHERE.replace(/ \(.*$/, '')}, or have HotWax send the subsidiary; then HotWax sends the rows again.`,
  ],
  [
    /^MISSING_HC_CUSTOMER_ID$/,
    'The row has no HotWax customer id: fix the customer in HotWax; it is sent again with its next change.',
  ],
  [
    /^MISSING_COMPANY_NAME$|^INVALID_INDIVIDUAL$/,
    'A company customer needs a company name (or the row must be a person): fix the customer in HotWax.',
  ],
  [
    /^INVALID_(EMAIL|PHONE|TAXABLE|ORDER_PRIORITY|ACCOUNT_SOURCE|CHARACTER)$/,
    'The value in that column is not one NetSuite accepts (the message says which): fix the customer in HotWax.',
  ],
  [
    /^LINKED_TO_OTHER_HC_CUSTOMER$|^DUPLICATE|IDENTITY|CONFLICT/,
    'Two HotWax customers claim one NetSuite customer (or the reverse): decide which is right, correct the HC Customer Id on the NetSuite customer, then HotWax sends the row again.',
  ],
  [
    /^(WRONG_COLUMN_COUNT|UNBALANCED_QUOTE|STRAY_QUOTE|DUPLICATE_COLUMN|EMPTY_FILE|UNKNOWN_STATUS)$/,
    'The feed file itself is malformed: report it to HotWax with the file name (it is kept in customer/export/failed/).',
  ],
];

export function fixFor(code: string): string {
  return (
    ERROR_FIXES.find(([re]) => re.test(code))?.[1] ??
    `Read the message; if it is unclear, send the code ${code} and the message to HotWax.`
  );
}

/**
 * A FAILED script instance with no run-history entry: NetSuite ended it before the script could
 * write one. Instance times come as the user's date format shows them (to the minute), so each
 * instance, oldest first (as queued), claims the oldest unclaimed entry of its deployment within
 * its minutes.
 */
export function withInstanceFailures(
  runs: RunEntry[],
  instances: InstanceInfo[],
  scriptId: string,
): RunEntry[] {
  const claimed = new Set<RunEntry>();
  const extra: RunEntry[] = [];
  const mine = instances
    .filter((i) => i.scriptId === scriptId && (i.status === 'FAILED' || i.status === 'COMPLETE'))
    // The search's order (internal id, newest first) is the queue order, even within one minute.
    .reverse();
  const oldestFirst = [...runs].sort((a, b) => a.ended - b.ended);
  // Within one minute an entry and an instance cannot be ordered by time: by queue order instead.
  let before = 0;
  for (const i of mine) {
    const end = Math.max(i.ended ?? i.created, before + 1);
    const own = oldestFirst.find(
      (r) =>
        !claimed.has(r) &&
        r.deploymentId === i.deploymentId &&
        r.ended >= i.created - 60_000 &&
        r.ended <= end + 60_000,
    );
    if (own) {
      claimed.add(own);
      before = Math.max(before, own.ended);
    } else if (i.status === 'FAILED')
      extra.push({
        id: `instance-${i.taskId ?? end}`,
        scriptId,
        deploymentId: i.deploymentId,
        ended: end,
        outcome: 'failed',
        errorCount: 0,
        summary: {
          error: {
            code: 'ENDED_BY_NETSUITE',
            message:
              'NetSuite ended this execution (Script Status: Failed) before the script could record why: a usage or time limit, or an uncaught error.',
          },
        },
      });
  }
  return extra.length ? [...runs, ...extra].sort((a, b) => b.ended - a.ended) : runs;
}

const runError = (r: RunEntry) => (r.summary.error ?? null) as { code?: string; message?: string } | null;

const FLOWS = [
  {
    flow: 'Customer import',
    scripts: ['customscript_imp_customer', 'customscript_hc_mr_import_customer'],
    every: 15,
  },
  { flow: 'Id export to HotWax', scripts: ['customscript_export_customer'], every: 15 },
  {
    flow: 'Historical export (by hand, once)',
    scripts: ['customscript_generate_hist_shop_customer', 'customscript_upload_hist_shop_customer'],
    every: 0,
  },
];

function healthRows(
  src: StatusSources,
  env: PageEnv,
  runsByScript: Map<string, RunEntry[]>,
  deployments: DeploymentInfo[],
): HealthRow[] {
  const state = src.importState();
  return FLOWS.map((f) => {
    const runs = f.scripts.flatMap((id) => runsByScript.get(id) ?? []).sort((a, b) => b.ended - a.ended);
    const last = runs[0];
    const good = runs.find((r) => r.outcome !== 'failed');
    const lastGood = good ? `${env.time(good.ended)} (${scriptName(good.scriptId)})` : 'none recorded';
    let feeds = '—';
    let errors = '—';
    if (f.every && f.scripts.includes('customscript_imp_customer')) {
      const parts: string[] = [];
      if (state?.file) parts.push(`1 in progress (${state.file}, line ${state.line})`);
      const handed = state?.handoff?.feeds.filter((x) => !state.handoff?.done.includes(x.name)).length ?? 0;
      if (handed) parts.push(`${handed} handed to the map/reduce import`);
      const counted = runs.find((r) => typeof r.summary.waiting === 'number');
      if (counted)
        parts.push(
          `${counted.summary.waiting} waiting in customer/export/ when the last run ended (${env.time(counted.ended)})`,
        );
      feeds = `${parts.length ? parts.join('; ') : 'none in progress'}; live list: "List the waiting feeds" (Feeds tab)`;
      const day = runs.filter((r) => r.ended > env.now - 86_400_000);
      const rows = day.reduce((t, r) => t + r.errorCount, 0);
      const failedFeeds = day
        .flatMap((r) => (Array.isArray(r.summary.fileResults) ? (r.summary.fileResults as FileResult[]) : []))
        .filter((x) => x.outcome === 'failed').length;
      errors = `${plural(rows, 'rejected row')}${failedFeeds ? `, ${plural(failedFeeds, 'failed feed')}` : ''} in the last 24 hours`;
    }
    const row = { flow: f.flow, lastGood, feeds, errors };
    if (last?.outcome === 'failed') {
      const e = runError(last);
      const code = e?.code ?? 'UNEXPECTED_ERROR';
      let since = last;
      for (const r of runs) {
        if (r.outcome !== 'failed') break;
        since = r;
      }
      return {
        ...row,
        state: 'failing',
        cause: `${scriptName(last.scriptId)} failed on ${last.deploymentId} ${since === last ? 'at' : 'every run since'} ${env.time(since.ended)}: ${code}: ${e?.message ?? 'no message recorded'}`,
        fix: fixFor(code),
      };
    }
    const paused = deployments.filter(
      (d) =>
        f.scripts.includes(d.scriptId) &&
        SHIPPED_REPEAT_MINUTES[d.deploymentId] &&
        (d.status !== 'SCHEDULED' || !d.isDeployed),
    );
    if (paused.length)
      return {
        ...row,
        state: 'attention',
        cause: `${paused.map((d) => d.deploymentId).join(', ')} is not scheduled: no run starts by itself`,
        fix: 'Set the deployment\u2019s Status back to Scheduled (Customization > Scripting > Script Deployments), unless HotWax paused it on purpose.',
      };
    if (!last)
      return {
        ...row,
        state: 'not run yet',
        cause: f.every ? `No run recorded yet: it runs every ${f.every} minutes` : 'Not run yet',
        fix: f.every
          ? 'Nothing to do: wait for the first scheduled run, or use "Run now".'
          : 'Before go-live, run HC_SC_GenerateHistoricalCustomerCSV by hand (Save and Execute), then HC_SC_UploadHistoricalCustomerCSV.',
      };
    if (f.every && last.ended < env.now - (3 * f.every + 15) * 60_000)
      return {
        ...row,
        state: 'attention',
        cause: `No run recorded since ${env.time(last.ended)}, though it is scheduled every ${f.every} minutes`,
        fix: 'Open Customization > Scripting > Script Status: are its instances pending behind other scripts? The processors may be busy.',
      };
    if (errors !== '—' && /^[1-9]|failed feed/.test(errors))
      return {
        ...row,
        state: 'attention',
        cause: `Runs complete, but rows were rejected: ${errors}`,
        fix: 'Open the Errors tab: each error code says what to fix.',
      };
    return {
      ...row,
      state: 'healthy',
      cause: `Last run ${env.time(last.ended)}: ${last.outcome}`,
      fix: 'Nothing to do.',
    };
  });
}

// ------------------------------------------------------------------------------------- sections

function overviewTab(
  src: StatusSources,
  env: PageEnv,
  runsByScript: Map<string, RunEntry[]>,
  importRuns: RunEntry[],
  deployments: DeploymentInfo[],
  instances: InstanceInfo[],
): TabModel {
  const handoff = src.importState()?.handoff;
  const blocks: Block[] = [];
  for (const s of SYNC_SCRIPTS) {
    const runs = runsByScript.get(s.scriptId) ?? [];
    const mine = instances.filter((i) => i.scriptId === s.scriptId);
    // Instances come newest first; NetSuite keeps FAILED here even when the script died before its summary.
    const lastInstance = mine.find((i) => i.status === 'COMPLETE' || i.status === 'FAILED');
    const lastRun = runs[0];
    const lastFailed = lastInstance ? lastInstance.status === 'FAILED' : lastRun?.outcome === 'failed';
    const deps = deployments.filter((d) => d.scriptId === s.scriptId);
    const queued = mine.filter((i) => i.status === 'PENDING' || i.status === 'PROCESSING');
    const next: string[] = queued.map(
      (q) =>
        `${INSTANCE_STATUS_LABEL[q.status] ?? q.status} on ${q.deploymentId} (${q.stage && q.status === 'PROCESSING' ? `${stageLabel(q.stage)} stage; ` : ''}queued ${env.time(q.created)})`,
    );
    for (const d of deps) {
      const every = SHIPPED_REPEAT_MINUTES[d.deploymentId];
      if (d.status === 'SCHEDULED' && d.isDeployed && every)
        next.push(
          `${d.deploymentId}: every ${every} minutes, next at ${env.time(nextQuarter(env.now, every))}`,
        );
    }
    if (next.length === 0)
      next.push('idle' in s ? s.idle : 'Nothing scheduled: runs when started by hand or by HotWax');
    // A deployment this project ships scheduled that is not scheduled now was paused (by an
    // administrator, or by HotWax's job manager).
    const state = (d: DeploymentInfo) =>
      !d.isDeployed
        ? 'Not deployed (paused)'
        : d.status !== 'SCHEDULED' && SHIPPED_REPEAT_MINUTES[d.deploymentId]
          ? `Paused (${DEPLOYMENT_STATUS_LABEL[d.status] ?? d.status}; ships scheduled every ${SHIPPED_REPEAT_MINUTES[d.deploymentId]} minutes)`
          : (DEPLOYMENT_STATUS_LABEL[d.status] ?? d.status);
    const deploymentText = deps.map((d) => esc(`${d.deploymentId}: ${state(d)}`)).join('<br>');
    // The map/reduce never reschedules itself: its "rescheduled" is the scheduled import it queues
    // for the feeds after its own (summary.rescheduled, shown in the last column).
    const mr = s.key === 'import_mr';
    const outcome = (r: RunEntry) => (mr && r.outcome === 'rescheduled' ? 'complete' : r.outcome);
    // The import scripts' one search may be full before 30 days: say how far it reaches.
    const family = IMPORT_SCRIPT_IDS.includes(s.scriptId) ? importRuns : runs;
    const oldest = family.length >= IMPORT_RUNS ? family[family.length - 1] : undefined;
    const noRun = oldest
      ? `None among the last ${plural(family.length, 'import run')} recorded (since ${env.time(oldest.ended)})`
      : 'No run recorded in the last 30 days';
    const lastText = lastRun
      ? `${env.time(lastRun.ended)}, ${outcome(lastRun)}: ${runError(lastRun) ? `${runError(lastRun)?.code}: ${runError(lastRun)?.message}` : outcomeText(s.key, lastRun.summary)}`
      : noRun;
    const extra: FieldModel[] = mr
      ? [
          {
            id: 'custpage_import_mr_handoff',
            label: 'Feeds handed over',
            value: handoff?.feeds.length
              ? `${handedFeeds(handoff)}; submitted ${plural(handoff.attempts, 'time')}`
              : 'none: HC_SC_ImportCustomer imports the waiting feeds itself',
          },
        ]
      : [];
    blocks.push({
      kind: 'fields',
      id: `custpage_grp_${s.key}`,
      label: `${s.title} (${s.name}${'about' in s ? `, ${s.about}` : ''})`,
      fields: [
        ...extra,
        {
          id: `custpage_${s.key}_deployments`,
          label: 'Deployments',
          value: deploymentText || esc('none found'),
          html: true,
        },
        { id: `custpage_${s.key}_last`, label: 'Last run', value: lastText },
        {
          id: `custpage_${s.key}_failed`,
          label: 'Last run failed',
          value: lastFailed
            ? `<span class="hc-bad">Yes</span>${lastInstance?.status === 'FAILED' ? esc(` (script instance failed ${env.time(lastInstance.ended ?? lastInstance.created)}; see the deployment's execution log)`) : ''}`
            : lastRun || lastInstance
              ? 'No'
              : '—',
          html: true,
        },
        { id: `custpage_${s.key}_next`, label: 'Next', value: next.map(esc).join('<br>'), html: true },
        ...(s.key === 'import' || s.key === 'export'
          ? [
              {
                id: `custpage_${s.key}_runnow`,
                label: 'Run now',
                value: `${submitButton(PARAM.run, s.key === 'import' ? ACTIONS.runImport : ACTIONS.runExport, `Run ${s.name} now`)} on ${ON_DEMAND[s.key].deploymentId}, as HotWax starts it`,
                html: true,
              },
            ]
          : []),
      ],
    });
    blocks.push({
      kind: 'table',
      id: `custpage_runs_${s.key}`,
      label: `${s.title}: last runs (${s.name})`,
      columns: [
        { id: 'ended', label: 'Ended' },
        { id: 'deployment', label: 'Deployment' },
        { id: 'outcome', label: 'Outcome' },
        { id: 'counts', label: 'What it did' },
        { id: 'units', label: 'Units used' },
        { id: 'rescheduled', label: mr ? 'Queued HC_SC_ImportCustomer' : 'Rescheduled' },
      ],
      rows: runs
        .slice(0, 5)
        .map((r) => [
          esc(env.time(r.ended)),
          esc(r.deploymentId),
          r.outcome === 'failed' ? '<span class="hc-bad">failed</span>' : esc(outcome(r)),
          esc(
            runError(r)
              ? `${runError(r)?.code ?? ''}: ${runError(r)?.message ?? ''}`
              : outcomeText(s.key, r.summary),
          ),
          r.summary.unitsUsed === undefined ? '\u2014' : esc(n(r.summary.unitsUsed).toLocaleString('en-US')),
          r.summary.rescheduled ? 'Yes' : 'No',
        ]),
      empty: `${noRun}.`,
    });
  }
  return { id: 'custpage_tab_overview', label: 'Overview', blocks };
}

function feedsTab(
  src: StatusSources,
  env: PageEnv,
  importRuns: RunEntry[],
  waiting: RemoteFileInfo[] | null,
  waitingError: string | null,
): TabModel {
  const state = src.importState();
  const lease = state?.lease;
  const leaseText = lease
    ? `${lease.deploymentId}${lease.scriptId ? ` (${scriptName(lease.scriptId)})` : ''} (lease until ${env.time(lease.until)})`
    : 'none (the next run continues)';
  const inProgress: FieldModel[] = state?.file
    ? [
        { id: 'custpage_feed_current', label: 'Feed in progress', value: state.file },
        { id: 'custpage_feed_line', label: 'Last line handled', value: String(state.line) },
        {
          id: 'custpage_feed_counts',
          label: 'So far',
          value: `${state.counts.created} created, ${state.counts.linked} linked, ${state.counts.alreadyLinked} already linked, ${state.counts.errors} errors`,
        },
        {
          id: 'custpage_feed_lease',
          label: 'Importing deployment',
          value: leaseText,
        },
      ]
    : [
        {
          id: 'custpage_feed_current',
          label: 'Feed in progress',
          value: state?.handoff?.feeds.length
            ? 'None on the scheduled path: the feeds below are handed to HC_MR_ImportCustomer'
            : 'None: every feed read so far is finished',
        },
      ];
  if (state?.handoff?.feeds.length) {
    const h = state.handoff;
    inProgress.push({
      id: 'custpage_feed_handoff',
      label: 'Handed to HC_MR_ImportCustomer',
      value: handedFeeds(h),
    });
    if (!state.file)
      inProgress.push({ id: 'custpage_feed_lease', label: 'Importing deployment', value: leaseText });
  }
  const finished: { when: number; f: FileResult; by: string }[] = [];
  for (const r of importRuns) {
    if (r.summary.dryRun) continue;
    const files = Array.isArray(r.summary.fileResults) ? (r.summary.fileResults as FileResult[]) : [];
    for (const f of files)
      if (f.outcome === 'archived' || f.outcome === 'failed')
        finished.push({ when: r.ended, f, by: scriptName(r.scriptId) });
  }
  const blocks: Block[] = [
    {
      kind: 'fields',
      id: 'custpage_grp_inprogress',
      label: 'In progress (import checkpoint)',
      fields: inProgress,
    },
  ];
  const listUrl = env.pageUrl({ [PARAM.listFeeds]: 'T', selectedtab: 'custpage_tab_feeds' });
  if (waiting === null) {
    blocks.push({
      kind: 'fields',
      id: 'custpage_grp_waiting',
      label: 'Waiting in customer/export/',
      fields: [
        {
          id: 'custpage_waiting_link',
          label: 'Waiting feeds',
          value: `${waitingError ? `<span class="hc-bad">${esc(waitingError)}</span><br>` : ''}Read live from the SFTP server on request: ${link(listUrl, 'List the waiting feeds')}`,
          html: true,
        },
      ],
    });
  } else {
    blocks.push({
      kind: 'table',
      id: 'custpage_waiting',
      label: `Waiting in customer/export/ (listed ${env.time(env.now)})`,
      columns: [
        { id: 'name', label: 'Feed' },
        { id: 'size', label: 'Bytes' },
        { id: 'modified', label: 'Last modified' },
        { id: 'check', label: 'Check it' },
      ],
      rows: waiting.map((w) => [
        esc(w.name),
        esc(w.size.toLocaleString('en-US')),
        esc(env.time(w.lastModified)),
        submitButton(PARAM.dryRunFeed, w.name, 'Dry run'),
      ]),
      empty: 'No feed is waiting.',
    });
  }
  const resultRows = (outcome: 'archived' | 'failed') =>
    finished
      .filter((x) => x.f.outcome === outcome)
      .slice(0, 10)
      .map(({ when, f, by }) => [
        esc(f.name),
        esc(env.time(when)),
        esc(f.movedTo ?? ''),
        esc(String(f.counts?.created ?? 0)),
        esc(String(f.counts?.linked ?? 0)),
        esc(String(f.counts?.alreadyLinked ?? 0)),
        f.counts?.errors && f.errorReports?.length
          ? // Every part of a large report is linked (the import splits reports into parts).
            f.errorReports
              .map((r, i, all) =>
                link(
                  env.pageUrl({ [PARAM.report]: r, selectedtab: 'custpage_tab_errors' }),
                  all.length === 1
                    ? `${f.counts.errors} (report)`
                    : i === 0
                      ? `${f.counts.errors} (report part 1)`
                      : `part ${i + 1}`,
                ),
              )
              .join(' ')
          : '0',
        esc(by),
      ]);
  const columns = [
    { id: 'name', label: 'Feed' },
    { id: 'when', label: 'Finished' },
    { id: 'moved', label: 'Moved as' },
    { id: 'created', label: 'Created' },
    { id: 'linked', label: 'Linked' },
    { id: 'already', label: 'Already linked' },
    { id: 'errors', label: 'Errors' },
    { id: 'by', label: 'Imported by' },
  ];
  blocks.push(
    {
      kind: 'table',
      id: 'custpage_archived',
      label: 'Last archived feeds (customer/export/archive/)',
      columns,
      rows: resultRows('archived'),
      empty: 'No feed archived in the recorded runs.',
    },
    {
      kind: 'table',
      id: 'custpage_failed',
      label: 'Last failed feeds (customer/export/failed/)',
      columns,
      rows: resultRows('failed'),
      empty: 'No feed failed in the recorded runs.',
    },
  );
  return { id: 'custpage_tab_feeds', label: 'Feeds', blocks };
}

function errorsTab(
  src: StatusSources,
  env: PageEnv,
  code: string,
  report: { folder: ReportFolder; name: string; rows: string[][]; header: string[] } | null,
  reportError: string | null,
  page = 1,
): TabModel {
  const rows: (ErrorReportRow & { when: number; by: string })[] = [];
  let omitted = 0;
  // Both import scripts' entries, newest first: each row says which one imported its feed.
  const runs = src.runsWithErrors(10);
  for (const r of runs) {
    const list = Array.isArray(r.summary.errorRows) ? (r.summary.errorRows as ErrorReportRow[]) : [];
    for (const e of list) rows.push({ ...e, when: r.ended, by: scriptName(r.scriptId) });
    omitted += Math.max(0, r.errorCount - list.length);
  }
  // True counts per code: each entry counts its rows by code before it keeps only what fits.
  const codes = new Map<string, number>();
  let total = 0;
  for (const r of runs) {
    const listed = Array.isArray(r.summary.errorRows) ? (r.summary.errorRows as ErrorReportRow[]) : [];
    const byCode =
      r.summary.errorCodes && typeof r.summary.errorCodes === 'object'
        ? Object.entries(r.summary.errorCodes as Record<string, number>)
        : [
            ...listed.reduce(
              (m, e) => m.set(e.errorCode, (m.get(e.errorCode) ?? 0) + 1),
              new Map<string, number>(),
            ),
          ];
    for (const [c, k] of byCode) {
      codes.set(c, (codes.get(c) ?? 0) + n(k));
      total += n(k);
    }
  }
  const shown = rows.filter((r) => !code || r.errorCode === code).slice(0, 100);
  const customers = src.customersByHcId([...new Set(shown.map((r) => r.hcCustomerId).filter(Boolean))]);
  const filterLinks = [
    code
      ? link(env.pageUrl({ selectedtab: 'custpage_tab_errors' }), `All (${total.toLocaleString('en-US')})`)
      : `<b>All (${total.toLocaleString('en-US')})</b>`,
    ...[...codes.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([c, count]) =>
        c === code
          ? `<b>${esc(c)} (${count.toLocaleString('en-US')})</b>`
          : link(
              env.pageUrl({ [PARAM.code]: c, selectedtab: 'custpage_tab_errors' }),
              `${c} (${count.toLocaleString('en-US')})`,
            ),
      ),
  ];
  const blocks: Block[] = [
    {
      kind: 'fields',
      id: 'custpage_grp_errfilter',
      label: 'Filter',
      fields: [
        { id: 'custpage_err_codes', label: 'Error code', value: filterLinks.join(' | '), html: true },
        {
          id: 'custpage_err_omitted',
          label: 'Not listed here',
          value: omitted
            ? `${plural(omitted, 'more error row')} of these runs: open the feed's report for every row.`
            : 'none: every error row of these runs is listed',
        },
      ],
    },
    {
      kind: 'table',
      id: 'custpage_err_causes',
      label: 'Rejected rows by cause (the last 10 runs with errors)',
      columns: [
        { id: 'code', label: 'Code' },
        { id: 'rows', label: 'Rows' },
        { id: 'fix', label: 'What to do' },
      ],
      rows: [...codes.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([c, k]) => [esc(c), esc(k.toLocaleString('en-US')), esc(fixFor(c))]),
      empty: 'No rejected rows.',
    },
    {
      kind: 'table',
      id: 'custpage_errors',
      label: code ? `Latest error rows with code ${code}` : 'Latest error rows',
      columns: [
        { id: 'feed', label: 'Feed' },
        { id: 'line', label: 'Line' },
        { id: 'hcid', label: 'HC Customer Id' },
        { id: 'code', label: 'Code' },
        { id: 'message', label: 'Message' },
        { id: 'customer', label: 'NetSuite customer' },
        { id: 'when', label: 'Reported' },
        { id: 'by', label: 'Imported by' },
      ],
      rows: shown.map((r) => {
        const id = customers.get(r.hcCustomerId);
        return [
          r.report
            ? link(env.pageUrl({ [PARAM.report]: r.report, selectedtab: 'custpage_tab_errors' }), r.fileName)
            : esc(r.fileName),
          esc(String(r.lineNumber)),
          esc(r.hcCustomerId),
          esc(r.errorCode),
          esc(r.errorMessage),
          id ? link(env.customerUrl(id), `Customer ${id}`) : '',
          esc(env.time(r.when)),
          esc(r.by),
        ];
      }),
      empty: code ? `No recorded error row has code ${code}.` : 'No error rows in the last 30 days.',
    },
  ];
  const pages = report ? Math.max(1, Math.ceil(report.rows.length / REPORT_PAGE_ROWS)) : 1;
  const shownPage = Math.min(Math.max(1, page), pages);
  const first = (shownPage - 1) * REPORT_PAGE_ROWS;
  if (report || reportError) {
    blocks.push({
      kind: 'table',
      id: 'custpage_report',
      label: report
        ? `Report ${REPORT_FOLDERS[report.folder]}/${report.name} (read from SFTP, ${plural(report.rows.length, 'row')}${pages > 1 ? `; rows ${(first + 1).toLocaleString('en-US')}\u2013${Math.min(first + REPORT_PAGE_ROWS, report.rows.length).toLocaleString('en-US')}` : ''})`
        : 'Report',
      columns: (report?.header.length ? report.header : ['problem']).map((h, i) => ({
        id: `c${i}`,
        label: h,
      })),
      rows: report
        ? report.rows.slice(first, first + REPORT_PAGE_ROWS).map((r) => r.map(esc))
        : [[esc(reportError)]],
      empty: 'The report is empty.',
    });
    if (report)
      blocks.push({
        kind: 'fields',
        id: 'custpage_grp_report',
        label: 'Report file',
        fields: [
          ...(pages > 1
            ? [
                {
                  id: 'custpage_report_pages',
                  label: 'Pages',
                  value: Array.from({ length: pages }, (_, i) =>
                    i + 1 === shownPage
                      ? `<b>${i + 1}</b>`
                      : link(
                          env.pageUrl({
                            [PARAM.report]: report!.name,
                            ...(report!.folder === 'dry_run' ? { custpage_folder: 'dry_run' } : {}),
                            [PARAM.page]: String(i + 1),
                            selectedtab: 'custpage_tab_errors',
                          }),
                          String(i + 1),
                        ),
                  ).join(' '),
                  html: true,
                },
              ]
            : []),
          {
            id: 'custpage_report_download',
            label: 'Download',
            value: link(
              env.pageUrl({
                [PARAM.report]: report.name,
                ...(report.folder === 'dry_run' ? { custpage_folder: 'dry_run' } : {}),
                [PARAM.download]: 'T',
              }),
              `${report.name} (CSV)`,
            ),
            html: true,
          },
        ],
      });
  }
  return { id: 'custpage_tab_errors', label: 'Errors', blocks };
}

function exportsTab(src: StatusSources, env: PageEnv, runsByScript: Map<string, RunEntry[]>): TabModel {
  const state = src.exportState();
  const cursor = state?.committed;
  const fields: FieldModel[] = [
    {
      id: 'custpage_exp_stamp',
      label: 'Customers stamped after',
      value: cursor
        ? cursor.stampAfter
          ? env.time(cursor.stampAfter)
          : 'the beginning'
        : 'No export has run yet',
    },
  ];
  const pending = Object.entries(state?.pending ?? {});
  fields.push({
    id: 'custpage_exp_pending',
    label: 'Runs selecting now',
    value: pending.length
      ? pending
          .map(([d, p]) => `${d} (started ${env.time(p.startedAt)}, up to ${env.time(p.stampUpTo)})`)
          .join('; ')
      : 'none',
  });
  const sent: string[][] = [];
  for (const r of runsByScript.get('customscript_export_customer') ?? []) {
    const files = Array.isArray(r.summary.files) ? (r.summary.files as string[]) : [];
    for (const f of files) sent.push([esc(f), esc(env.time(r.ended)), esc(String(n(r.summary.exported)))]);
  }
  const h = src.historical();
  const genRuns = runsByScript.get('customscript_generate_hist_shop_customer') ?? [];
  const histFields: FieldModel[] = [
    {
      id: 'custpage_hist_status',
      label: 'Historical export',
      value:
        h.status === null
          ? 'Not run yet (no "Historical Shopify Customer CSV" folder)'
          : h.state
            ? h.state.done
              ? `Finished: ${h.state.exported.toLocaleString('en-US')} customers in ${h.state.nextPart - 1} part(s)`
              : `In progress: ${h.state.exported.toLocaleString('en-US')} customers exported, next part ${h.state.nextPart}`
            : h.status || 'Folder created, no export recorded',
    },
    {
      id: 'custpage_hist_parts',
      label: 'Parts',
      value: `${h.waiting.length} waiting for upload, ${h.archived.length} uploaded (archived)`,
    },
  ];
  if (genRuns[0])
    histFields.push({
      id: 'custpage_hist_last',
      label: 'Last run',
      value: `${env.time(genRuns[0].ended)}: ${outcomeText('generate', genRuns[0].summary)}`,
    });
  const parts = [
    ...h.waiting.map((f) => ({ ...f, where: 'waiting for upload' })),
    ...h.archived.map((f) => ({ ...f, where: 'uploaded, archived' })),
  ].sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    id: 'custpage_tab_exports',
    label: 'Id export and historical export',
    blocks: [
      {
        kind: 'fields',
        id: 'custpage_grp_cursor',
        label: 'Id export cursor (checkpoint "id-export")',
        fields,
      },
      {
        kind: 'table',
        id: 'custpage_sent',
        label: 'Last files sent to customer/import/',
        columns: [
          { id: 'file', label: 'File' },
          { id: 'when', label: 'Sent' },
          { id: 'ids', label: 'Customer ids in the run' },
        ],
        rows: sent.slice(0, 10),
        empty: 'No file sent in the recorded runs.',
      },
      { kind: 'fields', id: 'custpage_grp_hist', label: 'Historical export', fields: histFields },
      {
        kind: 'table',
        id: 'custpage_parts',
        label: 'Historical export parts',
        columns: [
          { id: 'name', label: 'File' },
          { id: 'size', label: 'Bytes' },
          { id: 'where', label: 'Where' },
          { id: 'created', label: 'Written' },
        ],
        rows: parts.map((p) => [
          esc(p.name),
          esc(p.size.toLocaleString('en-US')),
          esc(p.where),
          esc(p.created ? env.time(p.created) : ''),
        ]),
        empty: 'No part written yet.',
      },
    ],
  };
}

function settingsTab(src: StatusSources): TabModel {
  let values: Record<string, string> | null = null;
  let problem = '';
  try {
    values = src.importSettings();
  } catch (e) {
    problem = `Cannot read the company preferences: ${(e as Error)?.message ?? String(e)}`;
  }
  return {
    id: 'custpage_tab_settings',
    label: 'Settings',
    blocks: [
      {
        kind: 'fields',
        id: 'custpage_grp_settings',
        label: 'Customer import settings, in effect for every deployment',
        fields: [
          { id: 'custpage_set_where', label: 'Where to change them', value: SETTINGS_WHERE },
          ...(problem ? [{ id: 'custpage_set_problem', label: 'Problem', value: problem }] : []),
          ...IMPORT_COMPANY_SETTINGS.map((x) => {
            const v = values?.[x.id] ?? '';
            const shown = x.id.endsWith('match_by_email')
              ? v === 'T'
                ? 'Yes'
                : 'No'
              : v || `(empty: ${x.empty})`;
            return {
              id: `custpage_set_${x.id.split('_imp_')[1]}`,
              label: `${x.label} (${x.id})`,
              value: shown,
            };
          }),
        ],
      },
    ],
  };
}

function actionsTab(message: MessageModel | null, details: string[][] | null): TabModel {
  const blocks: Block[] = [
    {
      kind: 'fields',
      id: 'custpage_grp_actions_help',
      label: 'Actions',
      fields: [
        {
          id: 'custpage_actions_help',
          label: 'How',
          value:
            'Choose an action (and, for a dry run, a waiting feed: list them on the Feeds tab first), then "Run the action chosen on the Actions tab"; ' +
            'the same actions sit beside what they act on: Run now on the Overview, Dry run in each waiting feed\u2019s row. ' +
            'The import and the id export run on their on-demand deployments, as HotWax starts them. ' +
            'HC_MR_ImportCustomer has no action: only HC_SC_ImportCustomer starts it, when it hands over a backlog ' +
            '(run the import now and it decides). A dry run ' +
            'checks one feed and writes customer/export/dry_run/&lt;feed&gt;-dry-run.csv, nothing else. The SFTP ' +
            'test connects with the HC SFTP Configuration record, as the scripts do.',
          html: true,
        },
      ],
    },
  ];
  if (details)
    blocks.push({
      kind: 'table',
      id: 'custpage_action_details',
      label: message ? `Result: ${message.title}` : 'Result',
      columns: [
        { id: 'what', label: 'Check' },
        { id: 'result', label: 'Result' },
        { id: 'detail', label: 'Detail' },
      ],
      rows: details.map((r) => r.map(esc)),
      empty: '',
    });
  return { id: 'custpage_tab_actions', label: 'Actions', blocks };
}

// ------------------------------------------------------------------------------------- page

export interface ViewRequest {
  code: string;
  /** The page of the report shown (1 when absent). */
  page?: number;
  listFeeds: boolean;
  report: { folder: ReportFolder; name: string } | null;
}

export interface ViewDeps {
  sources: StatusSources;
  env: PageEnv;
  /** SFTP reads, made only when the request asks for them. */
  listWaiting(): RemoteFileInfo[];
  readReport(folder: string, name: string): string;
  parseCsv(text: string): string[][];
  csrf: string;
}

/**
 * The download's Content-Disposition (RFC 6266): an ASCII fallback name in a quoted-string with
 * only safe characters, and the exact name as RFC 8187 filename* (percent-encoded UTF-8), so no
 * quote, CR, LF or other request text reaches the header raw.
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9._() -]/g, '_');
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/** A report name from the request: a plain file name in one of the report folders, or null. */
export function reportRequest(name: string, folder: string): { folder: ReportFolder; name: string } | null {
  const f: ReportFolder = folder === 'dry_run' ? 'dry_run' : 'error';
  if (!/^[^/\\]+\.csv$/i.test(name) || name.startsWith('.')) return null;
  return { folder: f, name };
}

export function buildPage(
  deps: ViewDeps,
  view: ViewRequest,
  result: { message: MessageModel; details: string[][] | null } | null,
): PageModel {
  const { sources: src, env } = deps;
  const runsByScript = new Map<string, RunEntry[]>();
  const importRuns = src.runs(IMPORT_SCRIPT_IDS, IMPORT_RUNS);
  const deployments = src.deployments();
  const instances = instanceRuns(src.instances());
  // Every failed execution is a run: those NetSuite ended before the script could record them too.
  for (const s of SYNC_SCRIPTS)
    runsByScript.set(
      s.scriptId,
      withInstanceFailures(
        IMPORT_SCRIPT_IDS.includes(s.scriptId)
          ? importRuns.filter((r) => r.scriptId === s.scriptId)
          : src.runs([s.scriptId], 10),
        instances,
        s.scriptId,
      ),
    );
  let waiting: RemoteFileInfo[] | null = null;
  let waitingError: string | null = null;
  if (view.listFeeds) {
    try {
      waiting = deps.listWaiting();
    } catch (e) {
      waitingError = `Cannot list customer/export/: ${(e as Error)?.message ?? String(e)}`;
    }
  }
  let report: { folder: ReportFolder; name: string; rows: string[][]; header: string[] } | null = null;
  let reportError: string | null = null;
  if (view.report) {
    try {
      const rows = deps.parseCsv(deps.readReport(REPORT_FOLDERS[view.report.folder], view.report.name));
      report = { ...view.report, header: rows[0] ?? [], rows: rows.slice(1) };
    } catch (e) {
      reportError = `Cannot read ${REPORT_FOLDERS[view.report.folder]}/${view.report.name}: ${(e as Error)?.message ?? String(e)}`;
    }
  }
  return {
    title: 'HotWax Customer Sync',
    message: result?.message ?? null,
    health: healthRows(src, env, runsByScript, deployments),
    zoneNote: `Times are in ${env.zone ? `your NetSuite time zone, ${env.zone}` : 'your NetSuite time zone'} (Home > Set Preferences); file names carry UTC.`,
    tabs: [
      overviewTab(src, env, runsByScript, importRuns, deployments, instances),
      feedsTab(src, env, importRuns, waiting, waitingError),
      errorsTab(src, env, view.code, report, reportError, view.page ?? 1),
      exportsTab(src, env, runsByScript),
      settingsTab(src),
      actionsTab(result?.message ?? null, result?.details ?? null),
    ],
    actions: { feeds: (waiting ?? []).map((w) => w.name), csrf: deps.csrf },
  };
}

// ------------------------------------------------------------------------------------- actions

export interface ActionDeps {
  /** Submits a deployment; returns the task id. Throws what NetSuite throws. */
  submit(kind: 'scheduled' | 'mapreduce', scriptId: string, deploymentId: string): string;
  /** Dry run of one waiting feed: the import's own logic, on that feed only. */
  dryRun(feed: string): {
    checked: boolean;
    counts: Record<string, number>;
    report: string | null;
    note: string;
  };
  /** SFTP connection test: one row per check. */
  testSftp(): { ok: boolean; checks: { what: string; ok: boolean; detail: string }[] };
  describeError(e: unknown): { code: string; message: string };
}

export interface ActionResult {
  message: MessageModel;
  details: string[][] | null;
}

/** True when the posted token is the session's (compared without early exit). */
export function csrfMatches(expected: string, posted: string): boolean {
  if (!expected || !posted || expected.length !== posted.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ posted.charCodeAt(i);
  return diff === 0;
}

export function refusedForToken(): ActionResult {
  return {
    message: {
      kind: 'error',
      title: 'Refused',
      text: 'The request did not carry this page\u2019s security token (it may come from another site, or the page is old). Nothing was done. Open the page again and retry.',
    },
    details: null,
  };
}

export function runAction(deps: ActionDeps, action: string, params: { feed: string }): ActionResult {
  const fail = (title: string, e: unknown): ActionResult => {
    const { code, message } = deps.describeError(e);
    return { message: { kind: 'error', title, text: `${code}: ${message}` }, details: null };
  };
  if (action === ACTIONS.runImport || action === ACTIONS.runExport) {
    const which = action === ACTIONS.runImport ? ON_DEMAND.import : ON_DEMAND.export;
    const label = action === ACTIONS.runImport ? 'HC_SC_ImportCustomer' : 'HC_MR_ExportedCustomerCSV';
    try {
      const taskId = deps.submit(
        action === ACTIONS.runImport ? 'scheduled' : 'mapreduce',
        which.scriptId,
        which.deploymentId,
      );
      return {
        message: {
          kind: 'confirmation',
          title: `${label} queued`,
          text: `Submitted ${label} on deployment ${which.deploymentId} (task ${taskId}). It runs when a processor is free; its result appears on the Overview tab.`,
        },
        details: null,
      };
    } catch (e) {
      return fail(`${label} not queued`, e);
    }
  }
  if (action === ACTIONS.dryRun) {
    if (!params.feed)
      return {
        message: {
          kind: 'warning',
          title: 'Choose a feed',
          text: 'List the waiting feeds (Feeds tab), choose one in "Feed", then run the dry run.',
        },
        details: null,
      };
    try {
      const r = deps.dryRun(params.feed);
      const c = r.counts;
      return {
        message: {
          kind: r.checked ? 'confirmation' : 'warning',
          title: `Dry run of ${params.feed}`,
          text: `${r.note} Would create ${c.created ?? 0}, link ${c.linked ?? 0}, already linked ${c.alreadyLinked ?? 0}, errors ${c.errors ?? 0}.${r.report ? ` Verdicts: customer/export/dry_run/${r.report}.` : ''} No customer was written.`,
        },
        details: [
          ['Would create', String(c.created ?? 0), ''],
          ['Would link', String(c.linked ?? 0), ''],
          ['Already linked', String(c.alreadyLinked ?? 0), ''],
          ['Errors', String(c.errors ?? 0), r.report ? `customer/export/dry_run/${r.report}` : ''],
        ],
      };
    } catch (e) {
      return fail(`Dry run of ${params.feed} failed`, e);
    }
  }
  if (action === ACTIONS.testSftp) {
    try {
      const r = deps.testSftp();
      return {
        message: {
          kind: r.ok ? 'confirmation' : 'error',
          title: r.ok ? 'SFTP connection works' : 'SFTP connection has problems',
          text: r.ok
            ? `Host key accepted, logged in, every folder of the layout is there and writable (${r.checks.length} checks).`
            : `${r.checks.filter((c) => !c.ok).length} of ${r.checks.length} checks failed. ${r.checks
                .filter((c) => !c.ok)
                .slice(0, 3)
                .map((c) => `${c.what}: ${c.detail}`)
                .join(' ')}`,
        },
        details: r.checks.map((c) => [c.what, c.ok ? 'OK' : 'FAILED', c.detail]),
      };
    } catch (e) {
      return fail('SFTP test failed', e);
    }
  }
  return {
    message: {
      kind: 'warning',
      title: 'No action',
      text: action
        ? `Unknown action "${action}": nothing was done.`
        : 'Choose an action first: nothing was done.',
    },
    details: null,
  };
}
