/**
 * N/query Query objects run by a third-party-style script in the sandbox (help "query.create(options)",
 * "Query.run()", "Query.runPaged(options)" (10 units), "PagedData.fetch(options)" (no units),
 * "Component.autoJoin(options)", "query.Operator", "query.load(options)", "getInputData(inputContext)":
 * a map/reduce may return a Query or `{ type: 'query', id }`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Account, runMapReduce, runScheduled } from '../../src';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-query-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (name: string, type: string, body: string) => {
  fs.mkdirSync(path.join(root, 'SuiteScripts'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'SuiteScripts', name),
    `/**\n * @NApiVersion 2.1\n * @NScriptType ${type}\n */\n${body}`,
  );
  return `/SuiteScripts/${name}`;
};

function account(objects?: Record<string, string>): Account {
  if (objects) {
    fs.mkdirSync(path.join(root, 'Objects'), { recursive: true });
    for (const [n, xml] of Object.entries(objects)) fs.writeFileSync(path.join(root, 'Objects', n), xml);
  }
  const a = new Account({ fileCabinetRoot: root, sdfProjectDir: root, loadSdf: !!objects, oneWorld: true });
  const r = a.records;
  const parent = r.create('subsidiary', { name: 'Parent Co' });
  const uk = r.create('subsidiary', { name: 'UK Ltd', parent });
  const sub = String(uk);
  r.create('customer', { companyname: 'Acme', email: 'a@acme.test', subsidiary: sub, creditlimit: 500 });
  r.create('customer', { companyname: 'Beta', email: 'b@beta.test', subsidiary: sub, creditlimit: 1500 });
  r.create('customer', { companyname: 'Gamma', email: '', subsidiary: String(parent), isinactive: true });
  r.create('customer', {
    companyname: 'Delta',
    email: 'd@acme.test',
    subsidiary: String(parent),
    creditlimit: 700,
  });
  return a;
}

/** Runs `body` (the execute function's body, with query and log in scope) and returns what it logged as 'out'. */
function run(a: Account, id: string, body: string) {
  const file = write(
    `${id}.js`,
    'ScheduledScript',
    `define(['N/query', 'N/log', 'N/runtime'], function (query, log, runtime) {
      return { execute: function () { var out = (function () { ${body} })(); log.audit('out', JSON.stringify(out)); } };
    });`,
  );
  a.registerScript({
    scriptId: `customscript_${id}`,
    kind: 'SCHEDULED',
    scriptFile: file,
    deployments: [{ deploymentId: `customdeploy_${id}`, status: 'NOTSCHEDULED' }],
  });
  const r = runScheduled(a, { scriptId: `customscript_${id}` });
  if (r.error) throw new Error(`${r.error.name}: ${r.error.message}`);
  return { out: JSON.parse(r.logs.find((l) => l.title === 'out')!.details), r };
}

test('create, conditions (and/or/not), columns with alias, sort, run: results, types, asMappedResults, asMap; 10 units', () => {
  const { out, r } = run(
    account(),
    'q_basic',
    `var q = query.create({ type: query.Type.CUSTOMER });
     var active = q.createCondition({ fieldId: 'isinactive', operator: query.Operator.IS, values: false });
     var acme = q.createCondition({ fieldId: 'email', operator: query.Operator.END_WITH || query.Operator.ENDWITH, values: '@acme.test' });
     var big = q.createCondition({ fieldId: 'creditlimit', operator: query.Operator.GREATER_OR_EQUAL, values: 1000 });
     q.condition = q.and(active, q.or(acme, big), q.not(q.createCondition({ fieldId: 'companyname', operator: query.Operator.START_WITH, values: 'del' })));
     q.columns = [q.createColumn({ fieldId: 'companyname', alias: 'name' }), q.createColumn({ fieldId: 'creditlimit' }), q.createColumn({ fieldId: 'isinactive' })];
     q.sort = [q.createSort({ column: q.columns[1], ascending: false })];
     var rs = q.run();
     return {
       values: rs.results.map(function (x) { return x.values; }),
       types: rs.types,
       labels: rs.columns.map(function (c) { return c.alias || c.fieldId; }),
       mapped: rs.asMappedResults(),
       first: rs.results[0].asMap(),
       condition: { op: q.condition.operator, children: q.condition.children.length },
       remaining: runtime.getCurrentScript().getRemainingUsage(),
     };`,
  );
  expect(out.values).toEqual([
    ['Beta', 1500, false],
    ['Acme', 500, false],
  ]);
  expect(out.types).toEqual(['STRING', 'CURRENCY', 'BOOLEAN']);
  expect(out.labels).toEqual(['name', 'creditlimit', 'isinactive']);
  expect(out.mapped[1]).toEqual({ name: 'Acme', creditlimit: 500, isinactive: false });
  expect(out.first).toEqual({ name: 'Beta', creditlimit: 1500, isinactive: false });
  expect(out.condition).toEqual({ op: 'AND', children: 3 });
  expect(out.remaining).toBe(10_000 - 10);
  expect(r.usage.byApi['Query.run']).toEqual({ calls: 1, units: 10 });
});

test('autoJoin follows a select field (two levels); context DISPLAY gives the text; aggregates group', () => {
  const { out } = run(
    account(),
    'q_join',
    `var q = query.create({ type: 'customer' });
     var sub = q.autoJoin({ fieldId: 'subsidiary' });
     var parent = sub.autoJoin({ fieldId: 'parent' });
     q.columns = [
       q.createColumn({ fieldId: 'companyname' }),
       sub.createColumn({ fieldId: 'name', alias: 'subsidiaryname' }),
       parent.createColumn({ fieldId: 'name', alias: 'parentname' }),
       q.createColumn({ fieldId: 'subsidiary', context: query.FieldContext.DISPLAY, alias: 'subtext' }),
     ];
     q.condition = sub.createCondition({ fieldId: 'name', operator: query.Operator.CONTAIN, values: 'uk' });
     q.sort = [q.createSort({ column: q.columns[0] })];
     var joined = q.run().asMappedResults();
     var g = query.create({ type: 'customer' });
     var gs = g.autoJoin({ fieldId: 'subsidiary' });
     g.columns = [
       gs.createColumn({ fieldId: 'name', groupBy: true }),
       g.createColumn({ fieldId: 'id', aggregate: query.Aggregate.COUNT, alias: 'n' }),
       g.createColumn({ fieldId: 'creditlimit', aggregate: query.Aggregate.SUM, alias: 'total' }),
     ];
     g.sort = [g.createSort({ column: g.columns[0], ascending: true })];
     var again;
     try { q.autoJoin({ fieldId: 'subsidiary' }); } catch (e) { again = e.name; }
     var bad;
     try { q.autoJoin({ fieldId: 'email' }); } catch (e) { bad = e.name; }
     return { joined: joined, grouped: g.run().asMappedResults(), again: again, bad: bad };`,
  );
  expect(out.joined).toEqual([
    { companyname: 'Acme', subsidiaryname: 'UK Ltd', parentname: 'Parent Co', subtext: 'UK Ltd' },
    { companyname: 'Beta', subsidiaryname: 'UK Ltd', parentname: 'Parent Co', subtext: 'UK Ltd' },
  ]);
  expect(out.grouped).toEqual([
    { name: 'Parent Co', n: 2, total: 700 },
    { name: 'UK Ltd', n: 2, total: 2000 },
  ]);
  expect(out.again).toBe('RELATIONSHIP_ALREADY_USED');
  expect(out.bad).toBe('SSS_NOT_YET_SUPPORTED');
});

test('operators: ANY_OF, BETWEEN, EMPTY, *_NOT, dates; arity and unknown operators are refused', () => {
  const a = account();
  a.records.create('customer', { companyname: 'Dated', email: 'x@y.test', subsidiary: '1', creditlimit: 1 });
  const { out } = run(
    a,
    'q_ops',
    `var Op = query.Operator;
     function names(cond) {
       var q = query.create({ type: 'customer', columns: [{ fieldId: 'companyname' }] });
       q.condition = cond(q);
       q.sort = [q.createSort({ column: q.columns[0] })];
       return q.run().results.map(function (r) { return r.values[0]; });
     }
     function code(f) { try { f(); return 'none'; } catch (e) { return e.name; } }
     var q0 = query.create({ type: 'customer' });
     var today = new Date();
     return {
       anyOf: names(function (q) { return q.createCondition({ fieldId: 'companyname', operator: Op.ANY_OF, values: ['Acme', 'Gamma'] }); }),
       between: names(function (q) { return q.createCondition({ fieldId: 'creditlimit', operator: Op.BETWEEN, values: [500, 1000] }); }),
       empty: names(function (q) { return q.createCondition({ fieldId: 'email', operator: Op.EMPTY }); }),
       notEqual: names(function (q) { return q.createCondition({ fieldId: 'companyname', operator: Op.EQUAL_NOT, values: 'acme' }); }),
       createdToday: names(function (q) { return q.createCondition({ fieldId: 'datecreated', operator: Op.ON, values: today }); }).length,
       createdBefore: names(function (q) { return q.createCondition({ fieldId: 'datecreated', operator: Op.BEFORE, values: '1/1/2000' }); }).length,
       arity: code(function () { q0.createCondition({ fieldId: 'creditlimit', operator: Op.BETWEEN, values: [1] }); }),
       unknown: code(function () { q0.createCondition({ fieldId: 'creditlimit', operator: 'ROUGHLY', values: [1] }); }),
       type: code(function () { query.create({ type: 'nosuchtype' }); }),
       formula: code(function () { q0.createColumn({ formula: '{companyname}' }); }),
     };`,
  );
  expect(out.anyOf).toEqual(['Acme', 'Gamma']);
  expect(out.between).toEqual(['Acme', 'Delta']);
  expect(out.empty).toEqual(['Gamma']);
  expect(out.notEqual).toEqual(['Beta', 'Dated', 'Delta', 'Gamma']);
  expect(out.createdToday).toBe(5);
  expect(out.createdBefore).toBe(0);
  expect(out).toMatchObject({
    arity: 'OPERATOR_ARITY_MISMATCH',
    unknown: 'INVALID_SEARCH_OPERATOR',
    type: 'INVALID_RCRD_TYPE',
    formula: 'SSS_NOT_YET_SUPPORTED',
  });
});

test('runPaged: 10 units, pages of pageSize, fetch free, iterator; toSuiteQL runs the same query as SuiteQL', () => {
  const { out, r } = run(
    account(),
    'q_paged',
    `var q = query.create({ type: 'customer' });
     q.columns = [q.createColumn({ fieldId: 'companyname' })];
     q.condition = q.createCondition({ fieldId: 'isinactive', operator: query.Operator.IS, values: false });
     q.sort = [q.createSort({ column: q.columns[0], ascending: false })];
     var paged = q.runPaged({ pageSize: 5 });
     var pages = [];
     paged.iterator().each(function (p) { pages.push(p.value.data.results.map(function (x) { return x.values[0]; })); return true; });
     var sql = q.toSuiteQL();
     var small;
     try { q.runPaged({ pageSize: 2 }); } catch (e) { small = e.name; }
     return {
       count: paged.count, ranges: paged.pageRanges, pages: pages,
       sql: sql.query, params: sql.params,
       sqlRows: sql.run().results.map(function (x) { return x.values[0]; }),
       small: small,
     };`,
  );
  expect(out.count).toBe(3);
  expect(out.ranges).toEqual([{ index: 0, size: 3 }]);
  expect(out.pages).toEqual([['Delta', 'Beta', 'Acme']]);
  expect(out.sql).toBe('SELECT companyname FROM customer WHERE isinactive = ? ORDER BY companyname DESC');
  expect(out.params).toEqual(['F']);
  expect(out.sqlRows).toEqual(['Delta', 'Beta', 'Acme']);
  expect(out.small).toBe('INVALID_PAGE_RANGE');
  expect(r.usage.byApi['Query.runPaged']).toEqual({ calls: 1, units: 10 });
  expect(r.usage.byApi['SuiteQL.run']).toEqual({ calls: 1, units: 10 });
  expect(r.usage.total).toBe(20);
});

test('Query.run gives at most 5,000 results; runPaged gives them all', () => {
  const a = account();
  for (let i = 0; i < 5001; i++) a.records.create('customer', { companyname: `Bulk ${i}`, subsidiary: '1' });
  const { out } = run(
    a,
    'q_cap',
    `var q = query.create({ type: 'customer', columns: [{ fieldId: 'id' }] });
     q.sort = [q.createSort({ column: q.columns[0] })];
     return { run: q.run().results.length, paged: q.runPaged({ pageSize: 1000 }).count };`,
  );
  expect(out).toEqual({ run: 5000, paged: 5005 });
});

const DATASET = `<dataset scriptid="custdataset_uk_customers">
  <name>UK customers</name>
  <definition><![CDATA[${JSON.stringify({
    type: 'customer',
    columns: [
      { fieldId: 'companyname', alias: 'name' },
      { fieldId: 'name', join: 'subsidiary', alias: 'sub' },
    ],
    condition: {
      operator: 'AND',
      children: [
        { fieldId: 'name', join: 'subsidiary', operator: 'CONTAIN', values: ['UK'] },
        { fieldId: 'isinactive', operator: 'IS', values: [false] },
      ],
    },
    sort: [{ column: 'name', ascending: true }],
  })}]]></definition>
