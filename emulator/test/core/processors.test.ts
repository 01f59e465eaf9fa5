import { ProcessorPool, acquireProcessor } from '../../src/runners/processors';
import { runMapReduce } from '../../src/runners/mapReduce';
import { runScheduled } from '../../src/runners/scheduled';
import { scaledTiming } from '../../src/core/clock';
import { fixtureAccount, mapReduce, scheduled } from './helpers';

const START = Date.UTC(2026, 0, 15, 12, 0, 0);

// runners/processors.ts: jobs queue first in, first out for the account's processors, which other
// deployments' jobs share (help "SuiteCloud Processors Basic Architecture").
describe('processor pool and queue wait', () => {
  test('one processor, half of it taken by other work: a job waits for the running one, then for those queued meanwhile', () => {
    // other jobs of 100 ms arrive every 200 ms from 50 ms before the first request (-50, 150, 350, …)
    const pool = new ProcessorPool(1, 0.5, 100, 0);
    const first = pool.acquire(0);
    expect(first.startMs).toBe(50); // the job that arrived at -50 runs to 50
    first.release(400); // ours held the processor while others arrived at 150 and 350
    const second = pool.acquire(400);
    expect(second.startMs).toBe(600); // 150's job runs 400–500, 350's 500–600
    second.release(600);
  });

  test('two processors: with one free, a job starts at once even while the other runs other work', () => {
    const pool = new ProcessorPool(2, 0.5, 100, 0);
    const a = pool.acquire(0);
    expect(a.startMs).toBe(0);
    const b = pool.acquire(0);
    expect(b.startMs).toBe(50);
    a.release(10);
    b.release(60);
  });

  test('no other work (the default): a job starts when it is queued', () => {
    const account = fixtureAccount();
    expect(acquireProcessor(account, START).startMs).toBe(START);
    expect(acquireProcessor(account, START).startMs).toBe(START);
  });

  test('a scheduled chain waits in the queue: the next execution starts after the previous one ends', () => {
    const chain = (share: number) => {
      const account = fixtureAccount({
        processors: 1,
        overheads: { otherWorkShare: share, otherJobMs: 1000 },
      });
      account.records.defineCustomRecordType('customrecord_counter', 'Counter');
      scheduled(account, 'customscript_clock', '/SuiteScripts/Time/SC_Clock.js');
      account.setClock(() => new Date(START));
      const one = runScheduled(account, { scriptId: 'customscript_clock' });
      const two = runScheduled(account, { scriptId: 'customscript_clock' });
      return { one, two, waited: two.startedAt.getTime() - one.endedAt.getTime() };
    };
    expect(chain(0).waited).toBe(0);
    const busy = chain(0.5);
    // 1-second jobs of other work every 2 s from START - 0.5 s: the first execution waits for the running
    // one (to START + 0.5 s), runs 1.6 s; the job queued at START + 1.5 s goes before the second (1 s)
    expect(busy.one.startedAt.getTime()).toBe(START + 500);
    expect(busy.one.modeledMs).toBe(1600);
    expect(busy.waited).toBe(1000);
    expect(busy.two.startedAt.getTime()).toBeGreaterThanOrEqual(busy.one.endedAt.getTime());
  });
});

describe('map/reduce stages on shared processors', () => {
  test('the shuffle is a job of its own: job start plus its time per pair map wrote, before reduce starts', () => {
    const account = fixtureAccount({ overheads: { shufflePerPairMs: 50 } });
    mapReduce(account, 'customscript_mr_words', '/SuiteScripts/MR/MR_Words.js');
    const r = runMapReduce(account, { scriptId: 'customscript_mr_words' });
    const t = r.mapReduce!.time;
    // "the cat", "the dog", "a cat": six words written ("boom" failed and its write was dropped)
    expect(t.shuffle).toEqual({ modeledMs: account.overheads.jobStartMs + 6 * 50, jobs: 1, yields: 0 });
    const stages = t.getInputData.modeledMs + t.map.modeledMs + t.shuffle!.modeledMs;
    expect(r.modeledMs).toBe(stages + t.reduce.modeledMs + t.summarize.modeledMs);
  });

  test('processors half taken by other work: the stages wait for them and the task takes longer', () => {
    const run = (share: number) => {
      const account = fixtureAccount({ processors: 2, overheads: { otherWorkShare: share } });
      mapReduce(account, 'customscript_mr_words', '/SuiteScripts/MR/MR_Words.js');
      return runMapReduce(account, { scriptId: 'customscript_mr_words', interleave: 0 });
    };
    const free = run(0);
    const busy = run(0.5);
    expect(busy.status).toBe('COMPLETE');
    expect(busy.mapReduce!.output).toEqual(free.mapReduce!.output);
    expect(busy.modeledMs).toBeGreaterThan(free.modeledMs);
  });

  test('scaledTiming: every duration k times as long, the run k times as long', () => {
    const run = (k: number) => {
      const { latency, overheads } = scaledTiming(k);
      const account = fixtureAccount({
        processors: 2,
        latency,
        overheads: { ...overheads, otherWorkShare: 0.5 },
      });
      mapReduce(account, 'customscript_mr_words', '/SuiteScripts/MR/MR_Words.js');
      return runMapReduce(account, { scriptId: 'customscript_mr_words', seed: 3 }).modeledMs;
    };
    expect(run(4)).toBe(4 * run(1));
  });
});
