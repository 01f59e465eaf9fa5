/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 */
define(['N/file', 'N/format', 'N/log', 'N/crypto/random', 'N/record', 'N/runtime', 'N/search', 'N/ui/serverWidget', 'N/sftp', 'N/task', 'N/url', './lib/HC_CustomerSyncLib'], (function (file, format, log, random, record, runtime, search, serverWidget, sftp, task, url, HC_CustomerSyncLib) { 'use strict';

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
    function onRequest(context) {
        var _a, _b, _c, _d, _e, _f, _g;
        const { request, response } = context;
        const user = runtime.getCurrentUser();
        if (user.role !== ADMINISTRATOR_ROLE && user.roleId !== 'administrator') {
            log.audit({ title: 'HC_SL_CustomerSync refused', details: `user ${user.id} with role ${user.roleId}` });
            const form = serverWidget.createForm({ title: 'HotWax Customer Sync' });
            form.addField({
                id: 'custpage_denied',
                type: serverWidget.FieldType.INLINEHTML,
                label: 'Denied',
            }).defaultValue =
                '<p>Only an administrator can use the HotWax Customer Sync page. Nothing was shown or done.</p>';
            response.writePage(form);
            return;
        }
        const script = runtime.getCurrentScript();
        const session = runtime.getCurrentSession();
        let csrf = session.get({ name: CSRF_KEY });
        if (!csrf) {
            csrf = random.generateUUID();
            session.set({ name: CSRF_KEY, value: csrf });
        }
        const p = ((_a = request.parameters) !== null && _a !== void 0 ? _a : {});
        const self = (params) => url.resolveScript({ scriptId: script.id, deploymentId: script.deploymentId, params });
        let client = null;
        const sftpClient = () => (client !== null && client !== void 0 ? client : (client = HC_CustomerSyncLib.connectWithScriptParams({ search, sftp, file }, script, PARAMS)));
        const parseCsv = (text) => HC_CustomerSyncLib.parseCsvRecords(text).records.map((r) => r.fields);
        const report = HC_CustomerSyncLib.reportRequest((_b = p[HC_CustomerSyncLib.PARAM.report]) !== null && _b !== void 0 ? _b : '', (_c = p.custpage_folder) !== null && _c !== void 0 ? _c : '');
        if (request.method === 'GET' && report && p[HC_CustomerSyncLib.PARAM.download] === 'T') {
            const text = sftpClient().download(HC_CustomerSyncLib.REPORT_FOLDERS[report.folder], report.name);
            response.setHeader({ name: 'Content-Type', value: 'text/csv; charset=utf-8' });
            response.setHeader({ name: 'Content-Disposition', value: `attachment; filename="${report.name}"` });
            response.write({ output: text });
            return;
        }
        let result = null;
        if (request.method === 'POST') {
            const action = (_d = p[HC_CustomerSyncLib.PARAM.action]) !== null && _d !== void 0 ? _d : '';
            if (!HC_CustomerSyncLib.csrfMatches(csrf, (_e = p[HC_CustomerSyncLib.PARAM.csrf]) !== null && _e !== void 0 ? _e : '')) {
                log.audit({
                    title: 'HC_SL_CustomerSync: POST refused (CSRF token)',
                    details: `action ${action}, user ${user.id}`,
                });
                result = HC_CustomerSyncLib.refusedForToken();
            }
            else {
                result = HC_CustomerSyncLib.runAction({
                    submit: (kind, scriptId, deploymentId) => kind === 'scheduled'
                        ? task.create({ taskType: task.TaskType.SCHEDULED_SCRIPT, scriptId, deploymentId }).submit()
                        : task.create({ taskType: task.TaskType.MAP_REDUCE, scriptId, deploymentId }).submit(),
                    dryRun: (feed) => HC_CustomerSyncLib.dryRunOneFeed({ search, record, runtime, script }, sftpClient(), feed, PAGE_RESERVE),
                    testSftp: () => HC_CustomerSyncLib.testSftpConnection({ sftp, file }, () => HC_CustomerSyncLib.loadSftpSettings(search, {
                        record: PARAMS.sftpConfig,
                        recordValue: HC_CustomerSyncLib.textParam(script, PARAMS.sftpConfig),
                        directory: PARAMS.sftpDirectory,
                        directoryValue: HC_CustomerSyncLib.textParam(script, PARAMS.sftpDirectory),
                    })),
                    describeError: HC_CustomerSyncLib.describeError,
                }, action, { feed: (_f = p[HC_CustomerSyncLib.PARAM.feed]) !== null && _f !== void 0 ? _f : '' });
                log.audit({
                    title: `HC_SL_CustomerSync action ${action}`,
                    details: `${result.message.title}: ${result.message.text}`,
                });
            }
        }
        const model = HC_CustomerSyncLib.buildPage({
            sources: new HC_CustomerSyncLib.NetSuiteStatusSources({ search, format }),
            env: {
                now: Date.now(),
                time: (ms) => format.format({ value: new Date(ms), type: format.Type.DATETIME }),
                pageUrl: self,
                customerUrl: (id) => url.resolveRecord({ recordType: record.Type.CUSTOMER, recordId: id }),
            },
            listWaiting: () => HC_CustomerSyncLib.listWaitingFeeds(sftpClient()),
            readReport: (folder, name) => sftpClient().download(folder, name),
            parseCsv,
            csrf,
        }, { code: (_g = p[HC_CustomerSyncLib.PARAM.code]) !== null && _g !== void 0 ? _g : '', listFeeds: p[HC_CustomerSyncLib.PARAM.listFeeds] === 'T', report }, result);
        const used = SUITELET_UNITS - script.getRemainingUsage();
        response.writePage(HC_CustomerSyncLib.renderStatusForm(serverWidget, model, `Account time ${format.format({ value: new Date(), type: format.Type.DATETIME })}. This request used ${used} of ${SUITELET_UNITS} units. SFTP: ${HC_CustomerSyncLib.SFTP_FOLDERS.customerFeed}/ under the HC SFTP Configuration record's directory.`));
    }


  return { onRequest: onRequest };

}));
