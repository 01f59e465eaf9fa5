/**
 * The import's steps that decide without doing (sync/importHandoffPolicy.ts, sync/feedState.ts,
 * sync/feedReports.ts), each from its inputs alone, over the TypeScript sources: no port, no build.
 * The driver that carries out what they decide is proven by the end to end and crash suites
 * (test/e2e/import*.test.ts, crashImport*.test.ts).
 */
// core/csv.ts names the ES module builds the SuiteScript bundle takes; Node's jest loads their CommonJS twins.
jest.mock('csv-parse/browser/esm/sync', () => jest.requireActual('csv-parse/sync'));
jest.mock('csv-stringify/browser/esm/sync', () => jest.requireActual('csv-stringify/sync'));
import {
  LISTED_BYTES_PER_ROW,
  handoffChoice,
  mayOffer,
} from '../../src/TypeScripts/HotWaxCustomerSync/sync/importHandoffPolicy';
import {
  endFeed,
  feedPhase,
  freshState,
  giveBack,
  resetFeed,
  takeUp,
} from '../../src/TypeScripts/HotWaxCustomerSync/sync/feedState';
import {
  ARCHIVE_UNITS,
  COPY_REMOVE_UNITS,
  REPORT_UNITS,
  finishReports,
  finishUnits,
  moveCheck,
  nextPart,
  reportName,
} from '../../src/TypeScripts/HotWaxCustomerSync/sync/feedReports';
import { readCustomerFeed } from '../../src/TypeScripts/HotWaxCustomerSync/core/customerFeed';
import type {
  ErrorRow,
  ImportState,
  MapReduceHandoff,
} from '../../src/TypeScripts/HotWaxCustomerSync/sync/importTypes';
import type { FeedEntry } from '../../src/TypeScripts/HotWaxCustomerSync/sync/ports';

const entry = (name: string, size?: number, modified = 1_700_000_000_000): FeedEntry => ({
  name,
  size,
  lastModified: new Date(modified),
  directory: false,
});
const mr = { minRows: 2000, maxFeeds: 3 };
const err = (line: number, missingRequired = false): ErrorRow => ({
  line,
  hcCustomerId: `HC${line}`,
  code: missingRequired ? 'MISSING_REQUIRED' : 'INVALID_EMAIL',
  message: 'bad',
  missingRequired,
});

describe('handoff policy (importHandoffPolicy.ts)', () => {
  test('from the listing alone, a backlog is handed over only when its sizes certainly hold minRows rows', () => {
    const state = freshState();
    const big = entry('a.csv', 1500 * LISTED_BYTES_PER_ROW);
    const rest = [entry('b.csv', 600 * LISTED_BYTES_PER_ROW), entry('c.csv', 10 * LISTED_BYTES_PER_ROW)];
    expect(handoffChoice(big, null, rest, state, mr)).toEqual({ feeds: [big, ...rest], rows: 2110 });
    expect(handoffChoice(big, null, rest.slice(1), state, mr)).toBeNull();
    // An unknown size is never guessed at: the feed is read and its rows counted first.
    expect(handoffChoice(entry('a.csv'), null, rest, state, mr)).toBeNull();
    expect(handoffChoice(big, null, rest, state, { ...mr, minRows: 0 })).toBeNull();
  });

  test('once read, the waiting feeds are estimated at the first feed’s bytes per row, at most maxFeeds in all', () => {
    const state = freshState();
    const first = entry('a.csv', 100_000);
    const after = [entry('b.csv', 100_000), entry('c.csv', 100_000), entry('d.csv', 100_000)];
    // 500 rows in 100,000 bytes: 200 bytes a row, so each waiting feed is about 500 rows.
    expect(handoffChoice(first, 500, after, { ...state }, { minRows: 1500, maxFeeds: 3 })).toEqual({
      feeds: [first, after[0], after[1]],
      rows: 1500,
    });
    expect(handoffChoice(first, 500, after, state, { minRows: 1501, maxFeeds: 3 })).toBeNull();
  });

  test('feeds skipped last time, given back or blocked are never taken along', () => {
    const first = entry('a.csv', 100_000);
    const after = [entry('b.csv', 100_000), entry('c.csv', 100_000), entry('d.csv', 100_000)];
    const state: ImportState = {
      ...freshState(),
      skipped: ['b.csv'],
      notHandedOff: ['c.csv'],
      blockedTags: { 'd.csv': 't' },
    };
    expect(handoffChoice(first, 500, after, state, { minRows: 500, maxFeeds: 4 })).toEqual({
      feeds: [first],
      rows: 500,
    });
  });

  test('a feed is offered only while nothing of it is handled, in a real run, unless it was given back', () => {
    const port = { minRows: 1, maxFeeds: 1 } as Parameters<typeof mayOffer>[3];
    const state = freshState();
    expect(mayOffer(state, 'a.csv', false, port)).toBe(true);
    expect(mayOffer(state, 'a.csv', true, port)).toBe(false);
    expect(mayOffer(state, 'a.csv', false, undefined)).toBe(false);
    expect(mayOffer({ ...state, line: 3 }, 'a.csv', false, port)).toBe(false);
    expect(mayOffer({ ...state, reportParts: 1 }, 'a.csv', false, port)).toBe(false);
    expect(mayOffer({ ...state, notHandedOff: ['a.csv'] }, 'a.csv', false, port)).toBe(false);
  });
});

