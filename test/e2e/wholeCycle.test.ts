/**
 * The whole sync, in the order of HotWax's documentation, on a generated merchant: built scripts in
 * the emulator, a real SFTP server, the HotWax side simulated from its documented behaviour.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runScenario } from '../../simulation/scenario';
import type { SyncEnvironment } from '../../simulation/environment';
import { parseCsv } from '../../simulation/hotwax';
import { serverKinds } from './helpers';

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every text the sync wrote or logged: log lines, errors, SFTP files, File Cabinet files. */
function everythingWritten(env: SyncEnvironment): string[] {
  const out: string[] = [];
  for (const l of env.account.logs) out.push(l.title, l.details);
  for (const e of env.account.executions) if (e.error) out.push(e.error.name, e.error.message);
  for (const f of filesUnder(env.localBase)) out.push(fs.readFileSync(f, 'utf8'));
  for (const r of env.account.records.all('folder'))
    for (const f of env.account.files.list(Number(r.id))) out.push(String(f.contents ?? ''));
  return out;
}

describe.each(serverKinds().map((k) => [k, k === 'openssh' ? 'key' : 'secret'] as const))(
  'whole cycle against %s (credential: %s)',
  (kind, credential) => {
    let env: SyncEnvironment;
    afterAll(async () => {
      await env?.stop();
    });

    test('every HotWax customer ends with exactly one NetSuite customer; nothing duplicated, nothing lost', async () => {
      const result = await runScenario({ customers: 400, seed: 7, sftp: kind, credential });
      env = result.env;
      const { reconciliation, steps } = result.report;
      expect(reconciliation.problems).toEqual([]);
      expect(reconciliation).toMatchObject({
        ok: true,
        duplicatesFound: 0,
        rowsUnaccountedFor: 0,
        withoutNetSuiteId: 0,
        sharedShopifyIdsReported: 1,
      });
      expect(reconciliation.feedRows).toBeGreaterThan(40);
      for (const s of steps) if (s.status) expect(s.status).toBe('COMPLETE');

      // What HotWax consumed parses exactly as the contracts describe.
      const archived = (dir: string) =>
        fs
          .readdirSync(env.localPath(`${dir}/archive`))
          .filter((n) => n.endsWith('.csv'))
          .map((n) => parseCsv(fs.readFileSync(env.localPath(`${dir}/archive/${n}`), 'utf8')));
      const ids = archived('customer/import');
      expect(ids.length).toBeGreaterThan(0);
      for (const rows of ids) {
        expect(rows[0]).toEqual(['partyId', 'partyIdentificationTypeId', 'idValue']);
        for (const r of rows.slice(1))
          expect(r).toEqual([expect.any(String), 'NETSUITE_CUSTOMER_ID', expect.stringMatching(/^\d+$/)]);
      }
      for (const rows of archived('historicalshopifycustomer/csv')) {
        expect(rows[0]).toEqual(['first-name', 'last-name', 'external-id', 'party-identifications']);
        for (const r of rows.slice(1))
          expect(r[3]).toMatch(/^SHOPIFY_CUST_ID:\d+\|NETSUITE_CUSTOMER_ID:\d+$/);
      }
      expect(fs.readdirSync(env.localPath('customer/import')).filter((n) => n.startsWith('.'))).toEqual([]);
    });

    test('no secret is ever written: logs, errors, SFTP files and the File Cabinet', () => {
      const secret = credential === 'secret' ? env.server!.password! : env.server!.privateKey;
      expect(secret.length).toBeGreaterThan(8);
      // The key body in slices, so a partial leak is caught too.
      const needles =
        credential === 'secret'
          ? [secret]
          : secret
              .split('\n')
              .filter((l) => l.length > 30 && !l.startsWith('-----'))
              .map((l) => l.slice(0, 24));
      expect(needles.length).toBeGreaterThan(0);
      // A failing connection too (a wrong host key): its error must not carry the credential either.
      env.account.records.update('customrecord_ns_sftp_configuration', env.sftpRecordId, {
        custrecord_ns_sftp_host_key:
          'AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBHdyb25nIGtleSB3cm9uZyBrZXkgd3JvbmcgeGV5IHdyb25nIGtleSB3cm9uZyBrZXk=',
      });
      const [refused] = env.run('import');
      expect(refused.status).toBe('FAILED');
      expect(refused.error?.message).toMatch(/FTP_INCORRECT_HOST_KEY|host key/i);
      const written = everythingWritten(env);
      expect(written.some((t) => t.includes('HC_SC_ImportCustomer'))).toBe(true);
      expect(written.some((t) => t.startsWith('partyId,partyIdentificationTypeId,idValue'))).toBe(true);
      expect(written.length).toBeGreaterThan(15);
      for (const text of written) for (const n of needles) expect(text.includes(n)).toBe(false);
    });
  },
);
