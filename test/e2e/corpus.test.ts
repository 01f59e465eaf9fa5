/**
 * The hostile-feed corpus (test/fixtures/feeds/corpus.ts) through the BUILT import script in the
 * emulator, against a real SFTP server (OpenSSH when it can run here, always in CI): first as a dry
 * run, then for real. For every feed, every line gets the verdict the corpus expects, in both runs
 * (so check-feed and the dry run tell the truth), and the feed ends in the folder it expects.
 * One server and one account for the whole file: the feeds use distinct HC customer ids.
 */
import fs from 'node:fs';
import { SyncEnvironment } from '../../simulation/environment';
import { parseCsv } from '../../simulation/hotwax';
import { CORPUS, EXISTING_CUSTOMERS, HEADER } from '../fixtures/feeds/corpus';
import type { CorpusFeed, ExpectedRow, Outcome } from '../fixtures/feeds/corpus';
import { customersByHcId, remoteNames, serverKind } from './helpers';
import { IMPORT_CUSTOMER } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

const kind = serverKind();
let env: SyncEnvironment;
const existing = new Set<string>();

const stemOf = (name: string) => name.replace(/\.csv$/i, '');
/** Physical lines of a feed (CRLF, LF, CR; a final line end opens no line). */
function physicalLines(bytes: Buffer): number {
  const t = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (!t) return 0;
  const n = t.split(/\r\n|\n|\r/).length;
  return /[\r\n]$/.test(t) ? n - 1 : n;
}
const sortCodes = (codes: string) => codes.split(';').filter(Boolean).sort().join(';');
const expected = (f: CorpusFeed) =>
  f.rows.map((r) => ({
    line: r.line,
    hc: r.hc,
    outcome: r.outcome,
    codes: sortCodes((r.codes ?? []).join(';')),
  }));
/** The one report file in `dir` for feed `name` (reports are named `<stem>-<tag>…`). */
function reportFor(dir: string, name: string, suffix: string): string[][] | null {
  const files = remoteNames(env, dir).filter((n) => n.startsWith(`${stemOf(name)}-`) && n.endsWith(suffix));
  expect(files.length).toBeLessThanOrEqual(1);
  return files.length ? parseCsv(fs.readFileSync(env.localPath(`${dir}/${files[0]}`), 'utf8')) : null;
}

beforeAll(async () => {
  env = await SyncEnvironment.start({ sftp: kind });
  for (const c of EXISTING_CUSTOMERS) existing.add(String(env.account.records.create('customer', c)));
  // Oldest first: the listing order is the corpus order.
  const t0 = Date.now() / 1000 - CORPUS.length * 60;
  CORPUS.forEach((f, i) => {
    fs.writeFileSync(env.localPath(`customer/export/${f.name}`), f.bytes);
    fs.utimesSync(env.localPath(`customer/export/${f.name}`), t0 + i * 60, t0 + i * 60);
  });
});
afterAll(async () => {
  await env?.stop();
});

