/**
 * The build's rules on what a module may import (rollup.config.mjs), run with the real build
 * configuration on small modules written for the test (nothing is written to src/FileCabinet):
 * an entry point importing a part of the library directly would ship a second copy of it, and the
 * status library may use only what the main library exports (it loads it, never copies it).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '../..');
const SRC = path.join(ROOT, 'src/TypeScripts/HotWaxCustomerSync');

type Kind = 'entry' | 'status';

/** Builds the main library once, then each module as an entry point or as the status library. */
function build(modules: [Kind, string][]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-build-rules-'));
  try {
    const inputs = modules.map(([kind, text], i) => {
      const f = path.join(dir, `m${i}.js`);
      fs.writeFileSync(f, text);
      return [kind, f];
    });
    const code = `
      import { rollup } from 'rollup';
      const [configUrl, json] = process.argv.slice(1);
      const [main, status, ...rest] = (await import(configUrl)).default;
      const scripts = rest.filter((c) => !c.output.file.includes('/lib/'));
      const quiet = { onwarn: () => {} };
      await (await rollup({ ...main, ...quiet })).generate(main.output);
      const out = [];
      for (const [kind, input] of JSON.parse(json)) {
        const config = kind === 'status' ? status : scripts[0];
        try {
          await (await rollup({ ...config, ...quiet, input })).generate(config.output);
          out.push('built');
        } catch (e) {
          out.push(e.message);
        }
      }
      process.stdout.write(JSON.stringify(out));`;
    const configUrl = pathToFileURL(path.join(ROOT, 'rollup.config.mjs')).href;
    return JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', code, configUrl, JSON.stringify(inputs)], {
        cwd: ROOT,
        encoding: 'utf8',
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const from = (rel: string) => JSON.stringify(path.join(SRC, rel));
const importing = (name: string, rel: string, fn: string) =>
  `import { ${name} } from ${from(rel)};\nexport function ${fn}() {\n  return ${name};\n}\n`;

test('an entry point may not bypass the library modules; the status library uses only what the main library exports', () => {
  const [entryDirect, statusUnexported, entryThroughLibrary, statusExported] = build([
    ['entry', importing('toCsv', 'core/csv', 'execute')],
    ['status', importing('FILE_CONTENT_LIMIT', 'adapters/sftp', 'limit')],
    ['entry', importing('parseCsvRecords', 'lib/HC_CustomerSyncLib', 'execute')],
    ['status', importing('customerFeedFolder', 'adapters/sftp', 'client')],
  ]);
  expect(entryDirect).toMatch(
    /import .*core\/csv through lib\/HC_CustomerSyncLib or lib\/HC_CustomerSyncStatusLib or lib\/HC_CustomerImportMapReduceLib or lib\/HC_CustomerExportLib, not directly/,
  );
  expect(statusUnexported).toMatch(/export FILE_CONTENT_LIMIT from lib\/HC_CustomerSyncLib\.ts/);
  expect([entryThroughLibrary, statusExported]).toEqual(['built', 'built']);
  // Five rollup builds (they transpile file by file: `tsc -p tsconfig.json` checks the types).
}, 300_000);
