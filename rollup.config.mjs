// Builds the SuiteScript files SDF deploys: one AMD module per entry point plus the library modules
// (lib/HC_CustomerSyncLib.js, loaded by every script, and lib/HC_CustomerSyncStatusLib.js, loaded by
// the Suitelet only), all under src/FileCabinet/SuiteScripts/HotWaxCustomerSync.
// Why rollup and not tsc: NetSuite loads AMD only, tsc's AMD output puts helpers outside define(),
// and the npm dependencies (csv-stringify, csv-parse) must be inlined. Output is deterministic.
//
// Language level: ES2023, what Oracle documents for SuiteScript 2.1 server scripts ("For server
// scripts, the Graal runtime engine is used. This engine supports ECMAScript 2023", NetSuite help
// "SuiteScript 2.1", https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/chapter_156042690639.html).
// So `?.`, `??`, classes and spread ship as written, without down-levelling temporaries (tsconfig.json).
import ts from 'typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { minify } from 'terser';
import path from 'node:path';
import { SCRIPTS, LIBRARY, LIBRARIES, SRC_DIR, OUT_DIR } from './build/scripts.mjs';

const source = (rel) => path.resolve(SRC_DIR, rel);
const LIBRARY_SOURCES = new Map(LIBRARIES.map((l) => [source(l.source), l]));
// A library imported by another module is external under its path without `.ts` (so the AMD
// factory's parameter reads HC_CustomerSyncLib); output.paths turns that into the relative id.
const externalId = (file) => file.replace(/\.ts$/, '');
const LIBRARY_IDS = new Map(LIBRARIES.map((l) => [externalId(source(l.source)), l]));
const MAIN_SOURCE = source(LIBRARY.source);
const MAIN_ID = externalId(MAIN_SOURCE);
// Any module of the bundle's sources but the entry points (lib/, adapters/, sync/, core/, or a folder added later).
const SCRIPTS_DIR = source('scripts') + path.sep;
const isOwnSource = (id) => id.startsWith(path.resolve(SRC_DIR) + path.sep) && !id.startsWith(SCRIPTS_DIR);

/** The AMD id a built file at `fromFile` (relative to OUT_DIR) loads library module `lib` by. */
function libraryPath(fromFile, lib) {
  const rel = path.posix.relative(path.posix.dirname(fromFile), lib.output.replace(/\.js$/, ''));
  return rel.startsWith('.') ? rel : `./${rel}`;
}

const header = (tags) => ['/**', ...Object.entries(tags).map(([k, v]) => ` * @${k} ${v}`), ' */'].join('\n');

/**
 * csv-parse and csv-stringify are written against Node's global `Buffer`. Their browser builds
 * (what core/csv.ts imports) each inline a whole Buffer polyfill, about 58 kB apiece. Bundle their
 * plain ES sources instead and give every one of their files core/csvBuffer.ts as `Buffer`: one copy,
 * of only what they use. NetSuite has no global Buffer, so a file left without it fails at once
 * (eslint's no-restricted-globals on the built files, and the bare-sandbox tests).
 */
const CSV_PACKAGES = {
  'csv-parse/browser/esm/sync': path.resolve('node_modules/csv-parse/lib/sync.js'),
  'csv-stringify/browser/esm/sync': path.resolve('node_modules/csv-stringify/lib/sync.js'),
};
const CSV_SOURCE_DIRS = Object.values(CSV_PACKAGES).map((f) => path.dirname(f) + path.sep);
const CSV_BUFFER = source('core/csvBuffer.ts');
function oneCsvBuffer() {
  return {
    name: 'one-csv-buffer',
    resolveId(id) {
      return CSV_PACKAGES[id] ?? null;
    },
    transform(code, id) {
      if (!CSV_SOURCE_DIRS.some((d) => id.startsWith(d)) || !/\bBuffer\b/.test(code)) return null;
      return {
        code: `import { CsvBuffer as Buffer } from ${JSON.stringify(CSV_BUFFER)};\n${code}`,
        map: null,
      };
    },
  };
}

