// Builds the SuiteScript files SDF deploys: one AMD module per entry point plus the shared
// library module (HC_CustomerSyncLib.js), all under src/FileCabinet/SuiteScripts/HotWaxCustomerSync.
// Why rollup and not tsc: NetSuite loads AMD only, tsc's AMD output puts helpers outside define(),
// and the npm dependencies (csv-stringify, csv-parse) must be inlined. Output is deterministic.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import path from 'node:path';
import { SCRIPTS, LIBRARY, SRC_DIR, OUT_DIR } from './build/scripts.mjs';

const LIB_SOURCE = path.resolve(SRC_DIR, LIBRARY.source);
const isLibrary = (id) => id === LIB_SOURCE || `${id}.ts` === LIB_SOURCE;

const header = (tags) => ['/**', ...Object.entries(tags).map(([k, v]) => ` * @${k} ${v}`), ' */'].join('\n');

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

const plugins = () => [
  nodeResolve({ browser: true }),
  typescript({ tsconfig: './tsconfig.json', noEmit: false, outDir: undefined, sourceMap: false }),
  returnExportsObject(),
];

const output = (file, tags) => ({
  file: `${OUT_DIR}/${file}`,
  format: 'amd',
  banner: header(tags),
  exports: 'named',
  esModule: false,
  interop: 'esModule',
  freeze: false,
  externalLiveBindings: false,
  generatedCode: { preset: 'es2015', symbols: false },
  // Entry points sit at the app folder's root, the library in lib/: NetSuite resolves this relative id.
  paths: (id) => (isLibrary(id) ? `./${LIBRARY.output.replace(/\.js$/, '')}` : id),
});

export default [
  {
    input: `${SRC_DIR}/${LIBRARY.source}`,
    external: (id) => /^N(\/|$)/.test(id),
    output: output(LIBRARY.output, { NApiVersion: '2.1', NModuleScope: 'SameAccount' }),
    plugins: plugins(),
  },
  ...SCRIPTS.map((s) => ({
    input: `${SRC_DIR}/${s.source}`,
    external: (id, importer) => {
      if (/^N(\/|$)/.test(id)) return true;
      const resolved = importer && id.startsWith('.') ? path.resolve(path.dirname(importer), id) : id;
      if (isLibrary(resolved)) return true;
      // Anything else of the bundle's sources (lib/, adapters/, sync/, core/ or any other folder)
      // imported directly would ship a second copy inside the entry file.
      if (
        resolved.startsWith(path.resolve(SRC_DIR)) &&
        !resolved.startsWith(path.resolve(SRC_DIR, 'scripts'))
      )
        throw new Error(`${importer}: import ${id} through lib/HC_CustomerSyncLib, not directly`);
      return false;
    },
    output: output(s.output, { NApiVersion: '2.1', NScriptType: s.type, NModuleScope: 'SameAccount' }),
    plugins: plugins(),
  })),
];
