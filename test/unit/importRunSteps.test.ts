/**
 * The run's steps (sync/customerImport.ts): the handoff offered and submitted again, a feed taken up,
 * imported and ended, a feed gone while finishing, each from the checkpoint and listing it is given,
 * every action answered by hand (no port is called but the reads the run makes itself: the listing).
 */
// core/csv.ts names the ES module builds the SuiteScript bundle takes; Node's jest loads their CommonJS twins.
jest.mock('csv-parse/browser/esm/sync', () => jest.requireActual('csv-parse/sync'));
jest.mock('csv-stringify/browser/esm/sync', () => jest.requireActual('csv-stringify/sync'));
import type { FeedAction, Steps } from '../../src/TypeScripts/HotWaxCustomerSync/sync/feedActions';
import type { ImportRun } from '../../src/TypeScripts/HotWaxCustomerSync/sync/customerImport';
import {
  importFeeds,
  offerHandoff,
  resumeHandoff,
} from '../../src/TypeScripts/HotWaxCustomerSync/sync/customerImport';
import { feedPhase, freshState, takeUp } from '../../src/TypeScripts/HotWaxCustomerSync/sync/feedState';
import type {
  ImportDeps,
  ImportState,
  ImportSummary,
} from '../../src/TypeScripts/HotWaxCustomerSync/sync/importTypes';
import { emptyCounts } from '../../src/TypeScripts/HotWaxCustomerSync/sync/importTypes';
import type { FeedEntry, MapReducePort } from '../../src/TypeScripts/HotWaxCustomerSync/sync/ports';

const MODIFIED = 1_700_000_000_000;
const entry = (name: string, size: number): FeedEntry => ({ name, size, lastModified: new Date(MODIFIED) });
const never = (what: string): never => {
  throw new Error(what);
};

/** The steps run to their end, each action answered by `answer`: the actions in order and the result. */
function walk<R>(steps: Steps<R>, answer: (a: FeedAction) => unknown = () => undefined) {
  const actions: FeedAction[] = [];
  let next = steps.next();
  while (!next.done) {
    actions.push(next.value);
    next = steps.next(answer(next.value));
  }
  return { actions, kinds: actions.map((a) => a.kind), result: next.value };
}

const mapReduce = (minRows: number): MapReducePort => ({
  minRows,
  scriptId: 'customscript_hc_mr_import_customer',
  deploymentId: 'customdeploy_hc_mr_import_customer',
  maxFeeds: 5,
  settings: { sftpConfig: '', sftpDirectory: '', defaultSubsidiary: '', matchByEmail: false, fieldMap: '' },
  running: () => never('the run asks the driver, not the port'),
  submit: () => never('the run asks the driver, not the port'),
});

/** A run over `state` whose only port the steps may call themselves is the first listing. */
function runOf(state: ImportState, listed: FeedEntry[] = [], mr?: MapReducePort): ImportRun {
  const summary: ImportSummary = { files: [], totals: emptyCounts(), paused: false, stalled: false };
  const deps = {
    feeds: { list: () => listed },
    customers: {
      findCandidates: () => [],
      statusId: () => null,
      subsidiaryExists: () => true,
      leadSourceExists: () => true,
      create: () => never('a dry run would not; this test has no row to create'),
    },
    budget: { canAfford: () => true, howMany: () => 1000 },
    now: () => MODIFIED,
    log: { audit: () => undefined, error: () => undefined },
    feedCopies: {},
    mapReduce: mr,
  } as unknown as ImportDeps;
  return {
    state,
    deps,
    summary,
    opts: {
      oneWorld: false,
      defaultSubsidiary: '',
      fieldMap: {},
      matchByEmail: false,
      dryRun: false,
      batchSize: 50,
      executionId: 'e',
      deploymentId: 'customdeploy1',
      restampAfterMs: 0,
    },
    save: () => never('a step saved the checkpoint itself'),
    run: { reportedFolders: new Set(), setupReported: new Set() },
  };
}

