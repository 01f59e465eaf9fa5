/**
 * customer/export/ under SFTP faults, with the built import script against a real SFTP server
 * (OpenSSH when it can run here, always in CI): entries that cannot be read (a directory or a
 * symlink named like a feed, a file that vanishes after the listing, an unsafe name), folders that
 * cannot be written (archive/, error/), feeds over NetSuite's file limits, a 5,000-entry listing.
 * One entry's problem is reported for that entry; every other feed still imports; no row is ever
 * imported twice by the retries that follow.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SyncEnvironment } from '../../simulation/environment';
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

const kind = serverKind();
let env: SyncEnvironment;

/** Distinct numbers per test: the Shopify and external ids of a feed row are made from them. */
const customers = (from: number, n: number): FeedCustomer[] =>
  Array.from({ length: n }, (_, i) => ({ HCCustomerId: `HC${from + i}` }));
const ids = (from: number, n: number) => customers(from, n).map((c) => c.HCCustomerId);
const errorLogs = (runs: { logs: { level: string; title: string; details: string }[] }[]) =>
  runs.flatMap((r) => r.logs.filter((l) => l.level === 'ERROR'));

/** Empties customer/export/ and its subfolders between tests (the account keeps its customers). */
function clean(): void {
  const base = env.localPath('customer/export');
  for (const e of fs.readdirSync(base, { withFileTypes: true })) {
    const p = path.join(base, e.name);
    if (
      e.isDirectory() &&
      !e.isSymbolicLink() &&
      ['archive', 'error', 'failed', 'required_fields_missing', 'dry_run'].includes(e.name)
    ) {
      for (const f of fs.readdirSync(p)) fs.rmSync(path.join(p, f), { recursive: true, force: true });
    } else fs.rmSync(p, { recursive: true, force: true });
  }
}

/**
 * Makes a folder refuse new entries, even for root (these tests run as root where sshd runs):
 * chattr +i, or a mode without write permission for another user. False when neither works here.
 */
