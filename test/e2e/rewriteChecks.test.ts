/**
 * Each comparison the import makes between a feed and the version it read, alone (docs/ARCHITECTURE.md
 * "A feed that changes under the import"): every case below is a rewrite (or a removal, or a stale
 * copy reference) that exactly one part of the fingerprint or of the copy lookup can see, so that
 * part disabled makes its case lose rows, fail or misreport (each was checked so, by disabling it in
 * the built library). The exhaustive suites (rewriteImport*.test.ts) rewrite with a new modification
 * time, which the listing alone already catches.
 *
 * Scheduled cases: one execution stops inside the feed (a usage limit), the feed is changed on the
 * SFTP server, the rest of the executions run. A same-time rewrite puts the file's old modification
 * time back with utimes, as a writer in the same second would leave it (SFTP lists whole seconds).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExecutionResult, FaultPlan, RunningSftpServer } from '../../emulator/src';
import type { CaseEnv } from './crashHarness';
import {
  expectSound,
  finalState,
  freshCase,
  kind,
  runAll,
  runFirstImportExecution,
  startServer,
  writeRemote,
} from './crashHarness';
import { feedText } from './helpers';
import { mapReduceFrom } from './mrScenarios';
import { IMPORT_CUSTOMER } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

let server: RunningSftpServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const FEED = 'customer/export/customer-Feed-2026-12-03-10-00-00-000.csv';
const COPY_FOLDER = 'HotWax Customer Feed In Progress';
const CHECKPOINT = 'customrecord_hc_sync_checkpoint';
/** HC ids of one length, so another version can have the very same size. */
const ids = (n: number, from: number) => Array.from({ length: n }, (_, i) => `HC${from + i}`);
const OLD = ids(40, 100);
const text = (rows: string[]) => feedText(rows.map((HCCustomerId) => ({ HCCustomerId })));

const customers = (c: CaseEnv) => Object.keys(finalState(c).customers);
const missing = (c: CaseEnv, want: string[]) => want.filter((id) => !customers(c).includes(id));
const errorTitles = (runs: ExecutionResult[]) =>
  runs.flatMap((r) => r.logs.filter((l) => l.level === 'ERROR').map((l) => l.title));
const NAME = path.basename(FEED);
/** The ERROR lines' titles, cut at 99 characters (help "log.audit(options)": title "Maximum length is 99 characters"). */
const title = (t: string) => t.slice(0, 99);
const CHANGED = `Customer feed ${NAME} changed while it was being imported`;
const NOT_MOVED = title(`${CHANGED}: not moved to customer/export/archive/`);
const GONE = title(
  `Customer feed ${NAME} is gone while it was being imported: not moved to customer/export/archive/`,
);
const MR_GONE = title(`Customer feed ${NAME} is gone: HC_MR_ImportCustomer did not finish it`);
const calls = (runs: ExecutionResult[], api: string) =>
  runs.reduce((n, r) => n + (r.usage.byApi[api]?.calls ?? 0), 0);
const copies = (c: CaseEnv) =>
  c.env.account.files
    .list()
    .filter((f) => c.env.account.records.get('folder', f.folder)?.values.name === COPY_FOLDER);

/** The feed written an hour ago, and the first execution of the import, which stops inside it. */
async function stoppedInside(tag: string): Promise<{ c: CaseEnv; handled: string[] }> {
  const c = await freshCase(server, tag);
  mapReduceFrom(c, 0);
  writeRemote(c, FEED, text(OLD));
  const hourAgo = new Date(Date.now() - 3_600_000);
  fs.utimesSync(path.join(c.base, FEED), hourAgo, hourAgo);
  c.env.account.usageLimits.set(IMPORT_CUSTOMER.scriptId, 500);
  runFirstImportExecution(c);
  const handled = customers(c);
  // Inside the feed: some rows handled, not all, and a copy kept.
  expect(handled.length).toBeGreaterThan(0);
  expect(handled.length).toBeLessThan(OLD.length);
  expect(copies(c)).toHaveLength(1);
  return { c, handled };
}

/** HotWax writes the feed again; `sameTime`: its listed modification time stays what it was. */
function rewrite(c: CaseEnv, rows: string[], sameTime: boolean): void {
  const file = path.join(c.base, FEED);
  const before = fs.statSync(file).mtime;
  fs.writeFileSync(file, text(rows));
  const at = sameTime ? before : new Date(before.getTime() + 60_000);
  fs.utimesSync(file, at, at);
}

const rest = (c: CaseEnv) => {
  const runs = runAll(c.env, 'import');
  expect(runs.map((r) => r.status).filter((s) => s !== 'COMPLETE')).toEqual([]);
  expectSound(finalState(c));
  return runs;
};

