/**
 * The N/ API coverage table in emulator/README.md and src/sandbox/nApiMembers.ts are what
 * `npm run emulator:coverage` makes now; a module member NetSuite has and the emulator lacks throws
 * "not emulated: N/module.member".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { coverage, END, membersSource, readmeWith, START, table } from '../../tools/apiCoverage';
import { Account, runScheduled } from '../../src';

jest.setTimeout(60000);

test('the README table and nApiMembers.ts are current (run npm run emulator:coverage when this fails)', () => {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  expect(readme).toContain(START);
  expect(readme).toContain(END);
  expect(readme).toBe(readmeWith(readme, table(coverage())));
  expect(fs.readFileSync(path.join(__dirname, '../../src/sandbox/nApiMembers.ts'), 'utf8')).toBe(
    membersSource(),
  );
});

test('a module member NetSuite has but the emulator lacks throws "not emulated", unknown names stay undefined', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-notemulated-'));
  fs.mkdirSync(path.join(root, 'SuiteScripts'));
  fs.writeFileSync(
    path.join(root, 'SuiteScripts', 's.js'),
    `/**\n * @NApiVersion 2.1\n * @NScriptType ScheduledScript\n */\ndefine(['N/search', 'N/record'], (search, record) => ({ execute() {
      let e; try { search.SettingName.CONSOLIDATIONTYPE; } catch (x) { e = x.name + ': ' + x.message; }
      let m; try { record.create({ type: 'customer' }).getMacros(); } catch (x) { m = x.name + ': ' + x.message; }
      log.audit('out', { e, m, unknown: typeof search.noSuchMember });
    } }));`,
  );
  const a = new Account({ fileCabinetRoot: root, loadSdf: false });
  a.registerScript({
    scriptId: 'customscript_ne',
    kind: 'SCHEDULED',
    scriptFile: '/SuiteScripts/s.js',
    deployments: [{ deploymentId: 'customdeploy1' }],
  });
  const r = runScheduled(a, { scriptId: 'customscript_ne' });
  expect(r.error).toBeUndefined();
  const out = JSON.parse(r.logs.find((l) => l.title === 'out')!.details);
  expect(out.e).toMatch(/^SSS_NOT_YET_SUPPORTED: not emulated: N\/search\.SettingName/);
  expect(out.m).toMatch(/^SSS_NOT_YET_SUPPORTED: not emulated: N\/record\.Record\.getMacros/);
  expect(out.unknown).toBe('undefined');
  fs.rmSync(root, { recursive: true, force: true });
});