</dataset>`;
const OPAQUE = `<dataset scriptid="custdataset_opaque"><name>Opaque</name><definition><![CDATA[<root>…</root>]]></definition></dataset>`;

test('query.load reads a dataset object of the SDF project (its JSON definition); an unreadable one says so', () => {
  const a = account({ 'custdataset_uk_customers.xml': DATASET, 'custdataset_opaque.xml': OPAQUE });
  const { out } = run(
    a,
    'q_load',
    `var q = query.load({ id: 'custdataset_uk_customers' });
     var opaque, missing;
     try { query.load({ id: 'custdataset_opaque' }); } catch (e) { opaque = e.name; }
     try { query.load({ id: 'custdataset_none' }); } catch (e) { missing = e.name; }
     return { name: q.name, type: q.type, rows: q.run().asMappedResults(), opaque: opaque, missing: missing };`,
  );
  expect(out).toEqual({
    name: 'UK customers',
    type: 'customer',
    rows: [
      { name: 'Acme', sub: 'UK Ltd' },
      { name: 'Beta', sub: 'UK Ltd' },
    ],
    opaque: 'SSS_NOT_YET_SUPPORTED',
    missing: 'UNABLE_TO_LOAD_QUERY',
  });
  fs.rmSync(path.join(root, 'Objects'), { recursive: true, force: true });
});

test('getInputData returning a query.Query or { type: "query", id }: key = row index, value = JSON of { types, values }', () => {
  const a = account();
  const datasetId = a.registerDataset('custdataset_big', {
    type: 'customer',
    columns: [{ fieldId: 'companyname' }, { fieldId: 'creditlimit' }],
    condition: { fieldId: 'creditlimit', operator: 'GREATER', values: [600] },
    sort: [{ column: 'companyname' }],
  });
  const file = write(
    'mr_query.js',
    'MapReduceScript',
    `define(['N/query', 'N/runtime'], function (query, runtime) {
      return {
        getInputData: function () {
          if (runtime.getCurrentScript().getParameter({ name: 'custscript_saved' })) return { type: 'query', id: ${datasetId} };
          var q = query.create({ type: 'customer' });
          q.columns = [q.createColumn({ fieldId: 'companyname' }), q.createColumn({ fieldId: 'creditlimit' })];
          q.condition = q.createCondition({ fieldId: 'email', operator: query.Operator.CONTAIN, values: 'acme' });
          q.sort = [q.createSort({ column: q.columns[0] })];
          return q;
        },
        map: function (ctx) {
          var v = JSON.parse(ctx.value);
          ctx.write(ctx.key, v.values[0] + ':' + v.values[1] + ':' + v.types.join('/'));
        },
      };
    });`,
  );
  a.registerScript({
    scriptId: 'customscript_mr_query',
    kind: 'MAPREDUCE',
    scriptFile: file,
    params: [{ id: 'custscript_saved', type: 'CHECKBOX', defaultValue: 'F' }],
    deployments: [{ deploymentId: 'customdeploy_mr_query', status: 'NOTSCHEDULED' }],
  });
  const built = runMapReduce(a, { scriptId: 'customscript_mr_query' });
  expect(built.status).toBe('COMPLETE');
  expect(built.mapReduce?.output.sort((x, y) => x.key.localeCompare(y.key))).toEqual([
    { key: '0', value: 'Acme:500:STRING/CURRENCY' },
    { key: '1', value: 'Delta:700:STRING/CURRENCY' },
  ]);
  expect(built.mapReduce?.usage.getInputData).toBe(0);
  const saved = runMapReduce(a, { scriptId: 'customscript_mr_query', params: { custscript_saved: true } });
  expect(saved.mapReduce?.output.sort((x, y) => x.key.localeCompare(y.key))).toEqual([
    { key: '0', value: 'Beta:1500:STRING/CURRENCY' },
    { key: '1', value: 'Delta:700:STRING/CURRENCY' },
  ]);
});
