/**
 * HC_SC_ImportCustomer end to end: the built script in the emulator, against a real SFTP server.
 */
import fs from 'node:fs';
import { crashAt } from '../../emulator/src';
import { SyncEnvironment } from '../../simulation/environment';
import { LEGACY_FEED_HEADER } from '../../simulation/hotwax';
import { RUN_HISTORY_UNITS } from '../../src/TypeScripts/HotWaxCustomerSync/core/governance';
import {
  customersByHcId,
  feedText,
  importTotals,
  remoteCsv,
  remoteNames,
  serverKind,
  writeFeed,
} from './helpers';
import type { FeedCustomer } from './helpers';
import { IMPORT_CUSTOMER } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

const kind = serverKind();
let env: SyncEnvironment;

beforeEach(async () => {
  env = await SyncEnvironment.start({ sftp: kind });
});
afterEach(async () => {
  await env.stop();
});

const customers = (n: number, from = 1): FeedCustomer[] =>
  Array.from({ length: n }, (_, i) => ({ HCCustomerId: `HC${from + i}` }));

/** Report names carry a per-feed tag (`-<UTC>-<random>`): compare them without it. */
const untagged = (files: { name: string; rows: string[][] }[]) =>
  files.map((f) => ({ ...f, name: f.name.replace(/-\d{8}T\d{6}Z-[0-9a-z]{6}/, '') }));

const ERROR_HEADER = ['fileName', 'lineNumber', 'HCCustomerId', 'errorCode', 'errorMessage'];

