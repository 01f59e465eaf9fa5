/**
 * One feed's steps (sync/feedImport.ts `feedSteps`, sync/feedFinish.ts) from their inputs alone: each
 * yields the actions it needs (sync/feedActions.ts) and is handed back made-up answers, so a test
 * sees exactly which SFTP, File Cabinet and checkpoint calls a feed in a given state leads to, in
 * order. No port is called; `drive`, which carries the actions out, is tested over a fake port.
 */
// core/csv.ts names the ES module builds the SuiteScript bundle takes; Node's jest loads their CommonJS twins.
jest.mock('csv-parse/browser/esm/sync', () => jest.requireActual('csv-parse/sync'));
jest.mock('csv-stringify/browser/esm/sync', () => jest.requireActual('csv-stringify/sync'));
import type { FeedAction, Steps } from '../../src/TypeScripts/HotWaxCustomerSync/sync/feedActions';
import { drive } from '../../src/TypeScripts/HotWaxCustomerSync/sync/feedActions';
import { feedSteps } from '../../src/TypeScripts/HotWaxCustomerSync/sync/feedImport';
import type { FeedJob } from '../../src/TypeScripts/HotWaxCustomerSync/sync/feedFinish';
import { feedPhase, freshState, takeUp } from '../../src/TypeScripts/HotWaxCustomerSync/sync/feedState';
import { SPILL_AT_CHARS } from '../../src/TypeScripts/HotWaxCustomerSync/sync/feedReports';
import { textHash } from '../../src/TypeScripts/HotWaxCustomerSync/core/fileNames';
import type { RowOutcome } from '../../src/TypeScripts/HotWaxCustomerSync/sync/customerUpsert';
import type { ImportDeps, ImportState } from '../../src/TypeScripts/HotWaxCustomerSync/sync/importTypes';
import type { FeedEntry } from '../../src/TypeScripts/HotWaxCustomerSync/sync/ports';

const MODIFIED = 1_700_000_000_000;
const never = (what: string): never => {
  throw new Error(what);
};
const NAME = 'customers.csv';
const feedText = (rows: number) =>
  'HCCustomerId,FirstName,LastName,Email\n' +
  Array.from({ length: rows }, (_, i) => `HC${i + 1},Ann,Lee,ann${i + 1}@example.com\n`).join('');
const entryOf = (text: string, modified = MODIFIED): FeedEntry => ({
  name: NAME,
  size: text.length,
  lastModified: new Date(modified),
});

/** Units left: each canAfford / howMany is answered from it (nothing is charged by the steps). */
const budgetOf = (units: number) =>
  ({
    canAfford: (u: number) => units >= u,
    howMany: (each: number, fixed = 0) => Math.max(0, Math.floor((units - fixed) / each)),
  }) as unknown as ImportDeps['budget'];

/** A job whose rows are decided by `decide` (no units a row), over ports no step may call. */
function jobOf(
  decide: (line: number) => RowOutcome,
  over: { units?: number; dryRun?: boolean; copies?: boolean } = {},
): FeedJob {
  const untouchable = new Proxy({}, { get: (_, k) => () => never(`a step called a port: ${String(k)}`) });
  const deps = {
    feeds: untouchable,
    customers: untouchable,
    checkpoint: untouchable,
    budget: budgetOf(over.units ?? 10_000),
    now: () => MODIFIED,
    log: { audit: () => undefined, error: () => undefined },
    feedCopies: over.copies ? untouchable : undefined,
  } as unknown as ImportDeps;
  return {
    deps,
    opts: {
      oneWorld: false,
      defaultSubsidiary: '',
      fieldMap: {},
      matchByEmail: false,
      dryRun: !!over.dryRun,
      batchSize: 50,
      executionId: 'e',
      deploymentId: 'd',
      restampAfterMs: 0,
    },
    save: () => never('a step saved the checkpoint itself'),
    tally: () => undefined,
    run: { reportedFolders: new Set(), setupReported: new Set() },
    decider: { rowUnits: 0, begin: () => (p) => decide(p.row.lineNumber) },
  };
}

const created: RowOutcome = { kind: 'created', customerId: '1' };
const invalid = (message = 'Email is not an email address'): RowOutcome => ({
  kind: 'error',
  code: 'INVALID_EMAIL',
  message,
  missingRequired: false,
});

