/**
 * The map/reduce import's pure parts, from the BUILT library module in a bare context: the handoff
 * threshold, grouping into reduce keys, and summarize's retry / give-back when rows have no outcome.
 */
import path from 'node:path';
import { loadBareAmd } from '../support/bareAmd';
import type * as Lib from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib';
import { backlogTargets } from '../../bench/backlog';

const LIB = path.resolve(
  __dirname,
  '../../src/FileCabinet/SuiteScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib.js',
);
const lib = loadBareAmd<typeof Lib>(LIB).exports;

const HEADER =
  'HCCustomerId,firstName,lastName,email,phone,HCShopifyCustomerId,externalId,individual,status,taxable,defaultOrderPriority,subsidiary';
const row = (hc: string, email: string, shop: string, ext = '') =>
  `${hc},Ada,Lovelace,${email},,${shop},${ext},T,,,,2`;
const opts = { oneWorld: true, defaultSubsidiary: '', fieldMap: {}, matchByEmail: true };
const noCandidates = { findCandidates: () => [] };

function emptyState(): Lib.HandoffState {
  return {
    file: null,
    line: 0,
    errors: [],
    counts: { created: 0, linked: 0, alreadyLinked: 0, errors: 0 },
    lease: null,
  };
}

describe('handoff', () => {
  const settings = {
    sftpConfig: '',
    sftpDirectory: '',
    defaultSubsidiary: '',
    matchByEmail: false,
    fieldMap: '',
  };
  test('a feed below the threshold stays; one at it is saved with the lease, then submitted', () => {
    const calls: string[] = [];
    const saved: Lib.HandoffState[] = [];
    const handOff = lib.handOffFeed(
      {
        checkpoint: {
          load: () => null,
          save: (s) => (calls.push('save'), saved.push(JSON.parse(JSON.stringify(s)))),
        },
        submit: () => (calls.push('submit'), true),
        now: () => 1000,
      },
      600,
      settings,
    );
    expect(handOff('small.csv', 599, emptyState())).toBe(false);
    expect(calls).toEqual([]);
    expect(handOff('big.csv', 600, emptyState())).toBe(true);
    expect(calls).toEqual(['save', 'submit']);
    expect(saved[0].lease?.deploymentId).toBe(lib.MR_IMPORT.deploymentId);
    expect(saved[0].mapReduce?.file).toBe('big.csv');
  });

  test('a feed the map/reduce gave back is not handed over again', () => {
    const handOff = lib.handOffFeed(
      { checkpoint: { load: () => null, save: () => undefined }, submit: () => true, now: () => 1 },
      1,
      settings,
    );
    const givenBack: Lib.HandoffState = { ...emptyState(), notHandedOff: 'back.csv' };
    expect(handOff('back.csv', 5000, givenBack)).toBe(false);
  });
});

describe('grouping', () => {
  test('rows sharing any key, even transitively, are one reduce key; others may be packed but never split', () => {
    const lines = [HEADER];
    // 2: A (email a), 3..40 singles, 41: B (email a, shop s), 42..80 singles, 81: C (shop s)
    lines.push(row('HCA', 'a@x.com', '1001'));
    for (let i = 3; i <= 40; i++) lines.push(row(`HC${i}`, `c${i}@x.com`, `2${i}`));
    lines.push(row('HCB', 'a@x.com', '9999'));
    for (let i = 42; i <= 80; i++) lines.push(row(`HC${i}`, `c${i}@x.com`, `2${i}`));
    lines.push(row('HCC', 'c@x.com', '9999'));
    const plan = lib.planFeed('f.csv', lines.join('\r\n'), noCandidates, opts);
    if (plan.unreadable !== null) throw new Error(plan.unreadable);
    const keyOf = new Map<string, string>();
    for (const [key, b] of Object.entries(plan.batches))
      for (const r of b.rows) keyOf.set(r.hcCustomerId, key);
    expect(keyOf.get('HCA')).toBe(keyOf.get('HCB'));
    expect(keyOf.get('HCB')).toBe(keyOf.get('HCC'));
    // Every line once.
    const all = Object.values(plan.batches).flatMap((b) => b.rows.map((r) => r.line));
    expect(all.length).toBe(lines.length - 1);
    expect(new Set(all).size).toBe(all.length);
  });

  test('without email matching, a shared email does not join rows', () => {
    const text = [
      HEADER,
      row('HCA', 'a@x.com', '1'),
      ...Array.from({ length: 30 }, (_, i) => row(`H${i}`, `z${i}@x.com`, `5${i}`)),
      row('HCB', 'a@x.com', '2'),
    ].join('\r\n');
    const plan = lib.planFeed('f.csv', text, noCandidates, { ...opts, matchByEmail: false });
    if (plan.unreadable !== null) throw new Error(plan.unreadable);
    const keyOf = new Map<string, string>();
    for (const [key, b] of Object.entries(plan.batches))
      for (const r of b.rows) keyOf.set(r.hcCustomerId, key);
    expect(keyOf.get('HCA')).not.toBe(keyOf.get('HCB'));
  });
});

