#!/usr/bin/env node
// @ts-check
/**
 * `npm start` builds only when something the build reads or writes changed since the last build:
 * a second `npm start` (or `npm start -- --serve`) starts in about a second instead of after the
 * 25-60 s of `npm run build`. Plain JavaScript: it runs before anything is built.
 *
 * The fingerprint is the path, size and modification time of every source and config file the build
 * reads (rollup: src/TypeScripts; tsc: tsconfig.node.json's folders; package.json, the lock file and the
 * configs) and of everything it writes (dist/, src/FileCabinet/): an edit, a `git checkout` or a
 * deleted output all change it. It is kept in dist/.build-stamp after a successful build.
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const STAMP = path.join('dist', '.build-stamp');
const FOLDERS = [
  'src/TypeScripts',
  'src/FileCabinet',
  'emulator',
  'simulation',
  'cli',
  'tools',
  'bench',
  'test',
  'dist',
];
const FILES = [
  'package.json',
  'package-lock.json',
  'rollup.config.mjs',
  'tsconfig.json',
  'tsconfig.node.json',
];
// What other commands write there (deploy projects, bench results) is not the build's.
const SKIP = new Set([
  'node_modules',
  '.git',
  path.join('dist', 'sdf'),
  path.join('bench', 'results.json'),
  STAMP,
]);
const SOURCE = /\.(?:[cm]?[jt]s|json|map)$/;

/** @param {string} root */
function fingerprint(root) {
  const hash = crypto.createHash('sha256');
  const add = (/** @type {string} */ rel) => {
    let st;
    try {
      st = fs.statSync(path.join(root, rel));
    } catch {
      hash.update(`${rel}\0missing\n`);
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(path.join(root, rel)).sort())
        if (!SKIP.has(name) && !SKIP.has(path.join(rel, name))) add(path.join(rel, name));
    } else if (SOURCE.test(rel)) hash.update(`${rel}\0${st.size}\0${st.mtimeMs}\n`);
  };
  for (const f of [...FILES, ...FOLDERS]) add(f);
  return hash.digest('hex');
}

/** Builds unless the stamp matches; returns the exit status. */
function buildIfChanged(root = process.cwd(), say = (/** @type {string} */ t) => process.stderr.write(t)) {
  const stampFile = path.join(root, STAMP);
  let stamp = '';
  try {
    stamp = fs.readFileSync(stampFile, 'utf8').trim();
  } catch {
    /* never built here */
  }
  if (stamp && stamp === fingerprint(root) && fs.existsSync(path.join(root, 'dist/cli/main.js'))) {
    say('Build: nothing changed since the last build (dist/.build-stamp), not rebuilding.\n');
    return 0;
  }
  say('Build: sources changed (or no build yet): npm run build ...\n');
  const r = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) return r.status ?? 1;
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, `${fingerprint(root)}\n`);
  return 0;
}

module.exports = { buildIfChanged, fingerprint };

if (require.main === module) process.exitCode = buildIfChanged();