describe(`import against ${kind} sshd/server`, () => {
  test('a feed creates its customers, archives the feed, and re-running the same feed creates none', () => {
    writeFeed(env, 'customer-Feed-2026-11-26-10-00-00-000.csv', feedText(customers(30)));
    const first = env.run('import');
    expect(first.map((r) => r.status)).toEqual(['COMPLETE']);
    expect(importTotals(env)).toEqual({ created: 30, linked: 0, alreadyLinked: 0, errors: 0 });
    expect(remoteNames(env, 'customer/export')).toEqual([]);
    expect(remoteNames(env, 'customer/export/archive')).toEqual([
      'customer-Feed-2026-11-26-10-00-00-000.csv',
    ]);
    const byHc = customersByHcId(env);
    expect(byHc.size).toBe(30);
    const c = env.account.records.get('customer', byHc.get('HC7')![0])!.values;
    expect(c).toMatchObject({
      isperson: 'T',
      firstname: 'Ada',
      lastname: 'Lovelace',
      email: 'hc7@example.com',
      externalid: '6600000000007',
      custentity_hc_shop_cust_id: '6600000000007',
      entitystatus: '13',
      subsidiary: '2',
      taxable: true,
    });

    // HotWax sends the same customers again until their NetSuite ids arrive.
    fs.copyFileSync(
      env.localPath('customer/export/archive/customer-Feed-2026-11-26-10-00-00-000.csv'),
      env.localPath('customer/export/customer-Feed-2026-11-26-10-15-00-000.csv'),
    );
    const before = env.account.records.count('customer');
    env.run('import');
    expect(env.account.records.count('customer')).toBe(before);
    expect(importTotals(env)).toEqual({ created: 30, linked: 0, alreadyLinked: 30, errors: 0 });
  });

  test('pre-2025 Title Case headers, a BOM, shuffled and extra columns map by name', () => {
    const text = feedText(customers(3), LEGACY_FEED_HEADER);
    const [header, ...rows] = text.split('\r\n');
    // Move the last column first and add an unknown column: matched by name, not position.
    const shuffle = (line: string) => {
      const cells = line.split(',');
      return [cells[cells.length - 1], ...cells.slice(0, -1), 'extra'].join(',');
    };
    const shuffled = [
      '\uFEFF' + shuffle(header).replace(/extra$/, 'Loyalty Tier'),
      ...rows.filter(Boolean).map(shuffle),
    ];
    writeFeed(env, 'legacy.csv', shuffled.join('\r\n') + '\r\n');
    env.run('import');
    expect(importTotals(env)).toMatchObject({ created: 3, errors: 0 });
    expect(env.account.records.get('customer', customersByHcId(env).get('HC2')![0])!.values).toMatchObject({
      firstname: 'Ada',
      externalid: '6600000000002',
      subsidiary: '2',
    });
  });

  test('bad rows are reported with line and reason; rows missing required data keep their columns; nothing is lost', () => {
    const rows: FeedCustomer[] = [
      { HCCustomerId: 'HC1' },
      { HCCustomerId: '' }, // line 3: no HC id
      { HCCustomerId: 'HC3', email: 'not-an-email' }, // line 4
      { HCCustomerId: 'HC4', status: 'No Such Status' }, // line 5
      { HCCustomerId: 'HC5', subsidiary: '999' }, // line 6: NetSuite refuses the reference
      { HCCustomerId: 'HC6', firstName: 'X', lastName: 'X' }, // HotWax's placeholder: created
    ];
    writeFeed(env, 'feed.csv', feedText(rows) + 'HC7,"unclosed,quote\r\n');
    env.run('import');
    const t = importTotals(env);
    expect(t).toEqual({ created: 2, linked: 0, alreadyLinked: 0, errors: 5 });
    expect(t.created + t.linked + t.alreadyLinked + t.errors).toBe(7);

    const [report] = remoteCsv(env, 'customer/export/error');
    expect(report.name).toMatch(/^feed-\d{8}T\d{6}Z-[0-9a-z]{6}-errors\.csv$/);
    expect(report.rows[0]).toEqual(ERROR_HEADER);
    const byLine = Object.fromEntries(report.rows.slice(1).map((r) => [r[1], r]));
    expect(Object.keys(byLine)).toEqual(['3', '4', '5', '6', '8']);
    // Every problem of a row, not only the first: no HC id, and the email built from it is '@example.com'.
    expect(byLine['3'][3]).toBe('MISSING_HC_CUSTOMER_ID;INVALID_EMAIL');
    expect(byLine['4'][3]).toBe('INVALID_EMAIL');
    expect(byLine['5'][3]).toBe('UNKNOWN_STATUS');
    expect(byLine['6'][3]).toBe('INVALID_KEY_OR_REF');
    expect(byLine['8'][3]).toBe('UNCLOSED_QUOTE');
    expect(byLine['6'][0]).toBe('feed.csv');

    const [missing] = remoteCsv(env, 'customer/export/required_fields_missing');
    expect(missing.name).toBe(report.name.replace(/-errors\.csv$/, '.csv'));
    expect(missing.rows[0][0]).toBe('HCCustomerId');
    expect(missing.rows.slice(1)).toEqual([
      [
        '',
        'Ada',
        'Lovelace',
        "'@example.com", // a cell a spreadsheet would run as a formula is neutralised (OWASP)
        '',
        '6600000000000',
        '6600000000000',
        'T',
        'CUSTOMER-Closed Won',
        'TRUE',
        '5',
        '2',
      ],
    ]);
    expect(env.account.records.get('customer', customersByHcId(env).get('HC6')![0])!.values).toMatchObject({
      firstname: 'X',
      lastname: 'X',
    });
  });

  test('a file that is not a customer feed moves to failed/ with a report, and the run goes on', () => {
    writeFeed(env, 'a-not-a-feed.csv', 'id,name\r\n1,x\r\n');
    writeFeed(env, 'b-feed.csv', feedText(customers(2)));
    const [run] = env.run('import');
    expect(run.status).toBe('COMPLETE');
    expect(remoteNames(env, 'customer/export/failed')).toEqual(['a-not-a-feed.csv']);
    const [report] = remoteCsv(env, 'customer/export/error');
    expect(report.name).toMatch(/^a-not-a-feed-\d{8}T\d{6}Z-[0-9a-z]{6}-errors\.csv$/);
    expect(report.rows[1][3]).toBe('UNREADABLE_FEED');
    expect(report.rows[1][4]).toMatch(/HCCustomerId/);
    expect(importTotals(env)).toMatchObject({ created: 2 });
  });

  test('upsert: links by external id and Shopify id, fills only empty HotWax fields, reports conflicts, never steals', () => {
    const r = env.account.records;
    const base = { isperson: 'T', firstname: 'Old', lastname: 'Customer', subsidiary: 2 };
    const byExternal = r.create('customer', {
      ...base,
      externalid: '6600000000001',
      email: 'keep@example.com',
    });
    const byShopify = r.create('customer', { ...base, custentity_hc_shop_cust_id: '6600000000002' });
    const taken = r.create('customer', {
      ...base,
      externalid: '6600000000003',
      custentity_hc_customer_id: 'OTHER',
    });
    writeFeed(
      env,
      'feed.csv',
      feedText([
        { HCCustomerId: 'HC1', email: 'new@example.com' },
        { HCCustomerId: 'HC2' },
        { HCCustomerId: 'HC3' },
        { HCCustomerId: 'HC1' }, // the same customer twice in one file
      ]),
    );
    env.run('import');
    expect(importTotals(env)).toEqual({ created: 0, linked: 2, alreadyLinked: 1, errors: 1 });
    expect(r.get('customer', byExternal)!.values).toMatchObject({
      custentity_hc_customer_id: 'HC1',
      email: 'keep@example.com', // NetSuite's own data is never overwritten
      custentity_hc_shop_cust_id: '6600000000001',
    });
    expect(r.get('customer', byShopify)!.values).toMatchObject({
      custentity_hc_customer_id: 'HC2',
      externalid: '6600000000002',
    });
    expect(r.get('customer', taken)!.values.custentity_hc_customer_id).toBe('OTHER');
    const [report] = remoteCsv(env, 'customer/export/error');
    expect(report.rows[1]).toEqual(expect.arrayContaining(['4', 'HC3', 'LINKED_TO_OTHER_HC_CUSTOMER']));
  });

  test('linking by email only when enabled and only to the single active customer with it', () => {
    const r = env.account.records;
    const base = { isperson: 'T', firstname: 'Old', lastname: 'Customer', subsidiary: 2 };
    const single = r.create('customer', { ...base, email: 'one@example.com' });
    r.create('customer', { ...base, email: 'two@example.com' });
    r.create('customer', { ...base, email: 'two@example.com' });
    env.setParams('import', { custscript_hc_imp_match_by_email: true });
    writeFeed(
      env,
      'feed.csv',
      feedText([
        { HCCustomerId: 'HC1', email: 'one@example.com' },
        { HCCustomerId: 'HC2', email: 'two@example.com' },
      ]),
    );
    env.run('import');
    expect(importTotals(env)).toMatchObject({ linked: 1, created: 1 });
    expect(customersByHcId(env).get('HC1')).toEqual([String(single)]);
  });

  test('dry run validates and reports a verdict per row without writing a customer or moving the feed', () => {
    env.account.records.create('customer', {
      isperson: 'T',
      firstname: 'Old',
      lastname: 'Customer',
      subsidiary: 2,
      externalid: '6600000000002',
    });
    env.setParams('import', { custscript_hc_imp_dry_run: true });
    writeFeed(
      env,
      'feed.csv',
      feedText([
        ...customers(3),
        { HCCustomerId: 'HC9', email: 'bad' },
        { HCCustomerId: 'HC10', subsidiary: '99' },
      ]),
    );
    const before = env.account.records.count('customer');
    const [run] = env.run('import');
    expect(run.status).toBe('COMPLETE');
    expect(env.account.records.count('customer')).toBe(before);
    expect(remoteNames(env, 'customer/export')).toEqual(['feed.csv']);
    expect(remoteNames(env, 'customer/export/error')).toEqual([]);
    const summary = SyncEnvironment.summaries([run])[0] as { totals: Record<string, number> };
    expect(summary.totals).toEqual({ created: 2, linked: 1, alreadyLinked: 0, errors: 2 });
    const [verdicts] = remoteCsv(env, 'customer/export/dry_run');
    expect(verdicts.name).toMatch(/^feed-\d{8}T\d{6}Z-dry-run\.csv$/);
    expect(verdicts.rows.slice(1).map((r) => [r[1], r[2], r[3], r[5]])).toEqual([
      ['2', 'HC1', 'create', ''],
      ['3', 'HC2', 'link', ''],
      ['4', 'HC3', 'create', ''],
      ['5', 'HC9', 'error', 'INVALID_EMAIL'],
      ['6', 'HC10', 'error', 'INVALID_KEY_OR_REF'],
    ]);
  });

  test('a dry run that runs out of units still writes the verdicts it has, and says where it stopped', () => {
    // The stop reserve includes the run history entry (adapters/runHistory.ts): the same rows fit as before it.
    env.setParams('import', { custscript_hc_imp_dry_run: true });
    env.account.usageLimits.set(IMPORT_CUSTOMER.scriptId, 350 + RUN_HISTORY_UNITS);
    writeFeed(env, 'feed.csv', feedText(customers(20)));
    const runs = env.run('import');
    expect(runs).toHaveLength(1);
    const [verdicts] = remoteCsv(env, 'customer/export/dry_run');
    const body = verdicts.rows.slice(1);
    const last = body[body.length - 1];
    expect(last[3]).toBe('not checked');
    expect(last[5]).toBe('DRY_RUN_INCOMPLETE');
    expect(body.slice(0, -1).every((r) => r[3] === 'create')).toBe(true);
    expect(Number(last[1])).toBe(body.length + 1);
    expect(body.length).toBeGreaterThan(1);
    expect(body.length).toBeLessThan(21);
  });

  test('an execution too small for a single row stops instead of rescheduling forever', () => {
    writeFeed(env, 'feed.csv', feedText(customers(2)));
    env.account.usageLimits.set(IMPORT_CUSTOMER.scriptId, 150);
    const runs = env.run('import');
    expect(runs).toHaveLength(1);
    expect(runs[0].logs.some((l) => l.level === 'ERROR' && /cannot make progress/.test(l.title))).toBe(true);
  });

  test('SFTP settings: a bad or missing setting stops the run with an error naming the record, field or parameter', () => {
    const r = env.account.records;
    const id = env.sftpRecordId;
    r.update('customrecord_ns_sftp_configuration', id, { custrecord_ns_sftp_host_key: '' });
    let [run] = env.run('import');
    expect(run.status).toBe('FAILED');
    expect(run.error?.name).toBe('HC_SFTP_CONFIG_INVALID');
    expect(run.error?.message).toMatch(
      /customrecord_ns_sftp_configuration.*record \d+: field custrecord_ns_sftp_host_key/,
    );

    r.update('customrecord_ns_sftp_configuration', id, { isinactive: true });
    [run] = env.run('import');
    expect(run.error?.name).toBe('HC_SFTP_CONFIG_MISSING');
    expect(run.error?.message).toMatch(/No active HC SFTP Configuration/);

    env.setParams('import', { custscript_hc_imp_sftp_config: 999 });
    [run] = env.run('import');
    expect(run.error?.message).toMatch(
      /custscript_hc_imp_sftp_config names HC SFTP Configuration record 999/,
    );
  });

  test('the settings record a parameter names is used, and the directory parameter overrides its default', () => {
    const r = env.account.records;
    const other = r.create('customrecord_ns_sftp_configuration', {
      ...r.get('customrecord_ns_sftp_configuration', env.sftpRecordId)!.values,
      name: 'Second',
      custrecord_ns_sftp_default_file_dir: '/nowhere',
    });
    r.update('customrecord_ns_sftp_configuration', env.sftpRecordId, {
      custrecord_ns_sftp_default_file_dir: '/nowhere/either',
    });
    env.setParams('import', {
      custscript_hc_imp_sftp_config: other,
      custscript_hc_imp_sftp_directory: env.baseDir.replace(/\/$/, ''),
    });
    writeFeed(env, 'feed.csv', feedText(customers(2)));
    const [run] = env.run('import');
    expect(run.status).toBe('COMPLETE');
    expect(importTotals(env)).toMatchObject({ created: 2 });
  });

  test('a tiny governance budget forces many reschedules and ends in the same state as one long run', async () => {
    const feeds = [
      [...customers(14, 1), { HCCustomerId: 'HCBAD1', email: 'bad' }],
      customers(14, 21),
      [{ HCCustomerId: '' }, ...customers(14, 41)],
    ];
    feeds.forEach((f, i) => writeFeed(env, `customer-Feed-2026-11-26-10-0${i}-00-000.csv`, feedText(f)));
    env.account.usageLimits.set(IMPORT_CUSTOMER.scriptId, 500);
    const runs = env.run('import');
    expect(runs.length).toBeGreaterThanOrEqual(5);
    expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
    expect(runs.every((r) => r.usage.total <= 500)).toBe(true);
    const long = await SyncEnvironment.start({ sftp: 'embedded' });
    try {
      feeds.forEach((f, i) => writeFeed(long, `customer-Feed-2026-11-26-10-0${i}-00-000.csv`, feedText(f)));
      expect(long.run('import')).toHaveLength(1);
      const shape = (e: SyncEnvironment) =>
        [...customersByHcId(e).entries()].map(([hc, ids]) => [hc, ids.length]).sort();
      expect(shape(env)).toEqual(shape(long));
      expect(customersByHcId(env).size).toBe(42);
      expect(importTotals(env)).toEqual(importTotals(long));
      expect(importTotals(env)).toEqual({ created: 42, linked: 0, alreadyLinked: 0, errors: 2 });
      for (const dir of [
        'customer/export',
        'customer/export/archive',
        'customer/export/error',
        'customer/export/required_fields_missing',
      ])
        expect(untagged(remoteCsv(env, dir))).toEqual(untagged(remoteCsv(long, dir)));
    } finally {
      await long.stop();
    }
  });

  test('a checkpoint longer than a search column holds (many errors kept over executions) is read whole: the feed goes on', () => {
    // 60 bad rows among good ones, over several executions: the errors kept in the checkpoint pass the
    // 4,000 characters a search result holds, so the next execution must read the record itself.
    const rows: FeedCustomer[] = [];
    for (let i = 1; i <= 60; i++)
      rows.push(...customers(2, 2 * i), { HCCustomerId: `HCBADMAIL${i}`, email: `not-an-address-${i}` });
    writeFeed(env, 'customer-Feed-2026-11-26-12-00-00-000.csv', feedText(rows));
    env.account.usageLimits.set(IMPORT_CUSTOMER.scriptId, 700);
    const runs = env.run('import');
    expect(runs.length).toBeGreaterThan(2);
    expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
    const states = [...env.account.records.all('customrecord_hc_sync_checkpoint')].map((r) =>
      String(r.values.custrecord_hc_cp_state),
    );
    expect(states).toHaveLength(1);
    // One report, every bad line in it once (a restarted feed would write a second, tagged anew).
    const reports = remoteCsv(env, 'customer/export/error');
    expect(reports).toHaveLength(1);
    expect(
      reports[0].rows
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(Array.from({ length: 60 }, (_, i) => `HCBADMAIL${i + 1}`).sort());
    expect(importTotals(env)).toEqual({ created: 120, linked: 0, alreadyLinked: 0, errors: 60 });
    expect(runs.some((r) => (r.usage.byApi['record.load']?.calls ?? 0) > 0)).toBe(true);
  });

  test.each([
    ['the 5th customer save', 'Record.save', 5],
    ['the 17th customer save', 'Record.save', 17],
    ['the checkpoint write', 'record.submitFields', 2],
    ['the error report upload', 'sftp.Connection.upload', 1],
    ['the report moved into place', 'sftp.Connection.move', 1],
    ['the archive move', 'sftp.Connection.move', 2],
  ])('a crash at %s, then a re-run: no customer twice, no row lost', (_label, api, nth) => {
    const rows = [...customers(24), { HCCustomerId: 'HCBAD', email: 'bad' }];
    writeFeed(env, 'feed.csv', feedText(rows));
    const crashed = env.run('import', { faults: (n) => (n === 1 ? crashAt(api, nth) : undefined) });
    expect(crashed[0].status).toBe('CRASHED');
    const rerun = env.run('import');
    expect(rerun.map((r) => r.status)).toEqual(['COMPLETE']);
    const byHc = customersByHcId(env);
    expect(byHc.size).toBe(24);
    expect([...byHc.values()].every((ids) => ids.length === 1)).toBe(true);
    expect(remoteNames(env, 'customer/export')).toEqual([]);
    expect(remoteNames(env, 'customer/export/archive')).toEqual(['feed.csv']);
    const reports = remoteCsv(env, 'customer/export/error');
    expect(reports).toHaveLength(1);
    expect(reports[0].rows.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual([
      ['26', 'HCBAD', 'INVALID_EMAIL'],
    ]);
    expect(remoteNames(env, 'customer/export/error').filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
