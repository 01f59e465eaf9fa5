/** Tests load the built SuiteScript files (src/FileCabinet) into the emulator; run `npm run build` first. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/emulator', '<rootDir>/tools'],
  testMatch: ['**/*.test.ts'],
  // the emulator package's own build output (emulator/dist) is not a second copy to load
  modulePathIgnorePatterns: ['<rootDir>/emulator/dist/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.node.json' }] },
  moduleNameMapper: { '^N/(.*)$': '<rootDir>/node_modules/@hitc/netsuite-types/N/$1' },
  testTimeout: 120000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};