describe('a feed’s phases in the checkpoint (feedState.ts)', () => {
  test('taken up → rows → report parts → finishing, and handed over', () => {
    const state = freshState();
    expect(feedPhase(state)).toBe('none');
    takeUp(state, 'a.csv', 'T1');
    expect(state).toMatchObject({ file: 'a.csv', tag: 'T1', line: 0 });
    expect(feedPhase(state)).toBe('taken up');
    state.line = 50;
    expect(feedPhase(state)).toBe('rows');
    state.reportParts = 1;
    expect(feedPhase(state)).toBe('report parts');
    state.moving = { to: 'customer/export/archive' };
    expect(feedPhase(state)).toBe('finishing');
    const handed: ImportState = {
      ...freshState(),
      handoff: { feeds: [], done: [], attempts: 1, settings: {} as MapReduceHandoff['settings'] },
      lease: { executionId: 'x', deploymentId: 'd', until: 1, scriptId: 's' },
    };
    expect(feedPhase(handed)).toBe('handed over');
  });

  test('the one reset clears every per-feed field and keeps what spans feeds', () => {
    const state: ImportState = {
      file: 'a.csv',
      line: 9,
      tag: 'T',
      errors: [err(3)],
      counts: { created: 1, linked: 2, alreadyLinked: 3, errors: 1 },
      lease: { executionId: 'e', deploymentId: 'd', until: 5 },
      feedCopy: { folderId: '1', name: 'a-T.csv', size: 1, modified: 2 },
      print: { hash: 'h' },
      moving: { to: 'x' },
      reportParts: 2,
      missingLines: [4],
      problemsThrough: 7,
      skipped: ['s.csv'],
      blockedTags: { 'b.csv': 'B' },
      notHandedOff: ['n.csv'],
    };
    resetFeed(state);
    expect(state).toEqual({
      file: null,
      line: 0,
      errors: [],
      counts: { created: 0, linked: 0, alreadyLinked: 0, errors: 0 },
      lease: { executionId: 'e', deploymentId: 'd', until: 5 },
      skipped: ['s.csv'],
      blockedTags: { 'b.csv': 'B' },
      notHandedOff: ['n.csv'],
    });
  });

  test('a feed’s end: finished results kept for the summary, a blocked feed keeps its tag, a given-back feed is forgotten once done', () => {
    const counts = { created: 1, linked: 0, alreadyLinked: 0, errors: 0 };
    const state: ImportState = { ...freshState(), notHandedOff: ['a.csv', 'b.csv'] };
    takeUp(state, 'a.csv', 'TA');
    endFeed(state, 'a.csv', { name: 'a.csv', outcome: 'blocked', counts, reason: 'r' });
    expect(state.blockedTags).toEqual({ 'a.csv': 'TA' });
    expect(state.notHandedOff).toEqual(['a.csv', 'b.csv']);
    expect(state.finished).toBeUndefined();
    expect(state.file).toBeNull();

    takeUp(state, 'a.csv', 'TA');
    endFeed(state, 'a.csv', { name: 'a.csv', outcome: 'archived', counts, errorReports: ['x'], reason: 'r' });
    expect(state.blockedTags).toBeUndefined();
    expect(state.notHandedOff).toEqual(['b.csv']);
    expect(state.finished).toEqual([{ name: 'a.csv', outcome: 'archived', counts }]);
    expect(state.tag).toBeUndefined();
  });
});

