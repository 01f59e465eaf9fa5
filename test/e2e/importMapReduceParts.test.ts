/**
 * A backlog with thousands of bad rows: the scheduled path writes its errors out in report parts as
 * they outgrow the checkpoint; the map/reduce's summarize replays them through the same code, so the
 * parts (names aside from their tag, contents byte for byte) are the same on both paths.
 */
import type { RunningSftpServer } from '../../emulator/src';
import { kind, startServer, writeRemote } from './crashHarness';
import { feedText } from './helpers';
import { bothPaths, mrRuns } from './mrScenarios';

let server: RunningSftpServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

test(`6,391 bad rows and 109 good ones: the same report parts on both paths (${kind})`, async () => {
  const { scheduled, mapReduce, runs } = await bothPaths(server, (c) => {
    const rows = Array.from({ length: 6500 }, (_, i) =>
      i % 60 === 5
        ? { HCCustomerId: `HC${3000 + i}` }
        : {
            HCCustomerId: i % 1000 === 7 ? '' : `HC${3000 + i}`,
            email: `not-an-email-${'x'.repeat(100)}`,
          },
    );
    writeRemote(c, 'customer/export/many-bad-rows.csv', feedText(rows));
  });
  expect(mrRuns(runs)).toHaveLength(1);
  const parts = Object.keys(scheduled.remote).filter((k) => k.startsWith('customer/export/error/'));
  expect(parts.length).toBeGreaterThan(1);
  expect(mapReduce).toEqual(scheduled);
});