function denyWrites(dir: string): boolean {
  if (process.getuid?.() !== 0) {
    fs.chmodSync(dir, 0o555);
    return true;
  }
  try {
    execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
function allowWrites(dir: string): void {
  if (process.getuid?.() !== 0) fs.chmodSync(dir, 0o755);
  else execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
}

beforeAll(async () => {
  env = await SyncEnvironment.start({ sftp: kind });
});
afterAll(async () => {
  await env?.stop();
});
afterEach(() => clean());

describe(`customer/export/ faults against ${kind} sshd/server`, () => {
  test('a directory, a symlink to a directory, a dangling symlink and a backslash name are reported and skipped; the feeds around them import', () => {
    const base = env.localPath('customer/export');
    writeFeed(env, 'a-feed.csv', feedText(customers(100, 2)));
    fs.mkdirSync(path.join(base, 'b-directory.csv'));
    fs.mkdirSync(path.join(base, 'elsewhere'), { recursive: true });
    fs.symlinkSync(path.join(base, 'elsewhere'), path.join(base, 'c-link-to-dir.csv'));
    fs.symlinkSync(path.join(base, 'nothing-here.csv.gone'), path.join(base, 'd-dangling.csv'));
    fs.writeFileSync(path.join(base, 'e\\evil.csv'), feedText(customers(150, 1)));
    writeFeed(env, 'f-feed.csv', feedText(customers(200, 2)));
    fs.writeFileSync(path.join(base, '.hidden.csv'), 'x');
    fs.writeFileSync(path.join(base, 'notes.txt'), 'x');

    const runs = env.run('import');
    expect(runs.map((r) => r.status)).toEqual(['COMPLETE']);
    expect(remoteNames(env, 'customer/export/archive')).toEqual(['a-feed.csv', 'f-feed.csv']);
    const byHc = customersByHcId(env);
    for (const hc of [...ids(100, 2), ...ids(200, 2)]) expect(byHc.get(hc)).toHaveLength(1);
    expect(byHc.has('HC150')).toBe(false);
    const skipped = errorLogs(runs).filter((l) => /skipped$/.test(l.title));
    expect(skipped.map((l) => l.title).sort()).toEqual([
      'Customer feed folder entry "b-directory.csv" skipped',
      'Customer feed folder entry "c-link-to-dir.csv" skipped',
      'Customer feed folder entry "d-dangling.csv" skipped',
      'Customer feed folder entry "e\\\\evil.csv" skipped',
    ]);
    expect(skipped.find((l) => l.title.includes('evil'))!.details).toMatch(/path separator/);
    expect(skipped.find((l) => l.title.includes('dangling'))!.details).toMatch(
      /FTP_NO_SUCH_FILE_OR_DIRECTORY/,
    );
    // Left where they are, nothing in failed/.
    expect(fs.existsSync(path.join(base, 'e\\evil.csv'))).toBe(true);
    expect(remoteNames(env, 'customer/export/failed')).toEqual([]);
    const summary = SyncEnvironment.summaries(runs)[0] as Record<string, unknown>;
    expect(summary).toMatchObject({ archived: 2, skippedEntries: 4 });
  });

  test('a feed that vanishes between the listing and its download is reported; the next feed imports', () => {
    writeFeed(env, 'a-vanishing.csv', feedText(customers(300, 2)));
    writeFeed(env, 'b-feed.csv', feedText(customers(400, 2)));
    // The first download finds the file gone (another process took it after the listing).
    const plan = {
      downloads: 0,
      shouldCrash(api: string): boolean {
        if (api.startsWith('sftp.Connection.download') && plan.downloads++ === 0)
          fs.rmSync(env.localPath('customer/export/a-vanishing.csv'));
        return false;
      },
    };
    const runs = env.run('import', { faults: (n) => (n === 1 ? plan : undefined) });
    expect(runs.map((r) => r.status)).toEqual(['COMPLETE']);
    expect(remoteNames(env, 'customer/export/archive')).toEqual(['b-feed.csv']);
    const skipped = errorLogs(runs).find((l) => l.title.includes('a-vanishing.csv'));
    expect(skipped?.details).toMatch(/FTP_NO_SUCH_FILE_OR_DIRECTORY/);
    expect(customersByHcId(env).get('HC400')).toHaveLength(1);
    expect(customersByHcId(env).has('HC300')).toBe(false);
  });

  test('archive/ that cannot be written: one ERROR naming it, feeds stay, and the re-run after the fix archives them without a customer twice', () => {
    const archive = env.localPath('customer/export/archive');
    if (!denyWrites(archive)) {
      console.warn(
        'chattr +i is not available here: archive/ cannot be made unwritable for root; not checked',
      );
      return;
    }
    try {
      writeFeed(env, 'a-feed.csv', feedText(customers(500, 3)));
      writeFeed(env, 'b-feed.csv', feedText(customers(600, 2)));
      const runs = env.run('import');
      expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
      const folderErrors = errorLogs(runs).filter((l) => /^Cannot write to SFTP folder/.test(l.title));
      expect(folderErrors.map((l) => l.title)).toEqual([
        'Cannot write to SFTP folder customer/export/archive/',
      ]);
      expect(folderErrors[0].details).toMatch(/FTP_PERMISSION_DENIED|FTP_INVALID_MOVE/);
      expect(remoteNames(env, 'customer/export')).toEqual(['a-feed.csv', 'b-feed.csv']);
      expect(customersByHcId(env).size).toBeGreaterThanOrEqual(5);
    } finally {
      allowWrites(archive);
    }
    const before = customersByHcId(env);
    env.run('import');
    expect(remoteNames(env, 'customer/export/archive')).toEqual(['a-feed.csv', 'b-feed.csv']);
    const after = customersByHcId(env);
    expect(after).toEqual(before);
    for (const hc of [...ids(500, 3), ...ids(600, 2)]) expect(after.get(hc)).toHaveLength(1);
  });

  test('error/ that cannot be written: the feed with bad rows stays (its errors are not lost), the clean feed is archived', () => {
    const errorDir = env.localPath('customer/export/error');
    if (!denyWrites(errorDir)) {
      console.warn('chattr +i is not available here: error/ cannot be made unwritable for root; not checked');
      return;
    }
    try {
      writeFeed(
        env,
        'a-bad-rows.csv',
        feedText([...customers(700, 2), { HCCustomerId: 'HC750', email: 'bad' }]),
      );
      writeFeed(env, 'b-clean.csv', feedText(customers(800, 2)));
      const runs = env.run('import');
      expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
      const folderErrors = errorLogs(runs).filter((l) => /^Cannot write to SFTP folder/.test(l.title));
      expect(folderErrors.map((l) => l.title)).toEqual([
        'Cannot write to SFTP folder customer/export/error/',
      ]);
      expect(remoteNames(env, 'customer/export')).toEqual(['a-bad-rows.csv']);
      expect(remoteNames(env, 'customer/export/archive')).toEqual(['b-clean.csv']);
    } finally {
      allowWrites(errorDir);
    }
    env.run('import');
    expect(remoteNames(env, 'customer/export/archive')).toEqual(['a-bad-rows.csv', 'b-clean.csv']);
    const [report] = remoteCsv(env, 'customer/export/error');
    expect(report.rows.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual([['4', 'HC750', 'INVALID_EMAIL']]);
    for (const hc of [...ids(700, 2), ...ids(800, 2)]) expect(customersByHcId(env).get(hc)).toHaveLength(1);
  });

  test('failed/ and required_fields_missing/ that cannot be written: the feeds stay, one ERROR per folder, nothing lost after the fix', () => {
    const failed = env.localPath('customer/export/failed');
    const missing = env.localPath('customer/export/required_fields_missing');
    if (!denyWrites(failed) || !denyWrites(missing)) {
      allowWrites(failed);
      console.warn(
        'chattr +i is not available here: folders cannot be made unwritable for root; not checked',
      );
      return;
    }
    try {
      writeFeed(env, 'a-not-a-feed.csv', 'id,name\r\n1,x\r\n');
      writeFeed(env, 'b-missing-id.csv', feedText([...customers(1300, 1), { HCCustomerId: '' }]));
      const runs = env.run('import');
      expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
      const titles = errorLogs(runs)
        .filter((l) => /^Cannot write to SFTP folder/.test(l.title))
        .map((l) => l.title)
        .sort();
      expect(titles).toEqual([
        'Cannot write to SFTP folder customer/export/failed/',
        'Cannot write to SFTP folder customer/export/required_fields_missing/',
      ]);
      expect(remoteNames(env, 'customer/export')).toEqual(['a-not-a-feed.csv', 'b-missing-id.csv']);
    } finally {
      allowWrites(failed);
      allowWrites(missing);
    }
    env.run('import');
    expect(remoteNames(env, 'customer/export')).toEqual([]);
    expect(remoteNames(env, 'customer/export/failed')).toEqual(['a-not-a-feed.csv']);
    expect(remoteNames(env, 'customer/export/archive')).toEqual(['b-missing-id.csv']);
    expect(remoteNames(env, 'customer/export/required_fields_missing')).toHaveLength(1);
    expect(customersByHcId(env).get('HC1300')).toHaveLength(1);
    // The second try reused each feed's tag: its reports replaced the first try's, one per feed.
    expect(remoteNames(env, 'customer/export/error').map((n) => n.replace(/-\d{8}T.*$/, ''))).toEqual([
      'a-not-a-feed',
      'b-missing-id',
    ]);
  });

  test('customer/export/ that cannot be listed: the execution ends in error naming the folder', () => {
    const base = env.localPath('customer/export');
    const aside = `${base}.aside`;
    fs.renameSync(base, aside);
    try {
      const runs = env.run('import');
      expect(runs[0].status).toBe('FAILED');
      const listError = errorLogs(runs).find((l) => l.title === 'Cannot list SFTP folder customer/export/');
      expect(listError?.details).toMatch(/FTP_INVALID_DIRECTORY|FTP_NO_SUCH_FILE_OR_DIRECTORY/);
    } finally {
      fs.renameSync(aside, base);
    }
  });

  test('feeds over NetSuite file limits: over 10 MB read line by line; over 100 MB, or a line over 10 MB, to failed/ with a report naming the size', () => {
    const base = env.localPath('customer/export');
    // 11 MB: 24 customers with a 480,000-character unmapped column each.
    const rows = customers(900, 24);
    const text = feedText(rows).split('\r\n');
    const big =
      [text[0] + ',note', ...text.slice(1, -1).map((l) => `${l},${'n'.repeat(480_000)}`)].join('\r\n') +
      '\r\n';
    expect(Buffer.byteLength(big)).toBeGreaterThan(10 * 1024 * 1024);
    writeFeed(env, 'a-eleven-mb.csv', big);
    // Over N/sftp's 100,000,000 bytes (sparse: the listing gives its size).
    const huge = path.join(base, 'b-over-100mb.csv');
    fs.writeFileSync(huge, `${text[0]}\r\n`);
    fs.truncateSync(huge, 100_000_001);
    // One line over 10 MB.
    writeFeed(env, 'c-long-line.csv', `${text[0]},note\r\n${text[1]},${'l'.repeat(10.5 * 1024 * 1024)}\r\n`);
    writeFeed(env, 'd-after.csv', feedText(customers(1000, 2)));

    const runs = env.run('import');
    expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
    expect(remoteNames(env, 'customer/export/archive')).toEqual(['a-eleven-mb.csv', 'd-after.csv']);
    expect(remoteNames(env, 'customer/export/failed')).toEqual(['b-over-100mb.csv', 'c-long-line.csv']);
    const byHc = customersByHcId(env);
    for (const r of rows) expect(byHc.get(r.HCCustomerId)).toHaveLength(1);
    expect(byHc.get('HC1001')).toHaveLength(1);
    const reports = remoteCsv(env, 'customer/export/error');
    const hugeReport = reports.find((r) => r.name.startsWith('b-over-100mb-'))!;
    expect(hugeReport.rows[1][3]).toBe('FILE_TOO_LARGE');
    expect(hugeReport.rows[1][4]).toMatch(/100000001 bytes/);
    const lineReport = reports.find((r) => r.name.startsWith('c-long-line-'))!;
    expect(lineReport.rows[1][3]).toBe('FILE_TOO_LARGE');
    expect(lineReport.rows[1][4]).toMatch(/SSS_FILE_CONTENT_SIZE_EXCEEDED/);
  });

  test('a 5,000-entry listing: the feeds among the other entries all import, one listing per execution and per archive move', () => {
    const base = env.localPath('customer/export');
    for (let i = 0; i < 4990; i++) fs.writeFileSync(path.join(base, `.upload-${i}.csv.part`), '');
    for (let i = 0; i < 5; i++) writeFeed(env, `feed-${i}.csv`, feedText(customers(1100 + 10 * i, 2)));
    for (let i = 0; i < 5; i++) fs.mkdirSync(path.join(base, `folder-${i}`));
    const before = importTotals(env).created;
    const runs = env.run('import');
    expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
    expect(remoteNames(env, 'customer/export/archive')).toHaveLength(5);
    expect(importTotals(env).created - before).toBe(10);
    // One listing to start, and one before each archive move (a feed rewritten meanwhile is not archived).
    for (const r of runs)
      expect(r.usage.byApi['sftp.Connection.list']?.calls ?? 0).toBeLessThanOrEqual(
        1 + (r.usage.byApi['sftp.Connection.move']?.calls ?? 0),
      );
  });

  test('a feed name near the file-name limit still gets its reports (their names are shortened, not refused)', () => {
    const name = `${'n'.repeat(200)}-é-${'m'.repeat(30)}.csv`;
    writeFeed(env, name, feedText([...customers(1400, 1), { HCCustomerId: 'HC1401', email: 'bad' }]));
    const runs = env.run('import');
    expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
    expect(remoteNames(env, 'customer/export/archive')).toEqual([name]);
    const [report] = remoteCsv(env, 'customer/export/error');
    expect(Buffer.byteLength(report.name)).toBeLessThanOrEqual(255);
    expect(report.name.startsWith('n'.repeat(150))).toBe(true);
    expect(report.rows[1].slice(0, 4)).toEqual([name, '3', 'HC1401', 'INVALID_EMAIL']);
  });

  test('a feed with 6,000 bad rows: errors written out in report parts (the checkpoint never outgrows its field), every line reported once', () => {
    const rows = Array.from({ length: 6000 }, (_, i) => ({
      HCCustomerId: i % 1000 === 7 ? '' : `HC${2000 + i}`,
      email: `not-an-email-${'x'.repeat(100)}`,
    }));
    writeFeed(env, 'many-bad-rows.csv', feedText(rows));
    // The scheduled path's own parts (a backlog this large would go to HC_MR_ImportCustomer, whose
    // summarize writes the same parts through the same code: importMapReduce*.test.ts).
    env.setParams('import', { custscript_hc_imp_mr_min_rows: 0 });
    const runs = env.run('import');
    env.setParams('import', { custscript_hc_imp_mr_min_rows: '' });
    expect(runs.map((r) => r.status)).toEqual(['COMPLETE']);
    expect(remoteNames(env, 'customer/export/archive')).toEqual(['many-bad-rows.csv']);
    const parts = remoteCsv(env, 'customer/export/error');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.name).toMatch(/^many-bad-rows-\d{8}T\d{6}Z-[0-9a-z]{6}-errors-\d+\.csv$/);
    const lines = parts.flatMap((p) => p.rows.slice(1).map((r) => Number(r[1])));
    expect(lines).toHaveLength(6000);
    expect(new Set(lines).size).toBe(6000);
    expect(Math.min(...lines)).toBe(2);
    expect(Math.max(...lines)).toBe(6001);
    const [missing] = remoteCsv(env, 'customer/export/required_fields_missing');
    expect(missing.rows.slice(1)).toHaveLength(6);
    expect(
      runs[0].logs.find((l) => l.level === 'ERROR' && /6000 row\(s\) not imported/.test(l.title)),
    ).toBeDefined();
  });

  test('a feed name seen again never overwrites the first feed’s reports', () => {
    writeFeed(
      env,
      'same-name.csv',
      feedText([{ HCCustomerId: 'HC1201' }, { HCCustomerId: 'HC1202', email: 'bad' }]),
    );
    env.run('import');
    writeFeed(
      env,
      'same-name.csv',
      feedText([{ HCCustomerId: 'HC1203' }, { HCCustomerId: 'HC1204', email: 'bad' }]),
    );
    env.run('import');
    const reports = remoteCsv(env, 'customer/export/error');
    expect(reports).toHaveLength(2);
    expect(reports.map((r) => r.rows[1][2]).sort()).toEqual(['HC1202', 'HC1204']);
    const archived = remoteNames(env, 'customer/export/archive');
    expect(archived).toHaveLength(2);
    // The second copy is archived under the same tag as its report.
    const second = reports.find((r) => r.rows[1][2] === 'HC1204')!.name.replace(/-errors\.csv$/, '.csv');
    expect(archived).toContain(second);
  });
});
