#!/usr/bin/env node
/**
 * Import-graph check: walks the relative imports of the TypeScript/JavaScript files under the folders
 * given (default: every source and test folder of the repository) and fails when any file reaches
 * itself again, or when a folder imports one above it (`MAY_IMPORT`). Type-only imports count too
 * (`import type`, `import('./x').T`): a circle of types is still a circle in the import graph a reader
 * follows. The bundle's own layers (scripts -> lib -> adapters -> sync -> core) are checked by
 * test/unit/importGraph.test.ts and ESLint.
 *
 *   node tools/importCircles.mjs [--verbose] [folder ...]
 *
 * Exit 0 with no output when the graph keeps the rules; otherwise each circle or upward import on a
 * line and exit 1.
 */
import fs from 'node:fs';
import path from 'node:path';

const DEFAULT_ROOTS = [
  'emulator/src',
  'emulator/tools',
  'emulator/test',
  'src/TypeScripts',
  'build',
  'simulation',
  'cli',
  'bench',
  'tools',
  'test',
];

/**
 * The repository's folders, lowest first, and the other folders each may import (relative imports
 * only; a folder of none of these, or test/, may import any). The bundle and the emulator package
 * stand alone: the emulator is published on its own, the bundle ships to NetSuite.
 */
const MAY_IMPORT = {
  'src/TypeScripts': [],
  'emulator/src': [],
  build: [],
  'emulator/tools': ['emulator/src'],
  'emulator/test': ['emulator/src', 'emulator/tools'],
  simulation: ['src/TypeScripts', 'emulator/src'],
  tools: ['src/TypeScripts', 'emulator/src', 'build'],
  cli: ['simulation', 'src/TypeScripts', 'emulator/src'],
  bench: ['simulation', 'src/TypeScripts', 'emulator/src'],
};
const FOLDERS = [...Object.keys(MAY_IMPORT), 'test'];
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage', '.git']);

/** Every source file under dir (skipping build output and declaration files). */
function sourceFiles(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) sourceFiles(full, out);
    } else if (EXTENSIONS.some((e) => entry.name.endsWith(e)) && !entry.name.endsWith('.d.ts')) {
      out.push(path.resolve(full));
    }
  }
  return out;
}

// from '…' (import/export … from), import '…', import('…'), require('…'); comments stripped first.
const SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])(\.{1,2}\/[^'"]*|\.{1,2})\1/g;

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** The file a relative specifier names, as TypeScript and Node resolve it (./x.js may be ./x.ts). */
function resolve(fromFile, spec) {
  const base = path.resolve(path.dirname(fromFile), spec);
  const stem = base.replace(/\.(c|m)?js$/, '');
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => stem + e),
    ...EXTENSIONS.map((e) => path.join(base, 'index' + e)),
  ];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
}

function importGraph(files) {
  const graph = new Map();
  for (const file of files) {
    const text = stripComments(fs.readFileSync(file, 'utf8'));
    const targets = new Set();
    for (const m of text.matchAll(SPECIFIER)) {
      const target = resolve(file, m[2]);
      if (target && target !== file) targets.add(target);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** Strongly connected components with more than one file (Tarjan), each a set of files in a circle. */
function circles(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) !== idx.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component);
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

/** One shortest path from a file of the component back to itself, for the message. */
function oneCycle(graph, component) {
  const inside = new Set(component);
  const start = [...component].sort()[0];
  const prev = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (w === start) {
        const cycle = [v];
        for (let p = prev.get(v); p; p = prev.get(p)) cycle.unshift(p);
        return [...cycle, start];
      }
      if (inside.has(w) && !prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return component;
}

/** The folder of MAY_IMPORT (or test/) a file is in, relative to the working directory, else null. */
function folderOf(file) {
  const rel = path.relative(process.cwd(), file).split(path.sep).join('/');
  return FOLDERS.filter((f) => rel.startsWith(f + '/')).sort((a, b) => b.length - a.length)[0] ?? null;
}

/** Every import from one folder into a folder it may not import, as "from -> to". */
function upwardImports(graph) {
  const out = [];
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    if (!from || !MAY_IMPORT[from]) continue;
    for (const target of targets) {
      const to = folderOf(target);
      if (to && to !== from && !MAY_IMPORT[from].includes(to)) out.push([file, target, from, to]);
    }
  }
  return out;
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const folders = args.filter((a) => a !== '--verbose');
const roots = folders.length ? folders : DEFAULT_ROOTS;
const files = roots.filter((r) => fs.existsSync(r)).flatMap((r) => sourceFiles(r));
const graph = importGraph(files);
const found = circles(graph);
const rel = (f) => path.relative(process.cwd(), f);
for (const component of found) {
  console.log(
    `import circle (${component.length} files): ${oneCycle(graph, component).map(rel).join(' -> ')}`,
  );
  if (!verbose) continue;
  for (const f of component) {
    const inside = (graph.get(f) ?? []).filter((w) => component.includes(w));
    console.log(`    ${rel(f)} -> ${inside.map(rel).join(', ')}`);
  }
}
if (found.length) {
  console.log(
    `${found.length} import circle(s): move what both sides need into a file neither imports back.`,
  );
  process.exitCode = 1;
}
for (const [file, target, from] of upwardImports(graph)) {
  console.log(
    `upward import: ${rel(file)} -> ${rel(target)} (${from}/ may import ${MAY_IMPORT[from].join(', ') || 'no other folder'}): move what it needs down, or pass it in`,
  );
  process.exitCode = 1;
}
