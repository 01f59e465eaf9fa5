/**
 * The bundle's import graph goes one way: scripts/ -> lib/ (the library module) -> adapters/ ->
 * sync/ (with its ports) -> core/. No upward arrow, no cycle, N/ never in sync/ or core/, and entry
 * points import the library module only (a direct import would ship a second copy of what it holds).
 * Read from the TypeScript sources, every import and re-export included, type-only ones too.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '../../src/TypeScripts/HotWaxCustomerSync');

/** Lowest first: a file may import its own layer or a lower one. */
const LAYERS = ['core', 'sync', 'adapters', 'lib', 'scripts'] as const;
const N_ALLOWED = new Set(['adapters', 'lib', 'scripts']);

interface Graph {
  /** file (relative to SRC, without .ts) -> what it imports (relative files, or N/ module ids) */
  [file: string]: string[];
}

function readGraph(root: string): Graph {
  const graph: Graph = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const from = path.relative(root, full).replace(/\\/g, '/').replace(/\.ts$/, '');
        const info = ts.preProcessFile(fs.readFileSync(full, 'utf8'), true, false);
        graph[from] = info.importedFiles.map((f) =>
          f.fileName.startsWith('.')
            ? path.posix.normalize(path.posix.join(path.posix.dirname(from), f.fileName))
            : f.fileName,
        );
      }
    }
  };
  walk(root);
  return graph;
}

const layerOf = (file: string) => file.split('/')[0];
const rank = (file: string) => (LAYERS as readonly string[]).indexOf(layerOf(file));
const isN = (id: string) => id === 'N' || id.startsWith('N/');

/** Every rule the graph breaks, one line each. */
function problems(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, targets] of Object.entries(graph)) {
    if (rank(from) < 0) out.push(`${from}: in no layer (${LAYERS.join(', ')})`);
    for (const to of targets) {
      if (isN(to)) {
        if (!N_ALLOWED.has(layerOf(from)))
          out.push(`${from} -> ${to}: N/ outside adapters/, lib/ and scripts/`);
        continue;
      }
      if (!(to in graph)) {
        // npm packages inlined into the library (csv-parse, csv-stringify) are leaves; core/ holds them.
        if (!to.startsWith('.') && !to.includes('/..') && layerOf(from) === 'core') continue;
        out.push(`${from} -> ${to}: not a source file of the bundle`);
        continue;
      }
      if (rank(to) > rank(from))
        out.push(`${from} -> ${to}: upward (${layerOf(from)} is below ${layerOf(to)})`);
      if (layerOf(from) === 'scripts' && !/^lib\/HC_[A-Za-z]+$/.test(to) && layerOf(to) !== 'scripts')
        out.push(`${from} -> ${to}: an entry point imports the library module only`);
    }
  }
  return out;
}

/** Each cycle once, as the files along it. */
function cycles(graph: Graph): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const to of graph[f] ?? []) {
      if (!(to in graph)) continue;
      if (state.get(to) === 'open') found.push([...stack.slice(stack.indexOf(to)), to]);
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of Object.keys(graph).sort()) if (!state.has(f)) visit(f);
  return found;
}

describe('the checks themselves', () => {
  test('an upward arrow, N/ in sync/, a script bypassing the library and a cycle are all caught', () => {
    const bad: Graph = {
      'core/a': ['sync/b'],
      'sync/b': ['N/search', 'core/a'],
      'scripts/S': ['core/a', 'lib/HC_CustomerSyncLib'],
      'lib/HC_CustomerSyncLib': [],
      'misc/x': [],
    };
    const p = problems(bad);
    expect(p).toContain('core/a -> sync/b: upward (core is below sync)');
    expect(p).toContain('sync/b -> N/search: N/ outside adapters/, lib/ and scripts/');
    expect(p).toContain('scripts/S -> core/a: an entry point imports the library module only');
    expect(p).toContain('misc/x: in no layer (core, sync, adapters, lib, scripts)');
    expect(cycles(bad)).toEqual([['core/a', 'sync/b', 'core/a']]);
  });

  test('a graph that keeps the rules passes', () => {
    const good: Graph = {
      'core/a': ['csv-parse/browser/esm/sync'],
      'sync/ports': ['core/a'],
      'sync/b': ['sync/ports', 'core/a'],
      'adapters/c': ['N/search', 'sync/ports', 'sync/b'],
      'lib/HC_CustomerSyncLib': ['adapters/c', 'sync/b', 'core/a'],
      'scripts/S': ['N/log', 'lib/HC_CustomerSyncLib'],
    };
    expect(problems(good)).toEqual([]);
    expect(cycles(good)).toEqual([]);
  });
});

describe('the bundle', () => {
  const graph = readGraph(SRC);

  test('is read whole (every layer has files)', () => {
    for (const layer of LAYERS) expect(Object.keys(graph).some((f) => layerOf(f) === layer)).toBe(true);
    expect(graph['lib/HC_CustomerSyncLib'].length).toBeGreaterThan(10);
  });

  test('every arrow points down or within its layer; N/ only in adapters/, lib/ and scripts/', () => {
    expect(problems(graph)).toEqual([]);
  });

  test('has no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });
});
