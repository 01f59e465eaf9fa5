/**
 * `npm start` (cli/build-if-changed.js) builds only when a source, a config or an output changed since
 * the last build: the second start skips the build, an edit or a deleted output rebuilds.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.join(__dirname, '../../cli/build-if-changed.js');
let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-build-'));
  // A project whose "build" counts its runs and writes the output npm start runs.
  const build =
    "const fs=require('fs');fs.appendFileSync('builds.txt','x');fs.mkdirSync('dist/cli',{recursive:true});fs.writeFileSync('dist/cli/main.js','')";
  fs.writeFileSync(
    path.join(root, 'package.json'),
    JSON.stringify({ scripts: { build: `node -e "${build}"` } }),
  );
  fs.mkdirSync(path.join(root, 'src/TypeScripts'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src/TypeScripts/a.ts'), 'export const a = 1;\n');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function start(): { code: number | null; said: string; builds: number } {
  const r = spawnSync(process.execPath, [SCRIPT], { cwd: root, encoding: 'utf8' });
  const builds = fs.existsSync(path.join(root, 'builds.txt'))
    ? fs.readFileSync(path.join(root, 'builds.txt'), 'utf8').length
    : 0;
  return { code: r.status, said: r.stderr, builds };
}

test('the second start does not build; an edit, a new file or a deleted output does', () => {
  expect(start()).toMatchObject({ code: 0, builds: 1, said: expect.stringMatching(/npm run build/) });
  expect(start()).toMatchObject({
    code: 0,
    builds: 1,
    said: expect.stringMatching(/nothing changed since the last build/),
  });
  fs.writeFileSync(path.join(root, 'src/TypeScripts/a.ts'), 'export const a = 22;\n');
  expect(start().builds).toBe(2);
  expect(start().builds).toBe(2);
  fs.writeFileSync(path.join(root, 'src/TypeScripts/b.ts'), 'export const b = 1;\n');
  expect(start().builds).toBe(3);
  fs.rmSync(path.join(root, 'dist/cli/main.js'));
  expect(start().builds).toBe(4);
  // What other commands write (a deploy project, bench results) is not a reason to rebuild.
  fs.mkdirSync(path.join(root, 'dist/sdf/update'), { recursive: true });
  fs.writeFileSync(path.join(root, 'dist/sdf/update/x.js'), '');
  expect(start().builds).toBe(4);
});

test('a failed build is not stamped: the next start builds again', () => {
  fs.writeFileSync(
    path.join(root, 'package.json'),
    JSON.stringify({ scripts: { build: 'node -e "process.exit(3)"' } }),
  );
  expect(start().code).toBe(3);
  expect(fs.existsSync(path.join(root, 'dist/.build-stamp'))).toBe(false);
});

test('npm start builds through it, and passes its options to simulate', () => {
  const scripts = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')).scripts;
  expect(scripts.start).toBe('node cli/build-if-changed.js && node dist/cli/main.js simulate');
});
