/**
 * HC_MR_ImportCustomer end to end: the built scripts in the emulator against a real SFTP server. A large
 * feed is handed over by HC_SC_ImportCustomer and imported on several processors; the outcome (customers,
 * reports byte for byte, archive, totals) must equal the scheduled path's on the same feed, under
 * concurrency seeds, application-server restarts at charged calls of every stage, and a crash in the handoff.
 */
import fs from 'node:fs';
import path from 'node:path';
import { crashAt, crashInStage } from '../../emulator/src';
import type { FaultPlan } from '../../emulator/src';
import { SyncEnvironment } from '../../simulation/environment';
import { csvText, FEED_HEADER } from '../../simulation/hotwax';
import { feedRowsFor, remoteNames, serverKind, writeFeed } from './helpers';
import type { FeedCustomer } from './helpers';

jest.setTimeout(600_000);
const kind = serverKind();
const FEED = 'customer-Feed-2026-11-26-10-00-00-000.csv';

/** Pre-existing customers the feed links to or collides with. */
function seedExisting(env: SyncEnvironment): void {
  const r = env.account.records;
  const base = { isperson: 'T', firstname: 'Old', lastname: 'Customer', subsidiary: 2, entitystatus: 13 };
  r.create('customer', { ...base, externalid: 'EXT-1', email: 'e1@example.com' });
  r.create('customer', {
    ...base,
    email: 'e2@example.com',
    custentity_hc_shop_cust_id: '7700000000002',
    custentity_hc_customer_id: 'HC-OLD',
  });
  // Two rows reach this one through different keys: only grouping by the candidate keeps them together.
  r.create('customer', {
    ...base,
    externalid: 'EXT-3',
    custentity_hc_shop_cust_id: '7700000000003',
    email: 'e3@example.com',
  });
  r.create('customer', { ...base, email: 'shared@example.com' });
}

/** A duplicate-prone feed: repeated HC ids, shared emails/Shopify ids, links, conflicts, bad rows. */
function feed(n: number): string {
  // Rows that meet at one customer sit far apart, in what would otherwise be different reduce keys.
  const rows: FeedCustomer[] = [
    { HCCustomerId: 'HC205', HCShopifyCustomerId: '7700000000003', externalId: 'X-205' },
    { HCCustomerId: 'HC207', email: 'shared@example.com', HCShopifyCustomerId: '8800000000207' },
    { HCCustomerId: 'HC200', email: 'hc117@example.com', HCShopifyCustomerId: '8800000000200' },
    ...Array.from({ length: n }, (_, i) => ({ HCCustomerId: `HC${i + 1}` })),
  ];
  rows.push(
    { HCCustomerId: 'HC5' },
    { HCCustomerId: 'HC201', HCShopifyCustomerId: '6600000000008', externalId: 'X-201' },
    { HCCustomerId: 'HC202', externalId: 'EXT-1', HCShopifyCustomerId: '8800000000202' },
    { HCCustomerId: 'HC203', HCShopifyCustomerId: '7700000000002', externalId: 'X-203' },
    { HCCustomerId: 'HC204', externalId: 'EXT-3', HCShopifyCustomerId: '8800000000204' },
    { HCCustomerId: 'HC206', email: 'shared@example.com', HCShopifyCustomerId: '8800000000206' },
    { HCCustomerId: 'HC208', status: 'CUSTOMER-Nope', HCShopifyCustomerId: '8800000000208' },
    { HCCustomerId: '', HCShopifyCustomerId: '8800000000209' },
    { HCCustomerId: 'HC210', subsidiary: '', HCShopifyCustomerId: '8800000000210' },
    { HCCustomerId: 'HC3', firstName: 'Again', HCShopifyCustomerId: '6600000000003' },
  );
  const text = csvText(FEED_HEADER, feedRowsFor(rows));
  // A malformed record (wrong column count) in the middle of the file.
  const lines = text.split('\r\n');
  lines.splice(40, 0, 'HC999,Broken');
  return lines.join('\r\n');
}