/** What the main library's build shipped: its modules and exports, for the builds that use it. */
const mainLibrary = { modules: undefined, exports: undefined };
function recordMainLibrary() {
  return {
    name: 'record-main-library',
    generateBundle(_options, bundle) {
      const chunk = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
      mainLibrary.modules = new Set(chunk.moduleIds);
      mainLibrary.exports = new Set(chunk.exports);
    },
  };
}

/**
 * A module the main library already holds is never copied into another library module: an import of
 * it resolves to the main library (one AMD dependency), and every name imported must be one the main
 * library exports (else the build fails saying which to export from lib/HC_CustomerSyncLib.ts).
 */
/** `output`: this library module's file, relative to OUT_DIR. */
function useMainLibrary(output) {
  return {
    name: 'use-main-library',
    async resolveId(id, importer, options) {
      if (/^N(\/|$)/.test(id)) return { id, external: true };
      if (!importer) return null;
      if (!mainLibrary.modules) throw new Error('the main library must be built before the modules using it');
      const resolved = await this.resolve(id, importer, { ...options, skipSelf: true });
      if (resolved && !resolved.external && mainLibrary.modules.has(resolved.id))
        return { id: MAIN_ID, external: true };
      return resolved;
    },
    renderChunk(_code, chunk) {
      // Bindings are keyed by the rendered id (output.paths), relative to this file.
      const imported = chunk.importedBindings[libraryPath(output, LIBRARY)] ?? [];
      const missing = imported.filter((n) => !mainLibrary.exports.has(n));
      if (missing.length > 0)
        throw new Error(`${chunk.fileName}: export ${missing.join(', ')} from ${LIBRARY.source}`);
      return null;
    },
  };
}