const checkpointRecord = (c: CaseEnv) => c.env.account.records.find(CHECKPOINT, () => true)[0];
function editCheckpoint(c: CaseEnv, edit: (state: Record<string, unknown>) => void): void {
  const r = checkpointRecord(c);
  const state = JSON.parse(String(r.values.custrecord_hc_cp_state)) as Record<string, unknown>;
  edit(state);
  r.values.custrecord_hc_cp_state = JSON.stringify(state);
}

describe(`the scheduled import (${kind})`, () => {
  test('content hash: no copy, a rewrite of the same size and time is a new feed; its every row is imported', async () => {
    const { c, handled } = await stoppedInside('hash');
    c.env.account.files.delete(copies(c)[0].id); // no copy: the feed is downloaded again
    const next = ids(40, 500);
    rewrite(c, next, true);
    const runs = rest(c);
    expect(missing(c, [...handled, ...next])).toEqual([]);
    expect(errorTitles(runs)).toContain(CHANGED);
  });

  test('content hash: no copy, the same lines in another order (same size and time) are all imported', async () => {
    const { c, handled } = await stoppedInside('hash-order');
    c.env.account.files.delete(copies(c)[0].id);
    // The lines not yet handled first: read from the checkpoint's line on, they would be skipped.
    rewrite(c, [...OLD.slice(handled.length), ...OLD.slice(0, handled.length)], true);
    const runs = rest(c);
    expect(missing(c, OLD)).toEqual([]);
    expect(errorTitles(runs)).toContain(CHANGED);
  });

  test('size: rows added at the same time, the copy finishes the version read and the new rows are imported', async () => {
    const { c } = await stoppedInside('size');
    const next = [...OLD, ...ids(4, 700)];
    rewrite(c, next, true);
    const runs = rest(c);
    expect(missing(c, next)).toEqual([]);
    expect(errorTitles(runs)).toContain(NOT_MOVED);
  });

  test('modification time: other rows of the same size, the copy finishes the version read and the new rows are imported', async () => {
    const { c } = await stoppedInside('mtime');
    const next = ids(40, 500);
    rewrite(c, next, false);
    const runs = rest(c);
    expect(missing(c, [...OLD, ...next])).toEqual([]);
    // Read back from the copy, whatever the listing shows: never downloaded again before the move.
    expect(errorTitles(runs)).toContain(NOT_MOVED);
    expect(errorTitles(runs)).not.toContain(CHANGED);
  });

  test('name: a feed removed between its read and its move is reported gone, not moved, its rows counted', async () => {
    const c = await freshCase(server, 'gone');
    mapReduceFrom(c, 0);
    writeRemote(c, FEED, text(OLD.slice(0, 6)));
    // Removed just before the execution's second listing: the one that checks the feed before its move.
    const lists = new Map<string, number>();
    const plan: FaultPlan = {
      shouldCrash(api, at) {
        if (!api.startsWith('sftp.Connection.list')) return false;
        const n = (lists.get(at?.executionId ?? '') ?? 0) + 1;
        lists.set(at?.executionId ?? '', n);
        if (n === 2) fs.rmSync(path.join(c.base, FEED), { force: true });
        return false;
      },
    };
    const runs = runAll(c.env, 'import', plan);
    expect(runs.map((r) => r.status)).toEqual(['COMPLETE']);
    expect(errorTitles(runs)).toContain(GONE);
    expect(missing(c, OLD.slice(0, 6))).toEqual([]);
    const summary = runs[0].logs.find((l) => / summary$/.test(l.title));
    expect(JSON.parse(String(summary?.details)).totals.created).toBe(6);
    expectSound(finalState(c));
  });

  test('name: a feed in progress removed between executions is reported gone with the line it was handled to', async () => {
    const { c, handled } = await stoppedInside('gone-between');
    fs.rmSync(path.join(c.base, FEED));
    const runs = rest(c);
    const gone = runs
      .flatMap((r) => r.logs)
      .find((l) => l.title === `Customer feed ${NAME} is gone while it was being imported`);
    expect(gone?.level).toBe('ERROR');
    expect(String(gone?.details)).toMatch(/after its line \d+ was handled .*have HotWax send them again/);
    expect(customers(c)).toEqual(handled);
    expect(copies(c)).toEqual([]);
  });

  test('a checkpoint without a fingerprint: its copy is used only while the listing shows the size and time it was kept at', async () => {
    const { c } = await stoppedInside('no-print');
    editCheckpoint(c, (s) => delete s.print);
    const next = [...OLD, ...ids(4, 700)];
    rewrite(c, next, false);
    const runs = rest(c);
    expect(missing(c, next)).toEqual([]);
    // The copy is of another listing: the feed is downloaded and its added rows imported.
    expect(calls(runs, 'sftp.Connection.download')).toBeGreaterThanOrEqual(1);
  });

  test('a copy reference whose file id is now another file (another feed’s text): the feed is downloaded instead', async () => {
    const { c } = await stoppedInside('copy-id');
    const [copy] = copies(c);
    const other = c.env.account.files.save({
      name: 'another-feed.csv',
      folder: copy.folder,
      fileType: 'CSV',
      contents: text(ids(40, 900)),
    });
    editCheckpoint(c, (s) => {
      (s.feedCopy as { fileId: string }).fileId = String(other);
    });
    const runs = rest(c);
    expect(missing(c, OLD)).toEqual([]);
    expect(errorTitles(runs)).toEqual([]);
    expect(calls(runs, 'sftp.Connection.download')).toBe(1);
    expect(customers(c).filter((id) => id.startsWith('HC9'))).toEqual([]);
  });
});

