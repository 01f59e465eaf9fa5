/**
 * Dates the N/ modules hand a script are Dates of the script's realm (ExecutionContext.scriptDate): the
 * script's own `Date.prototype`, `instanceof Date`, and `toString` / local getters in NetSuite's server zone
 * (help "format.parse(options)": server scripts run in the Pacific time zone) as a script-made Date is,
 * whatever the host's zone. A third-party-style script prints a date from each source: record.getValue
 * , format.parse, runtime.getParameter, sftp Connection.list, summaryContext.dateCreated.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Account, runMapReduce, runScheduled, startEmbeddedServer, type RunningSftpServer } from '../../src';
import { closeAll } from '../../src/sftp/bridge';

jest.setTimeout(60_000);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-dates-'));
let server: RunningSftpServer;
beforeAll(async () => {
  server = await startEmbeddedServer();
  fs.mkdirSync(server.localPath(`${server.homeDir}/drop`), { recursive: true });
  fs.writeFileSync(server.localPath(`${server.homeDir}/drop/a.csv`), 'x');
  const mtime = new Date(Date.UTC(2026, 0, 15, 20, 0, 0));
  fs.utimesSync(server.localPath(`${server.homeDir}/drop/a.csv`), mtime, mtime);
}, 30_000);
afterAll(async () => {
  closeAll();
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const write = (name: string, type: string, body: string) => {
  fs.mkdirSync(path.join(root, 'SuiteScripts'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'SuiteScripts', name),
    `/**\n * @NApiVersion 2.1\n * @NScriptType ${type}\n */\n${body}`,
  );
  return `/SuiteScripts/${name}`;
};

/** What the script says of a date it was given (the same function in both scripts). */
const DESCRIBE = `function describe(d) {
  var own = new Date(0);
  return {
    isDate: d instanceof Date,
    sameProto: Object.getPrototypeOf(d) === Object.getPrototypeOf(own),
    text: String(d),
    hours: d.getHours(),
    iso: d.toISOString(),
  };
}`;

const START = Date.UTC(2026, 0, 15, 20, 0, 0); // 12:00 in Los Angeles (PST)

function account(): Account {
  const a = new Account({ fileCabinetRoot: root, sdfProjectDir: root, loadSdf: false });
  a.setClock(() => new Date(START));
  a.keys.set('custkey_dates', server.privateKey);
  return a;
}

/** Every date printed is in the server zone (Pacific), not the host's. */
function expectServerZone(d: {
  isDate: boolean;
  sameProto: boolean;
  text: string;
  hours: number;
  iso: string;
}) {
  expect(d.isDate).toBe(true);
  expect(d.sameProto).toBe(true);
  expect(d.text).toMatch(/GMT-0[78]00 \(Pacific (Standard|Daylight) Time\)$/);
  const utcHours = new Date(d.iso).getUTCHours();
  expect(d.hours).toBe((utcHours + 24 - (d.text.includes('GMT-0800') ? 8 : 7)) % 24);
}

test('a scheduled script sees server-zone Dates from record, format, runtime and sftp', () => {
  const file = write(
    'sc_dates.js',
    'ScheduledScript',
    `define(['N/record', 'N/format', 'N/runtime', 'N/sftp', 'N/log', 'N/query', 'N/search'],
    function (record, format, runtime, sftp, log, query, search) {
      ${DESCRIBE}
      return { execute: function () {
        var c = record.create({ type: 'customer' });
        c.setValue({ fieldId: 'companyname', value: 'Dates Inc' });
        c.setValue({ fieldId: 'subsidiary', value: '1' });
        var custId = c.save();
        var so = record.create({ type: 'salesorder' });
        so.setValue({ fieldId: 'entity', value: custId });
        so.setValue({ fieldId: 'trandate', value: new Date(2026, 0, 10) });
        var loaded = record.load({ type: 'customer', id: custId });
        var conn = sftp.createConnection({
          url: '${'${HOST}'}', port: ${'${PORT}'}, username: '${'${USER}'}', keyId: 'custkey_dates',
          hostKey: '${'${HOSTKEY}'}', hostKeyType: 'ecdsa',
        });
        var listed = conn.list({ path: 'drop', sort: sftp.Sort.NAME });
        var q = query.runSuiteQL({ query: 'SELECT datecreated FROM customer' }).results[0].values[0];
        var found = search.lookupFields({ type: 'customer', id: custId, columns: ['datecreated'] }).datecreated;
        log.audit('dates', JSON.stringify({
          record: describe(loaded.getValue({ fieldId: 'datecreated' })),
          dynamic: describe(so.getValue({ fieldId: 'trandate' })),
          parsed: describe(format.parse({ value: '1/15/2026 3:30 pm', type: format.Type.DATETIME })),
          parameter: describe(runtime.getCurrentScript().getParameter({ name: 'custscript_since' })),
          sftp: describe(listed[0].lastModified),
          suiteql: typeof q,
          lookup: typeof found,
        }));
      } };
    });`,
  );
  const a = account();
  const src = fs
    .readFileSync(path.join(root, file))
    .toString()
    .replace('${HOST}', server.host)
    .replace('${PORT}', String(server.port))
    .replace('${USER}', server.username)
    .replace('${HOSTKEY}', server.hostKey);
  fs.writeFileSync(path.join(root, file), src);
  a.registerScript({
    scriptId: 'customscript_dates',
    kind: 'SCHEDULED',
    scriptFile: file,
    params: [{ id: 'custscript_since', type: 'DATE', defaultValue: '2026-07-04T16:30:00.000Z' }],
    deployments: [{ deploymentId: 'customdeploy_dates', status: 'NOTSCHEDULED' }],
  });
  const r = runScheduled(a, { scriptId: 'customscript_dates' });
  expect(r.error).toBeUndefined();
  const d = JSON.parse(r.logs.find((l) => l.title === 'dates')!.details);
  for (const k of ['record', 'dynamic', 'parsed', 'parameter', 'sftp']) expectServerZone(d[k]);
  // the same instants as before the boundary
  expect(d.dynamic.text).toMatch(/^Sat Jan 10 2026 00:00:00 GMT-0800/);
  expect(d.parameter.text).toMatch(/^Sat Jul 04 2026 09:30:00 GMT-0700 \(Pacific Daylight Time\)$/);
  expect(d.sftp.iso).toBe('2026-01-15T20:00:00.000Z');
  expect(d.sftp.hours).toBe(12);
  // SuiteQL and lookupFields give dates as strings, not Dates
  expect(d.suiteql).toBe('string');
  expect(d.lookup).toBe('string');
});

test('summaryContext.dateCreated (and each stage summary’s) is a server-zone Date of the script', () => {
  const file = write(
    'mr_dates.js',
    'MapReduceScript',
    `define(['N/log'], function (log) {
      ${DESCRIBE}
      return {
        getInputData: function () { return [1]; },
        map: function () {},
        summarize: function (s) {
          log.audit('dates', JSON.stringify({
            job: describe(s.dateCreated),
            input: describe(s.inputSummary.dateCreated),
            map: describe(s.mapSummary.dateCreated),
          }));
        },
      };
    });`,
  );
  const a = account();
  a.registerScript({
    scriptId: 'customscript_mr_dates',
    kind: 'MAPREDUCE',
    scriptFile: file,
    deployments: [{ deploymentId: 'customdeploy_mr_dates', status: 'NOTSCHEDULED' }],
  });
  const r = runMapReduce(a, { scriptId: 'customscript_mr_dates' });
  expect(r.status).toBe('COMPLETE');
  const d = JSON.parse(r.logs.find((l) => l.title === 'dates')!.details);
  for (const k of ['job', 'input', 'map']) expectServerZone(d[k]);
  expect(d.job.iso).toBe(new Date(START).toISOString());
  expect(d.job.hours).toBe(12);
  // another server zone, so the check does not depend on the host's own zone
  const tokyo = new Account({
    fileCabinetRoot: root,
    sdfProjectDir: root,
    loadSdf: false,
    serverTimeZone: 'Asia/Tokyo',
  });
  tokyo.setClock(() => new Date(START));
  tokyo.registerScript({
    scriptId: 'customscript_mr_dates',
    kind: 'MAPREDUCE',
    scriptFile: file,
    deployments: [{ deploymentId: 'customdeploy_mr_dates', status: 'NOTSCHEDULED' }],
  });
  const t = JSON.parse(
    runMapReduce(tokyo, { scriptId: 'customscript_mr_dates' }).logs.find((l) => l.title === 'dates')!.details,
  );
  expect(t.job.text).toMatch(/^Fri Jan 16 2026 05:00:00 GMT\+0900 \(Japan Standard Time\)$/);
  expect(t.job.hours).toBe(5);
});
