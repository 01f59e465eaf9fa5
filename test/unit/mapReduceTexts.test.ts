/**
 * HC_MR_ImportCustomer's getInputData hands the feed texts it read to summarize as `text-` keys
 * (planHandoff → FeedTextPiece, feedTexts): from the library modules' TypeScript sources.
 * A map/reduce value holds at most 10 MB, so a text goes in pieces; a piece that never arrived leaves
 * its feed to a second download.
 */
import * as lib from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerImportMapReduceLib';
import type { FeedTextPiece } from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerImportMapReduceLib';
import type { ExistingCustomer, FeedFolder } from '../../src/TypeScripts/HotWaxCustomerSync/sync/ports';

const HEADER = 'HCCustomerId,firstName,lastName,email';
const feedOf = (rows: number, filler = '') =>
  [HEADER, ...Array.from({ length: rows }, (_, i) => `HC${i},Ada${filler},Lovelace,hc${i}@example.com`)].join(
    '\n',
  ) + '\n';

function folder(files: Record<string, string>): FeedFolder & { downloads: string[] } {
  const downloads: string[] = [];
  return {
    downloads,
    list: () => Object.entries(files).map(([name, t]) => ({ name, size: t.length })),
    download: (name: string) => {
      downloads.push(name);
      return files[name];
    },
  } as unknown as FeedFolder & { downloads: string[] };
}

function plan(files: Record<string, string>) {
  const h = {
    feeds: Object.keys(files).map((name, i) => ({ name, tag: `t${i}` })),
    done: [],
    attempts: 1,
    settings: {
      sftpConfig: '',
      sftpDirectory: '',
      defaultSubsidiary: '2',
      matchByEmail: false,
      fieldMap: '',
    },
  };
  const opts = lib.handoffOptions(h, false, {}, 'exec');
  const feeds = folder(files);
  const p = lib.planHandoff(h, { feeds, customers: { findCandidates: (): ExistingCustomer[] => [] } }, opts);
  return { p, feeds };
}

describe('feed texts from getInputData to summarize', () => {
  test('every readable handed feed travels whole, with the size it was listed at', () => {
    const files = { 'a.csv': feedOf(3), 'b.csv': feedOf(2) };
    const { p } = plan(files);
    expect(p.texts.map((t) => [t.feed, t.piece, t.pieces, t.size])).toEqual([
      [0, 0, 1, files['a.csv'].length],
      [1, 0, 1, files['b.csv'].length],
    ]);
    const texts = lib.feedTexts(p.texts);
    expect(texts.get(0)?.text).toBe(files['a.csv']);
    expect(texts.get(1)?.text).toBe(files['b.csv']);
    // Text keys never look like row keys, and sort after them.
    const keys = p.texts.map((t) => lib.textKey(t.feed, t.piece));
    expect(keys.every((k) => lib.isTextKey(k))).toBe(true);
    expect(Object.keys(p.batches).some((k) => lib.isTextKey(k))).toBe(false);
  });

  test('a text over one piece is cut (never inside a surrogate pair) and put together again', () => {
    // About 2.6 million characters with astral characters everywhere: three pieces.
    const text = feedOf(20000, `😀${'x'.repeat(100)}`);
    const { p } = plan({ 'big.csv': text });
    expect(p.texts.length).toBe(3);
    for (const t of p.texts) {
      const last = t.text.charCodeAt(t.text.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
      // Each piece as a map/reduce value (JSON, UTF-8) stays under 10 MB.
      expect(encodeURIComponent(JSON.stringify(t)).length / 3).toBeLessThan(10 * 1024 * 1024);
    }
    expect(lib.feedTexts(p.texts).get(0)?.text).toBe(text);
    // Order of arrival does not matter; a missing piece leaves the feed out (summarize downloads it).
    expect(lib.feedTexts([...p.texts].reverse()).get(0)?.text).toBe(text);
    expect(lib.feedTexts(p.texts.slice(1)).has(0)).toBe(false);
  });

  test('feeds past 20 million characters of text in one job are not passed on (summarize downloads them)', () => {
    const big = feedOf(5000, 'y'.repeat(2200)); // about 11 million characters
    const { p } = plan({ 'one.csv': big, 'two.csv': big, 'three.csv': feedOf(2) });
    const passed = [...lib.feedTexts(p.texts).keys()];
    expect(passed).toEqual([0, 2]);
    const chars = p.texts.reduce((n: number, t: FeedTextPiece) => n + t.text.length, 0);
    expect(chars).toBeLessThanOrEqual(20_000_000);
  });

  test('an unreadable feed goes back and passes no text', () => {
    const { p } = plan({ 'bin.csv': '\u0000\u0001binary', 'ok.csv': feedOf(1) });
    expect(p.givenBack.map((g) => g.name)).toEqual(['bin.csv']);
    expect([...lib.feedTexts(p.texts).keys()]).toEqual([1]);
  });
});