/** Entry points may import the library modules only: any other module of the bundle's sources would ship twice. */
function entryPointImports() {
  return {
    name: 'entry-point-imports',
    async resolveId(id, importer, options) {
      if (/^N(\/|$)/.test(id)) return { id, external: true };
      if (!importer) return null;
      const resolved = await this.resolve(id, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      if (LIBRARY_SOURCES.has(resolved.id)) return { id: externalId(resolved.id), external: true };
      if (isOwnSource(resolved.id)) {
        const names = LIBRARIES.map((l) => l.source.replace(/\.ts$/, '')).join(' or ');
        throw new Error(`${importer}: import ${id} through ${names}, not directly`);
      }
      return resolved;
    },
  };
}

/**
 * NetSuite (and eslint-plugin-suitescript's entry-points rule) expect the define() factory to
 * return the entry points as an object literal. Rollup's AMD output assigns to an `exports`
 * dependency instead, so rewrite that one shape and fail the build on anything unexpected.
 */
function returnExportsObject() {
  return {
    name: 'return-exports-object',
    renderChunk(code, chunk) {
      const head = /^define\(\['exports'(, )?/m;
      if (!head.test(code)) {
        if (chunk.exports.length === 0) return null;
        throw new Error(`${chunk.fileName}: unexpected AMD wrapper, cannot place the return`);
      }
      let out = code.replace(head, 'define([').replace(/\(function \(exports(, )?/, '(function (');
      const assigns = [...out.matchAll(/^ +exports\.(\w+) = (\w+);\n/gm)];
      if (assigns.length !== chunk.exports.length) {
        throw new Error(
          `${chunk.fileName}: expected ${chunk.exports.length} exports, found ${assigns.length}`,
        );
      }
      for (const a of assigns) out = out.replace(a[0], '');
      const props = assigns.map((a) => `${a[1]}: ${a[2]}`).join(', ');
      out = out.replace(/\n\}\)\);\n?$/, `\n  return { ${props} };\n\n}));\n`);
      return { code: out, map: null };
    },
  };
}

/**
 * The library modules, which every execution and every map/reduce job parses, ship compact: terser
 * reprints the code without comments, indentation or spaces, a line break after a statement and lines
 * of at most 120 characters (no compression, no renaming), so a NetSuite error's line number still
 * points at a short line holding the source's own names. The header comment NetSuite reads is kept.
 */
function compactLibrary() {
  return {
    name: 'compact-library',
    async renderChunk(code) {
      const out = await minify(code, {
        compress: false,
        mangle: false,
        ecma: 2020,
        format: {
          beautify: false,
          // Line breaks instead of semicolons, and short lines: an error's line number stays useful.
          semicolons: false,
          max_line_len: 120,
          comments: /@NApiVersion/,
          quote_style: 3,
          ascii_only: true,
        },
      });
      return { code: `${out.code}\n`, map: null };
    },
  };
}

/**
 * TypeScript to JavaScript one file at a time (ts.transpileModule), with tsconfig.json's options:
 * what `isolatedModules: true` guarantees is the same as a whole-program emit. Types are checked
 * once, by `tsc -p tsconfig.json`; a whole program per bundle here would only re-parse every source.
 */
const TS_OPTIONS = ts.parseJsonConfigFileContent(
  ts.readConfigFile('./tsconfig.json', ts.sys.readFile).config,
  ts.sys,
  path.resolve('.'),
).options;
const typescriptPlugin = (removeComments) => ({
  name: 'transpile-typescript',
  // The sources import each other without the `.ts` (tsconfig.json's Bundler resolution).
  resolveId(id, importer) {
    if (!importer || !(id.startsWith('.') || path.isAbsolute(id))) return null;
    const file = path.resolve(path.dirname(importer), `${id}.ts`);
    return ts.sys.fileExists(file) ? file : null;
  },
  transform(code, id) {
    if (!id.endsWith('.ts')) return null;
    const options = { ...TS_OPTIONS, noEmit: false, sourceMap: false, removeComments };
    return {
      code: ts.transpileModule(code, { compilerOptions: options, fileName: id }).outputText,
      map: null,
    };
  },
});

const plugins = (own, { library }) => [
  own,
  oneCsvBuffer(),
  nodeResolve({ browser: true }),
  typescriptPlugin(library),
  returnExportsObject(),
  ...(library ? [compactLibrary()] : []),
];

const output = (file, tags) => ({
  file: `${OUT_DIR}/${file}`,
  format: 'amd',
  // Four spaces, as the entry points have always shipped (else rollup guesses from the transpiled code).
  indent: '    ',
  banner: header(tags),
  exports: 'named',
  esModule: false,
  interop: 'esModule',
  freeze: false,
  externalLiveBindings: false,
  generatedCode: { preset: 'es2015', symbols: false },
  // A library module is loaded by a relative id (entry points at the app folder's root, libraries in
  // lib/): NetSuite resolves it against the loading file.
  paths: (id) => {
    const lib = LIBRARY_IDS.get(id);
    return lib ? libraryPath(file, lib) : id;
  },
});

const LIBRARY_TAGS = { NApiVersion: '2.1', NModuleScope: 'SameAccount' };

export default [
  {
    input: MAIN_SOURCE,
    external: (id) => /^N(\/|$)/.test(id),
    output: output(LIBRARY.output, LIBRARY_TAGS),
    plugins: plugins(recordMainLibrary(), { library: true }),
  },
  ...LIBRARIES.filter((l) => l !== LIBRARY).map((l) => ({
    input: source(l.source),
    output: output(l.output, LIBRARY_TAGS),
    plugins: plugins(useMainLibrary(l.output), { library: true }),
  })),
  ...SCRIPTS.map((s) => ({
    input: source(s.source),
    output: output(s.output, { NApiVersion: '2.1', NScriptType: s.type, NModuleScope: 'SameAccount' }),
    plugins: plugins(entryPointImports(), { library: false }),
  })),
];
