/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 */
define(['N/config', 'N/file', 'N/format', 'N/log', 'N/crypto/random', 'N/record', 'N/runtime', 'N/search', 'N/ui/serverWidget', 'N/sftp', 'N/task', 'N/url', './lib/HC_CustomerSyncLib', './lib/HC_CustomerSyncStatusLib'], (function (config, file, format, log, random, record, runtime, search, serverWidget, sftp, task, url, HC_CustomerSyncLib, HC_CustomerSyncStatusLib) { 'use strict';

    /** Script parameters, declared in src/Objects/customscript_hc_sl_customer_sync.xml. */
    const PARAMS = {
        sftpConfig: 'custscript_hc_sl_sftp_config',
        sftpDirectory: 'custscript_hc_sl_sftp_directory',
    };
    /** Suitelets have 1,000 units per request; the page itself needs about 150 after an action. */
    const SUITELET_UNITS = 1000;
    const PAGE_RESERVE = 200;
    const ADMINISTRATOR_ROLE = 3;
    const CSRF_KEY = 'hc_customer_sync_csrf';
    function refuse(user, response) {
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
    function sessionToken() {
        const session = runtime.getCurrentSession();
        let csrf = session.get({ name: CSRF_KEY });
        if (!csrf) {
            csrf = random.generateUUID();
            session.set({ name: CSRF_KEY, value: csrf });
        }
        return csrf;
    }
    /** A POST's action: a section's Run now button or a feed row's Dry run button, else the action chosen in the list. */
    function postedAction(p, csrf, user, script, sftpClient) {
        const rowFeed = p[HC_CustomerSyncStatusLib.PARAM.dryRunFeed] ?? '';
        const action = p[HC_CustomerSyncStatusLib.PARAM.run] || (rowFeed ? 'dry_run' : (p[HC_CustomerSyncStatusLib.PARAM.action] ?? ''));
        if (!HC_CustomerSyncStatusLib.csrfMatches(csrf, p[HC_CustomerSyncStatusLib.PARAM.csrf] ?? '')) {
            log.audit({
                title: 'HC_SL_CustomerSync: POST refused (CSRF token)',
                details: `action ${action}, user ${user.id}`,
            });
            return HC_CustomerSyncStatusLib.refusedForToken();
        }
        const result = HC_CustomerSyncStatusLib.runAction({
            submit: (kind, scriptId, deploymentId) => kind === 'scheduled'
                ? task.create({ taskType: task.TaskType.SCHEDULED_SCRIPT, scriptId, deploymentId }).submit()
                : task.create({ taskType: task.TaskType.MAP_REDUCE, scriptId, deploymentId }).submit(),
            dryRun: (feed) => HC_CustomerSyncStatusLib.dryRunOneFeed({ search, record, runtime, script, config }, sftpClient(), feed, PAGE_RESERVE),
            testSftp: () => HC_CustomerSyncStatusLib.testSftpConnection({ sftp, file }, () => HC_CustomerSyncLib.loadSftpSettings(search, {
                record: PARAMS.sftpConfig,
                recordValue: HC_CustomerSyncLib.textParam(script, PARAMS.sftpConfig),
                directory: PARAMS.sftpDirectory,
                directoryValue: HC_CustomerSyncLib.textParam(script, PARAMS.sftpDirectory),
            })),
            describeError: HC_CustomerSyncLib.describeError,
        }, action, { feed: rowFeed || (p[HC_CustomerSyncStatusLib.PARAM.feed] ?? '') });
        log.audit({
            title: `HC_SL_CustomerSync action ${action}`,
            details: `${result.message.title}: ${result.message.text}`,
        });
        return result;
    }
    function onRequest(context) {
        const { request, response } = context;
        const user = runtime.getCurrentUser();
        if (user.role !== ADMINISTRATOR_ROLE && user.roleId !== 'administrator') {
            refuse(user, response);
            return;
        }
        const script = runtime.getCurrentScript();
        const csrf = sessionToken();
        const p = (request.parameters ?? {});
        let client = null;
        const sftpClient = () => (client ??= HC_CustomerSyncLib.connectWithScriptParams({ search, sftp, file }, script, PARAMS));
        const report = HC_CustomerSyncStatusLib.reportRequest(p[HC_CustomerSyncStatusLib.PARAM.report] ?? '', p.custpage_folder ?? '');
        if (request.method === 'GET' && report && p[HC_CustomerSyncStatusLib.PARAM.download] === 'T') {
            const text = sftpClient().download(HC_CustomerSyncStatusLib.REPORT_FOLDERS[report.folder], report.name);
            response.setHeader({ name: 'Content-Type', value: 'text/csv; charset=utf-8' });
            response.setHeader({ name: 'Content-Disposition', value: HC_CustomerSyncStatusLib.contentDisposition(report.name) });
            response.write({ output: text });
            return;
        }
        const result = request.method === 'POST' ? postedAction(p, csrf, user, script, sftpClient) : null;
        writeStatusPage(response, { user, script, csrf, p, report, result, sftpClient });
    }
    /** The page itself: what it says (buildPage), drawn with N/ui/serverWidget. */
    function writeStatusPage(response, c) {
        const { user, script, p } = c;
        const model = HC_CustomerSyncStatusLib.buildPage({
            sources: new HC_CustomerSyncStatusLib.NetSuiteStatusSources({ search, format, config }),
            env: {
                now: Date.now(),
                time: (ms) => format.format({ value: new Date(ms), type: format.Type.DATETIME }),
                pageUrl: (params) => url.resolveScript({ scriptId: script.id, deploymentId: script.deploymentId, params }),
                customerUrl: (id) => url.resolveRecord({ recordType: record.Type.CUSTOMER, recordId: id }),
                zone: String(user.getPreference({ name: 'TIMEZONE' }) ?? ''),
            },
            listWaiting: () => HC_CustomerSyncStatusLib.listWaitingFeeds(c.sftpClient()),
            readReport: (folder, name) => c.sftpClient().download(folder, name),
            parseCsv: (text) => HC_CustomerSyncLib.parseCsvRecords(text).records.map((r) => r.fields),
            csrf: c.csrf,
        }, {
            code: p[HC_CustomerSyncStatusLib.PARAM.code] ?? '',
            listFeeds: p[HC_CustomerSyncStatusLib.PARAM.listFeeds] === 'T',
            report: c.report,
            page: Number(p[HC_CustomerSyncStatusLib.PARAM.page]) || 1,
        }, c.result);
        const used = SUITELET_UNITS - script.getRemainingUsage();
        response.writePage(HC_CustomerSyncStatusLib.renderStatusForm(serverWidget, model, `Now ${format.format({ value: new Date(), type: format.Type.DATETIME })} (${String(user.getPreference({ name: 'TIMEZONE' }) ?? 'your time zone')}). This request used ${used} of ${SUITELET_UNITS} units. SFTP: ${HC_CustomerSyncLib.SFTP_FOLDERS.customerFeed}/ under the HC SFTP Configuration record's directory.`));
    }


  return { onRequest: onRequest };

}));
