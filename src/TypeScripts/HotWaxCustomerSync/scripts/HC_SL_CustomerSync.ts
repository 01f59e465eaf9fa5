/**
 * HC_SL_CustomerSync (Suitelet customscript_hc_sl_customer_sync, deployment
 * customdeploy_hc_sl_customer_sync, audience: administrators). The customer sync's status and
 * control page: Overview, Feeds, Errors, Id export and historical export, Actions. Every action is
 * a POST carrying the session's CSRF token. Logic: sync/statusPage/; adapters: adapters/statusSources.ts,
 * adapters/sftpTest.ts; drawing: adapters/statusForm.ts; all ship in lib/HC_CustomerSyncStatusLib.js.
 *
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 */
import type { EntryPoints } from 'N/types';
import * as config from 'N/config';
import * as file from 'N/file';
import * as format from 'N/format';
import * as log from 'N/log';
import * as random from 'N/crypto/random';
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import * as serverWidget from 'N/ui/serverWidget';
import * as sftp from 'N/sftp';
import * as task from 'N/task';
import * as url from 'N/url';
import {
  SFTP_FOLDERS,
  connectWithScriptParams,
  describeError,
  loadSftpSettings,
  parseCsvRecords,
  textParam,
} from '../lib/HC_CustomerSyncLib';
import {
  NetSuiteStatusSources,
  PARAM,
  REPORT_FOLDERS,
  buildPage,
  contentDisposition,
  csrfMatches,
  dryRunOneFeed,
  listWaitingFeeds,
  refusedForToken,
  renderStatusForm,
  reportRequest,
  runAction,
  testSftpConnection,
} from '../lib/HC_CustomerSyncStatusLib';
import type { SftpFolderClient } from '../lib/HC_CustomerSyncLib';

/** Script parameters, declared in src/Objects/customscript_hc_sl_customer_sync.xml. */
const PARAMS = {
  sftpConfig: 'custscript_hc_sl_sftp_config',
  sftpDirectory: 'custscript_hc_sl_sftp_directory',
} as const;

/** Suitelets have 1,000 units per request; the page itself needs about 150 after an action. */
const SUITELET_UNITS = 1000;
const PAGE_RESERVE = 200;
const ADMINISTRATOR_ROLE = 3;
const CSRF_KEY = 'hc_customer_sync_csrf';

type Response = EntryPoints.Suitelet.onRequestContext['response'];
type User = ReturnType<typeof runtime.getCurrentUser>;
type Script = ReturnType<typeof runtime.getCurrentScript>;

function refuse(user: User, response: Response): void {
  log.audit({ title: 'HC_SL_CustomerSync refused', details: `user ${user.id} with role ${user.roleId}` });
  const form = serverWidget.createForm({ title: 'HotWax Customer Sync' });
  form.addField({
    id: 'custpage_denied',
    type: serverWidget.FieldType.INLINEHTML,
    label: 'Denied',
  }).defaultValue =
    '<p>Only an administrator can use the HotWax Customer Sync page. Nothing was shown or done.</p>';
  response.writePage(form);
}

/** The session's CSRF token, made on its first page. */
function sessionToken(): string {
  const session = runtime.getCurrentSession();
  let csrf = session.get({ name: CSRF_KEY });
  if (!csrf) {
    csrf = random.generateUUID();
    session.set({ name: CSRF_KEY, value: csrf });
  }
  return csrf;
}

