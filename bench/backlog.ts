/**
 * Backlog benchmark (issue 11): N new customers waiting in HotWax's feeds of 500 rows (a go-live
 * backlog, or a peak day), imported by today's scheduled chain (HC_SC_ImportCustomer rescheduling
 * itself, the map/reduce handoff off) and by HC_MR_ImportCustomer (handed up to 25 feeds at a time)
 * on accounts with 1, 2, 5 and 15 SuiteCloud processors.
 * Figures: units per created (or linked) customer, modeled NetSuite hours (account.modeledTotalMs over
 * every execution: the handoff, the map/reduce with its overlapping jobs, the closing scheduled run)
 * and jobs (scheduled executions, plus the map/reduce's stage jobs). Each run's output is checked.
 */
import fs from 'node:fs';
import { SCRIPT_NAMES, SyncEnvironment } from '../simulation/environment';
import { HotWaxOms, LocalSftpFiles } from '../simulation/hotwax';
import { seedPopulation } from '../simulation/population';
import { BenchCheckError, FEED_ROWS_PER_FILE } from './cases';
import { seedExistingCustomers } from './seed';

export const BACKLOG_PATHS = ['scheduled', '1', '2', '5', '15'] as const;
export type BacklogPath = (typeof BACKLOG_PATHS)[number];

export interface BacklogFigure {
  unitsPerCustomer: number;
  modeledHours: number;
  jobs: number;
  units: number;
  customers: number;
  wallSeconds: number;
}

const MR_SCRIPT_ID = 'customscript_hc_mr_import_customer';

/** One backlog import on one path; `kind` create: N new customers, link: N existing ones to link. */
export async function backlogRun(
  n: number,
  path: BacklogPath,
  seed: number,
  kind: 'create' | 'link',
): Promise<BacklogFigure> {
  const processors = path === 'scheduled' ? 2 : Number(path);
  const env = await SyncEnvironment.start({ sftp: 'embedded', processors, seed });
  try {
    const oms = new HotWaxOms(new LocalSftpFiles(env.localBase));
    const existing = kind === 'link' ? seedExistingCustomers(env, n, seed) : [];
    if (kind === 'link') for (const e of existing) oms.add(e.party);
    else seedPopulation(env, oms, { existing: 0, newInHotWax: n, seed });
    const before = env.account.records.count('customer');
    const subsidiary = env.subsidiaries[env.subsidiaries.length - 1];
    const feed = oms.writeCustomerFeed({
      subsidiary,
      now: env.account.now(),
      perFile: FEED_ROWS_PER_FILE,
    });
    // The scheduled chain: handoff off. Map/reduce: the default threshold hands the feed over.
    env.setParams('import', { custscript_hc_imp_mr_min_rows: path === 'scheduled' ? 0 : '' });
    // Only what the import does is timed: seeding moved the account's clock.
    const modeledBefore = env.account.modeledTotalMs;
    const t0 = Date.now();
    const results = env.run('import', { maxExecutions: 100000 });
    const wallSeconds = (Date.now() - t0) / 1000;

    const problems: string[] = [];
    const failed = results.filter((r) => r.status !== 'COMPLETE');
    if (failed.length) problems.push(`${failed.length} executions did not complete`);
    const mr = results.filter((r) => r.scriptId === MR_SCRIPT_ID);
    if (feed.rows !== n) problems.push(`the feeds hold ${feed.rows} rows, expected ${n}`);
    if (path !== 'scheduled' && n >= 1000 && mr.length === 0) problems.push('no map/reduce run');
    const left = fs.readdirSync(env.localPath('customer/export')).filter((f) => f.endsWith('.csv'));
    if (left.length) problems.push(`${left.length} feed(s) left in customer/export/`);
    if (path === 'scheduled' && mr.length !== 0) problems.push('the scheduled chain handed the feed over');
    const byHc = new Map<string, number>();
    for (const r of env.account.records.all('customer')) {
      const hc = String(r.values.custentity_hc_customer_id ?? '');
      if (hc) byHc.set(hc, (byHc.get(hc) ?? 0) + 1);
    }
    const handled = kind === 'create' ? env.account.records.count('customer') - before : byHc.size;
    if (handled !== n)
      problems.push(`${handled} customers ${kind === 'create' ? 'created' : 'linked'}, expected ${n}`);
    for (const [hc, k] of byHc)
      if (k !== 1) problems.push(`HotWax customer ${hc} is on ${k} NetSuite customers`);
    if (problems.length) throw new BenchCheckError(`backlog ${kind} ${n} on ${path}`, problems);

    const units = results.reduce((a, r) => a + r.usage.total, 0);
    const stageJobs = mr.reduce((a, r) => {
      const t = r.mapReduce!.time;
      return a + t.getInputData.jobs + t.map.jobs + t.reduce.jobs + t.summarize.jobs;
    }, 0);
    return {
      unitsPerCustomer: Math.round((units / n) * 1000) / 1000,
      modeledHours: Math.round(((env.account.modeledTotalMs - modeledBefore) / 3.6e6) * 1000) / 1000,
      jobs: results.length - mr.length + stageJobs,
      units,
      customers: n,
      wallSeconds: Math.round(wallSeconds * 10) / 10,
    };
  } finally {
    await env.stop();
  }
}

