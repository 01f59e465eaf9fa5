/**
 * Import first in a test that loads core/csv.ts from its source: that module names csv-parse's and
 * csv-stringify's browser ES builds, which the SuiteScript build bundles; under Jest (CommonJS) the
 * same packages' CommonJS builds stand in. The built library keeps its own tests (test/lib/csv.test.ts).
 */
jest.mock('csv-parse/browser/esm/sync', () => jest.requireActual('csv-parse/sync'));
jest.mock('csv-stringify/browser/esm/sync', () => jest.requireActual('csv-stringify/sync'));

export {};
