/**
 * docs/UPGRADE.md step 13 quotes the AUDIT summaries an administrator watches after the upgrade. The
 * built scripts run the whole sync in the emulator here; every summary they log must have exactly the
 * keys the runbook shows, so the runbook cannot drift from what the scripts write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runScenario } from '../../simulation/scenario';
import { SyncEnvironment } from '../../simulation/environment';
import { customersByHcId, feedText, importTotals, remoteCsv, serverKind, writeFeed } from './helpers';

const RUNBOOK = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'UPGRADE.md'), 'utf8');

/** The keys of the JSON the runbook quotes after `<title>`: (top level, and one level down). */
function quotedKeys(title: string): { top: string[]; nested: Record<string, string[]> } {
  const m = new RegExp('`' + title + '`: `(\\{[\\s\\S]*?\\})`').exec(RUNBOOK);
  if (!m) throw new Error(`docs/UPGRADE.md does not quote ${title}`);
  const text = m[1].replace(/\s+/g, '');
  const nested: Record<string, string[]> = {};
  for (const n of text.matchAll(/"(\w+)":\{([^}]*)\}/g))
    nested[n[1]] = [...n[2].matchAll(/"(\w+)":/g)].map((k) => k[1]);
  const flat = text.replace(/"(\w+)":\{[^}]*\}/g, '"$1":0');
  return { top: [...flat.matchAll(/"(\w+)":/g)].map((k) => k[1]), nested };
}

describe('the AUDIT summaries quoted in docs/UPGRADE.md', () => {
  let env: SyncEnvironment | undefined;
  afterAll(async () => {
    await env?.stop();
  });

  test('match what the built scripts log, key for key', async () => {
    const result = await runScenario({ customers: 40, seed: 11, sftp: serverKind(), credential: 'secret' });
    env = result.env;
    expect(result.report.reconciliation.ok).toBe(true);
    for (const title of ['HC_MR_ExportedCustomerCSV summary', 'HC_SC_ImportCustomer summary']) {
      const quoted = quotedKeys(title);
      const logged = env.account.logs.filter((l) => l.level === 'AUDIT' && l.title === title);
      expect(logged.length).toBeGreaterThan(0);
      for (const l of logged) {
        const details = JSON.parse(l.details) as Record<string, unknown>;
        expect(Object.keys(details).sort()).toEqual([...quoted.top].sort());
        for (const [key, keys] of Object.entries(quoted.nested))
          expect(Object.keys(details[key] as object).sort()).toEqual([...keys].sort());
      }
    }
    expect(
      env.account.logs.some(
        (l) => l.level === 'AUDIT' && /^Customer feed customer-Feed-.*\.csv: archived$/.test(l.title),
      ),
    ).toBe(true);
  });
});

describe('docs/UPGRADE.md step 16: HotWax’s project deployed again by mistake, then ours', () => {
  let env: SyncEnvironment | undefined;
  afterAll(async () => {
    await env?.stop();
  });

  test('a customer HotWax’s import created in between, not yet sent, is sent by our export and never duplicated', async () => {
    env = await SyncEnvironment.start({ sftp: serverKind() });
    env.setParams('export', { custscript_hc_exp_settle_seconds: 0 });
    writeFeed(env, 'customer-Feed-2026-11-26-10-00-00-000.csv', feedText([{ HCCustomerId: 'HC1' }]));
    env.run('import');
    env.run('export');
    // Sorted: two runs within one second write names that differ only in a random suffix.
    const sentIds = () =>
      remoteCsv(env!, 'customer/import')
        .flatMap((f) => f.rows.slice(1).map((r) => r[0]))
        .sort();
    expect(sentIds()).toEqual(['HC1']);

    // HotWax's scripts ran for a while: its CSV import added a customer (no HC Sync Stamp) and its
    // export had not sent the id yet. Then `npm run deploy` put our scripts back.
    const created = String(
      env.account.records.create('customer', {
        isperson: 'T',
        firstname: 'Grace',
        lastname: 'Hopper',
        subsidiary: 2,
        entitystatus: 13,
        externalid: '6600000000002',
        custentity_hc_customer_id: 'HC2',
        custentity_hc_shop_cust_id: '6600000000002',
      }),
    );
    // Our export sends HotWax customers without an HC Sync Stamp newer than the last id it sent.
    env.run('export');
    expect(sentIds()).toEqual(['HC1', 'HC2']);

    // A feed HotWax wrote before it stored the id names HC2 again: linked, not duplicated.
    writeFeed(env, 'customer-Feed-2026-11-26-11-00-00-000.csv', feedText([{ HCCustomerId: 'HC2' }]));
    env.run('import');
    expect(importTotals(env)).toMatchObject({ created: 1, alreadyLinked: 1, errors: 0 });
    expect(customersByHcId(env).get('HC2')).toEqual([created]);
  });
});
