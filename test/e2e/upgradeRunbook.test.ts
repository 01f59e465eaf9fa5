/**
 * docs/UPGRADE.md step 13 quotes the AUDIT summaries an administrator watches after the upgrade. The
 * built scripts run the whole sync in the emulator here; every summary they log must have exactly the
 * keys the runbook shows, so the runbook cannot drift from what the scripts write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runScenario } from '../../simulation/scenario';
import type { SyncEnvironment } from '../../simulation/environment';
import { serverKind } from './helpers';

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
