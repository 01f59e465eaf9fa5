// Two kinds of code, two rule sets:
// - TypeScript everywhere (SuiteScript sources, emulator, CLI, tools, tests): typescript-eslint.
// - The built SuiteScript files SDF deploys: eslint-plugin-suitescript, which reads the AMD
//   define() and JSDoc header of what actually ships (header tags, entry points, N/ module names).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import suitescript from 'eslint-plugin-suitescript';
import globals from 'globals';

const SRC = 'src/TypeScripts/HotWaxCustomerSync';

/** One no-restricted-imports rule per layer: what each folder may not import. */
function layerRules() {
  const nModules = {
    group: ['N', 'N/*'],
    message: 'sync/ and core/ never import N/: take an adapter through a port.',
  };
  const upward = (folders, below) => ({
    group: folders.map((f) => `../${f}/*`),
    message: `${below} imports only from the layers below it (scripts -> lib -> adapters -> sync -> core).`,
  });
  const rule = (patterns, extra = {}) => ({
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': ['error', { patterns, ...extra }],
  });
  return [
    {
      files: [`${SRC}/core/**/*.ts`],
      rules: rule([nModules, upward(['sync', 'adapters', 'lib', 'scripts'], 'core/')]),
    },
    {
      files: [`${SRC}/sync/**/*.ts`],
      rules: rule([nModules, upward(['adapters', 'lib', 'scripts'], 'sync/')]),
    },
    {
      files: [`${SRC}/adapters/**/*.ts`],
      rules: rule([
        {
          group: ['N', 'N/*'],
          allowTypeImports: true,
          message: 'Adapters take N/ modules as arguments: import type only.',
        },
        upward(['lib', 'scripts'], 'adapters/'),
      ]),
    },
    {
      files: [`${SRC}/lib/**/*.ts`],
      rules: rule([
        {
          group: ['N', 'N/*'],
          allowTypeImports: true,
          message: 'The library module declares no N/ dependency.',
        },
        upward(['scripts'], 'lib/'),
      ]),
    },
    {
      files: [`${SRC}/scripts/**/*.ts`],
      rules: rule([
        {
          group: ['../*', '!../lib', '../lib/*', '!../lib/HC_*'],
          message:
            'Entry points import the library module (lib/HC_CustomerSyncLib) only: anything else would ship a second copy.',
        },
      ]),
    },
  ];
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'emulator/dist/', 'coverage/', 'bench/results.json', '**/*.d.ts'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The bundle's layers, one direction only (docs/ARCHITECTURE.md, "Layers"):
  //   scripts/ -> lib/ (the library module) -> adapters/ -> sync/ (its ports in sync/ports.ts) -> core/
  // N/ is imported by the entry points, and by the adapters as types only (the modules are handed
  // in), so the library module declares no N/ dependency. test/unit/importGraph.test.ts checks the
  // whole graph (no cycle, no upward arrow); these rules say it in the editor.
  ...layerRules(),
  // The emulator is entered through its package entry only (emulator/src/index.ts, emulator/README.md):
  // its deeper paths are internal, free to move.
  {
    files: ['**/*.ts'],
    ignores: ['emulator/**', `${SRC}/**`],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)emulator/(src|dist)/',
              message:
                "Import the emulator from its entry ('…/emulator/src'); export what is missing from emulator/src/index.ts.",
            },
          ],
        },
      ],
    },
  },
  // Size limits: a file a newcomer can read through, a function that fits on a screen. Test files
  // have the file limit only (a describe() callback is one long function by design).
  {
    files: ['**/*.{ts,js,mjs,cjs}'],
    ignores: ['src/FileCabinet/**'],
    rules: {
      'max-lines': ['error', { max: 500 }],
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
  { files: ['**/*.test.ts'], rules: { 'max-lines-per-function': 'off' } },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ignores: ['src/FileCabinet/**'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/FileCabinet/**/*.js'],
    plugins: { suitescript },
    languageOptions: {
      sourceType: 'script',
      // SuiteScript 2.1 server scripts run on Graal, which Oracle documents as ECMAScript 2023 (rollup.config.mjs).
      ecmaVersion: 2023,
      globals: { define: 'readonly', log: 'readonly', util: 'readonly' },
    },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      'suitescript/api-version': 'error',
      'suitescript/script-type': 'error',
      'suitescript/entry-points': 'error',
      'suitescript/no-invalid-modules': 'error',
      'suitescript/module-vars': ['error', suitescript.configs.all.rules['suitescript/module-vars'][1]],
      'suitescript/no-amd-name': 'error',
      'suitescript/no-extra-modules': 'error',
      'suitescript/no-module-extensions': 'error',
      'suitescript/log-args': 'error',
      // The built files are bundles: what matters here is that they run without Node globals.
      'no-restricted-globals': [
        'error',
        'Buffer',
        'process',
        'require',
        'setTimeout',
        'setInterval',
        'setImmediate',
        'fetch',
      ],
    },
  },
);