interface Outcome {
  customers: string[];
  reports: Record<string, string>;
  archive: string[];
  feedFolder: string[];
  totals: Record<string, number>;
}

const PROJECTED = [
  'custentity_hc_customer_id',
  'custentity_hc_shop_cust_id',
  'externalid',
  'email',
  'firstname',
  'lastname',
  'subsidiary',
  'entitystatus',
];

function outcome(env: SyncEnvironment, summaryTitle: RegExp): Outcome {
  // Internal ids of customers created in the run depend on the interleaving: name them by HC id.
  const hcOf = new Map<string, string>();
  const customers = [...env.account.records.all('customer')].map((c) => {
    hcOf.set(String(c.id), String(c.values.custentity_hc_customer_id ?? ''));
    return PROJECTED.map((f) => `${f}=${String(c.values[f] ?? '')}`).join('|');
  });
  const reports: Record<string, string> = {};
  for (const dir of ['customer/export/error', 'customer/export/required_fields_missing'])
    for (const name of remoteNames(env, dir))
      reports[`${dir}/${name}`] = fs
        .readFileSync(path.join(env.localPath(dir), name), 'utf8')
        .replace(/NetSuite customer (\d+)/g, (m, id: string) =>
          Number(id) > 4 ? `NetSuite customer <created ${hcOf.get(id)}>` : m,
        );
  const totals = { created: 0, linked: 0, alreadyLinked: 0, errors: 0 };
  for (const e of env.account.executions)
    for (const l of e.logs)
      if (l.level === 'AUDIT' && summaryTitle.test(l.title)) {
        const s = JSON.parse(l.details) as { totals: typeof totals };
        for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += s.totals[k];
      }
  return {
    customers: customers.sort(),
    reports,
    archive: remoteNames(env, 'customer/export/archive'),
    feedFolder: remoteNames(env, 'customer/export'),
    totals,
  };
}

async function scheduledBaseline(n: number): Promise<Outcome> {
  const env = await SyncEnvironment.start({ sftp: kind });
  try {
    seedExisting(env);
    env.setParams('import', { custscript_hc_imp_match_by_email: true, custscript_hc_imp_mr_min_rows: 0 });
    writeFeed(env, FEED, feed(n));
    env.run('import');
    return outcome(env, /^HC_SC_ImportCustomer summary$/);
  } finally {
    await env.stop();
  }
}

async function mapReduceRun(
  n: number,
  opts: { processors?: number; seed?: number; faults?: (n: number) => FaultPlan | undefined } = {},
): Promise<{ outcome: Outcome; env: SyncEnvironment; results: ReturnType<SyncEnvironment['run']> }> {
  const env = await SyncEnvironment.start({ sftp: kind, processors: opts.processors ?? 5, seed: opts.seed });
  seedExisting(env);
  env.setParams('import', { custscript_hc_imp_match_by_email: true, custscript_hc_imp_mr_min_rows: 50 });
  writeFeed(env, FEED, feed(n));
  const results = env.run('import', { faults: opts.faults });
  return { outcome: outcome(env, /^HC_(SC|MR)_ImportCustomer summary$/), env, results };
}