export interface BacklogTarget {
  customers: number;
  kind: 'create' | 'link';
  path: string;
  metric: string;
  value: number;
  op: '<=';
  target: number;
  passed: boolean;
  /** false: reported only (too few customers per processor for the fixed costs not to dominate). */
  gating: boolean;
}

/**
 * Below this many customers per processor, getInputData, summarize and the two scheduled runs around
 * the job (about 15 s modeled, whatever the size) dominate, and the scaling target is reported, not gating.
 */
export const MIN_CUSTOMERS_PER_PROCESSOR = 500;

/**
 * Units per customer (issue 20): the map/reduce within 0.08 of the floor (15.22 created, 5.22
 * linked) from 10,000 customers on; the scheduled chain within what each of its executions pays
 * (docs/ARCHITECTURE.md, "Where a customer's units go"); smaller runs, where a job's fixed costs
 * weigh more, within 16 / 6.
 */
function unitsTarget(kind: 'create' | 'link', path: string, n: number): number {
  if (n < 10000) return kind === 'create' ? 16 : 6;
  if (path === 'scheduled') return kind === 'create' ? 15.55 : 5.36;
  return kind === 'create' ? 15.3 : 5.3;
}

/**
 * Issue 11's targets: ≤ 16 units per created and ≤ 6 per linked customer on every path; with P
 * processors at most 1.2 × (1-processor time / P); 100,000 with 5 processors under a quarter of the chain.
 */
export function backlogTargets(
  kind: 'create' | 'link',
  figures: Record<string, Partial<Record<BacklogPath, BacklogFigure>>>,
): BacklogTarget[] {
  const out: BacklogTarget[] = [];
  const push = (
    customers: number,
    path: string,
    metric: string,
    value: number,
    target: number,
    gating = true,
  ) => out.push({ customers, kind, path, metric, value, op: '<=', target, passed: value <= target, gating });
  for (const [size, paths] of Object.entries(figures)) {
    const n = Number(size);
    for (const [p, f] of Object.entries(paths))
      push(n, p, 'unitsPerCustomer', f!.unitsPerCustomer, unitsTarget(kind, p, n));
    const serial = paths['1']?.modeledHours;
    if (serial !== undefined)
      for (const p of ['2', '5', '15'] as const)
        if (paths[p])
          push(
            n,
            p,
            'modeledHours vs 1.2 × serial / P',
            paths[p].modeledHours,
            round3((1.2 * serial) / Number(p)),
            n / Number(p) >= MIN_CUSTOMERS_PER_PROCESSOR,
          );
    if (kind === 'create' && n >= 100000 && paths['5'] && paths.scheduled)
      push(
        n,
        '5',
        'modeledHours vs scheduled / 4',
        paths['5'].modeledHours,
        round3(paths.scheduled.modeledHours / 4),
      );
  }
  return out;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export const BACKLOG_SCRIPT = SCRIPT_NAMES.importMr;
