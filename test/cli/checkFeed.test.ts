import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkFeed, renderVerdicts } from '../../cli/checkFeed';
import { main } from '../../cli/main';
import { bufferIo } from '../../cli/io';
import { readSnapshot } from '../../cli/snapshot';
import { HOTWAX_FEED_HEADER } from '../../src/TypeScripts/HotWaxCustomerSync/core/hotwaxFiles';

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

test('bad rows: each with its line, outcome, code and reason, straight from the dry run', async () => {
  const r = await checkFeed(fixture('bad-rows.csv'));
  expect(r.rows.map((x) => [x.line, x.hcCustomerId, x.verdict, x.code ?? ''])).toEqual([
    [2, '700021', 'create', ''],
    [3, '', 'error', 'MISSING_HC_CUSTOMER_ID'],
    [4, '700023', 'error', 'INVALID_EMAIL'],
    [5, '700024', 'error', 'UNKNOWN_STATUS'],
    // The dry run asks whether subsidiary 99 exists, as the real save would find out.
    [6, '700025', 'error', 'INVALID_KEY_OR_REF'],
    [7, '700021', 'already linked', ''],
    [8, '', 'error', 'WRONG_COLUMN_COUNT'],
    [9, '700028', 'create', ''],
  ]);
  expect(r.rows[4].message).toBe('Invalid subsidiary reference key 99.');
  expect(r.rows[5]).toMatchObject({ message: 'the customer line 2 creates' });
  expect(r.rows[5].netsuiteId).toBeUndefined();
  expect(r.rows[6].message).toBe('4 fields where the header has 12 columns');
  expect(r.totals).toEqual({ create: 2, link: 0, alreadyLinked: 1, error: 5 });
  // One source of truth: the dry run's own summary agrees with its verdict file.
  expect(r.dryRun).toMatchObject({
    totals: { created: 2, linked: 0, alreadyLinked: 1, errors: 5 },
    archived: 0,
    rescheduled: false,
  });
  expect(r.complete).toBe(true);
  expect(r.warnings).toEqual([]);
  expect(r.ok).toBe(false);
});

test('an unclosed quote fails its own line only; a file without HCCustomerId is rejected whole', async () => {
  const a = await checkFeed(fixture('unclosed-quote.csv'));
  expect(brief(a.rows)).toEqual(['2 create', '3 error UNCLOSED_QUOTE', '4 create']);
  expect(a.rows[1]).toMatchObject({ line: 3, hcCustomerId: '' });
  const b = await checkFeed(fixture('no-key-column.csv'));
  expect(brief(b.rows)).toEqual(['0 error UNREADABLE_FEED']);
  expect(b.rows[0].message).toMatch(/no HCCustomerId column/);
  expect(b.ok).toBe(false);
});

test('against a snapshot: link, already linked, linked to another HotWax customer, email against a Shopify id', async () => {
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
  // customer10@example.com is customer 10's, but customer 10 holds another Shopify id than the row:
  // the identifiers disagree, so no link (docs/CONTRACTS.md "Identity conflicts", R11).
  expect(e.rows[3]).toMatchObject({ line: 5, verdict: 'error', code: 'IDENTITY_CONFLICT' });
  // customer24@example.com is on two customers: no link by email
  expect(e.rows[4]).toMatchObject({ line: 6, verdict: 'create' });
});

test('the command: exit 1 with errors, 0 without, --json', async () => {
  const bad = bufferIo();
  expect(await main(['check-feed', fixture('bad-rows.csv')], bad)).toBe(1);
  expect(bad.stdout).toMatch(
    /line 4 +700023 +error INVALID_EMAIL: email "not-an-email" is not an address NetSuite accepts/,
  );
  const good = bufferIo();
  expect(await main(['check-feed', fixture('legacy-title-case.csv'), '--no-oneworld', '--json'], good)).toBe(
    0,
  );
  expect(JSON.parse(good.stdout).totals).toEqual({ create: 3, link: 0, alreadyLinked: 0, error: 0 });
  const none = bufferIo();
  expect(await main(['check-feed', 'no/such/file.csv'], none)).toBe(2); // a wrong command line
});

test('a feed too big for one dry-run execution: reported as partly checked, exit 1, limits untouched', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-check-feed-'));
  try {
    // About 45,000 rows fit in a scheduled script's 10,000 units when nothing is saved.
    const rows = Array.from(
      { length: 60000 },
      (_, i) =>
        `9${String(i).padStart(5, '0')},A,B,a${i}@example.com,,77${String(i).padStart(11, '0')},,T,CUSTOMER-Closed Won,TRUE,5,1`,
    );
    const file = path.join(dir, 'huge.csv');
    fs.writeFileSync(file, [HOTWAX_FEED_HEADER.join(','), ...rows].join('\r\n'));
    const r = await checkFeed(file);
    expect(r.complete).toBe(false);
    expect(r.ok).toBe(false);
    expect(r.dryRun).toMatchObject({ inProgress: 'huge.csv', rescheduled: false });
    expect((r.dryRun as { unitsUsed: number }).unitsUsed).toBeLessThanOrEqual(10000);
    const checked = (r.dryRun as { totals: { created: number } }).totals.created;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThan(60000);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(
      new RegExp(
        `stopped for governance .*huge\\.csv: in progress.* does not reschedule: it checked ${checked} row`,
      ),
    );
    // What the command prints for this result (checkFeedCommand renders it and exits 1 as r.ok is
    // false): rendered here rather than by a second 60,000-row dry run through main().
    expect(renderVerdicts(r)).toMatch(/^warning: the dry run stopped for governance/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a legacy feed keyed by "External Id", and cells that would run as formulas shown neutralised', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-feed-'));
  const file = path.join(dir, 'legacy-formulas.csv');
  fs.writeFileSync(
    file,
    'External Id,First Name,Last Name,Email,Subsdiary\r\n=700091,Ada,Lovelace,ada@example.com,1\r\n700092,Grace,Hopper,not-an-email,1\r\n',
  );
  try {
    const r = await checkFeed(file);
    expect(r.rows.map((x) => [x.line, x.hcCustomerId, x.verdict, x.code ?? ''])).toEqual([
      [2, "'=700091", 'create', ''],
      [3, '700092', 'error', 'INVALID_EMAIL'],
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
