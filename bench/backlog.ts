/**
 * Backlog benchmark (issue 11): N new customers waiting in HotWax's feeds of 500 rows (a go-live
 * backlog, or a peak day), imported by today's scheduled chain (HC_SC_ImportCustomer rescheduling
 * itself, the map/reduce handoff off) and by HC_MR_ImportCustomer (handed up to 25 feeds at a time)
 * on accounts with 1, 2, 5 and 15 SuiteCloud processors.
 * Figures: units per created (or linked) customer, modeled NetSuite hours (from the moment the import is
 * queued to the end of its last execution: the handoff, the map/reduce with its overlapping jobs, the
 * closing scheduled run, and every wait in the queue for a processor) and jobs (scheduled executions, plus
 * the map/reduce's stage jobs). Each run's output is checked. A run can share the processors with other
 * deployments' work (`otherWorkShare`) and scale every modeled duration (`scale`, core/clock.ts scaledTiming).
 */
import fs from 'node:fs';
import { scaledTiming } from '../emulator/src';
import type { ExecutionResult } from '../emulator/src';
import { SCRIPT_NAMES, SyncEnvironment } from '../simulation/environment';
import { HotWaxOms, LocalSftpFiles } from '../simulation/hotwax';
import { seedPopulation } from '../simulation/population';
import { BenchCheckError, FEED_ROWS_PER_FILE, TARGET } from './cases';
import { seedExistingCustomers } from './seed';
import { IMPORT_CUSTOMER_MR } from '../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

export const BACKLOG_PATHS = ['scheduled', '1', '2', '5', '15'] as const;
export type BacklogPath = (typeof BACKLOG_PATHS)[number];

/** One import of a backlog. */
export interface BacklogRun {
  unitsPerCustomer: number;
  /** From the import's queueing to its last execution's end, queue waits included. */
  modeledHours: number;
  /**
   * Modeled hours of what runs on one processor at a time: the scheduled executions and each map/reduce's
   * getInputData, shuffle and summarize (all but the reduce stage). More processors never shorten it.
   */
  serialHours: number;
  /**
   * Modeled seconds by part, summed over the run: scheduled executions, then each map/reduce stage from its
   * start to its last job's end (the reduce stage's jobs overlap on several processors).
   */
  stageSeconds: Record<'scheduled' | 'getInputData' | 'shuffle' | 'reduce' | 'summarize', number>;
  jobs: number;
  units: number;
  customers: number;
  wallSeconds: number;
}

/** The share of the processors other deployments' work takes in the bench's busy runs. */
export const OTHER_WORK_SHARE = 0.5;
/** The latency scales each backlog figure is reported over. */
export const LATENCY_SCALES = [0.5, 1, 2, 4];

/** A backlog figure: the run on free processors at 1×, the run with other work, and the ranges. */
export interface BacklogFigure extends BacklogRun {
  /** The same import with OTHER_WORK_SHARE of the processors' time taken by other deployments. */
  busy?: BacklogRun & { otherWorkShare: number };
  /**
   * Modeled hours by other-work share ("0", "0.5") and latency scale ("0.5" … "4"): the 1× runs multiplied
   * by the scale, which is exact while no time limit or yield is reached (checked by the bench's scale check).
   */
  rangeHours?: Record<string, Record<string, number>>;
}

export interface BacklogOptions {
  /** Share (0–1) of the processors' time other deployments take; default 0. */
  otherWorkShare?: number;
  /** Every modeled duration multiplied by this; default 1. */
  scale?: number;
}

const MR_SCRIPT_ID = IMPORT_CUSTOMER_MR.scriptId;

/** One backlog import on one path; `kind` create: N new customers, link: N existing ones to link. */
export async function backlogRun(
  n: number,
  path: BacklogPath,
  seed: number,
  kind: 'create' | 'link',
  o: BacklogOptions = {},
): Promise<BacklogRun> {
  const processors = path === 'scheduled' ? 2 : Number(path);
  const timing = o.scale !== undefined && o.scale !== 1 ? scaledTiming(o.scale) : undefined;
  const env = await SyncEnvironment.start({ sftp: 'embedded', processors, seed, latency: timing?.latency });
  Object.assign(env.account.overheads, timing?.overheads ?? {}, { otherWorkShare: o.otherWorkShare ?? 0 });
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
    // Only what the import does is timed, from a fixed account time (the wall clock would creep in).
    const queuedMs = env.account.now().getTime();
    env.account.setClock(() => new Date(queuedMs));
    const t0 = Date.now();
    const results = env.run('import', { maxExecutions: 100000 });
    const wallSeconds = (Date.now() - t0) / 1000;
    const endMs = Math.max(...results.map((r) => r.endedAt.getTime()));

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

    return figuresOf(results, n, endMs - queuedMs, wallSeconds);
  } finally {
    await env.stop();
  }
}