/** Runs the import (the feed handed to the map/reduce) with `action` done once, just before the first charged call of `stage`. */
function beforeStage(c: CaseEnv, stage: string, action: () => void): ExecutionResult[] {
  let done = false;
  const plan: FaultPlan = {
    shouldCrash(_api, at) {
      if (!done && at?.stage === stage) {
        done = true;
        action();
      }
      return false;
    },
  };
  const runs = [...runAll(c.env, 'import', plan), ...runAll(c.env, 'import')];
  expect(done).toBe(true);
  expect(runs.map((r) => r.status).filter((s) => s !== 'COMPLETE')).toEqual([]);
  expectSound(finalState(c));
  return runs;
}

async function handedOver(tag: string): Promise<CaseEnv> {
  const c = await freshCase(server, tag);
  mapReduceFrom(c, 1);
  writeRemote(c, FEED, text(OLD.slice(0, 6)));
  const hourAgo = new Date(Date.now() - 3_600_000);
  fs.utimesSync(path.join(c.base, FEED), hourAgo, hourAgo);
  return c;
}

describe(`the map/reduce import (${kind})`, () => {
  test('getInputData’s fingerprint: a rewrite before summarize is reported, and the new version imported by the scheduled import', async () => {
    const c = await handedOver('mr-print');
    const next = ids(6, 500);
    const runs = beforeStage(c, 'summarize', () => rewrite(c, next, false));
    expect(missing(c, [...OLD.slice(0, 6), ...next])).toEqual([]);
    expect(errorTitles(runs)).toContain(NOT_MOVED);
  });

  test('content hash: a feed past the texts a job passes on, rewritten at the same size and time, is downloaded again by summarize and seen', async () => {
    const c = await handedOver('mr-hash');
    // Handed over first (older): two feeds of 20,000,000 characters less 10 in all (each under N/sftp's
    // 10 MB download), so the job passes on no text of this one: summarize downloads it again.
    const [header, row] = text(['HC900']).split(/\r?\n/);
    const twoHoursAgo = new Date(Date.now() - 7_200_000);
    for (const n of [1, 2]) {
      const name = `customer/export/customer-Feed-2026-12-03-0${n}-00-00-000.csv`;
      const start = `${header},Padding\r\n${row.replace('HC900', `HC90${n}`)},`;
      writeRemote(c, name, `${start}${'x'.repeat(10_000_000 - 5 - start.length - 2)}\r\n`);
      fs.utimesSync(path.join(c.base, name), twoHoursAgo, twoHoursAgo);
    }
    const next = ids(6, 500);
    const runs = beforeStage(c, 'summarize', () => rewrite(c, next, true));
    expect(missing(c, [...OLD.slice(0, 6), ...next])).toEqual([]);
    expect(errorTitles(runs)).toContain(CHANGED);
  });

  test('a feed removed before summarize is reported gone', async () => {
    const c = await handedOver('mr-gone');
    const runs = beforeStage(c, 'summarize', () => fs.rmSync(path.join(c.base, FEED)));
    expect(errorTitles(runs)).toContain(MR_GONE);
    expect(missing(c, OLD.slice(0, 6))).toEqual([]);
  });

  test('a feed removed before getInputData reads it is reported gone, not given back', async () => {
    const c = await handedOver('mr-gone-early');
    const runs = beforeStage(c, 'getInputData', () => fs.rmSync(path.join(c.base, FEED)));
    expect(errorTitles(runs)).toContain(MR_GONE);
    expect(
      runs.flatMap((r) => r.logs).filter((l) => /goes back to HC_SC_ImportCustomer/.test(l.title)),
    ).toEqual([]);
  });
});
