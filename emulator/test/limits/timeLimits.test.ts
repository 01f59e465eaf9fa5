/**
 * Time limits on the modeled clock (NetSuite help "Script Execution Time Limits", section_161591009480):
 * scheduled 3,600 s; map/reduce getInputData 3,600 s, map 300 s and reduce 900 s per function invocation,
 * summarize 3,600 s; Suitelet 300 s. Past its limit an execution ends with SSS_TIME_LIMIT_EXCEEDED, even
 * when the script catches the error. A slow latency model (100 s per Record.save) makes scripts exceed them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Account, runMapReduce, runScheduled, runSuitelet, TIME_LIMITS_SECONDS } from '../../src';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-timelimits-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (name: string, type: string, body: string) => {
  fs.mkdirSync(path.join(root, 'SuiteScripts'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'SuiteScripts', name),
    `/**\n * @NApiVersion 2.1\n * @NScriptType ${type}\n */\n${body}`,
  );
  return `/SuiteScripts/${name}`;
};

/** A helper every script below shares: n customer saves, each in its own try/catch (a careless script). */
const SAVES = `function saves(record, n, tag) {
  var done = 0, errors = [];
  for (var i = 0; i < n; i++) {
    try {
      var c = record.create({ type: 'customer' });
      c.setValue({ fieldId: 'companyname', value: tag + ' ' + i });
      c.setValue({ fieldId: 'subsidiary', value: '1' });
      c.save();
      done++;
    } catch (e) { errors.push(e.name); }
  }
  return { done: done, errors: errors };
}`;

const SLOW = { 'Record.save': 100_000 };

function account(slow: boolean): Account {
  return new Account({
    fileCabinetRoot: root,
    sdfProjectDir: root,
    loadSdf: false,
    ...(slow ? { latency: SLOW } : {}),
  });
}

const customers = (a: Account) => [...a.records.all('customer')].length;

test('the documented limits', () => {
  expect(TIME_LIMITS_SECONDS).toEqual({
    scheduled: 3600,
    getInputData: 3600,
    map: 300,
    reduce: 900,
    summarize: 3600,
    suitelet: 300,
  });
});

describe('scheduled script: 3,600 s', () => {
  const file = write(
    'sc_slow.js',
    'ScheduledScript',
    `define(['N/record', 'N/log'], function (record, log) {
      ${SAVES}
      return { execute: function () {
        var r = saves(record, 50, 'sc');
        log.audit('saves', JSON.stringify(r));
      } };
    });`,
  );
  const register = (a: Account) =>
    a.registerScript({
      scriptId: 'customscript_slow',
      kind: 'SCHEDULED',
      scriptFile: file,
      deployments: [{ deploymentId: 'customdeploy_slow', status: 'NOTSCHEDULED' }],
    });

  test('past the limit the execution ends with SSS_TIME_LIMIT_EXCEEDED although the script caught it', () => {
    const a = account(true);
    register(a);
    const r = runScheduled(a, { scriptId: 'customscript_slow' });
    expect(r.status).toBe('FAILED');
    expect(r.error?.name).toBe('SSS_TIME_LIMIT_EXCEEDED');
    // 1 s to start, then 100 s a save: 35 saves fit in 3,600 s, the 36th runs past the limit and has no effect
    expect(customers(a)).toBe(35);
    const logged = JSON.parse(r.logs.find((l) => l.title === 'saves')!.details);
    expect(logged.done).toBe(35);
    // every later charged call throws again: the script cannot go on saving
    expect(logged.errors).toEqual(Array(15).fill('SSS_TIME_LIMIT_EXCEEDED'));
    expect(r.modeledMs).toBeGreaterThan(3_600_000);
    expect(r.logs.some((l) => l.level === 'ERROR' && l.title === 'SSS_TIME_LIMIT_EXCEEDED')).toBe(true);
  });

  test('with the default latencies the same script completes', () => {
    const a = account(false);
    register(a);
    const r = runScheduled(a, { scriptId: 'customscript_slow' });
    expect(r.status).toBe('COMPLETE');
    expect(customers(a)).toBe(50);
  });
});

describe('map/reduce: per stage and per function invocation', () => {
  /** A map/reduce script whose stages save as many customers as `n` says (by stage, or by key). */
  const mr = (
    name: string,
    n: { input?: number; map?: Record<string, number>; reduce?: Record<string, number>; summarize?: number },
  ) =>
    write(
      name,
      'MapReduceScript',
      `define(['N/record', 'N/log'], function (record, log) {
        ${SAVES}
        var N = ${JSON.stringify(n)};
        return {
          getInputData: function () {
            if (N.input) saves(record, N.input, 'input');
            return Object.keys(N.map || N.reduce || { only: 1 });
          },
          map: function (ctx) {
            var r = saves(record, (N.map || {})[ctx.value] || 0, 'map ' + ctx.value);
            ctx.write(ctx.value, String(r.done));
          },
          reduce: function (ctx) {
            var r = saves(record, (N.reduce || {})[ctx.key] || 0, 'reduce ' + ctx.key);
            ctx.write(ctx.key, String(r.done));
          },
          summarize: function (s) {
            if (N.summarize) saves(record, N.summarize, 'summarize');
            log.audit('summarized', 'yes');
          },
        };
      });`,
    );
  const run = (file: string, id: string, slow = true) => {
    const a = account(slow);
    a.registerScript({
      scriptId: `customscript_${id}`,
      kind: 'MAPREDUCE',
      scriptFile: file,
      deployments: [{ deploymentId: `customdeploy_${id}`, status: 'NOTSCHEDULED', concurrencyLimit: 1 }],
    });
    return { a, r: runMapReduce(a, { scriptId: `customscript_${id}` }) };
  };
  const errName = (e: { error: string }) => JSON.parse(e.error).name;

  test('getInputData past 3,600 s: inputSummary.error is SSS_TIME_LIMIT_EXCEEDED, summarize still runs', () => {
    const { r } = run(mr('mr_input.js', { input: 40, map: { a: 0 } }), 'mr_input');
    expect(r.mapReduce?.inputError?.name).toBe('SSS_TIME_LIMIT_EXCEEDED');
    expect(r.mapReduce?.inputKeys).toBe(0);
    expect(r.logs.some((l) => l.title === 'summarized')).toBe(true);
    expect(r.status).toBe('FAILED');
  });

  test('a map invocation past 300 s fails its key; the other keys go on', () => {
    const { a, r } = run(mr('mr_map.js', { map: { fast: 2, slow: 4, after: 1 } }), 'mr_map');
    expect(r.mapReduce?.mapErrors.map((e) => [e.key, errName(e)])).toEqual([
      ['1', 'SSS_TIME_LIMIT_EXCEEDED'],
    ]);
    // the reduce stage got the keys whose map invocations finished
    expect(r.mapReduce!.output.map((o) => o.key).sort()).toEqual(['after', 'fast']);
    // the failing key's writes are dropped, the saves it made before the limit stay (2 fast + 2 slow + 1 after)
    expect(customers(a)).toBe(5);
    expect(r.status).toBe('COMPLETE');
  });

  test('a reduce invocation past 900 s fails its key; 8 saves (800 s) fit', () => {
    const { r } = run(mr('mr_reduce.js', { reduce: { ok: 8, slow: 10 } }), 'mr_reduce');
    expect(r.mapReduce?.reduceErrors.map((e) => [e.key, errName(e)])).toEqual([
      ['slow', 'SSS_TIME_LIMIT_EXCEEDED'],
    ]);
    expect(r.mapReduce?.output).toEqual([{ key: 'ok', value: '8' }]);
  });

  test('summarize past 3,600 s ends the run FAILED with SSS_TIME_LIMIT_EXCEEDED', () => {
    const { r } = run(mr('mr_sum.js', { map: { a: 0 }, summarize: 40 }), 'mr_sum');
    expect(r.mapReduce?.summarizeError?.name).toBe('SSS_TIME_LIMIT_EXCEEDED');
    expect(r.status).toBe('FAILED');
    expect(r.error?.name).toBe('SSS_TIME_LIMIT_EXCEEDED');
  });

  test('a map stage longer than an hour is no error: each invocation is in its limit, the job yields', () => {
    const keys = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, 2]));
    const { r } = run(mr('mr_long.js', { map: keys }), 'mr_long');
    expect(r.mapReduce?.mapErrors).toEqual([]);
    expect(r.mapReduce?.time.map.modeledMs).toBeGreaterThan(3_600_000);
    expect(r.mapReduce?.time.map.yields).toBeGreaterThan(0);
    expect(r.status).toBe('COMPLETE');
  });
});

test('Suitelet: 300 s, then SSS_TIME_LIMIT_EXCEEDED on the error page', () => {
  const file = write(
    'sl_slow.js',
    'Suitelet',
    `define(['N/record'], function (record) {
      ${SAVES}
      return { onRequest: function (ctx) {
        var r = saves(record, 5, 'page');
        ctx.response.write({ output: JSON.stringify(r) });
      } };
    });`,
  );
  const a = account(true);
  a.registerScript({
    scriptId: 'customscript_sl_slow',
    kind: 'SUITELET',
    scriptFile: file,
    deployments: [{ deploymentId: 'customdeploy_sl_slow', status: 'RELEASED' }],
  });
  const r = runSuitelet(a, {
    scriptId: 'customscript_sl_slow',
    deploymentId: 'customdeploy_sl_slow',
    request: { method: 'GET', url: '/app/site/hosting/scriptlet.nl', headers: {}, body: '', parameters: {} },
  });
  expect(r.status).toBe('FAILED');
  expect(r.httpStatus).toBe(500);
  expect(r.error?.name).toBe('SSS_TIME_LIMIT_EXCEEDED');
  expect(customers(a)).toBe(2);
});
