/**
 * Suitelets in the emulator: N/http request and response, N/ui/serverWidget rendering, N/url,
 * N/redirect, the 1,000-unit limit, the deployment audience, sessions, and the HTTP server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Account, SuiteletServer, runSuitelet, setSuiteletAudience } from '../../src';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-suitelet-'));
const write = (name: string, body: string) => {
  fs.mkdirSync(path.join(root, 'SuiteScripts'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'SuiteScripts', name),
    `/**\n * @NApiVersion 2.1\n * @NScriptType Suitelet\n */\n${body}`,
  );
  return `/SuiteScripts/${name}`;
};

function account(file: string): Account {
  const a = new Account({ fileCabinetRoot: root, sdfProjectDir: root, loadSdf: false });
  a.registerScript({
    scriptId: 'customscript_sl_test',
    kind: 'SUITELET',
    scriptFile: file,
    deployments: [{ deploymentId: 'customdeploy_sl_test', status: 'RELEASED' }],
  });
  return a;
}

const get = (parameters: Record<string, string> = {}, method = 'GET') => ({
  method,
  url: '/app/site/hosting/scriptlet.nl?script=customscript_sl_test&deploy=customdeploy_sl_test',
  headers: { 'x-test': 'yes' },
  body: method === 'POST' ? 'a=1' : '',
  parameters,
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test('request and response as N/http documents them; the execution context is SUITELET', () => {
  const file = write(
    'echo.js',
    `define(['N/runtime'], function (runtime) {
      return { onRequest: function (ctx) {
        ctx.response.setHeader({ name: 'Content-Type', value: 'application/json' });
        ctx.response.write({ output: JSON.stringify({
          method: ctx.request.method, p: ctx.request.parameters.x, h: ctx.request.headers['x-test'],
          body: ctx.request.body, url: ctx.request.url, context: runtime.executionContext,
          role: runtime.getCurrentUser().role, roleId: runtime.getCurrentUser().roleId,
          left: runtime.getCurrentScript().getRemainingUsage() }) });
      } };
    });`,
  );
  const r = runSuitelet(account(file), {
    scriptId: 'customscript_sl_test',
    request: get({ x: '42' }, 'POST'),
    host: 'h:1',
  });
  expect(r.status).toBe('COMPLETE');
  expect(r.headers['content-type']).toEqual(['application/json']);
  expect(JSON.parse(r.body)).toEqual({
    method: 'POST',
    p: '42',
    h: 'yes',
    body: 'a=1',
    url: 'http://h:1/app/site/hosting/scriptlet.nl?script=customscript_sl_test&deploy=customdeploy_sl_test',
    context: 'SUITELET',
    role: 3,
    roleId: 'administrator',
    left: 1000,
  });
});

test('a form renders without JavaScript: fields by type, groups, tabs, sublists, the submit button', () => {
  const file = write(
    'form.js',
    `define(['N/ui/serverWidget', 'N/url'], function (ui, url) {
      return { onRequest: function (ctx) {
        var f = ui.createForm({ title: 'Test <Form>' });
        f.addFieldGroup({ id: 'custpage_g', label: 'Group' });
        var t = f.addField({ id: 'custpage_t', type: ui.FieldType.TEXT, label: 'Text', container: 'custpage_g' });
        t.defaultValue = '<b>not bold</b>';
        var i = f.addField({ id: 'custpage_i', type: ui.FieldType.TEXT, label: 'Inline', container: 'custpage_g' });
        i.updateDisplayType({ displayType: ui.FieldDisplayType.INLINE }); i.defaultValue = 'shown';
        var s = f.addField({ id: 'custpage_s', type: ui.FieldType.SELECT, label: 'Choice' });
        s.addSelectOption({ value: 'a', text: 'A' }); s.addSelectOption({ value: 'b', text: 'B', isSelected: true });
        f.addField({ id: 'custpage_c', type: ui.FieldType.CHECKBOX, label: 'Check' }).defaultValue = 'T';
        f.addField({ id: 'custpage_h', type: ui.FieldType.TEXT, label: 'H' })
          .updateDisplayType({ displayType: ui.FieldDisplayType.HIDDEN }).defaultValue = 'secret-ish';
        f.addTab({ id: 'custpage_tab', label: 'Tab One' });
        var l = f.addSublist({ id: 'custpage_list', type: ui.SublistType.LIST, label: 'List', tab: 'custpage_tab' });
        l.addField({ id: 'custpage_col', type: ui.FieldType.TEXT, label: 'Col' });
        l.setSublistValue({ id: 'custpage_col', line: 0, value: '<a href="' + url.resolveRecord({ recordType: 'customer', recordId: 7 }) + '">c</a>' });
        var e = f.addSublist({ id: 'custpage_ed', type: ui.SublistType.INLINEEDITOR, label: 'Editor', tab: 'custpage_tab' });
        e.addField({ id: 'custpage_q', type: ui.FieldType.INTEGER, label: 'Qty' });
        f.addTab({ id: 'custpage_tab2', label: 'Tab Two' });
        f.addField({ id: 'custpage_t2', type: ui.FieldType.TEXT, label: 'T2', container: 'custpage_tab2' });
        f.addField({ id: 'custpage_html', type: ui.FieldType.INLINEHTML, label: 'x' }).defaultValue = '<p id="raw">raw</p>';
        f.addSubmitButton({ label: 'Go' });
        if (ctx.request.method === 'POST') f.getField({ id: 'custpage_i' }).defaultValue = 'lines ' + ctx.request.getLineCount({ group: 'custpage_ed' }) + ' q0 ' + ctx.request.getSublistValue({ group: 'custpage_ed', name: 'custpage_q', line: 0 });
        ctx.response.writePage(f);
      } };
    });`,
  );
  const a = account(file);
  const r = runSuitelet(a, { scriptId: 'customscript_sl_test', request: get() });
  expect(r.status).toBe('COMPLETE');
  const html = r.body;
  expect(html).toContain('<h1 class="ns-title">Test &lt;Form&gt;</h1>');
  expect(html).toContain(
    '<form method="POST" action="/app/site/hosting/scriptlet.nl?script=customscript_sl_test&amp;deploy=customdeploy_sl_test"',
  );
  expect(html).toContain('value="&lt;b&gt;not bold&lt;/b&gt;"');
  expect(html).toContain('<span class="ns-value" data-field="custpage_i">shown</span>');
  expect(html).toContain('<option value="b" selected>B</option>');
  expect(html).toContain('<input type="checkbox" name="custpage_c" id="custpage_c" value="T" checked>');
  expect(html).toContain('<input type="hidden" name="custpage_h" value="secret-ish">');
  // One tab at a time, the active one marked; the tab bar's links choose one with selectedtab (no JavaScript).
  const base = '/app/site/hosting/scriptlet.nl?script=customscript_sl_test&amp;deploy=customdeploy_sl_test';
  expect(html).toContain(
    `<a href="${base}&amp;selectedtab=custpage_tab" data-tab="custpage_tab" class="ns-tab-active" aria-current="page">Tab One</a>`,
  );
  expect(html).toContain(
    `<a href="${base}&amp;selectedtab=custpage_tab2" data-tab="custpage_tab2">Tab Two</a>`,
  );
  expect(html).toContain('<section class="ns-tab" id="custpage_tab">');
  expect(html).toContain('<section class="ns-tab" id="custpage_tab2" hidden>');
  const second = runSuitelet(a, {
    scriptId: 'customscript_sl_test',
    request: { ...get(), url: `${get().url}&selectedtab=CUSTPAGE_TAB2` },
  }).body;
  expect(second).toContain('<section class="ns-tab" id="custpage_tab" hidden>');
  expect(second).toContain('<section class="ns-tab" id="custpage_tab2">');
  expect(second).toContain('aria-current="page">Tab Two</a>');
  expect(html).toContain('<td><a href="/app/common/entity/custjob.nl?id=7">c</a></td>');
  expect(html).toContain('name="custpage_ed_custpage_q_0"');
  expect(html).toContain('<p id="raw">raw</p>');
  expect(html).toContain(
    '<button type="submit" class="ns-btn ns-btn-primary" name="submitter" value="Go">Go</button>',
  );
  expect(html).not.toMatch(/<script/i);
  const posted = runSuitelet(a, {
    scriptId: 'customscript_sl_test',
    request: get({ custpage_ed_lines: '1', custpage_ed_custpage_q_0: '5' }, 'POST'),
  });
  expect(posted.body).toContain('lines 1 q0 5');
});

test('serverWidget refuses what NetSuite refuses: ids without custpage, empty sublist values', () => {
  const file = write(
    'bad.js',
    `define(['N/ui/serverWidget'], function (ui) {
      return { onRequest: function (ctx) {
        var f = ui.createForm({ title: 'x' });
        if (ctx.request.parameters.k === 'id') f.addField({ id: 'myfield', type: ui.FieldType.TEXT, label: 'x' });
        var l = f.addSublist({ id: 'custpage_l', type: ui.SublistType.LIST, label: 'l' });
        l.addField({ id: 'custpage_c', type: ui.FieldType.TEXT, label: 'c' });
        l.setSublistValue({ id: 'custpage_c', line: 0, value: '' });
      } };
    });`,
  );
  const a = account(file);
  const id = runSuitelet(a, { scriptId: 'customscript_sl_test', request: get({ k: 'id' }) });
  expect(id.httpStatus).toBe(500);
  expect(id.error?.name).toBe('SSS_INVALID_UI_OBJECT_ID');
  const empty = runSuitelet(a, { scriptId: 'customscript_sl_test', request: get() });
  expect(empty.error?.name).toBe('INVALID_FLD_VALUE');
});

test('1,000 units per request; the audience refuses other roles before the script runs; redirects', () => {
  const file = write(
    'heavy.js',
    `define(['N/record', 'N/redirect'], function (record, redirect) {
      return { onRequest: function (ctx) {
        if (ctx.request.parameters.go) { redirect.toSuitelet({ scriptId: 'customscript_sl_test', deploymentId: 'customdeploy_sl_test', parameters: { done: 'T' } }); return; }
        for (var i = 0; i < 201; i++) record.create({ type: 'customer' });
      } };
    });`,
  );
  const a = account(file);
  const heavy = runSuitelet(a, { scriptId: 'customscript_sl_test', request: get() });
  expect(heavy.error?.name).toBe('SSS_USAGE_LIMIT_EXCEEDED');
  expect(heavy.usage.total).toBe(1000);
  const moved = runSuitelet(a, { scriptId: 'customscript_sl_test', request: get({ go: '1' }) });
  expect(moved.httpStatus).toBe(302);
  expect(moved.redirect).toBe(
    '/app/site/hosting/scriptlet.nl?script=customscript_sl_test&deploy=customdeploy_sl_test&done=T',
  );
  setSuiteletAudience(a, 'customscript_sl_test', 'customdeploy_sl_test', {
    allRoles: false,
    roles: ['administrator'],
  });
  const clerk = runSuitelet(a, {
    scriptId: 'customscript_sl_test',
    request: get(),
    user: { role: 1001, roleId: 'customrole_clerk' },
  });
  expect(clerk.httpStatus).toBe(403);
  expect(clerk.status).toBe('REFUSED');
  expect(clerk.usage.total).toBe(0);
});

test('the HTTP server keeps a session per browser (runtime.getCurrentSession) and serves the page', async () => {
  const file = write(
    'session.js',
    `define(['N/runtime'], function (runtime) {
      return { onRequest: function (ctx) {
        var s = runtime.getCurrentSession();
        var n = Number(s.get({ name: 'n' }) || 0) + 1;
        s.set({ name: 'n', value: String(n) });
        ctx.response.write({ output: 'visit ' + n });
      } };
    });`,
  );
  const a = account(file);
  const server = new SuiteletServer(a, { port: 0 });
  await server.start();
  try {
    const url = server.suiteletUrl('customscript_sl_test', 'customdeploy_sl_test');
    const first = await fetch(url);
    expect(await first.text()).toBe('visit 1');
    const cookie = first.headers.get('set-cookie')!.split(';')[0];
    expect(await (await fetch(url, { headers: { cookie } })).text()).toBe('visit 2');
    expect(await (await fetch(url)).text()).toBe('visit 1'); // another browser, another session
    const byInternalId = await fetch(
      `${server.url}/app/site/hosting/scriptlet.nl?script=${a.script('customscript_sl_test').internalId}&deploy=1`,
      { headers: { cookie } },
    );
    expect(await byInternalId.text()).toBe('visit 3');
  } finally {
    await server.stop();
  }
});
