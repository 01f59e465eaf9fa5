import path from 'node:path';
import { checkFeed } from '../../cli/checkFeed';
import { main } from '../../cli/main';
import { bufferIo } from '../../cli/io';
import { readSnapshot } from '../../cli/snapshot';

const fixture = (n: string) => path.join(__dirname, '..', 'fixtures', 'feeds', n);
const brief = (rows: { line: number; verdict: string; code?: string }[]) =>
  rows.map((r) => `${r.line} ${r.verdict}${r.code ? ' ' + r.code : ''}`);

test('legacy Title Case headers are read as the 2025 names', async () => {
  const r = await checkFeed(fixture('legacy-title-case.csv'));
  expect(brief(r.rows)).toEqual(['2 create', '3 create', '4 create']);
  expect(r.ok).toBe(true);
  expect(r.warnings).toEqual([]);
});

test('a BOM, shuffled and extra columns change nothing', async () => {
  const r = await checkFeed(fixture('bom-shuffled-extra.csv'));
  expect(r.rows.map((x) => [x.line, x.hcCustomerId, x.verdict])).toEqual([
    [2, '700011', 'create'],
    [3, '700012', 'create'],
  ]);
});

test('bad rows: each with its line, code and reason; the rest still imported', async () => {
  const r = await checkFeed(fixture('bad-rows.csv'));
  expect(brief(r.rows)).toEqual([
    '2 create',
    '3 error MISSING_HC_CUSTOMER_ID',
    '4 error INVALID_EMAIL',
    '5 error UNKNOWN_STATUS',
    '6 error INVALID_KEY_OR_REF',
    '7 already linked',
    '8 error WRONG_COLUMN_COUNT',
    '9 create',
  ]);
  expect(r.ok).toBe(false);
  // The dry run cannot see the failed save of line 6 (subsidiary 99): reported, not hidden.
  expect(r.warnings.join('\n')).toMatch(/dry run counted 3 created, the real run 2/);
});

test('an unclosed quote swallows the rest of the file; a file without HCCustomerId is rejected whole', async () => {
  const a = await checkFeed(fixture('unclosed-quote.csv'));
  expect(brief(a.rows)).toEqual(['2 create', '3 error UNCLOSED_QUOTE']);
  const b = await checkFeed(fixture('no-key-column.csv'));
  expect(brief(b.rows)).toEqual(['0 error UNREADABLE_FEED']);
});

test('against a snapshot: link, already linked, linked to another HotWax customer, match by email', async () => {
  const snapshot = readSnapshot(fixture('snapshot-30.json'));
  const r = await checkFeed(fixture('against-snapshot.csv'), { snapshot });
  expect(r.rows.map((x) => `${x.line} ${x.verdict} ${x.netsuiteId ?? x.code ?? ''}`.trim())).toEqual([
    '2 link 3',
    '3 already linked 4',
    '4 error LINKED_TO_OTHER_HC_CUSTOMER',
    '5 create',
    '6 create',
    '7 create',
  ]);
  const e = await checkFeed(fixture('against-snapshot.csv'), { snapshot, matchByEmail: true });
  expect(e.rows[3]).toMatchObject({ line: 5, verdict: 'link', netsuiteId: '10' });
  // customer24@example.com is on two customers: no link by email
  expect(e.rows[4]).toMatchObject({ line: 6, verdict: 'create' });
});

test('the command: exit 1 with errors, 0 without, --json', async () => {
  const bad = bufferIo();
  expect(await main(['check-feed', fixture('bad-rows.csv')], bad)).toBe(1);
  expect(bad.stdout).toMatch(
    /line 4 +700023 +error INVALID_EMAIL: email "not-an-email" is not a valid address/,
  );
  const good = bufferIo();
  expect(await main(['check-feed', fixture('legacy-title-case.csv'), '--no-oneworld', '--json'], good)).toBe(
    0,
  );
  expect(JSON.parse(good.stdout).totals).toEqual({ create: 3, link: 0, alreadyLinked: 0, error: 0 });
  const none = bufferIo();
  expect(await main(['check-feed', 'no/such/file.csv'], none)).toBe(1);
});
