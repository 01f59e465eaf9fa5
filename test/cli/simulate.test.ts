import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../cli/main';
import { bufferIo } from '../../cli/io';
import { DEFAULT_HANDOFF_ROWS } from '../../src/TypeScripts/HotWaxCustomerSync/core/mapReduceImport';

test('every command and the top level answer --help', async () => {
  for (const argv of [
    ['--help'],
    ['simulate', '--help'],
    ['check-feed', '--help'],
    ['snapshot', '--help'],
    ['sftp-check', '--help'],
  ]) {
    const io = bufferIo();
    expect(await main(argv, io)).toBe(0);
    expect(io.stdout).toMatch(/^Usage: hc-customer-sync/);
  }
  const io = bufferIo();
  expect(await main(['simulate', '--bogus'], io)).toBe(2);
  expect(io.stderr).toMatch(/--help/);
});

test('simulate at a small size reconciles, exits 0 and keeps every file with --out', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-sim-'));
  try {
    const io = bufferIo();
    const code = await main(['simulate', '--customers', '80', '--seed', '7', '--out', out], io);
    expect(io.stderr).toMatch(/\[8\/8\] HotWax imports the ids done/); // plain progress lines when not a TTY
    expect(code).toBe(0);
    expect(io.stdout).toMatch(/Reconciliation: OK/);
    expect(io.stdout).toMatch(/duplicates found: +0/);
    expect(io.stdout).toMatch(/rows unaccounted for: +0/);
    // The last line: how to see the status page (nothing serves it once the command ends).
    expect(io.stdout.trim().split('\n').pop()).toMatch(
      /^To open this account's status page, run the same simulation serving it: npm start -- --customers 80 --seed 7 --serve \(then http:\/\/127\.0\.0\.1:8719\//,
    );
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report.reconciliation.ok).toBe(true);
    expect(report.options).toMatchObject({ customers: 80, seed: 7 });
    expect(fs.readFileSync(path.join(out, 'report.md'), 'utf8')).toMatch(/Reconciliation: OK/);
    expect(fs.readdirSync(path.join(out, 'sftp/customer/export/archive')).length).toBeGreaterThan(0);
    expect(fs.readdirSync(path.join(out, 'filecabinet/Archive Historical Shopify Customer')).length).toBe(1);
    const logs = fs
      .readFileSync(path.join(out, 'logs.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(logs.some((l) => l.level === 'AUDIT' && /summary$/.test(l.title))).toBe(true);
    const snap = JSON.parse(fs.readFileSync(path.join(out, 'snapshot.json'), 'utf8'));
    expect(snap.format).toBe('hc-customer-sync-snapshot');
    // No credential: the embedded server's key would start with this line.
    for (const f of ['report.json', 'report.md', 'logs.jsonl', 'snapshot.json'])
      expect(fs.readFileSync(path.join(out, f), 'utf8')).not.toMatch(
        /PRIVATE KEY|custsecret_hc_sftp_password"?\s*:\s*"[^"]/,
      );
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('the same seed gives the same report', async () => {
  const a = bufferIo();
  const b = bufferIo();
  await main(['simulate', '--customers', '30', '--seed', '3', '--json'], a);
  await main(['simulate', '--customers', '30', '--seed', '3', '--json'], b);
  const strip = (s: string) => {
    const r = JSON.parse(s);
    return {
      steps: r.steps.map((x: { step: string; units?: number }) => [x.step, x.units]),
      rec: r.reconciliation,
    };
  };
  expect(strip(a.stdout)).toEqual(strip(b.stdout));
});

test('simulate reconciles when the import hands its feeds to HC_MR_ImportCustomer', async () => {
  // The smallest backlog handed over at custscript_hc_imp_mr_min_rows' default: that many feed rows
  // (new customers, 3 bad rows, 1 NetSuite already has).
  const rows = DEFAULT_HANDOFF_ROWS;
  const io = bufferIo();
  const code = await main(['simulate', '--customers', '2', '--new', `${rows - 4}`, '--json', '--quiet'], io);
  const r = JSON.parse(io.stdout);
  const imp = r.steps.find((s: { step: string }) => s.step.startsWith('Import'));
  expect(imp.step).toBe('Import (HC_SC_ImportCustomer and HC_MR_ImportCustomer)');
  expect(r.reconciliation).toMatchObject({ feedRows: rows, rowsAccountedFor: rows, rowsUnaccountedFor: 0 });
  expect(r.reconciliation.problems).toEqual([]);
  expect(code).toBe(0);
});
