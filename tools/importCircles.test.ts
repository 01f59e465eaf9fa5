/** tools/importCircles.mjs: finds a circle of relative imports (type-only ones too) and passes a graph without one. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.join(__dirname, 'importCircles.mjs');

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-circles-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function check(dir: string) {
  const r = spawnSync(process.execPath, [SCRIPT, 'src'], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, out: r.stdout };
}

test('a graph without a circle passes', () => {
  const dir = project({
    'src/a.ts': "import { b } from './b';\nexport const a = b;\n",
    'src/b.ts': "import { c } from './lib';\nexport const b = c;\n",
    'src/lib/index.ts': "export { c } from './c.js';\n",
    'src/lib/c.ts': '// from "../a" in a comment is no import\nexport const c = 1;\n',
  });
  expect(check(dir)).toEqual({ status: 0, out: '' });
});

test('a circle through a type-only import, a re-export and a folder index is reported', () => {
  const dir = project({
    'src/a.ts': "import type { B } from './b';\nexport type A = B;\n",
    'src/b.ts': "export * from './lib';\nexport type B = string;\n",
    'src/lib/index.ts': "export type C = import('../a').A;\n",
    'src/other.ts': "import './a';\n",
  });
  const r = check(dir);
  expect(r.status).toBe(1);
  expect(r.out).toContain('import circle (3 files): src/a.ts -> src/b.ts -> src/lib/index.ts -> src/a.ts');
  expect(r.out).not.toContain('other.ts');
});

test('an import into a higher folder is reported; one into a lower folder or from test/ passes', () => {
  const dir = project({
    'simulation/world.ts': "import { run } from '../cli/fixtureRun';\nexport const world = run;\n",
    'cli/fixtureRun.ts': "import { seed } from '../emulator/src/seed';\nexport const run = seed;\n",
    'emulator/src/seed.ts': 'export const seed = 1;\n',
    'test/world.test.ts': "import { world } from '../simulation/world';\nexport const w = world;\n",
  });
  const r = spawnSync(process.execPath, [SCRIPT, 'simulation', 'cli', 'emulator/src', 'test'], {
    cwd: dir,
    encoding: 'utf8',
  });
  expect(r.status).toBe(1);
  expect(r.stdout.trim().split('\n')).toEqual([
    'upward import: simulation/world.ts -> cli/fixtureRun.ts (simulation/ may import src/TypeScripts, emulator/src): move what it needs down, or pass it in',
  ]);
});