describe('feeds handed back (feedState.ts)', () => {
  test('feeds given back keep the handoff’s tags and are never handed over again', () => {
    const state: ImportState = {
      ...freshState(),
      handoff: { feeds: [], done: [], attempts: 3, settings: {} as MapReduceHandoff['settings'] },
    };
    giveBack(state, [{ name: 'a.csv', tag: 'TA' }]);
    expect(state.handoff).toBeUndefined();
    expect(state.notHandedOff).toEqual(['a.csv']);
    expect(state.blockedTags).toEqual({ 'a.csv': 'TA' });
  });
});

describe('what finishing a feed writes and keeps back (feedReports.ts)', () => {
  const feed = (state: ImportState) => ({ name: 'customers.csv', state, entry: entry('customers.csv', 10) });

  test('report names carry the feed’s tag; a dry run’s, the feed’s modification time', () => {
    const state = { ...freshState(), tag: '20260101-000000-ab' };
    expect(reportName(feed(state), '-errors.csv')).toBe('customers-20260101-000000-ab-errors.csv');
    expect(reportName(feed(state), '-dry-run.csv', true)).toBe('customers-20231114T221320Z-dry-run.csv');
  });

  test('the next part holds the kept errors in line order and names the lines that miss a required field', () => {
    const state = { ...freshState(), tag: 'T', errors: [err(9, true), err(4)], reportParts: 1 };
    const part = nextPart(feed(state));
    expect(part.name).toBe('customers-T-errors-2.csv');
    expect(part.folder).toBe('customer/export/error');
    expect(part.text.split('\n')[1]).toMatch(/^customers\.csv,4,HC4,/);
    expect(part.missing).toEqual([9]);
  });

  test('finishing writes the last part and the original rows that miss a required field, in that order', () => {
    const text = 'HCCustomerId,FirstName,Email\nHC2,Ann,a@x.com\nHC3,,b@x.com\nHC4,Cy,c@x.com\n';
    const parsed = readCustomerFeed(text, 'customers.csv');
    const state = { ...freshState(), tag: 'T', errors: [err(3, true)], reportParts: 1, missingLines: [2] };
    const files = finishReports(feed(state), parsed);
    expect(files.map((f) => [f.folder, f.name])).toEqual([
      ['customer/export/error', 'customers-T-errors-2.csv'],
      ['customer/export/required_fields_missing', 'customers-T.csv'],
    ]);
    expect(files[1].text.trim().split(/\r?\n/)).toEqual([
      'HCCustomerId,FirstName,Email',
      'HC2,Ann,a@x.com',
      'HC3,,b@x.com',
    ]);
    // No error: nothing but the move.
    expect(finishReports(feed({ ...freshState(), tag: 'T' }), parsed)).toEqual([]);
  });

  test('finishing keeps back each report it may write, the move and the copy’s delete', () => {
    const state = freshState();
    expect(finishUnits(state)).toBe(ARCHIVE_UNITS);
    expect(finishUnits({ ...state, errors: [err(2, true)] })).toBe(ARCHIVE_UNITS + 2 * REPORT_UNITS);
    expect(
      finishUnits({
        ...state,
        missingLines: [3],
        feedCopy: { folderId: '1', name: 'n', size: 1, modified: 1 },
      }),
    ).toBe(ARCHIVE_UNITS + REPORT_UNITS + COPY_REMOVE_UNITS);
  });

  test('a feed is moved only while the listing still shows the version read', () => {
    const state = { ...freshState(), print: { size: 10, modified: 1_700_000_000_000, hash: 'h' } };
    expect(moveCheck([entry('customers.csv', 10)], 'customers.csv', state)).toBe('move');
    expect(moveCheck([entry('customers.csv', 11)], 'customers.csv', state)).toBe('changed');
    expect(moveCheck([entry('customers.csv', 10, 5)], 'customers.csv', state)).toBe('changed');
    expect(moveCheck([], 'customers.csv', state)).toBe('gone');
    // No fingerprint (a checkpoint from before prints): the listing is not compared.
    expect(moveCheck([entry('customers.csv', 11)], 'customers.csv', freshState())).toBe('move');
  });
});