/** A POST's action: a section's Run now button or a feed row's Dry run button, else the action chosen in the list. */
function postedAction(
  p: Record<string, string | undefined>,
  csrf: string,
  user: User,
  script: Script,
  sftpClient: () => SftpFolderClient,
): ReturnType<typeof runAction> {
  const rowFeed = p[PARAM.dryRunFeed] ?? '';
  const action = p[PARAM.run] || (rowFeed ? 'dry_run' : (p[PARAM.action] ?? ''));
  if (!csrfMatches(csrf, p[PARAM.csrf] ?? '')) {
    log.audit({
      title: 'HC_SL_CustomerSync: POST refused (CSRF token)',
      details: `action ${action}, user ${user.id}`,
    });
    return refusedForToken();
  }
  const result = runAction(
    {
      submit: (kind, scriptId, deploymentId) =>
        kind === 'scheduled'
          ? task.create({ taskType: task.TaskType.SCHEDULED_SCRIPT, scriptId, deploymentId }).submit()
          : task.create({ taskType: task.TaskType.MAP_REDUCE, scriptId, deploymentId }).submit(),
      dryRun: (feed) =>
        dryRunOneFeed({ search, record, runtime, script, config }, sftpClient(), feed, PAGE_RESERVE),
      testSftp: () =>
        testSftpConnection({ sftp, file }, () =>
          loadSftpSettings(search, {
            record: PARAMS.sftpConfig,
            recordValue: textParam(script, PARAMS.sftpConfig),
            directory: PARAMS.sftpDirectory,
            directoryValue: textParam(script, PARAMS.sftpDirectory),
          }),
        ),
      describeError,
    },
    action,
    { feed: rowFeed || (p[PARAM.feed] ?? '') },
  );
  log.audit({
    title: `HC_SL_CustomerSync action ${action}`,
    details: `${result.message.title}: ${result.message.text}`,
  });
  return result;
}

export function onRequest(context: EntryPoints.Suitelet.onRequestContext): void {
  const { request, response } = context;
  const user = runtime.getCurrentUser();
  if (user.role !== ADMINISTRATOR_ROLE && user.roleId !== 'administrator') {
    refuse(user, response);
    return;
  }
  const script = runtime.getCurrentScript();
  const csrf = sessionToken();
  const p = (request.parameters ?? {}) as Record<string, string | undefined>;
  let client: SftpFolderClient | null = null;
  const sftpClient = () => (client ??= connectWithScriptParams({ search, sftp, file }, script, PARAMS));

  const report = reportRequest(p[PARAM.report] ?? '', p.custpage_folder ?? '');
  if (request.method === 'GET' && report && p[PARAM.download] === 'T') {
    const text = sftpClient().download(REPORT_FOLDERS[report.folder], report.name);
    response.setHeader({ name: 'Content-Type', value: 'text/csv; charset=utf-8' });
    response.setHeader({ name: 'Content-Disposition', value: contentDisposition(report.name) });
    response.write({ output: text });
    return;
  }
  const result = request.method === 'POST' ? postedAction(p, csrf, user, script, sftpClient) : null;
  writeStatusPage(response, { user, script, csrf, p, report, result, sftpClient });
}

/** The page itself: what it says (buildPage), drawn with N/ui/serverWidget. */
function writeStatusPage(
  response: Response,
  c: {
    user: User;
    script: Script;
    csrf: string;
    p: Record<string, string | undefined>;
    report: ReturnType<typeof reportRequest>;
    result: ReturnType<typeof runAction> | null;
    sftpClient: () => SftpFolderClient;
  },
): void {
  const { user, script, p } = c;
  const model = buildPage(
    {
      sources: new NetSuiteStatusSources({ search, format, config }),
      env: {
        now: Date.now(),
        time: (ms) => format.format({ value: new Date(ms), type: format.Type.DATETIME }),
        pageUrl: (params) =>
          url.resolveScript({ scriptId: script.id, deploymentId: script.deploymentId, params }),
        customerUrl: (id) => url.resolveRecord({ recordType: record.Type.CUSTOMER, recordId: id }),
        zone: String(user.getPreference({ name: 'TIMEZONE' }) ?? ''),
      },
      listWaiting: () => listWaitingFeeds(c.sftpClient()),
      readReport: (folder, name) => c.sftpClient().download(folder, name),
      parseCsv: (text) => parseCsvRecords(text).records.map((r) => r.fields),
      csrf: c.csrf,
    },
    {
      code: p[PARAM.code] ?? '',
      listFeeds: p[PARAM.listFeeds] === 'T',
      report: c.report,
      page: Number(p[PARAM.page]) || 1,
    },
    c.result,
  );
  const used = SUITELET_UNITS - script.getRemainingUsage();
  response.writePage(
    renderStatusForm(
      serverWidget,
      model,
      `Now ${format.format({ value: new Date(), type: format.Type.DATETIME })} (${String(user.getPreference({ name: 'TIMEZONE' }) ?? 'your time zone')}). This request used ${used} of ${SUITELET_UNITS} units. SFTP: ${SFTP_FOLDERS.customerFeed}/ under the HC SFTP Configuration record's directory.`,
    ),
  );
}
