/**
 * The SFTP settings record found without a search (adapters/sftpConnection.ts, cachedSftpHint): with
 * no `…_sftp_config` parameter, the import reads the record a search found by its internal id, kept
 * in N/cache, and searches again when that record is inactive or the value is gone.
 */
import { SyncEnvironment } from '../../simulation/environment';
import { clearCaches } from '../../emulator/src';
import { serverKind } from './helpers';

const kind = serverKind();
let env: SyncEnvironment;
beforeEach(async () => {
  env = await SyncEnvironment.start({ sftp: kind });
});
afterEach(async () => {
  await env.stop();
});

const SFTP_TYPE = 'customrecord_ns_sftp_configuration';

/** One import execution with no feed waiting: its search pages, and whether it reached the server. */
function importOnce() {
  const [r] = env.run('import');
  expect(r.status).toBe('COMPLETE');
  const calls = (api: string) => r.usage.byApi[api]?.calls ?? 0;
  return {
    searches: calls('ResultSet.getRange'),
    lookups: calls('search.lookupFields'),
    listed: calls('sftp.Connection.list') > 0,
  };
}

test(`import against ${kind}: the settings record is read by its cached id, searched again when inactive or dropped`, () => {
  const first = importOnce();
  expect(first.listed).toBe(true);
  const second = importOnce();
  // Two search pages fewer, two lookups more (the settings record's and the import checkpoint's, its
  // id cached the same way: test/e2e/importChain.test.ts), the same work.
  expect(second).toEqual({ ...first, searches: first.searches - 2, lookups: first.lookups + 2 });
  // Made inactive, another record in its place: found by the search, never used stale.
  const values = env.account.records.get(SFTP_TYPE, env.sftpRecordId)!.values;
  env.account.records.create(SFTP_TYPE, { ...values });
  env.account.records.update(SFTP_TYPE, env.sftpRecordId, { isinactive: true });
  expect(importOnce()).toEqual({ ...first, searches: first.searches - 1, lookups: first.lookups + 2 });
  expect(importOnce()).toEqual(second);
  // NetSuite dropped the value: the search again.
  clearCaches(env.account);
  expect(importOnce()).toEqual(first);
});
