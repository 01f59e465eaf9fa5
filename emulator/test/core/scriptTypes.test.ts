/**
 * N/cache, RESTlets, user event scripts on the records scripts save, and stacks without host paths.
 * Help pages: "N/cache Module", "Cache.get(options)", "Cache.put(options)"; "SuiteScript 2.x RESTlet
 * Script Type", "SuiteScript 2.x RESTlet Error Handling", "Creating a Content-Type Header"; "How User
 * Event Scripts are Executed", "beforeSubmit(context)".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Account, runRestlet, runScheduled } from '../../src';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-types-'));
const write = (name: string, type: string, body: string) => {
  fs.mkdirSync(path.join(root, 'SuiteScripts'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'SuiteScripts', name),
    `/**\n * @NApiVersion 2.1\n * @NScriptType ${type}\n */\n${body}`,
  );
  return `/SuiteScripts/${name}`;
};
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const account = () =>
  new Account({ fileCabinetRoot: root, sdfProjectDir: root, loadSdf: false, oneWorld: false });
const scheduled = (a: Account, id: string, file: string) =>
  a.registerScript({
    scriptId: id,
    kind: 'SCHEDULED',
    scriptFile: file,
    deployments: [{ deploymentId: 'customdeploy1' }],
  });
const details = (r: { logs: Array<{ title: string; details: string }> }, title: string) =>
  r.logs.find((l) => l.title === title)?.details;

test('N/cache: put, get with a loader (cached, JSON for objects), remove, scopes, 1 unit each, limits', () => {
  const a = account();
  const file = write(
    'cache.js',
    'ScheduledScript',
    `define(['N/cache'], (cache) => ({ execute() {
      const c = cache.getCache({ name: 'zip' });
      const calls = [];
      const loader = (ctx) => { calls.push(ctx.key); return { city: 'Austin' }; };
      const first = c.get({ key: '78701', loader });
      const second = c.get({ key: '78701', loader });
      c.put({ key: 'n', value: 5 });
      const n = c.get({ key: 'n' });
      c.remove({ key: 'n' });
      const gone = c.get({ key: 'n' });
      cache.getCache({ name: 'shared', scope: cache.Scope.PUBLIC }).put({ key: 'k', value: 'from-1' });
      let big; try { c.put({ key: 'x'.repeat(4097), value: 'v' }); } catch (e) { big = e.name; }
      let huge; try { c.put({ key: 'h', value: 'x'.repeat(500 * 1024 + 1) }); } catch (e) { huge = e.name; }
      log.audit('out', { first, second, calls, n, gone, big, huge, scope: c.scope });
    } }));`,
  );
  scheduled(a, 'customscript_cache1', file);
  const r = runScheduled(a, { scriptId: 'customscript_cache1' });
  expect(r.status).toBe('COMPLETE');
  expect(JSON.parse(details(r, 'out')!)).toEqual({
    first: '{"city":"Austin"}',
    second: '{"city":"Austin"}',
    calls: ['78701'],
    n: '5',
    gone: null,
    big: 'SSS_CACHE_KEY_TOO_LONG',
    huge: 'SSS_CACHE_VALUE_TOO_LARGE',
    scope: 'PRIVATE',
  });
  expect(r.usage.byApi['Cache.get']).toEqual({ calls: 4, units: 4 });
  expect(r.usage.byApi['Cache.put'].units).toBe(r.usage.byApi['Cache.put'].calls);
  // another script: the PUBLIC cache is shared, the PRIVATE one is not
  const other = write(
    'cache2.js',
    'ScheduledScript',
    `define(['N/cache'], (cache) => ({ execute() {
      log.audit('out', { pub: cache.getCache({ name: 'shared', scope: cache.Scope.PUBLIC }).get({ key: 'k' }),
        priv: cache.getCache({ name: 'zip' }).get({ key: '78701' }) });
    } }));`,
  );
  scheduled(a, 'customscript_cache2', other);
  const r2 = runScheduled(a, { scriptId: 'customscript_cache2' });
  expect(JSON.parse(details(r2, 'out')!)).toEqual({ pub: 'from-1', priv: null });
});

test('RESTlets: get / post / put / delete with their arguments, JSON and text, errors as HTTP 400, 5,000 units', () => {
  const a = account();
  const file = write(
    'rl.js',
    'Restlet',
    `define(['N/runtime', 'N/error'], (runtime, error) => ({
      get: (params) => ({ params, context: runtime.executionContext, left: runtime.getCurrentScript().getRemainingUsage() }),
      post: (body) => typeof body === 'string' ? 'text:' + body : { got: body.a },
      put: (body) => { throw error.create({ name: 'HC_BAD_INPUT', message: 'a is required' }); },
    }));`,
  );
  a.registerScript({
    scriptId: 'customscript_rl',
    kind: 'RESTLET',
    scriptFile: file,
    deployments: [{ deploymentId: 'customdeploy_rl', status: 'RELEASED' }],
  });
  const get = runRestlet(a, { scriptId: 'customscript_rl', method: 'GET', parameters: { id: '7' } });
  expect(get.httpStatus).toBe(200);
  expect(JSON.parse(get.body)).toEqual({ params: { id: '7' }, context: 'RESTLET', left: 5000 });
  const post = runRestlet(a, { scriptId: 'customscript_rl', method: 'POST', body: { a: 1 } });
  expect([post.httpStatus, post.contentType, JSON.parse(post.body)]).toEqual([
    200,
    'application/json',
    { got: 1 },
  ]);
  const text = runRestlet(a, {
    scriptId: 'customscript_rl',
    method: 'POST',
    body: 'hi',
    contentType: 'text/plain',
  });
  expect(text.body).toBe('text:hi');
  const put = runRestlet(a, { scriptId: 'customscript_rl', method: 'PUT', body: { b: 1 } });
  expect(put.httpStatus).toBe(400);
  expect(JSON.parse(put.body)).toEqual({ error: { code: 'HC_BAD_INPUT', message: 'a is required' } });
  expect(runRestlet(a, { scriptId: 'customscript_rl', method: 'DELETE' }).httpStatus).toBe(405);
  expect(runRestlet(a, { scriptId: 'customscript_rl', method: 'POST', body: 'x' }).httpStatus).toBe(415);
});

test("user events: a beforeSubmit that throws makes the caller's Record.save throw it, nothing saved; afterSubmit sees the saved record", () => {
  const a = account();
  const ue = write(
    'ue.js',
    'UserEventScript',
    `define(['N/error', 'N/record'], (error, record) => ({
      beforeSubmit(ctx) {
        if (ctx.newRecord.getValue('companyname') === 'Blocked') throw error.create({ name: 'MERCHANT_RULE', message: 'Blocked customers are not allowed' });
        ctx.newRecord.setValue('comments', 'checked ' + ctx.type);
      },
      afterSubmit(ctx) {
        // a save made by a user event triggers no user event (no endless loop)
        record.submitFields({ type: 'customer', id: ctx.newRecord.id, values: { phone: '5550001111' } });
      },
    }));`,
  );
  // deployed the way SDF deploys it: a usereventscript object with recordtype CUSTOMER
  fs.mkdirSync(path.join(root, 'Objects'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'Objects', 'customscript_merchant_ue.xml'),
    `<usereventscript scriptid="customscript_merchant_ue"><name>Merchant rule</name><scriptfile>[${ue}]</scriptfile>
      <scriptdeployments><scriptdeployment scriptid="customdeploy_merchant_ue"><recordtype>CUSTOMER</recordtype><status>RELEASED</status><isdeployed>T</isdeployed></scriptdeployment></scriptdeployments></usereventscript>`,
  );
  a.loadScriptsFromSdf(path.join(root, 'Objects'));
  expect(a.script('customscript_merchant_ue').kind).toBe('USEREVENT');
  const file = write(
    'saver.js',
    'ScheduledScript',
    `define(['N/record'], (record) => ({ execute() {
      const save = (name) => { const c = record.create({ type: 'customer' }); c.setValue('companyname', name); return c.save(); };
      const id = save('Fine Co');
      let err; try { save('Blocked'); } catch (e) { err = { name: e.name, message: e.message, stack: String(e.stack) }; }
      const c = record.load({ type: 'customer', id });
      log.audit('out', { comments: c.getValue('comments'), phone: c.getValue('phone'), err });
    } }));`,
  );
  scheduled(a, 'customscript_saver', file);
  const r = runScheduled(a, { scriptId: 'customscript_saver' });
  expect(r.status).toBe('COMPLETE');
  const out = JSON.parse(details(r, 'out')!);
  expect(out.comments).toBe('checked create');
  expect(out.phone).toBe('5550001111');
  expect(out.err).toMatchObject({ name: 'MERCHANT_RULE', message: 'Blocked customers are not allowed' });
  expect(a.records.findBy('customer', 'companyname', 'Blocked')).toEqual([]);
  // the stack names File Cabinet files only, never a host path
  expect(out.err.stack).toMatch(/\/SuiteScripts\/ue\.js/);
  expect(out.err.stack).not.toMatch(new RegExp(`${process.cwd()}|node_modules|node:|emulator/src`));
});

test('errors scripts see never show host paths: emulator errors and sandbox errors keep only script frames', () => {
  const a = account();
  const file = write(
    'stack.js',
    'ScheduledScript',
    `define(['N/record'], (record) => ({ execute() {
      let s1, s2;
      try { record.load({ type: 'nosuchtype', id: 1 }); } catch (e) { s1 = String(e.stack); }
      try { null.x; } catch (e) { s2 = String(e.stack); }
      log.audit('out', { s1, s2 });
    } }));`,
  );
  scheduled(a, 'customscript_stack', file);
  const out = JSON.parse(details(runScheduled(a, { scriptId: 'customscript_stack' }), 'out')!);
  for (const s of [out.s1, out.s2]) {
    expect(s).toMatch(/\/SuiteScripts\/stack\.js:\d+/);
    expect(s).not.toContain(process.cwd());
    expect(s).not.toMatch(/node:internal|node_modules/);
  }
});
