import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { Account } from '../../src/account';
import { Execution } from '../../src/runners/execution';

// This repository's own project, found from here: the emulator's tests import nothing outside emulator/.
const PROJECT_ROOT = path.resolve(__dirname, '../../..');
const SDF_PROJECT_DIR = path.join(PROJECT_ROOT, 'src');

/** The shipped scripts, read from build/scripts.mjs (the list shared by build, validator and tests). */
function shippedScripts(): Array<{ name: string; scriptId: string; type: string }> {
  // An ES module: import it in a child Node, as the SDF validator does.
  const file = pathToFileURL(path.join(PROJECT_ROOT, 'build/scripts.mjs')).href;
  const code = 'const m = await import(process.argv[1]); process.stdout.write(JSON.stringify(m.SCRIPTS));';
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', code, file], { encoding: 'utf8' }),
  );
}

describe('built entry points of this project', () => {
  const scripts = shippedScripts();
  test('build/scripts.mjs lists the five scripts and the status page', () => {
    expect(scripts.map((s) => s.scriptId)).toHaveLength(6);
  });

  // Entry points per script type (NetSuite help "SuiteScript 2.x Script Types"): execute; getInputData,
  // map and/or reduce (a map/reduce script may leave one of them out), summarize.
  test.each(scripts.map((s) => [s.name, s]))(
    '%s loads in the sandbox and exposes its entry points',
    (_n, s) => {
      const account = new Account({ sdfProjectDir: SDF_PROJECT_DIR });
      const def =
        account.scripts.get(s.scriptId) ??
        account.registerScript({
          scriptId: s.scriptId,
          kind: s.type === 'MapReduceScript' ? 'MAPREDUCE' : s.type === 'Suitelet' ? 'SUITELET' : 'SCHEDULED',
          scriptFile: `/SuiteScripts/HotWaxCustomerSync/${s.name}.js`,
          deployments: [{ deploymentId: 'customdeploy_test' }],
        });
      expect(def.scriptFile).toBe(`/SuiteScripts/HotWaxCustomerSync/${s.name}.js`);
      const exec = new Execution({ account, script: def, deployment: def.deployments[0], limit: 10_000 });
      const { header, module } = exec.sandbox.loadEntry(def.scriptFile, s.type);
      expect(header).toMatchObject({ apiVersion: '2.1', scriptType: s.type });
      const entries =
        s.type === 'MapReduceScript'
          ? ['getInputData', 'map', 'reduce', 'summarize']
          : s.type === 'Suitelet'
            ? ['onRequest']
            : ['execute'];
      const m = module as Record<string, unknown>;
      const optional = s.type === 'MapReduceScript' ? ['map', 'reduce'] : [];
      for (const e of entries.filter((x) => !optional.includes(x))) expect(typeof m[e]).toBe('function');
      if (optional.length) expect(optional.some((e) => typeof m[e] === 'function')).toBe(true);
      for (const e of optional) expect(['function', 'undefined']).toContain(typeof m[e]);
    },
  );
});
