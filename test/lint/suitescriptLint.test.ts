/**
 * eslint-plugin-suitescript runs on the BUILT files (eslint.config.mjs): these prove it catches, in
 * what ships, a wrong header, a missing entry point and a mistyped N/ module, and passes the real files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const DIR = path.resolve(__dirname, '../../src/FileCabinet/SuiteScripts/HotWaxCustomerSync');
const IMPORT = path.join(DIR, 'HC_SC_ImportCustomer.js');
const ROOT = path.resolve(__dirname, '../..');

/** ESLint's own CLI (its flat config is an ES module, which Jest's CommonJS runtime cannot import). */
function eslint(
  args: string[],
  input?: string,
): { filePath: string; messages: { ruleId: string; message: string }[] }[] {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '-f', 'json', ...args],
    {
      cwd: ROOT,
      input,
      encoding: 'utf8',
    },
  );
  return JSON.parse(r.stdout);
}

async function lint(text: string): Promise<string[]> {
  const [result] = eslint(['--stdin', '--stdin-filename', path.relative(ROOT, IMPORT)], text);
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const built = fs.readFileSync(IMPORT, 'utf8');

test('the built entry points and library lint clean', async () => {
  const results = eslint([path.relative(ROOT, DIR)]);
  // Every built file: the entry points and the library modules.
  const built = fs.readdirSync(DIR, { recursive: true }).filter((f) => String(f).endsWith('.js'));
  expect(built.length).toBeGreaterThanOrEqual(10);
  expect(results.length).toBe(built.length);
  expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.ruleId} ${m.message}`))).toEqual(
    [],
  );
});

test('a wrong script type in the header is caught', async () => {
  expect(await lint(built.replace('@NScriptType ScheduledScript', '@NScriptType ScheduledScrpt'))).toEqual(
    expect.arrayContaining([expect.stringMatching(/^suitescript\/script-type/)]),
  );
});

test('an invalid API version is caught', async () => {
  expect(await lint(built.replace('@NApiVersion 2.1', '@NApiVersion 3.7'))).toEqual(
    expect.arrayContaining([expect.stringMatching(/^suitescript\/api-version/)]),
  );
});

test('an entry point missing from the returned object is caught', async () => {
  expect(await lint(built.replace('return { execute: execute };', 'return { run: execute };'))).toEqual(
    expect.arrayContaining([expect.stringMatching(/^suitescript\/entry-points/)]),
  );
});

test('a mistyped N/ module is caught', async () => {
  expect(await lint(built.replace("'N/record'", "'N/recrod'"))).toEqual(
    expect.arrayContaining([expect.stringMatching(/^suitescript\/no-invalid-modules/)]),
  );
});

test('a Node global in shipped code is caught', async () => {
  expect(await lint(built.replace("'use strict';", "'use strict'; var b = Buffer.from('x');"))).toEqual(
    expect.arrayContaining([expect.stringMatching(/^no-restricted-globals/)]),
  );
});