/** A backlog run's figures from its executions' results (`spanMs`: from queueing to the last end). */
function figuresOf(results: ExecutionResult[], n: number, spanMs: number, wallSeconds: number): BacklogRun {
  const mr = results.filter((r) => r.scriptId === MR_SCRIPT_ID);
  const units = results.reduce((a, r) => a + r.usage.total, 0);
  const stageJobs = mr.reduce((a, r) => {
    const t = r.mapReduce!.time;
    return a + t.getInputData.jobs + t.map.jobs + (t.shuffle?.jobs ?? 0) + t.reduce.jobs + t.summarize.jobs;
  }, 0);
  const stageMs = { scheduled: 0, getInputData: 0, shuffle: 0, reduce: 0, summarize: 0 };
  for (const r of results) {
    const t = r.mapReduce?.time;
    if (!t) stageMs.scheduled += r.endedAt.getTime() - r.startedAt.getTime();
    else
      for (const k of ['getInputData', 'shuffle', 'reduce', 'summarize'] as const)
        stageMs[k] += t[k]?.modeledMs ?? 0;
  }
  const serialMs = stageMs.scheduled + stageMs.getInputData + stageMs.shuffle + stageMs.summarize;
  return {
    unitsPerCustomer: Math.round((units / n) * 1000) / 1000,
    modeledHours: round3(spanMs / 3.6e6),
    serialHours: Math.round(serialMs / 360) / 10000,
    stageSeconds: Object.fromEntries(
      Object.entries(stageMs).map(([k, ms]) => [k, Math.round(ms / 100) / 10]),
    ) as BacklogRun['stageSeconds'],
    jobs: results.length - mr.length + stageJobs,
    units,
    customers: n,
    wallSeconds: Math.round(wallSeconds * 10) / 10,
  };
}

export interface BacklogTarget {
  customers: number;
  kind: 'create' | 'link';
  path: string;
  /** Share of the processors other work took in the runs compared. */
  otherWorkShare: number;
  metric: string;
  value: number;
  op: '<=';
  target: number;
  passed: boolean;
  /** false: reported only (few customers per processor, more processors than the target can hold for, or other work). */
  gating: boolean;
  /** Why a time target is not gating, and the processors its 1-processor run's serial share allows. */
  note?: string;
}

/**
 * Below this many customers per processor, the handoff, getInputData, the shuffle and summarize (about
 * 12 s per job whatever its size, plus about 1.8 s per feed) dominate, and the scaling target is reported,
 * not gating (bench/README.md, "Where the scaling target stops holding").
 */
export const MIN_CUSTOMERS_PER_PROCESSOR = 500;
/**
 * The most processors the scaling target is gated on, by kind. A job's serial stages (all but reduce) take a
 * share s of its 1-processor run, so P processors take at least s + (1 − s) / P of it, within 1.2 / P only
 * while P ≤ 1 + 0.2 / s. Measured (bench/README.md): s is about 1.0 % for creates (P ≤ 20) and 1.75–1.85 % for
 * links (P ≤ 11–12), whose reduce work per row is half a create's; and a job is at most 25 feeds, so a larger
 * backlog does not lower s. Linking on 15 processors is therefore reported, not gated.
 */
export const SCALING_MAX_PROCESSORS = { create: 20, link: 11 };

type Figures = Record<string, Partial<Record<BacklogPath, BacklogFigure>>>;

/** The modeled hours of a figure at an other-work share (0: the free run; OTHER_WORK_SHARE: the busy run). */
const hoursAt = (f: BacklogFigure | undefined, share: number) =>
  share === 0 ? f?.modeledHours : f?.busy?.modeledHours;

/**
 * Units per customer (issue 20): the map/reduce within 0.08 of the floor from 10,000 customers on; the
 * scheduled chain within what each of its executions pays (docs/ARCHITECTURE.md, "Where a customer's
 * units go"); smaller runs, where a job's fixed costs weigh more, within SMALL_RUN_UNITS.
 */