describe('the handoff (customerImport.ts offerHandoff, resumeHandoff)', () => {
  test('a backlog the listing shows large: the handoff saved with the map/reduce’s lease, then submitted', () => {
    const d = runOf(freshState(), [], mapReduce(300));
    const first = entry('a.csv', 200_000);
    const { actions, kinds, result } = walk(offerHandoff(d, first, null, [entry('b.csv', 150_000)]), (a) =>
      a.kind === 'submit' ? 'submitted' : undefined,
    );
    expect(kinds).toEqual(['saveCheckpoint', 'submit']);
    expect(result).toBe(true);
    const saved = actions[0] as Extract<FeedAction, { kind: 'saveCheckpoint' }>;
    expect(saved.asIs).toBe(true);
    expect(saved.state.handoff!.feeds.map((f) => f.name)).toEqual(['a.csv', 'b.csv']);
    expect(saved.state.lease).toMatchObject({ scriptId: 'customscript_hc_mr_import_customer' });
    expect(feedPhase(saved.state)).toBe('handed over');
    expect(d.state).toBe(saved.state);
  });

  test('below the threshold: nothing asked for; a deployment that cannot run: the state in hand saved again', () => {
    const below = runOf(freshState(), [], mapReduce(300));
    expect(walk(offerHandoff(below, entry('a.csv', 200_000), null, [])).kinds).toEqual([]);
    const state = freshState();
    const d = runOf(state, [], mapReduce(100));
    const { actions, kinds, result } = walk(offerHandoff(d, entry('a.csv', 200_000), null, []), (a) =>
      a.kind === 'submit' ? 'unavailable' : undefined,
    );
    expect(kinds).toEqual(['saveCheckpoint', 'submit', 'saveCheckpoint']);
    expect(actions[2]).toEqual({ kind: 'saveCheckpoint', state, asIs: true });
    expect(result).toBe(false);
    expect(d.state).toBe(state);
  });

  test('a handoff the map/reduce left: submitted again up to MAX_HANDOFF_ATTEMPTS, then taken back', () => {
    const handed = (attempts: number): ImportState => ({
      ...freshState(),
      handoff: {
        feeds: [
          { name: 'a.csv', tag: 'TA' },
          { name: 'b.csv', tag: 'TB' },
        ],
        done: ['a.csv'],
        attempts,
        settings: mapReduce(1).settings,
      },
      lease: {
        executionId: 'x',
        deploymentId: 'customdeploy_hc_mr_import_customer',
        scriptId: 's',
        until: 1,
      },
    });
    const again = handed(2);
    const summary = runOf(again).summary;
    const submitted = walk(resumeHandoff(again, runOf(again).deps, summary), () => 'submitted');
    expect(submitted.kinds).toEqual(['saveCheckpoint', 'submit']);
    expect(again.handoff!.attempts).toBe(3);
    expect(submitted.result).toBe(true);
    const last = handed(3);
    const back = walk(resumeHandoff(last, runOf(last).deps, summary));
    expect(back.kinds).toEqual([]);
    expect(back.result).toBe(false);
    expect(last.handoff).toBeUndefined();
    expect(last.notHandedOff).toEqual(['b.csv']);
    expect(last.blockedTags).toEqual({ 'b.csv': 'TB' });
  });
});

describe('the run’s feeds by their phase (customerImport.ts importFeeds)', () => {
  test('a new feed: taken up and saved before it is read, imported, ended and saved, then the last save', () => {
    const text = 'HCCustomerId,FirstName,LastName,Email\n';
    const a = entry('a.csv', text.length);
    const d = runOf(freshState(), [a]);
    const { kinds, actions, result } = walk(importFeeds(d), (x) =>
      x.kind === 'download' ? text : x.kind === 'listFeeds' ? [a] : x.kind === 'move' ? 'a.csv' : undefined,
    );
    expect(kinds).toEqual([
      'saveCheckpoint', // taken up, with its tag
      'download',
      'saveCheckpoint', // the outcome, before the move
      'listFeeds',
      'move',
      'saveCheckpoint', // the feed's end
      'saveCheckpoint', // the run's end, the lease released
    ]);
    expect(actions.map((x) => (x.kind === 'saveCheckpoint' ? !!x.asIs : null))).toEqual([
      false,
      null,
      false,
      null,
      null,
      false,
      true,
    ]);
    expect(result.files.map((f) => [f.name, f.outcome])).toEqual([['a.csv', 'archived']]);
    expect(d.state.lease).toBeNull();
  });

  test('a feed finishing and gone from the listing: reported as moved, its copy deleted, nothing taken up', () => {
    const state = freshState();
    takeUp(state, 'a.csv', 'TA');
    state.line = 3;
    state.counts = { created: 2, linked: 1, alreadyLinked: 0, errors: 0 };
    state.moving = { to: 'customer/export/archive', lines: 3 };
    state.feedCopy = { folderId: '7', name: 'a-TA.csv', size: 1, modified: 1 };
    const d = runOf(state, []);
    const { kinds, result } = walk(importFeeds(d));
    expect(kinds).toEqual(['deleteCopy', 'saveCheckpoint']);
    expect(result.files).toEqual([
      {
        name: 'a.csv',
        outcome: 'archived',
        counts: { created: 2, linked: 1, alreadyLinked: 0, errors: 0 },
        lines: 3,
      },
    ]);
    expect(feedPhase(d.state)).toBe('none');
  });
});
