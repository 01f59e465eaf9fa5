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
 * `otherJobMs` each, arrive evenly spaced so that on average `otherWorkShare × processors` of them run, and
 * they queue with ours first in, first out, all at the same priority (priority settings, elevation and
 * processor reservation are not modeled). A job that arrived while ours held every processor runs before
 * our next job. With `otherWorkShare` 0 a job starts when it is queued, as before.
 */
import type { Account } from '../account';

/** A processor a job holds from `startMs` until it calls release with its end. */
export interface ProcessorSlot {
  startMs: number;
  release(endMs: number): void;
}

const FREE_SLOT = (atMs: number): ProcessorSlot => ({ startMs: atMs, release: () => undefined });

export class ProcessorPool {
  /** When each processor is next free of the work placed on it; NaN while one of our jobs holds it. */
  private readonly freeAt: number[];
  /** Arrival times of other jobs that found every processor held by ours. */
  private readonly backlog: number[] = [];
  private nextArrival: number;
  private readonly gap: number;

  constructor(
    processors: number,
    share: number,
    private readonly jobMs: number,
    originMs: number,
  ) {
    this.freeAt = Array.from({ length: processors }, () => -Infinity);
    this.gap = jobMs / (share * processors);
    // start mid-stream: at the first request the other work is already running at its usual share
    this.nextArrival = originMs - jobMs / 2;
  }

  /** Our job queued at `atMs`: the other jobs queued before it go first; it takes the processor free first. */
  acquire(atMs: number): ProcessorSlot {
    this.placeOthers(atMs);
    const i = this.earliestFree();
    if (i < 0) throw new Error('Emulator: a job asked for a processor while this account held them all');
    const startMs = Math.max(atMs, this.freeAt[i]);
    this.freeAt[i] = NaN;
    return {
      startMs,
      release: (endMs: number) => {
        this.freeAt[i] = endMs;
        this.placeOthers(endMs);
      },
    };
  }

  /** Places the other jobs that arrived up to `t` (the waiting ones first) on the processor free first. */
  private placeOthers(t: number): void {
    for (;;) {
      const waiting = this.backlog.length > 0;
      const arrival = waiting ? this.backlog[0] : this.nextArrival;
      if (arrival > t) return;
      const i = this.earliestFree();
      if (i < 0) {
        // every processor is held by our jobs: the arrivals up to t wait, in order
        for (; this.nextArrival <= t; this.nextArrival += this.gap) this.backlog.push(this.nextArrival);
        return;
      }
      if (waiting) this.backlog.shift();
      else this.nextArrival += this.gap;
      this.freeAt[i] = Math.max(arrival, this.freeAt[i]) + this.jobMs;
    }
  }

  private earliestFree(): number {
    let best = -1;
    for (let i = 0; i < this.freeAt.length; i++)
      if (!Number.isNaN(this.freeAt[i]) && (best < 0 || this.freeAt[i] < this.freeAt[best])) best = i;
    return best;
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
