/**
 * One table of script and deployment ids (core/scriptIds.ts, by name in core/scriptTable.ts): build/scripts.mjs (plain JavaScript,
 * read by the build and the SDF validator) names the same scripts, and the SDF objects declare each
 * script under its name with its deployments.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SCRIPT_IDS } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptTable';

const ROOT = path.resolve(__dirname, '../..');

/** build/scripts.mjs is an ES module: read it in a child Node, as test/lib/librarySize.test.ts does. */
const built: { SCRIPTS: { name: string; scriptId: string }[] } = JSON.parse(
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

const table = Object.values(SCRIPT_IDS);

test('build/scripts.mjs ships exactly the scripts of the table, under the same ids', () => {
  const key = (s: { name: string; scriptId: string }) => `${s.name} ${s.scriptId}`;
  expect(built.SCRIPTS.map(key).sort()).toEqual(table.map(key).sort());
});

test.each(table.map((s) => [s.name, s] as const))('src/Objects declares %s and its deployments', (_n, s) => {
  const xml = fs.readFileSync(path.join(ROOT, 'src/Objects', `${s.scriptId}.xml`), 'utf8');
  expect(xml).toMatch(new RegExp(`^<\\w+ scriptid="${s.scriptId}">`));
  expect(xml).toContain(`<name>${s.name}</name>`);
  const deployments = [...xml.matchAll(/<scriptdeployment scriptid="(\w+)">/g)].map((m) => m[1]);
  const declared: string[] = [s.deploymentId];
  if ('onDemandDeploymentId' in s) declared.push(s.onDemandDeploymentId);
  expect(deployments.sort()).toEqual(declared.sort());
});
