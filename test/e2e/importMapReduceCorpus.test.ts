/**
 * The hostile corpus (test/fixtures/feeds/corpus.ts) feed by feed, each once through
 * HC_SC_ImportCustomer alone and once handed to HC_MR_ImportCustomer, in fresh accounts with the
 * corpus's existing customers: the final SFTP folders (reports byte for byte, archive, failed/) and
 * the NetSuite customers are the same.
 */
import fs from 'node:fs';
import type { RunningSftpServer } from '../../emulator/src';
import { CORPUS, EXISTING_CUSTOMERS } from '../fixtures/feeds/corpus';
import { kind, startServer } from './crashHarness';
import { bothPaths, mrRuns } from './mrScenarios';

let server: RunningSftpServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

describe(`map/reduce import = scheduled import on the hostile corpus (${kind})`, () => {
  test('the hostile corpus, feed by feed', async () => {
    let handed = 0;
    for (const f of CORPUS) {
      const { scheduled, mapReduce, runs } = await bothPaths(server, (c) => {
        for (const v of EXISTING_CUSTOMERS) c.env.account.records.create('customer', v);
        // The corpus's bytes as they are.
        fs.writeFileSync(`${c.base}/customer/export/${f.name}`, f.bytes);
      });
      if (mrRuns(runs).length) handed++;
      expect({ feed: f.name, state: mapReduce }).toEqual({ feed: f.name, state: scheduled });
    }
    // Every feed that can be read is handed over (the others fail on the scheduled path before).
    const withRows = CORPUS.filter((f) => f.folder === 'archive' && f.rows.some((r) => r.line > 1));
    expect(handed).toBeGreaterThanOrEqual(withRows.length);
  });
});
