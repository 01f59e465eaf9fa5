/**
 * A feed rewritten under its own name (HotWax writing it again) just before EVERY charged call of an
 * import, the way the crash suites inject a crash (rewriteImport*.test.ts). Afterwards, and after one
 * more run for what a run left to the next: every execution completed, no customer exists twice, no
 * temporary file, one checkpoint; every row of the version whose rows were decided (when the rewrite
 * came after it was read) and every row of the new version is a customer; the summaries account for
 * every one of those lines, and count as created exactly the customers there are.
 *
 * The one rewrite the import cannot see (docs/ARCHITECTURE.md "A feed that changes under the
 * import"): between the listing that checks the feed and its move to archive/ (a makeDirectory and the
 * move). There the new version is archived unread; those points are named and counted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExecutionResult, FaultPlan, RunningSftpServer } from '../../emulator/src';
import { interleaveAt } from '../../emulator/src';
import type { CaseEnv } from './crashHarness';
import {
  countingPlan,
  expectSound,
  finalState,
  freshCase,
  kind,
  runAll,
  startServer,
  writeRemote,
} from './crashHarness';
import { feedText } from './helpers';
import { mapReduceFrom } from './mrScenarios';
import { IMPORT_CUSTOMER } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

export const FEED = 'customer/export/customer-Feed-2026-12-02-10-00-00-000.csv';
/** HC ids of one length, so a version of other rows can have the very same size. */
const ids = (n: number, from: number) => Array.from({ length: n }, (_, i) => `HC${from + i}`);

export interface RewriteCase {
  /** Rows of the feed first written. */
  rows: number;
  /** The new version: other rows of the same size, or the same rows and more. */
  rewrite: 'same size' | 'rows added';
  /** Hand the feed to HC_MR_ImportCustomer. */
  mapReduce?: boolean;
  /** A usage limit for HC_SC_ImportCustomer that spreads the feed over several executions. */
  usageLimit?: number;
}

const versions = (k: RewriteCase) => {
  const old = ids(k.rows, 100);
  const next = k.rewrite === 'same size' ? ids(k.rows, 500) : [...old, ...ids(4, 700)];
  return { old, next };
};

const text = (rows: string[]) => feedText(rows.map((HCCustomerId) => ({ HCCustomerId })));

function prepare(c: CaseEnv, k: RewriteCase): void {
  if (k.mapReduce) mapReduceFrom(c, 1);
  else mapReduceFrom(c, 0);
  if (k.usageLimit) c.env.account.usageLimits.set(IMPORT_CUSTOMER.scriptId, k.usageLimit);
  const { old, next } = versions(k);
  if (k.rewrite === 'same size') expect(text(next).length).toBe(text(old).length);
  writeRemote(c, FEED, text(old));
  // Written an hour ago: the rewrite is another modification time, as HotWax's next export is.
  const hourAgo = new Date(Date.now() - 3_600_000);
  fs.utimesSync(path.join(c.base, FEED), hourAgo, hourAgo);
}

function rewrite(c: CaseEnv, k: RewriteCase): void {
  writeRemote(c, FEED, text(versions(k).next));
}

/** Totals of every summary the import's executions logged (both scripts). */
function totals(runs: ExecutionResult[]) {
  const t = { created: 0, linked: 0, alreadyLinked: 0, errors: 0 };
  for (const r of runs)
    for (const l of r.logs)
      if (/^HC_(SC|MR)_ImportCustomer summary$/.test(l.title)) {
        const s = JSON.parse(String(l.details)) as { totals: typeof t };
        for (const key of Object.keys(t) as (keyof typeof t)[]) t[key] += s.totals[key];
      }
  return t;
}

/** The points between the listing that checks a feed and its archive move (see the header). */
function blindPoints(calls: string[]): Set<number> {
  const blind = new Set<number>();
  calls.forEach((api, i) => {
    if (!api.startsWith('sftp.Connection.list')) return;
    let j = i + 1;
    while (calls[j]?.startsWith('sftp.Connection.makeDirectory')) j++;
    if (calls[j]?.startsWith('sftp.Connection.move')) for (let n = i + 2; n <= j + 1; n++) blind.add(n);
  });
  return blind;
}

export function rewriteEveryCall(label: string, k: RewriteCase): void {
  describe(`${label}, ${k.rewrite}`, () => rewriteSuite(label, k));
}

function rewriteSuite(label: string, k: RewriteCase): void {
  let server: RunningSftpServer;
  let calls: string[];
  let stages: string[];
  /** The download whose text the rows are decided on (getInputData's on the map/reduce). */
  let decidedAt: number;

  beforeAll(async () => {
    server = await startServer();
    const c = await freshCase(server, 'rwbase');
    prepare(c, k);
    const plan = countingPlan();
    stages = [];
    const counting: FaultPlan = {
      shouldCrash(api, at) {
        stages.push(at?.stage ?? 'scheduled');
        return plan.shouldCrash(api);
      },
    };
    const runs = runAll(c.env, 'import', counting);
    expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
    calls = plan.calls;
    decidedAt =
      1 +
      calls.findIndex(
        (api, i) =>
          api.startsWith('sftp.Connection.download') && (!k.mapReduce || stages[i] === 'getInputData'),
      );
    expect(decidedAt).toBeGreaterThan(0);
    if (k.usageLimit) expect(runs.length).toBeGreaterThanOrEqual(2);
    if (k.mapReduce) expect(stages).toEqual(expect.arrayContaining(['getInputData', 'reduce', 'summarize']));
    expectSound(finalState(c));
  });
  afterAll(() => server?.stop());

  test(`${label} against ${kind}: a rewrite (${k.rewrite}) before every charged call loses no row`, async () => {
    const { old, next } = versions(k);
    const blind = blindPoints(calls);
    // One archive move a version at most: the window is a listing and a move, nothing more.
    expect(blind.size).toBeGreaterThan(0);
    expect(blind.size).toBeLessThanOrEqual(4);
    for (let n = 1; n <= calls.length; n++) {
      const c = await freshCase(server, 'rw');
      prepare(c, k);
      const runs = [
        ...runAll(
          c.env,
          'import',
          interleaveAt(n, () => rewrite(c, k)),
        ),
        ...runAll(c.env, 'import'),
      ];
      const at = [n, calls[n - 1], stages[n - 1]];
      expect([
        ...at,
        runs.filter((r) => r.status !== 'COMPLETE').map((r) => [r.status, r.error?.message]),
      ]).toEqual([...at, []]);
      const state = finalState(c);
      expectSound(state);
      const customers = Object.keys(state.customers);
      const expected = [...(n > decidedAt ? old : []), ...(blind.has(n) ? [] : next)];
      expect([...at, expected.filter((id) => !customers.includes(id))]).toEqual([...at, []]);
      // Nothing left in customer/export/ but its folders.
      expect([...at, Object.keys(state.remote).filter((f) => /^customer\/export\/[^/]+$/.test(f))]).toEqual([
        ...at,
        [],
      ]);
      const t = totals(runs);
      expect([...at, t.created]).toEqual([...at, customers.length]);
      const accounted = t.created + t.linked + t.alreadyLinked + t.errors;
      expect([
        ...at,
        accounted >= (n > decidedAt ? old.length : 0) + (blind.has(n) ? 0 : next.length),
      ]).toEqual([...at, true]);
    }
  });
}
