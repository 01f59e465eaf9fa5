/**
 * Every test: the unit tier (test/unit) over the TypeScript sources, and the tiers over what ships,
 * which load the built SuiteScript files (src/FileCabinet) into the emulator or a bare sandbox: run
 * `npm run build` first.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/emulator', '<rootDir>/tools'],
  testMatch: ['**/*.test.ts'],
  // the emulator package's own build output (emulator/dist) is not a second copy to load
  modulePathIgnorePatterns: ['<rootDir>/emulator/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.node.json' }],
    // The SuiteScript sources import csv-parse's and csv-stringify's ES module builds (the ones the
    // library bundles): turned into CommonJS for the tests that load those sources.
    '/node_modules/csv-(parse|stringify)/dist/esm/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022', isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!csv-parse/dist/esm/|csv-stringify/dist/esm/)'],
  moduleNameMapper: { '^N/(.*)$': '<rootDir>/node_modules/@hitc/netsuite-types/N/$1' },
  testTimeout: 120000,
  maxWorkers: 2,
  // Known-slow files first when Jest's cache has no durations (a fresh clone): test/sequencer.js.
  testSequencer: '<rootDir>/test/sequencer.js',
  reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};