describe(`hostile feed corpus against ${kind} sshd/server`, () => {
  test('the corpus has at least 60 feeds, each accounting for every line after its header', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CORPUS.map((f) => f.name)).size).toBe(CORPUS.length);
    for (const f of CORPUS) {
      if (f.folder === 'failed') continue;
      const lines = physicalLines(f.bytes);
      const counted = f.rows.filter((r) => r.line > 1).length + (f.blankLines ?? 0) + (f.continuation ?? 0);
      expect([f.name, counted]).toEqual([f.name, Math.max(0, lines - 1)]);
    }
  });

  test('dry run: every line gets its expected verdict, nothing is written but the verdict files', () => {
    env.setParams('import', { custscript_hc_imp_dry_run: true });
    // One execution checks the whole corpus (a dry run does not reschedule).
    env.account.usageLimits.set(IMPORT_CUSTOMER.scriptId, 1_000_000);
    const before = env.account.records.count('customer');
    const runs = env.run('import');
    expect(runs.map((r) => r.status)).toEqual(['COMPLETE']);
    expect(env.account.records.count('customer')).toBe(before);
    expect(remoteNames(env, 'customer/export')).toEqual(CORPUS.map((f) => f.name).sort());
    expect(remoteNames(env, 'customer/export/error')).toEqual([]);
    expect(remoteNames(env, 'customer/export/archive')).toEqual([]);
    const verdictOf: Record<string, Outcome> = {
      create: 'created',
      link: 'linked',
      'already linked': 'already linked',
      error: 'error',
    };
    for (const f of CORPUS) {
      const rows = reportFor('customer/export/dry_run', f.name, '-dry-run.csv');
      expect([f.name, rows === null]).toEqual([f.name, false]);
      const got = rows!.slice(1).map((r) => ({
        line: Number(r[1]),
        hc: r[2].replace(/^'/, ''),
        outcome: verdictOf[r[3]] ?? r[3],
        codes: sortCodes(r[5]),
      }));
      expect({ feed: f.name, rows: got }).toEqual({ feed: f.name, rows: expected(f) });
    }
    // A setup mistake is said once per execution, naming the parameter to set.
    const setup = runs[0].logs.filter(
      (l) => l.level === 'ERROR' && /new customers have no subsidiary/.test(l.title),
    );
    expect(setup).toHaveLength(1);
    expect(setup[0].details).toContain('custscript_hc_imp_default_subsidiary');
  });

  test('real import: every line gets the same verdict, every feed ends in its folder, no customer twice', () => {
    env.setParams('import', { custscript_hc_imp_dry_run: false });
    env.account.usageLimits.delete(IMPORT_CUSTOMER.scriptId);
    const runs = env.run('import');
    expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);

    // Each feed's final result (the last execution that handled it).
    const results = new Map<
      string,
      { outcome: string; counts: Record<string, number>; lines?: number; blankLines?: number }
    >();
    for (const r of runs)
      for (const l of r.logs) {
        const m = /^Customer feed (.*): (archived|failed|in progress|skipped|blocked)$/.exec(l.title);
        if (l.level === 'AUDIT' && m) results.set(m[1], JSON.parse(l.details));
      }

    const byHc = customersByHcId(env);
    for (const ids of byHc.values()) expect(ids).toHaveLength(1);
    for (const f of CORPUS) {
      const folder = f.folder === 'export' ? 'customer/export' : `customer/export/${f.folder}`;
      expect([f.name, remoteNames(env, folder).includes(f.name)]).toEqual([f.name, true]);
      const report = reportFor('customer/export/error', f.name, '-errors.csv');
      const errors = new Map((report ?? [[]]).slice(1).map((r) => [Number(r[1]), r]));
      const got: ExpectedRow[] = [];
      for (const want of f.rows) {
        const e = errors.get(want.line);
        if (e) {
          got.push({
            line: want.line,
            hc: e[2].replace(/^'/, ''),
            outcome: 'error',
            codes: [sortCodes(e[3])],
          });
          continue;
        }
        // Not an error: the customer exists exactly once, new or the one NetSuite already had.
        const ids = byHc.get(want.hc) ?? [];
        const outcome: Outcome | 'missing' =
          ids.length !== 1
            ? 'missing'
            : existing.has(ids[0])
              ? want.outcome === 'created'
                ? 'linked'
                : want.outcome
              : want.outcome === 'linked'
                ? 'created'
                : want.outcome;
        got.push({ line: want.line, hc: want.hc, outcome: outcome as Outcome });
      }
      expect({
        feed: f.name,
        rows: got,
        unexpectedErrors: [...errors.keys()].filter((l) => !f.rows.some((r) => r.line === l)),
      }).toEqual({
        feed: f.name,
        rows: f.rows.map((r) =>
          r.outcome === 'error'
            ? { ...r, codes: [sortCodes(r.codes!.join(';'))] }
            : { line: r.line, hc: r.hc, outcome: r.outcome },
        ),
        unexpectedErrors: [],
      });
      // The counts in the feed's summary say the same, line for line.
      const res = results.get(f.name)!;
      expect([f.name, res.outcome]).toEqual([f.name, f.folder === 'archive' ? 'archived' : f.folder]);
      const count = (o: Outcome) => f.rows.filter((r) => r.outcome === o).length;
      expect([f.name, res.counts]).toEqual([
        f.name,
        {
          created: count('created'),
          linked: count('linked'),
          alreadyLinked: count('already linked'),
          errors: count('error'),
        },
      ]);
      if (f.folder === 'archive') {
        expect([f.name, res.lines]).toEqual([f.name, Math.max(0, physicalLines(f.bytes) - 1)]);
        expect([f.name, res.blankLines]).toEqual([f.name, f.blankLines ?? 0]);
      }
    }
  });

  test('values are stored exactly; the reports people open neutralise formulas', () => {
    const byHc = customersByHcId(env);
    const c = env.account.records.get('customer', byHc.get('K63-1')![0])!.values;
    expect(c).toMatchObject({ firstname: '=1+1', lastname: '+SUM(A1)' });
    // The legacy feed's key: HotWax's id from "External Id", kept as the external id too.
    expect(env.account.records.get('customer', byHc.get('K02-1')![0])!.values).toMatchObject({
      custentity_hc_customer_id: 'K02-1',
      externalid: 'K02-1',
      custentity_hc_shop_cust_id: 'S-K02-1',
    });
    const report = reportFor('customer/export/error', 'c63-formula-cells.csv', '-errors.csv')!;
    const line3 = report.find((r) => r[1] === '3')!;
    expect(line3[2]).toBe('K63-2');
    const missing = remoteNames(env, 'customer/export/required_fields_missing').filter((n) =>
      n.startsWith('c63-'),
    );
    expect(missing).toHaveLength(1);
    const text = fs.readFileSync(
      env.localPath(`customer/export/required_fields_missing/${missing[0]}`),
      'utf8',
    );
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...HEADER]);
    expect(rows[1][1]).toBe("'=cmd|calc");
    for (const r of rows.slice(1)) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    for (const r of report.slice(1)) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
