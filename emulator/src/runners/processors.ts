/**
 * The account's processor pool and the queue in front of it (help "SuiteCloud Processors Basic
 * Architecture": "The scheduler sends the jobs to the processor pool in a specific order. This order is
 * determined by priority and the order of submission"; "Each submitted map/reduce script task is handled
 * by multiple jobs: one each for the getInput, shuffle, and summarize stages; and a minimum of one each
 * for the map and reduce stages"; help "SuiteCloud Processors Terminology": a job "is executed by a
 * single processor").
 *
 * Every job of this account's scripts (a scheduled execution, each map/reduce stage job) asks for a
 * processor when it is queued and holds it until it ends. Other deployments (HotWax's bundle alone deploys
 * about 57 scheduled and map/reduce scripts) keep `otherWorkShare` of the processors' time busy: their jobs,
 * `otherJobMs` each, arrive evenly spaced on each processor (`otherWorkShare` of its time), and they go
 * before ours when they were queued first, all at the same priority (priority settings, elevation and
 * processor reservation are not modeled). The other jobs that arrive on a processor while one of ours holds
 * it wait and run after it; our next job takes whichever processor is free first. (One queue for the whole
 * pool would need to know when our running jobs end before they do.) With `otherWorkShare` 0 a job
 * starts when it is queued.
 */
import type { Account } from '../account';

/** A processor a job holds from `startMs` until it calls release with its end. */
export interface ProcessorSlot {
  startMs: number;
  release(endMs: number): void;
}

const FREE_SLOT = (atMs: number): ProcessorSlot => ({ startMs: atMs, release: () => undefined });

export class ProcessorPool {
  /** When each processor is next free of the other work placed on it; NaN while one of our jobs holds it. */
  private readonly freeAt: number[];
  /** The next arrival of each processor's share of the other work. */
  private readonly nextArrival: number[];
  private readonly gap: number;

  constructor(
    processors: number,
    share: number,
    private readonly jobMs: number,
    originMs: number,
  ) {
    this.freeAt = Array.from({ length: processors }, () => -Infinity);
    // each processor gets its share of the other work, the streams staggered across the processors;
    // they start mid-stream: at the first request the other work is already running at its usual share
    this.gap = jobMs / share;
    this.nextArrival = this.freeAt.map((_, i) => originMs - jobMs / 2 + (i * this.gap) / processors);
  }

  /** Our job queued at `atMs`: the other jobs queued before it go first; it takes the processor free first. */
  acquire(atMs: number): ProcessorSlot {
    let best = -1;
    for (let i = 0; i < this.freeAt.length; i++) {
      if (Number.isNaN(this.freeAt[i])) continue;
      this.placeOthers(i, atMs);
      if (best < 0 || this.freeAt[i] < this.freeAt[best]) best = i;
    }
    if (best < 0) throw new Error('Emulator: a job asked for a processor while this account held them all');
    const startMs = Math.max(atMs, this.freeAt[best]);
    this.freeAt[best] = NaN;
    return {
      startMs,
      release: (endMs: number) => {
        // the other jobs that arrived while ours held the processor run after it, in order
        this.freeAt[best] = endMs;
        this.placeOthers(best, endMs);
      },
    };
  }

  /** Places processor i's other jobs that arrived up to `t`, each after the one before. */
  private placeOthers(i: number, t: number): void {
    for (; this.nextArrival[i] <= t; this.nextArrival[i] += this.gap)
      this.freeAt[i] = Math.max(this.nextArrival[i], this.freeAt[i]) + this.jobMs;
  }
}

const pools = new WeakMap<Account, ProcessorPool>();

/** A processor for a job queued at `atMs` (no wait when the account's processors have no other work). */
export function acquireProcessor(account: Account, atMs: number): ProcessorSlot {
  const { otherWorkShare: share, otherJobMs } = account.overheads;
  if (!(share > 0) || !(otherJobMs > 0)) return FREE_SLOT(atMs);
  let pool = pools.get(account);
  if (!pool) {
    pool = new ProcessorPool(account.processors, Math.min(share, 1), otherJobMs, atMs);
    pools.set(account, pool);
  }
  return pool.acquire(atMs);
}
