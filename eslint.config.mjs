// Two kinds of code, two rule sets:
// - TypeScript everywhere (SuiteScript sources, emulator, CLI, tools, tests): typescript-eslint.
// - The built SuiteScript files SDF deploys: eslint-plugin-suitescript, which reads the AMD
//   define() and JSDoc header of what actually ships (header tags, entry points, N/ module names).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import suitescript from 'eslint-plugin-suitescript';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'emulator/dist/', 'coverage/', 'bench/results.json', '**/*.d.ts'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
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