describe('summarize when rows have no outcome', () => {
  const text = [HEADER, row('HC1', 'a@x.com', '1'), row('HC2', 'b@x.com', '2')].join('\r\n');
  const outcome = (line: number): Lib.RowOutcome => ({
    line,
    hcCustomerId: `HC${line - 1}`,
    kind: 'created',
    customerId: String(line),
    code: '',
    message: '',
    missingRequired: false,
  });
  function deps(state: { saved: Lib.HandoffState[]; moved: string[] }) {
    return {
      feeds: {
        list: () => [{ name: 'f.csv' }],
        download: () => text,
        writeReport: () => undefined,
        moveFeed: (n: string) => (state.moved.push(n), n),
      },
      checkpoint: {
        load: () => null,
        save: (s: Lib.HandoffState) => state.saved.push(JSON.parse(JSON.stringify(s))),
      },
      log: { audit: () => undefined, error: () => undefined },
    };
  }
  const handedOff = (attempts: number): Lib.HandoffState => ({
    ...emptyState(),
    file: 'f.csv',
    lease: { executionId: 'x', deploymentId: lib.MR_IMPORT.deploymentId, until: 1e15 },
    mapReduce: {
      file: 'f.csv',
      at: 0,
      attempts,
      sftpConfig: '',
      sftpDirectory: '',
      defaultSubsidiary: '',
      matchByEmail: false,
      fieldMap: '',
    },
  });

  test('the job is tried again (lease kept, nothing archived), then the feed goes back to the scheduled import', () => {
    const s = { saved: [] as Lib.HandoffState[], moved: [] as string[] };
    const first = lib.finishFeed(deps(s), handedOff(1), [outcome(2)]);
    expect(first).toMatchObject({ released: false, missingLines: 1, file: null });
    expect(s.moved).toEqual([]);
    expect(s.saved[0].lease?.deploymentId).toBe(lib.MR_IMPORT.deploymentId);
    expect(s.saved[0].mapReduce?.attempts).toBe(2);

    const last = lib.finishFeed(deps(s), handedOff(3), [outcome(2)]);
    expect(last).toMatchObject({ released: true, missingLines: 1 });
    expect(s.moved).toEqual([]);
    const back = s.saved[s.saved.length - 1];
    expect(back).toMatchObject({
      file: 'f.csv',
      line: 0,
      lease: null,
      mapReduce: null,
      notHandedOff: 'f.csv',
    });
  });

  test('every line with an outcome: archived, lease released, outcomes counted once however often they came', () => {
    const s = { saved: [] as Lib.HandoffState[], moved: [] as string[] };
    const r = lib.finishFeed(deps(s), handedOff(1), [outcome(2), outcome(3), outcome(3)]);
    expect(r).toMatchObject({
      released: true,
      missingLines: 0,
      totals: { created: 2, linked: 0, alreadyLinked: 0, errors: 0 },
    });
    expect(s.moved).toEqual(['f.csv']);
    expect(s.saved[s.saved.length - 1]).toMatchObject({ file: null, lease: null, mapReduce: null });
  });
});

describe('bench regression gate', () => {
  const fig = (unitsPerCustomer: number, modeledHours: number) => ({
    unitsPerCustomer,
    modeledHours,
    jobs: 1,
    units: 0,
    customers: 0,
    wallSeconds: 0,
  });
  test('a 33% regression in units per customer is a gating miss', () => {
    const t = backlogTargets('create', { '10000': { scheduled: fig(15.6 * 1.33, 1.3), '1': fig(15, 1.3) } });
    expect(t.filter((x) => !x.passed && x.gating).map((x) => x.path)).toEqual(['scheduled']);
  });
  test('poor scaling misses; 100,000 on 5 processors must beat a quarter of the chain', () => {
    const t = backlogTargets('create', {
      '100000': { scheduled: fig(15.6, 13), '1': fig(15, 13), '5': fig(15, 3.4) },
    });
    expect(t.filter((x) => !x.passed).map((x) => x.metric)).toEqual([
      'modeledHours vs 1.2 × serial / P',
      'modeledHours vs scheduled / 4',
    ]);
  });
});
