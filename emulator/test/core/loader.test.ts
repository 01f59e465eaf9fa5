import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runScheduled } from '../../src/runners/scheduled';
import { Sandbox, parseHeader } from '../../src/sandbox/loader';
import { fixtureAccount, logged, scheduled, FIXTURE_CABINET } from './helpers';

describe('sandbox loader', () => {
  // NetSuite help "SuiteScript 2.x Global Objects": define, require, log, util, toString, JSON, Promise, Iterator;
  // the server runtime has no Buffer, process, Node require or timers (docs/CONTRACTS.md §10).
  test('a loaded script sees ECMAScript built-ins plus define/log/util, and no Node globals', () => {
    const account = fixtureAccount();
    scheduled(account, 'customscript_probe', '/SuiteScripts/Probe/SC_ProbeGlobals.js');
    const r = runScheduled(account, { scriptId: 'customscript_probe' });
    expect(r.status).toBe('COMPLETE');
    const seen = logged(r.logs, 'globals');
    for (const name of [
      'Buffer',
      'process',
      'require',
      'setTimeout',
      'setInterval',
      'setImmediate',
      'queueMicrotask',
      'fetch',
      'global',
      'console',
      'structuredClone',
      'WebAssembly',
    ]) {
      expect([name, seen[name]]).toEqual([name, 'undefined']);
    }
    expect(seen).toMatchObject({
      define: 'function',
      log: 'object',
      util: 'object',
      JSON: 'object',
      Promise: 'function',
      Intl: 'object',
      globalThisKeys: [],
      sameLog: true,
      contextType: 'ONDEMAND',
      utilIsArray: true,
      utilIsObject: true,
      dateInstance: true,
    });
  });

  // NetSuite help "Module Dependency Paths": absolute (/SuiteScripts/...), relative (./, ../), no extension needed.
  test('relative, absolute and bare ids, with and without .js; require and exports magic deps; one instance per execution', () => {
    const account = fixtureAccount();
    scheduled(account, 'customscript_paths', '/SuiteScripts/Apps/Sample/SC_Paths.js');
    const r = runScheduled(account, { scriptId: 'customscript_paths' });
    expect(r.error).toBeUndefined();
    expect(logged(r.logs, 'paths')).toEqual({
      greet: 'hello ada 3',
      add: 5,
      twice: 8,
      quadruple: 4,
      scriptId: 'customscript_paths',
      sameInstance: true,
      loads: 1,
    });
  });

  // NetSuite help "Entry Point Script Validation Error Reference": MULTIPLE_DEFINE_CALLS.
  test('a file calling define twice fails with MULTIPLE_DEFINE_CALLS', () => {
    const account = fixtureAccount();
    scheduled(account, 'customscript_dd', '/SuiteScripts/Bad/SC_DoubleDefine.js');
    const r = runScheduled(account, { scriptId: 'customscript_dd' });
    expect(r.status).toBe('FAILED');
    expect(r.error?.name).toBe('MULTIPLE_DEFINE_CALLS');
    expect(r.error?.message).toMatch(/define should only be called one time per module.*: \d+, \d+/);
  });

  // "Module does not exist: /SuiteScripts/x.js", type error.SuiteScriptModuleLoaderError (NetSuite's message,
  // quoted in oracle/netsuite-suitecloud-sdk issue #734).
  test('a missing module fails with MODULE_DOES_NOT_EXIST naming the resolved path', () => {
    const account = fixtureAccount();
    scheduled(account, 'customscript_md', '/SuiteScripts/Bad/SC_MissingDep.js');
    const r = runScheduled(account, { scriptId: 'customscript_md' });
    expect(r.error).toMatchObject({
      name: 'MODULE_DOES_NOT_EXIST',
      type: 'error.SuiteScriptModuleLoaderError',
      message: 'Module does not exist: /SuiteScripts/Bad/NoSuchLib.js',
    });
    scheduled(account, 'customscript_bm', '/SuiteScripts/Bad/SC_BadModule.js');
    expect(runScheduled(account, { scriptId: 'customscript_bm' }).error?.name).toBe('MODULE_DOES_NOT_EXIST');
    scheduled(account, 'customscript_nofile', '/SuiteScripts/Bad/Nothing.js');
    expect(runScheduled(account, { scriptId: 'customscript_nofile' }).error?.name).toBe(
      'MODULE_DOES_NOT_EXIST',
    );
  });

  // Entry Point Script Validation Error Reference: MISSING_SCRIPT_TYPE, INVALID_API_VERSION,
  // SCRIPT_OF_API_VERSION_20_MUST_IMPLEMENT_A_SCRIPT_TYPE_INTERFACE.
  test('an entry file that does not parse is rejected with SYNTAX_ERROR', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-'));
    fs.mkdirSync(path.join(root, 'SuiteScripts'));
    fs.writeFileSync(
      path.join(root, 'SuiteScripts', 'SC_Syntax.js'),
      '/**\n * @NApiVersion 2.1\n * @NScriptType ScheduledScript\n */\ndefine([], function () { return { execute: function () { var x = ; } }; });\n',
    );
    const account = fixtureAccount({ fileCabinetRoot: root });
    scheduled(account, 'customscript_bad', '/SuiteScripts/SC_Syntax.js');
    expect(runScheduled(account, { scriptId: 'customscript_bad' }).error?.name).toBe('SYNTAX_ERROR');
  });

  test.each([
    ['SC_NoScriptType.js', 'MISSING_SCRIPT_TYPE'],
    ['SC_NoApiVersion.js', 'INVALID_API_VERSION'],
    ['SC_NoEntryPoint.js', 'SCRIPT_OF_API_VERSION_20_MUST_IMPLEMENT_A_SCRIPT_TYPE_INTERFACE'],
  ])('entry file %s is rejected with %s', (file, code) => {
    const account = fixtureAccount();
    scheduled(account, 'customscript_bad', `/SuiteScripts/Bad/${file}`);
    const r = runScheduled(account, { scriptId: 'customscript_bad' });
    expect(r.status).toBe('FAILED');
    expect(r.error?.name).toBe(code);
  });

  test('a map/reduce file run as a scheduled script is refused (INVALID_JSDOC_TAG_VALUE)', () => {
    const account = fixtureAccount();
    scheduled(account, 'customscript_wrong', '/SuiteScripts/MR/MR_Words.js');
    expect(runScheduled(account, { scriptId: 'customscript_wrong' }).error?.name).toBe(
      'INVALID_JSDOC_TAG_VALUE',
    );
  });

  test('parseHeader reads the JSDoc tags before define', () => {
    expect(
      parseHeader(
        '/**\n * @NApiVersion 2.1\n * @NScriptType MapReduceScript\n * @NModuleScope Public\n */\ndefine([], {});',
      ),
    ).toMatchObject({
      apiVersion: '2.1',
      scriptType: 'MapReduceScript',
      moduleScope: 'Public',
    });
  });

  test('resolution stays under the root; exports-style modules; valid but unemulated N/ modules fail on use', () => {
    const sandbox = new Sandbox({
      root: FIXTURE_CABINET,
      standardModule: () => undefined,
      log: {},
      util: {},
    });
    // ids cannot climb above the File Cabinet root
    expect(sandbox.resolve('../../../etc/passwd', '/SuiteScripts/x.js')).toBe('/etc/passwd.js');
    expect(sandbox.resolve('./a', '/SuiteScripts/App/b.js')).toBe('/SuiteScripts/App/a.js');
    expect(sandbox.resolve('../Lib/a.js', '/SuiteScripts/App/b.js')).toBe('/SuiteScripts/Lib/a.js');
    expect(sandbox.resolve('SuiteScripts/Lib/a')).toBe('/SuiteScripts/Lib/a.js');
    const lib = sandbox.require('/SuiteScripts/Lib/exportsLib') as { twice(n: number): number };
    expect(lib.twice(21)).toBe(42);
    // a valid N/ module the emulator does not offer loads, and fails on use
    const https = sandbox.require('N/https') as Record<string, unknown>;
    expect(() => https.get).toThrow(/SSS_NOT_YET_SUPPORTED|not emulated/);
  });
});