/**
 * The steps run to their end, each action answered by `answer` (an Error is thrown back into the
 * step, as the driver does with a call that fails): the actions in order and the result.
 */
function walk<R>(steps: Steps<R>, answer: (a: FeedAction) => unknown) {
  const actions: FeedAction[] = [];
  let next = steps.next();
  while (!next.done) {
    actions.push(next.value);
    const reply = answer(next.value);
    next = reply instanceof Error ? steps.throw(reply) : steps.next(reply);
  }
  return { actions, result: next.value, kinds: actions.map((a) => a.kind) };
}

/** Answers of a feed that downloads as `text`, every write succeeding, listed unchanged. */
const normal =
  (text: string, over: Partial<Record<FeedAction['kind'], unknown>> = {}) =>
  (a: FeedAction): unknown => {
    if (a.kind in over) return over[a.kind];
    if (a.kind === 'download') return text;
    if (a.kind === 'listFeeds') return [entryOf(text)];
    if (a.kind === 'move') return `${a.folder}/${a.feed}`;
    if (a.kind === 'savePart' || a.kind === 'saveReport') return true;
    return undefined;
  };

const start = (tag = 'T1'): ImportState => {
  const state = freshState();
  takeUp(state, NAME, tag);
  return state;
};

describe('one feed’s steps, from taken up to archived (feedImport.ts, feedFinish.ts)', () => {
  test('every row created: downloaded, the outcome saved, listed again, archived', () => {
    const text = feedText(3);
    const state = start();
    const { kinds, actions, result } = walk(
      feedSteps(
        entryOf(text),
        state,
        jobOf(() => created),
      ),
      normal(text),
    );
    expect(kinds).toEqual(['download', 'saveCheckpoint', 'listFeeds', 'move']);
    expect(actions[3]).toEqual({
      kind: 'move',
      feed: NAME,
      folder: 'customer/export/archive',
      alternative: 'customers-T1.csv',
    });
    // The outcome is in the checkpoint before the listing and the move (a crash after it reports it).
    expect(state.moving).toEqual({ to: 'customer/export/archive', lines: 3, blankLines: 0 });
    expect(feedPhase(state)).toBe('finishing');
    expect(result).toMatchObject({
      outcome: 'archived',
      lines: 3,
      movedTo: 'customer/export/archive/customers.csv',
    });
    expect(state.print).toEqual({ size: text.length, modified: MODIFIED, hash: textHash(text) });
  });

  test('a row in error: its report first, then the move; the report is named in the result', () => {
    const text = feedText(3);
    const { kinds, actions, result } = walk(
      feedSteps(
        entryOf(text),
        start(),
        jobOf((line) => (line === 3 ? invalid() : created)),
      ),
      normal(text),
    );
    expect(kinds).toEqual(['download', 'saveReport', 'saveCheckpoint', 'listFeeds', 'move']);
    expect(actions[1]).toMatchObject({
      kind: 'saveReport',
      report: { folder: 'customer/export/error', name: 'customers-T1-errors.csv' },
    });
    expect(result).toMatchObject({ outcome: 'archived', errorReports: ['customers-T1-errors.csv'] });
  });

  test('a report folder that cannot be written: blocked, never listed or moved', () => {
    const text = feedText(2);
    const { kinds, result } = walk(
      feedSteps(
        entryOf(text),
        start(),
        jobOf(() => invalid()),
      ),
      normal(text, { saveReport: false }),
    );
    expect(kinds).toEqual(['download', 'saveReport']);
    expect(result.outcome).toBe('blocked');
    expect(result.errorReports).toBeUndefined();
  });

  test('rewritten before its move: not moved, changed; gone from the listing: gone', () => {
    const text = feedText(2);
    const rewritten = walk(
      feedSteps(
        entryOf(text),
        start(),
        jobOf(() => created),
      ),
      normal(text, { listFeeds: [entryOf(text, MODIFIED + 1000)] }),
    );
    expect(rewritten.kinds).toEqual(['download', 'saveCheckpoint', 'listFeeds']);
    expect(rewritten.result.outcome).toBe('changed');
    const gone = walk(
      feedSteps(
        entryOf(text),
        start(),
        jobOf(() => created),
      ),
      normal(text, { listFeeds: [] }),
    );
    expect(gone.result.outcome).toBe('gone');
    // A listing that fails (reported by the driver): left in place for the next run.
    const unlisted = walk(
      feedSteps(
        entryOf(text),
        start(),
        jobOf(() => created),
      ),
      normal(text, { listFeeds: null }),
    );
    expect(unlisted.kinds).toEqual(['download', 'saveCheckpoint', 'listFeeds']);
    expect(unlisted.result.outcome).toBe('blocked');
  });

  test('a download N/sftp refuses for its size: the file fails with its report into failed/', () => {
    const text = feedText(2);
    const tooLarge = Object.assign(new Error('too large'), { name: 'FTP_MAXIMUM_FILE_SIZE_EXCEEDED' });
    const { kinds, actions, result } = walk(
      feedSteps(
        entryOf(text),
        start(),
        jobOf(() => created),
      ),
      normal(text, { download: tooLarge }),
    );
    expect(kinds).toEqual(['download', 'saveReport', 'saveCheckpoint', 'listFeeds', 'move']);
    expect(actions[4]).toMatchObject({ folder: 'customer/export/failed' });
    expect(result.outcome).toBe('failed');
    // Any other download failure: the entry is skipped, nothing written.
    const other = walk(
      feedSteps(
        entryOf(text),
        start(),
        jobOf(() => created),
      ),
      normal(text, { download: Object.assign(new Error('x'), { name: 'FTP_TRANSFER_FAILED' }) }),
    );
    expect(other.kinds).toEqual(['download']);
    expect(other.result.outcome).toBe('skipped');
  });

  test('errors past SPILL_AT_CHARS go out as a report part between rows, then the last part at the end', () => {
    const message = 'x'.repeat(1000);
    const perError = Math.ceil(SPILL_AT_CHARS / (message.length + 'INVALID_EMAIL'.length + 4 + 80));
    const text = feedText(perError + 10);
    const state = start();
    const { kinds, actions } = walk(
      feedSteps(
        entryOf(text),
        state,
        jobOf(() => invalid(message)),
      ),
      normal(text),
    );
    expect(kinds.filter((k) => k === 'saveCheckpoint')).toHaveLength(1 + Math.floor(perError / 500));
    expect(kinds.filter((k) => k !== 'saveCheckpoint')).toEqual([
      'download',
      'savePart',
      'saveReport',
      'listFeeds',
      'move',
    ]);
    const part = actions.find((a) => a.kind === 'savePart');
    expect(part).toMatchObject({ report: { name: 'customers-T1-errors-1.csv' } });
    expect(actions.find((a) => a.kind === 'saveReport')).toMatchObject({
      report: { name: 'customers-T1-errors-2.csv' },
    });
    expect(state.reportParts).toBe(1);
  });

  test('out of units inside the feed: the copy is recorded in the checkpoint before it is saved', () => {
    const text = feedText(120);
    const state = start();
    // Enough for the first batch of 50 and what stopping keeps back, not for a second.
    const job = jobOf(() => created, { copies: true });
    let rowsLeft = 50;
    job.decider = {
      rowUnits: 10,
      begin: (batch) => {
        rowsLeft -= batch.length;
        return () => created;
      },
    };
    job.deps.budget = {
      canAfford: () => true,
      howMany: () => (rowsLeft > 0 ? rowsLeft : 0),
    } as unknown as ImportDeps['budget'];
    const { kinds, actions, result } = walk(
      feedSteps(entryOf(text), state, job),
      normal(text, { findCopyFolder: '7', saveCopy: '99' }),
    );
    expect(kinds).toEqual(['download', 'findCopyFolder', 'saveCheckpoint', 'saveCopy']);
    expect(actions[3]).toEqual({ kind: 'saveCopy', folderId: '7', name: 'customers-T1.csv', text });
    expect(result.outcome).toBe('in progress');
    expect(state.line).toBe(51);
    expect(state.feedCopy).toEqual({
      folderId: '7',
      name: 'customers-T1.csv',
      size: text.length,
      modified: MODIFIED,
      fileId: '99',
    });
  });

  test('resumed from its copy: read back from the File Cabinet, not downloaded', () => {
    const text = feedText(3);
    const state = start();
    state.line = 2;
    state.feedCopy = { folderId: '7', name: 'customers-T1.csv', size: text.length, modified: MODIFIED };
    state.print = { size: text.length, modified: MODIFIED, hash: textHash(text) };
    const { kinds, result } = walk(
      feedSteps(
        entryOf(text, MODIFIED + 5000),
        state,
        jobOf(() => created, { copies: true }),
      ),
      normal(text, { loadCopy: { id: '99', text }, listFeeds: [entryOf(text)] }),
    );
    expect(kinds).toEqual(['loadCopy', 'saveCheckpoint', 'listFeeds', 'move']);
    expect(result).toMatchObject({ outcome: 'archived' });
  });

  test('a dry run writes its verdicts and nothing else', () => {
    const text = feedText(2);
    const { kinds, actions, result } = walk(
      feedSteps(
        entryOf(text),
        freshState(),
        jobOf(() => created, { dryRun: true }),
      ),
      normal(text),
    );
    expect(kinds).toEqual(['download', 'saveVerdicts']);
    expect(actions[1]).toMatchObject({ report: { folder: 'customer/export/dry_run' } });
    expect(result).toMatchObject({
      outcome: 'checked',
      dryRunReport: 'customers-20231114T221320Z-dry-run.csv',
    });
  });

  test('offered once read: handed off when the offer takes it, before any row', () => {
    const text = feedText(4);
    const job = jobOf(() => never('no row is decided once handed off'));
    job.offer = function* (rows) {
      expect(rows).toBe(4);
      yield { kind: 'submit' };
      return true;
    };
    const { kinds, result } = walk(feedSteps(entryOf(text), start(), job), normal(text));
    expect(kinds).toEqual(['download', 'submit']);
    expect(result.outcome).toBe('handed off');
  });
});

