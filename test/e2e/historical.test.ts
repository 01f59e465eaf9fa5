/**
 * HC_SC_GenerateHistoricalCustomerCSV and HC_SC_UploadHistoricalCustomerCSV end to end: built
 * scripts in the emulator, files on a real SFTP server.
 */
import fs from 'node:fs';
import { crashAt, Execution, createSearchModule } from '../../emulator/src';
import { SyncEnvironment } from '../../simulation/environment';
import { parseCsv } from '../../simulation/hotwax';
import { remoteCsv, remoteNames, serverKind } from './helpers';
import { GENERATE_HISTORICAL_CSV } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

const kind = serverKind();
let env: SyncEnvironment;
beforeEach(async () => {
  env = await SyncEnvironment.start({ sftp: kind });
});
afterEach(async () => {
  await env.stop();
});

function seed(n: number, extra: (i: number) => Record<string, unknown> = () => ({})): string[] {
  const ids: string[] = [];
  for (let i = 1; i <= n; i++)
    ids.push(
      String(
        env.account.records.create('customer', {
          isperson: 'T',
          firstname: i % 10 === 0 ? 'Zoë, "Z"' : `First${i}`,
          lastname: `Last${i}`,
          subsidiary: 2,
          custentity_hc_shop_cust_id: String(6620110000000 + i),
          ...extra(i),
        }),
      ),
    );
  return ids;
}

