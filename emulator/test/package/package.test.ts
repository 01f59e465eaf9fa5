/**
 * The emulator as another SDF project's dev dependency: `npm install -D <path>/emulator` links the folder
 * into node_modules/@hc/netsuite-emulator; the project loads it through the package entry (main/exports,
 * the compiled dist/) and passes its own SDF project folder. Run in a separate node process, outside jest's
 * module system, from a temporary project that has nothing of this repository but the link.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const EMULATOR = path.resolve(__dirname, '..', '..');

const SCHEDULED = `/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 */
define(['N/record', 'N/log', 'N/task'], function (record, log, task) {
  return {
    execute: function () {
      var id = record.create({ type: 'customer' });
      log.audit('hello', JSON.stringify({ now: Date.now(), isDate: new Date() instanceof Date }));
      task.create({ taskType: task.TaskType.MAP_REDUCE, scriptId: 'customscript_tmp_mr', deploymentId: 'customdeploy_tmp_mr' }).submit();
    },
  };
});
`;
const MAPREDUCE = `/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 */
define([], function () {
  return {
    getInputData: function () { return ['x', 'y', 'z']; },
    map: function (c) { c.write(c.value, 1); },
  };
});
`;
const object = (kind: string, id: string, file: string, dep: string) => `<${kind} scriptid="${id}">
  <name>${id}</name>
  <scriptfile>[${file}]</scriptfile>
  <scriptdeployments>
    <scriptdeployment scriptid="${dep}">
      <isdeployed>T</isdeployed>
      <loglevel>DEBUG</loglevel>
      <status>NOTSCHEDULED</status>
      <title>${dep}</title>
    </scriptdeployment>
  </scriptdeployments>
</${kind}>
`;

const RUN = `const path = require('node:path');
const emu = require('@hc/netsuite-emulator');
const account = new emu.Account({ sdfProjectDir: path.join(__dirname, 'src'), oneWorld: false });
const s = new emu.Scheduler(account);
s.submit('customscript_tmp', 'customdeploy_tmp');
const results = s.run();
console.log(JSON.stringify({
  resolved: require.resolve('@hc/netsuite-emulator'),
  statuses: results.map((r) => r.kind + ':' + r.status),
  output: results[1].mapReduce.output,
  modeledMs: results.map((r) => r.modeledMs),
  total: account.modeledTotalMs,
  exports: ['Account', 'Scheduler', 'runScheduled', 'runMapReduce', 'startSftpServer', 'SftpBridge', 'crashAt'].filter((k) => typeof emu[k] === 'function'),
}));
`;

describe('the emulator package', () => {
  let project: string;
  beforeAll(() => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: EMULATOR, stdio: 'pipe' });
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-emulator-consumer-'));
    const cabinet = path.join(project, 'src', 'FileCabinet', 'SuiteScripts', 'Tmp');
    fs.mkdirSync(cabinet, { recursive: true });
    fs.mkdirSync(path.join(project, 'src', 'Objects'), { recursive: true });
    fs.writeFileSync(path.join(cabinet, 'SC_Tmp.js'), SCHEDULED);
    fs.writeFileSync(path.join(cabinet, 'MR_Tmp.js'), MAPREDUCE);
    fs.writeFileSync(
      path.join(project, 'src', 'Objects', 'customscript_tmp.xml'),
      object('scheduledscript', 'customscript_tmp', '/SuiteScripts/Tmp/SC_Tmp.js', 'customdeploy_tmp'),
    );
    fs.writeFileSync(
      path.join(project, 'src', 'Objects', 'customscript_tmp_mr.xml'),
      object('mapreducescript', 'customscript_tmp_mr', '/SuiteScripts/Tmp/MR_Tmp.js', 'customdeploy_tmp_mr'),
    );
    fs.writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({
        name: 'other-sdf-project',
        private: true,
        devDependencies: { '@hc/netsuite-emulator': `file:${EMULATOR}` },
      }),
    );
    // what `npm install -D <path>` does for a folder: a link in node_modules
    fs.mkdirSync(path.join(project, 'node_modules', '@hc'), { recursive: true });
    fs.symlinkSync(EMULATOR, path.join(project, 'node_modules', '@hc', 'netsuite-emulator'), 'dir');
    fs.writeFileSync(path.join(project, 'run.js'), RUN);
  }, 180_000);
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  test("loads through its package entry and runs another project's scripts from that project's folder", () => {
    const out = JSON.parse(execFileSync(process.execPath, ['run.js'], { cwd: project, encoding: 'utf8' }));
    expect(fs.realpathSync(out.resolved)).toBe(path.join(EMULATOR, 'dist', 'index.js'));
    expect(out.statuses).toEqual(['SCHEDULED:COMPLETE', 'MAPREDUCE:COMPLETE']);
    expect(out.output.map((o: { key: string }) => o.key).sort()).toEqual(['x', 'y', 'z']);
    expect(out.modeledMs.every((ms: number) => ms > 0)).toBe(true);
    expect(out.total).toBe(out.modeledMs[0] + out.modeledMs[1]);
    expect(out.exports).toHaveLength(7);
  });
});
