/**
 * What every execution parses: the main library module must stay small (build/scripts.mjs
 * LIBRARY_MAX_BYTES), carry one Buffer stand-in for csv-parse and csv-stringify, hold none of the
 * status page's code (that is lib/HC_CustomerSyncStatusLib.js, the Suitelet's alone), and ship at the
 * ECMAScript level Oracle documents for SuiteScript 2.1 server scripts (no down-levelling temporaries).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { pathToFileURL } from 'node:url';
import { loadBareAmd } from '../support/bareAmd';
import { IMPORT_CUSTOMER } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';
import type * as Lib from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib';
import type * as StatusLib from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerSyncStatusLib';
import type * as ImportMrLib from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerImportMapReduceLib';

const ROOT = path.resolve(__dirname, '../..');

interface BuildList {
  OUT_DIR: string;
  LIBRARY: { output: string };
  LIBRARIES: { source: string; output: string }[];
  LIBRARY_MAX_BYTES: number;
  SCRIPTS: { output: string }[];
}
/** build/scripts.mjs is an ES module: read it in a child Node, as the SDF validator does. */
const list: BuildList = JSON.parse(
  execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      'const m = await import(process.argv[1]); process.stdout.write(JSON.stringify(m));',
      pathToFileURL(path.join(ROOT, 'build/scripts.mjs')).href,
    ],
    { encoding: 'utf8' },
  ),
);
const built = (output: string) => path.join(ROOT, list.OUT_DIR, output);
const MAIN = built(list.LIBRARY.output);
const STATUS = built('lib/HC_CustomerSyncStatusLib.js');
const IMPORT_MR = built('lib/HC_CustomerImportMapReduceLib.js');
const EXPORT = built('lib/HC_CustomerExportLib.js');
const read = (file: string) => fs.readFileSync(file, 'utf8');

test("the build ships the main library, the status library, the map/reduce import's and the id export's library", () => {
  expect(list.LIBRARIES.map((l) => l.output)).toEqual([
    'lib/HC_CustomerSyncLib.js',
    'lib/HC_CustomerSyncStatusLib.js',
    'lib/HC_CustomerImportMapReduceLib.js',
    'lib/HC_CustomerExportLib.js',
  ]);
  expect(list.LIBRARY_MAX_BYTES).toBe(150_000);
});

test('the main library is under 150,000 bytes', () => {
  const size = fs.statSync(MAIN).size;
  expect(size).toBeLessThan(list.LIBRARY_MAX_BYTES);
});

test('one Buffer stand-in, not a polyfill per CSV package', () => {
  const code = read(MAIN);
  expect(code.match(/class Bytes extends Uint8Array/g)).toHaveLength(1);
  // Markers of the polyfill csv-parse's and csv-stringify's browser builds inline.
  expect(code).not.toMatch(/TYPED_ARRAY_SUPPORT|base64Write|readFloatLE/);
});

test('no built file carries down-levelling temporaries (ES2023 ships as written)', () => {
  for (const output of [...list.LIBRARIES.map((l) => l.output), ...list.SCRIPTS.map((s) => s.output)]) {
    const code = read(built(output));
    expect({ output, temporaries: code.match(/\bvar _[a-z](, _[a-z])*;/g) }).toEqual({
      output,
      temporaries: null,
    });
    expect({ output, nullish: /!== null && \w+ !== void 0/.test(code) }).toEqual({ output, nullish: false });
  }
});

test("the status page's code is in the status library only", () => {
  const main = read(MAIN);
  for (const name of ['buildPage', 'runAction', 'renderStatusForm', 'NetSuiteStatusSources', 'dryRunOneFeed'])
    expect({ name, inMain: new RegExp(`\\b(function|class) ${name}\\b`).test(main) }).toEqual({
      name,
      inMain: false,
    });
  // It uses the main library's code through its AMD dependency, never a copy of it.
  const status = read(STATUS);
  expect(status).not.toMatch(
    /class Bytes extends Uint8Array|function runCustomerImport\b|class CheckpointStore\b/,
  );
});

test('the status library loads in a bare context on top of the main library', () => {
  const main = loadBareAmd<typeof Lib>(MAIN);
  const status = loadBareAmd<typeof StatusLib>(STATUS, { './HC_CustomerSyncLib': main.exports });
  expect(status.dependencies).toEqual(['./HC_CustomerSyncLib']);
  for (const name of ['Buffer', 'process', 'require', 'setTimeout'])
    expect(vm.runInContext(`typeof ${name}`, status.context)).toBe('undefined');
  for (const name of ['buildPage', 'runAction', 'renderStatusForm', 'NetSuiteStatusSources', 'dryRunOneFeed'])
    expect(typeof status.exports[name as keyof typeof StatusLib]).toBe('function');
  expect(status.exports.SYNC_SCRIPTS.map((s) => s.scriptId)).toContain(IMPORT_CUSTOMER.scriptId);
});

const MR_FUNCTIONS = ['planHandoff', 'reduceBatch', 'finishHandoff', 'feedTexts'];

test("HC_MR_ImportCustomer's code is in its own library only, on top of the main library", () => {
  const main = read(MAIN);
  for (const name of MR_FUNCTIONS)
    expect({ name, inMain: new RegExp(`\\bfunction ${name}\\b`).test(main) }).toEqual({
      name,
      inMain: false,
    });
  expect(read(IMPORT_MR)).not.toMatch(
    /class Bytes extends Uint8Array|function importOneFeed\b|function decideRow\b/,
  );
  const lib = loadBareAmd<typeof Lib>(MAIN);
  const mr = loadBareAmd<typeof ImportMrLib>(IMPORT_MR, { './HC_CustomerSyncLib': lib.exports });
  expect(mr.dependencies).toEqual(['./HC_CustomerSyncLib']);
  for (const name of ['Buffer', 'process', 'require', 'setTimeout'])
    expect(vm.runInContext(`typeof ${name}`, mr.context)).toBe('undefined');
  for (const name of MR_FUNCTIONS)
    expect(typeof mr.exports[name as keyof typeof ImportMrLib]).toBe('function');
  // Only HC_MR_ImportCustomer loads it.
  for (const s of list.SCRIPTS)
    expect({ s: s.output, loads: read(built(s.output)).includes('HC_CustomerImportMapReduceLib') }).toEqual({
      s: s.output,
      loads: s.output === 'HC_MR_ImportCustomer.js',
    });
});

test('the main library exports what the entry points and the other library modules use, nothing else', () => {
  // Every export is kept in the built file, which every execution parses.
  const users = [...list.SCRIPTS.map((s) => built(s.output)), STATUS, IMPORT_MR, EXPORT].map(read).join('\n');
  const used = new Set([...users.matchAll(/\bHC_CustomerSyncLib\.(\w+)/g)].map((m) => m[1]));
  const exported = Object.keys(loadBareAmd<typeof Lib>(MAIN).exports);
  expect(used.size).toBeGreaterThan(40);
  expect(exported.filter((n) => !used.has(n))).toEqual([]);
});