describe('the driver (feedActions.ts drive)', () => {
  test('carries each action out through the ports in order and hands back what they return or throw', () => {
    const calls: string[] = [];
    const deps = {
      feeds: {
        download: (n: string) => {
          calls.push(`download ${n}`);
          throw Object.assign(new Error('no'), { name: 'FTP_TRANSFER_FAILED' });
        },
        writeReport: (folder: string, name: string) => {
          calls.push(`writeReport ${folder}/${name}`);
          throw Object.assign(new Error('denied'), { name: 'FTP_PERMISSION_DENIED' });
        },
      },
      checkpoint: { save: () => calls.push('checkpoint.save') },
      log: { error: (title: string) => calls.push(`ERROR ${title}`) },
    } as unknown as ImportDeps;
    const run = { reportedFolders: new Set<string>(), setupReported: new Set<string>() };
    const save = () => {
      calls.push('save (lease renewed)');
    };
    const state = freshState();
    function* steps(): Steps<string> {
      yield { kind: 'saveCheckpoint', state };
      yield { kind: 'saveCheckpoint', state, asIs: true };
      let got = '';
      try {
        yield { kind: 'download', feed: 'a.csv' };
      } catch (e) {
        got = (e as Error).name;
      }
      const report = { folder: 'customer/export/error', name: 'r.csv', text: 'x' };
      const written = yield { kind: 'saveReport', feed: 'a.csv', report };
      const again = yield { kind: 'saveReport', feed: 'a.csv', report };
      return `${got} ${String(written)} ${String(again)}`;
    }
    expect(drive({ deps, save, run }, steps())).toBe('FTP_TRANSFER_FAILED false false');
    expect(calls).toEqual([
      'save (lease renewed)',
      'checkpoint.save',
      'download a.csv',
      'writeReport customer/export/error/r.csv',
      'ERROR Cannot write to SFTP folder customer/export/error/',
      // Said once per folder and execution.
      'writeReport customer/export/error/r.csv',
    ]);
  });

  test('an error the step does not catch ends the drive (out of units, say)', () => {
    const deps = {
      feeds: {
        download: () => {
          throw Object.assign(new Error('usage'), { name: 'SSS_USAGE_LIMIT_EXCEEDED' });
        },
      },
    } as unknown as ImportDeps;
    function* steps(): Steps<string> {
      yield { kind: 'download', feed: 'a.csv' };
      return 'not reached';
    }
    const run = { reportedFolders: new Set<string>(), setupReported: new Set<string>() };
    expect(() => drive({ deps, save: () => undefined, run }, steps())).toThrow('usage');
  });
});

describe('a feed’s phase by name (feedState.ts)', () => {
  test('another feed taken up: this one is in no phase', () => {
    const state = start();
    expect(feedPhase(state, NAME)).toBe('taken up');
    expect(feedPhase(state, 'other.csv')).toBe('none');
    expect(feedPhase(freshState(), NAME)).toBe('none');
  });
});