/** The historical parts in the File Cabinet folder, parsed. */
function parts(folder = 'Historical Shopify Customer CSV'): { name: string; rows: string[][] }[] {
  const f = env.account.records.find('folder', (r) => r.values.name === folder)[0];
  if (!f) return [];
  return env.account.files
    .list(Number(f.id))
    .filter((x) => x.name.endsWith('.csv'))
    .map((x) => ({ name: x.name, rows: parseCsv(String(x.contents)) }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

const HEADER = ['first-name', 'last-name', 'external-id', 'party-identifications'];

describe(`historical export and upload against ${kind}`, () => {
  test('every customer with a Shopify id, once, in HotWax party format; inactive ones left out; duplicates reported', () => {
    const ids = seed(30, (i) => ({ isinactive: i === 5 }));
    env.account.records.create('customer', {
      isperson: 'T',
      firstname: 'No',
      lastname: 'Shopify',
      subsidiary: 2,
    });
    const dup = String(
      env.account.records.create('customer', {
        isperson: 'T',
        firstname: 'Dup',
        lastname: 'Licate',
        subsidiary: 2,
        custentity_hc_shop_cust_id: '6620110000007',
      }),
    );
    const [run] = env.run('generate');
    expect(run.status).toBe('COMPLETE');
    const [part] = parts();
    expect(part.rows[0]).toEqual(HEADER);
    const body = part.rows.slice(1);
    expect(body).toHaveLength(30); // 29 active + the duplicate
    expect(body[0]).toEqual([
      'First1',
      'Last1',
      '6620110000001',
      `SHOPIFY_CUST_ID:6620110000001|NETSUITE_CUSTOMER_ID:${ids[0]}`,
    ]);
    expect(body.find((r) => r[1] === 'Last10')![0]).toBe('Zoë, "Z"');
    expect(body.some((r) => r[1] === 'Last5')).toBe(false);
    expect(body.filter((r) => r[2] === '6620110000007').map((r) => r[3].split(':').pop())).toEqual([
      ids[6],
      dup,
    ]);
    const dupLog = run.logs.find(
      (l) => l.level === 'ERROR' && /more than one NetSuite customer/.test(l.title),
    );
    expect(dupLog?.details).toContain('6620110000007 (2 customers)');
  });

  test('the Shopify id may live in another field or the external id, and inactive customers can be included', () => {
    seed(5, (i) => ({ custentity_hc_shop_cust_id: '', externalid: `EXT${i}`, isinactive: i === 2 }));
    env.setParams('generate', {
      custscript_hc_ghc_id_source: 'externalid',
      custscript_hc_ghc_include_inactive: true,
    });
    env.run('generate');
    expect(
      parts()[0]
        .rows.slice(1)
        .map((r) => r[2]),
    ).toEqual(['EXT1', 'EXT2', 'EXT3', 'EXT4', 'EXT5']);
  });

  test('a saved search the administrator names chooses the customers (its own filters kept)', () => {
    const ids = seed(6, (i) => ({ subsidiary: i % 2 ? 2 : 3 }));
    // The administrator's saved search, made through the emulator's own N/search as a script would.
    const script = env.account.script(GENERATE_HISTORICAL_CSV.scriptId);
    const exec = new Execution({
      account: env.account,
      script,
      deployment: script.deployments[0],
      limit: 10_000,
    });
    createSearchModule(exec)
      .create({
        type: 'customer',
        id: 'customsearch_hc_ca_customers',
        title: 'Canadian customers',
        filters: [['subsidiary', 'anyof', '3']],
        columns: ['entityid'],
      })
      .save();
    env.setParams('generate', { custscript_hc_ghc_saved_search: 'customsearch_hc_ca_customers' });
    expect(env.run('generate')[0].status).toBe('COMPLETE');
    expect(
      parts()[0]
        .rows.slice(1)
        .map((r) => r[3].split(':').pop()),
    ).toEqual([ids[1], ids[3], ids[5]]);
  });

  test('a tiny budget and small parts: many executions, every customer exactly once across parts', () => {
    const ids = seed(300);
    // A resumed execution pays 10 to read the folder and 5 to check its last part is there.
    env.account.usageLimits.set(GENERATE_HISTORICAL_CSV.scriptId, 125);
    env.setParams('generate', { custscript_hc_ghc_max_file_bytes: 2000 });
    const runs = env.run('generate');
    expect(runs.length).toBeGreaterThan(3);
    expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
    const all = parts().flatMap((p) => p.rows.slice(1).map((r) => r[3].split(':').pop()));
    expect(all).toEqual(ids);
    expect(parts().length).toBeGreaterThan(5);
    expect(parts().every((p) => Buffer.byteLength(p.rows.map((r) => r.join(',')).join('\r\n')) <= 2000)).toBe(
      true,
    );
  });

  test.each([
    ['the second part save', 'File.save', 2],
    ['a checkpoint write', 'record.submitFields', 2],
    ['the first part save', 'File.save', 1],
    ['the duplicate search at the end', 'ResultSet.getRange', 1],
    ['the check that the last part is there', 'Search.runPaged', 4],
  ])('a crash at %s, then a re-run: every customer still exactly once', (_l, api, nth) => {
    const ids = seed(120);
    env.setParams('generate', { custscript_hc_ghc_max_file_bytes: 1500 });
    env.account.usageLimits.set(GENERATE_HISTORICAL_CSV.scriptId, 150);
    // The nth such call over all executions (the first may reschedule before reaching it).
    const plan = crashAt(api, nth);
    const first = env.run('generate', { faults: () => plan });
    expect(first[first.length - 1].status).toBe('CRASHED');
    env.run('generate');
    const all = parts().flatMap((p) => p.rows.slice(1).map((r) => r[3].split(':').pop()));
    expect(all).toEqual(ids);
  });

  test('upload: every file (more than 20), oldest first, atomically; archived in the File Cabinet', () => {
    seed(250);
    env.setParams('generate', { custscript_hc_ghc_max_file_bytes: 1000 });
    env.run('generate');
    const written = parts().map((p) => p.name);
    expect(written.length).toBeGreaterThan(20);
    const runs = env.run('upload');
    expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
    expect(remoteNames(env, 'historicalshopifycustomer/csv')).toEqual(written);
    expect(parts()).toEqual([]);
    expect(parts('Archive Historical Shopify Customer').map((p) => p.name)).toEqual(written);
    const uploaded = remoteCsv(env, 'historicalshopifycustomer/csv').flatMap((f) => f.rows.slice(1));
    expect(uploaded).toHaveLength(250);
  });

  test('a failed upload leaves its file for the next run, the others go, and the execution ends in error', () => {
    seed(30);
    env.setParams('generate', { custscript_hc_ghc_max_file_bytes: 1000 });
    env.run('generate');
    const written = parts().map((p) => p.name);
    // A directory where the second file must go: the move into place fails on any SFTP server.
    fs.mkdirSync(env.localPath(`historicalshopifycustomer/csv/${written[1]}`), { recursive: true });
    fs.writeFileSync(env.localPath(`historicalshopifycustomer/csv/${written[1]}/keep`), 'x');
    const [run] = env.run('upload');
    expect(run.status).toBe('FAILED');
    expect(run.error?.name).toBe('HC_HISTORICAL_UPLOAD_FAILED');
    expect(run.error?.message).toContain(written[1]);
    expect(run.logs.some((l) => l.level === 'ERROR' && l.title === `Upload failed: ${written[1]}`)).toBe(
      true,
    );
    expect(parts().map((p) => p.name)).toEqual([written[1]]);
    expect(parts('Archive Historical Shopify Customer')).toHaveLength(written.length - 1);

    fs.rmSync(env.localPath(`historicalshopifycustomer/csv/${written[1]}`), { recursive: true });
    expect(env.run('upload')[0].status).toBe('COMPLETE');
    expect(parts()).toEqual([]);
    expect(remoteNames(env, 'historicalshopifycustomer/csv')).toEqual(written);
  });
});