describe(`map/reduce import against ${kind} sshd/server`, () => {
  let baseline: Outcome;
  beforeAll(async () => {
    baseline = await scheduledBaseline(120);
  });

  test('the baseline is the scheduled path with every kind of outcome', () => {
    expect(baseline.totals.created).toBe(120);
    expect(baseline.totals.linked).toBe(3);
    expect(baseline.totals.alreadyLinked).toBe(2);
    expect(baseline.totals.errors).toBe(9);
    expect(Object.keys(baseline.reports)).toEqual([
      'customer/export/error/customer-Feed-2026-11-26-10-00-00-000-errors.csv',
      `customer/export/required_fields_missing/${FEED}`,
    ]);
    expect(baseline.archive).toEqual([FEED]);
    expect(baseline.feedFolder).toEqual([]);
  });

  test.each([1, 2, 3, 11])(
    'a large feed goes to the map/reduce and ends as the scheduled path (seed %i)',
    async (seed) => {
      const { outcome: o, env, results } = await mapReduceRun(120, { seed });
      try {
        const mr = results.filter((r) => r.scriptId === 'customscript_hc_mr_import_customer');
        expect(mr.length).toBe(1);
        expect(mr[0].status).toBe('COMPLETE');
        // It really ran on several processors: more than one reduce key, more than one job.
        expect(mr[0].mapReduce!.time.reduce.jobs).toBeGreaterThan(1);
        expect(o).toEqual(baseline);
      } finally {
        await env.stop();
      }
    },
  );

  // Every charged call of getInputData and summarize, reduce calls spread over its keys (map makes none).
  const any = () => true;
  test.each([
    ...[1, 2, 3, 4, 5, 6].map((n) => ['getInputData', any, n] as const),
    ...[1, 2, 5, 20, 37, 60, 100].map((n) => ['reduce', any, n] as const),
    ['reduce', 'Record.save', 1] as const,
    ['reduce', 'record.submitFields', 1] as const,
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => ['summarize', any, n] as const),
    ['summarize', 'sftp.Connection.move', 2] as const,
    ['summarize', 'task.ScheduledScriptTask.submit', 1] as const,
  ] as const)('an application-server restart in %s at %s #%i changes nothing', async (stage, api, nth) => {
    // Execution 1 is HC_SC_ImportCustomer handing over, 2 the map/reduce job.
    const {
      outcome: o,
      env,
      results,
    } = await mapReduceRun(120, {
      seed: 5,
      faults: (n) => (n === 2 ? crashInStage(stage, api, nth) : undefined),
    });
    try {
      const mr = results.find((r) => r.scriptId === 'customscript_hc_mr_import_customer')!;
      expect(mr.status).toBe('COMPLETE');
      expect(mr.mapReduce!.restarts.length).toBeGreaterThan(0);
      expect({ ...o, totals: undefined }).toEqual({ ...baseline, totals: undefined });
      expect(o.totals).toEqual(baseline.totals);
    } finally {
      await env.stop();
    }
  });

  test('a crash between the handoff and the submit: the next scheduled run submits it, nothing twice', async () => {
    const env = await SyncEnvironment.start({ sftp: kind, processors: 2 });
    try {
      seedExisting(env);
      env.setParams('import', { custscript_hc_imp_match_by_email: true, custscript_hc_imp_mr_min_rows: 50 });
      writeFeed(env, FEED, feed(120));
      const first = env.run('import', {
        faults: (n) => (n === 1 ? crashAt('task.MapReduceScriptTask.submit', 1) : undefined),
      });
      expect(first.map((r) => r.status)).toEqual(['CRASHED']);
      expect(env.account.records.count('customer')).toBe(4);
      // The lease is the map/reduce's now: the next scheduled run leaves the feed alone and submits it.
      const second = env.run('import');
      expect(second[0].logs.some((l) => /is importing/.test(l.details))).toBe(true);
      expect(second.some((r) => r.scriptId === 'customscript_hc_mr_import_customer')).toBe(true);
      expect(outcome(env, /^HC_(SC|MR)_ImportCustomer summary$/)).toEqual(baseline);
    } finally {
      await env.stop();
    }
  });

  test('a small feed stays on the scheduled path', async () => {
    const env = await SyncEnvironment.start({ sftp: kind });
    try {
      env.setParams('import', { custscript_hc_imp_mr_min_rows: 50 });
      writeFeed(
        env,
        FEED,
        csvText(FEED_HEADER, feedRowsFor([{ HCCustomerId: 'HC1' }, { HCCustomerId: 'HC2' }])),
      );
      const results = env.run('import');
      expect(results.map((r) => r.scriptId)).toEqual(['customscript_imp_customer']);
      expect(env.account.records.count('customer')).toBe(2);
    } finally {
      await env.stop();
    }
  });
});