function unitsTarget(kind: 'create' | 'link', path: string, n: number): number {
  if (n < 10000) return SMALL_RUN_UNITS[kind];
  if (path === 'scheduled') return kind === 'create' ? TARGET.createdPerCustomer : TARGET.linkedPerCustomer;
  return kind === 'create' ? TARGET.backlogCreatedPerCustomer : TARGET.backlogLinkedPerCustomer;
}
const SMALL_RUN_UNITS = { create: 16, link: 6 };

/**
 * The time targets at one other-work share, from runs at the same share (so they hold at every latency
 * scale alike): with P processors at most TARGET.processorsVsSerial × (1-processor hours / P); 100,000 on
 * 5 processors at most TARGET.fiveVsScheduledChain × the chain. Gating on free processors only.
 */
function timeTargets(
  kind: 'create' | 'link',
  n: number,
  paths: Figures[string],
  share: number,
): BacklogTarget[] {
  const out: BacklogTarget[] = [];
  const at = share === 0 ? '' : ` (${share * 100} % other work)`;
  const push = (path: string, metric: string, value: number, target: number, why: string) =>
    out.push({
      customers: n,
      kind,
      path,
      otherWorkShare: share,
      metric: metric + at,
      value,
      op: '<=',
      target,
      passed: value <= target,
      gating: !why && share === 0,
      ...(why || share ? { note: why || 'other work on the processors' } : {}),
    });
  const serial = hoursAt(paths['1'], share);
  for (const p of ['2', '5', '15'] as const) {
    const h = hoursAt(paths[p], share);
    if (serial !== undefined && h !== undefined)
      push(
        p,
        `modeledHours vs ${TARGET.processorsVsSerial} × serial / P`,
        h,
        round3((TARGET.processorsVsSerial * serial) / Number(p)),
        scalingNotGated(kind, n, Number(p), paths['1']),
      );
  }
  const five = hoursAt(paths['5'], share);
  const chain = hoursAt(paths.scheduled, share);
  if (kind === 'create' && n >= 100000 && five !== undefined && chain !== undefined)
    push(
      '5',
      `modeledHours vs scheduled × ${TARGET.fiveVsScheduledChain}`,
      five,
      round3(chain * TARGET.fiveVsScheduledChain),
      '',
    );
  return out;
}

/**
 * Why the scaling target on P processors is reported, not gated ('' when it gates), with the bound the
 * 1-processor run's own serial share gives (P ≤ 1 + 0.2 / s: SCALING_MAX_PROCESSORS).
 */
function scalingNotGated(
  kind: 'create' | 'link',
  n: number,
  p: number,
  one: BacklogFigure | undefined,
): string {
  const s = one && one.modeledHours ? one.serialHours / one.modeledHours : 0;
  const bound = s
    ? `; serial stages ${(s * 100).toFixed(2)} % of the 1-processor run: P ≤ ${(1 + 0.2 / s).toFixed(1)}`
    : '';
  if (n / p < MIN_CUSTOMERS_PER_PROCESSOR)
    return `${Math.round(n / p)} customers a processor, under ${MIN_CUSTOMERS_PER_PROCESSOR}${bound}`;
  if (p > SCALING_MAX_PROCESSORS[kind])
    return `${kind} on more than ${SCALING_MAX_PROCESSORS[kind]} processors${bound}`;
  return '';
}

/** Issue 11's and 20's targets: units per customer on every path, then the time targets at each share. */
export function backlogTargets(kind: 'create' | 'link', figures: Figures): BacklogTarget[] {
  const out: BacklogTarget[] = [];
  for (const [size, paths] of Object.entries(figures)) {
    const n = Number(size);
    for (const [p, f] of Object.entries(paths))
      out.push({
        customers: n,
        kind,
        path: p,
        otherWorkShare: 0,
        metric: 'unitsPerCustomer',
        value: f!.unitsPerCustomer,
        op: '<=',
        target: unitsTarget(kind, p, n),
        passed: f!.unitsPerCustomer <= unitsTarget(kind, p, n),
        gating: true,
      });
    out.push(...timeTargets(kind, n, paths, 0), ...timeTargets(kind, n, paths, OTHER_WORK_SHARE));
  }
  return out;
}

/** Modeled hours at every latency scale and other-work share, from the 1× runs (see rangeHours). */
export function rangeHours(f: BacklogFigure): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [share, h] of [
    [0, f.modeledHours],
    [OTHER_WORK_SHARE, f.busy?.modeledHours],
  ] as const)
    if (h !== undefined)
      out[String(share)] = Object.fromEntries(LATENCY_SCALES.map((k) => [String(k), round3(h * k)]));
  return out;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export const BACKLOG_SCRIPT = SCRIPT_NAMES.importMr;
