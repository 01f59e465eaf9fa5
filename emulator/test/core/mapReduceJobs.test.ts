import type { Account } from '../../src/account';
import { crashAt } from '../../src/runners/faults';
import { crashInStage } from '../../src/runners/stageFaults';
import { runMapReduce } from '../../src/runners/mapReduce';
import { fixtureAccount, logged, mapReduce } from './helpers';

function withCounter(account: Account): void {
  account.records.defineCustomRecordType('customrecord_counter', 'Counter');
  account.records.addField('customrecord_counter', {
    id: 'custrecord_count',
    label: 'Count',
    type: 'INTEGER',
  } as Parameters<Account['records']['addField']>[1]);
  account.records.create('customrecord_counter', { name: 'the counter', custrecord_count: 0 });
}

const count = (account: Account) =>
  Number(account.records.get('customrecord_counter', 1)?.values.custrecord_count);

// NetSuite help "Map/Reduce Key Concepts", "SuiteCloud Processors Basic Architecture": getInputData, shuffle
// and summarize are one job each, map and reduce several jobs in parallel; each job loads the script.
describe('map/reduce stages and jobs', () => {
  test('module state set in getInputData is not seen by map or summarize; map jobs on two processors do not share it', () => {
    const account = fixtureAccount();
    mapReduce(account, 'customscript_mr_state', '/SuiteScripts/MR/MR_State.js');
    const r = runMapReduce(account, { scriptId: 'customscript_mr_state' });
    expect(r.status).toBe('COMPLETE');
    const s = logged<{
      inputRan: boolean;
      seen: number;
      rows: Array<{ inputRan: boolean; seenBefore: number }>;
    }>(r.logs, 'state');
    expect(s.inputRan).toBe(false);
    expect(s.seen).toBe(0); // summarize is a job of its own
    expect(s.rows).toHaveLength(10);
    expect(s.rows.every((x) => x.inputRan === false)).toBe(true);
    // two processors by default: neither job saw all earlier keys
    expect(Math.max(...s.rows.map((x) => x.seenBefore))).toBeLessThan(9);
    expect(r.mapReduce?.time.map.jobs).toBe(2);
  });

  test('keysPerJob 1 runs every key in a fresh module instance', () => {
    const account = fixtureAccount();
    mapReduce(account, 'customscript_mr_state', '/SuiteScripts/MR/MR_State.js');
    const r = runMapReduce(account, { scriptId: 'customscript_mr_state', keysPerJob: 1 });
    const s = logged<{ rows: Array<{ seenBefore: number }> }>(r.logs, 'state');
    expect(s.rows.map((x) => x.seenBefore)).toEqual(new Array(10).fill(0));
  });

  test('one processor (concurrency limit 1): map keys run one after another in one job', () => {
    const account = fixtureAccount();
    mapReduce(account, 'customscript_mr_state', '/SuiteScripts/MR/MR_State.js', {
      deployments: [{ deploymentId: 'customdeploy_mr_state', status: 'NOTSCHEDULED', concurrencyLimit: 1 }],
    });
    const r = runMapReduce(account, { scriptId: 'customscript_mr_state' });
    const s = logged<{ rows: Array<{ seenBefore: number }> }>(r.logs, 'state');
    expect(s.rows.map((x) => x.seenBefore).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.mapReduce?.concurrency).toBe(1);
  });
});

// Help "SuiteCloud Processors Supported Task Types": the Concurrency Limit is the number of processors
// (jobs) of the map and reduce stages; empty = every processor of the account.
describe('concurrency', () => {
  test('a read-modify-write race between keys loses updates on several processors, reproducibly by seed', () => {
    const run = (seed: number, processors: number) => {
      const account = fixtureAccount({ processors });
      withCounter(account);
      mapReduce(account, 'customscript_mr_race', '/SuiteScripts/MR/MR_Race.js');
      const r = runMapReduce(account, { scriptId: 'customscript_mr_race', seed });
      expect(r.status).toBe('COMPLETE');
      expect(r.mapReduce?.seed).toBe(seed);
      return { count: count(account), order: r.mapReduce?.output.map((o) => o.value).join(',') };
    };
    expect(run(7, 1).count).toBe(20);
    const a = run(7, 4);
    expect(a.count).toBeLessThan(20);
    expect(run(7, 4)).toEqual(a); // same seed, same interleaving
    const others = [1, 2, 3, 4, 5].map((s) => run(s, 4).order);
    expect(new Set([a.order, ...others]).size).toBeGreaterThan(1);
  });

  test('restartOnCrash false stops the run even when the crash hits an invocation run in between', () => {
    for (let nth = 1; nth <= 12; nth++) {
      const account = fixtureAccount({ processors: 4 });
      withCounter(account);
      mapReduce(account, 'customscript_mr_race', '/SuiteScripts/MR/MR_Race.js');
      const r = runMapReduce(account, {
        scriptId: 'customscript_mr_race',
        seed: 3,
        interleave: 1,
        restartOnCrash: false,
        faults: crashAt('Record.save', nth),
      });
      expect(r.status).toBe('CRASHED');
      expect(r.crashedAt).toBe('Record.save');
      expect(r.mapReduce?.mapErrors).toEqual([]);
    }
  });

  test('the deployment concurrency limit caps the processors used; modeled time shrinks with them', () => {
    const time = (limit: number) => {
      const account = fixtureAccount({ processors: 4 });
      withCounter(account);
      mapReduce(account, 'customscript_mr_race', '/SuiteScripts/MR/MR_Race.js', {
        deployments: [
          { deploymentId: 'customdeploy_mr_race', status: 'NOTSCHEDULED', concurrencyLimit: limit },
        ],
      });
      const r = runMapReduce(account, { scriptId: 'customscript_mr_race', interleave: 0 });
      expect(r.mapReduce?.concurrency).toBe(limit);
      return r.mapReduce!.time.map.modeledMs;
    };
    const one = time(1);
    const four = time(4);
    expect(four).toBeLessThan(one / 2);
  });

  test('interleaved invocations still go to the processor free first: no processor idles while keys wait', () => {
    const run = (interleave: number, seed: number) => {
      const account = fixtureAccount({ processors: 15 });
      withCounter(account);
      mapReduce(account, 'customscript_mr_even', '/SuiteScripts/MR/MR_Even.js');
      const r = runMapReduce(account, { scriptId: 'customscript_mr_even', interleave, seed });
      return r.mapReduce!.time.map.modeledMs;
    };
    // 300 equal keys (four record.load and the invocation: 630 ms) on 15 processors: 20 rounds
    const key = 4 * 150 + 30;
    const greedy = run(0, 1);
    expect(greedy).toBeGreaterThanOrEqual(20 * key);
    expect(greedy).toBeLessThanOrEqual(20 * key + 2000);
    // Invocations run in between at charged calls (nested many deep), never later than the processor
    // free first would have started them.
    for (const seed of [1, 2, 3]) expect(run(1, seed)).toBeLessThanOrEqual(greedy + key);
  });
});

// Help "Configuration Options for Handling Map/Reduce Interruptions", "mapContext.executionNo/isRestarted/errors".
describe('retries, exitOnError, restarts, yields', () => {
  test('config.retryCount re-invokes a failed key with executionNo, isRestarted and the earlier errors', () => {
    const account = fixtureAccount();
    mapReduce(account, 'customscript_mr_retry', '/SuiteScripts/MR/MR_Retry.js');
    const r = runMapReduce(account, { scriptId: 'customscript_mr_retry' });
    expect(r.mapReduce?.config).toEqual({ retryCount: 2 });
    expect(logged(r.logs, 'attempt 1')).toEqual({ n: 1, restarted: false, earlier: 0 });
    const attempts = r.logs.filter((l) => l.title === 'attempt 1').map((l) => JSON.parse(l.details));
    expect(attempts).toEqual([
      { n: 1, restarted: false, earlier: 0 },
      { n: 2, restarted: true, earlier: 1 },
      { n: 3, restarted: true, earlier: 2 },
    ]);
    expect(r.logs.filter((l) => l.title === 'attempt 3')).toHaveLength(3);
    expect(logged(r.logs, 'errors')).toEqual(
      [
        ['1', 'FLAKY', 1],
        ['1', 'FLAKY', 2],
        ['3', 'ALWAYS', 1],
        ['3', 'ALWAYS', 2],
        ['3', 'ALWAYS', 3],
      ].sort() as unknown as Record<string, unknown>,
    );
    expect(r.mapReduce?.output.map((o) => o.key).sort()).toEqual(['0', '1', '2', '4']);
  });

  test('exitOnError: the first failed key ends the map stage; reduce is skipped, summarize runs', () => {
    const account = fixtureAccount();
    mapReduce(account, 'customscript_mr_exit', '/SuiteScripts/MR/MR_ExitOnError.js', {
      deployments: [{ deploymentId: 'customdeploy_mr_exit', status: 'NOTSCHEDULED', concurrencyLimit: 1 }],
    });
    const r = runMapReduce(account, { scriptId: 'customscript_mr_exit' });
    expect(r.mapReduce?.exitedStage).toBe('map');
    expect(r.logs.some((l) => l.title === 'reduce ran')).toBe(false);
    expect(r.logs.find((l) => l.title === 'mapped keys')?.details).toBe('3');
  });

  const restartRun = (nth: number) => {
    const account = fixtureAccount();
    mapReduce(account, 'customscript_mr_restart', '/SuiteScripts/MR/MR_Restart.js', {
      deployments: [{ deploymentId: 'customdeploy_mr_restart', status: 'NOTSCHEDULED', concurrencyLimit: 1 }],
    });
    return runMapReduce(account, {
      scriptId: 'customscript_mr_restart',
      faults: crashAt('runtime.getRemainingUsage', nth),
    });
  };
  // Help "System Response After a Map/Reduce Interruption" and "Execution of Restarted Map/Reduce Stages".
  test('a crash in getInputData restarts it with isRestarted true', () => {
    const r = restartRun(1);
    expect(r.status).toBe('COMPLETE');
    expect(r.logs.filter((l) => l.title === 'input').map((l) => JSON.parse(l.details))).toEqual([
      { restarted: false },
      { restarted: true },
    ]);
    expect(r.mapReduce?.restarts).toEqual([{ stage: 'getInputData', api: 'runtime.getRemainingUsage' }]);
    expect(r.mapReduce?.time.getInputData.jobs).toBe(2);
  });

  test('a map job interrupted after context.write: the write is discarded and the key runs again (executionNo 2)', () => {
    const r = restartRun(3); // 1 = getInputData, 2 = key 0, 3 = key 1 after its write
    expect(r.status).toBe('COMPLETE');
    expect(logged(r.logs, 'result')).toEqual({
      out: ['a=1', 'b=2', 'c=1'],
      errors: [['1', 'SSS_APP_SERVER_RESTART', 1]],
    });
    const key1 = r.logs.filter((l) => l.title === 'map 1').map((l) => JSON.parse(l.details));
    expect(key1).toEqual([
      { n: 1, restarted: false },
      { n: 2, restarted: true },
    ]);
    expect(r.mapReduce?.time.map.jobs).toBe(2);
  });

  test('a crash in summarize restarts summarize with isRestarted true; restartOnCrash false stops the run', () => {
    const r = restartRun(5);
    expect(r.logs.filter((l) => l.title === 'summarize').map((l) => JSON.parse(l.details))).toEqual([
      { restarted: false },
      { restarted: true },
    ]);
    const account = fixtureAccount();
    mapReduce(account, 'customscript_mr_restart', '/SuiteScripts/MR/MR_Restart.js');
    const stopped = runMapReduce(account, {
      scriptId: 'customscript_mr_restart',
      faults: crashAt('runtime.getRemainingUsage', 1),
      restartOnCrash: false,
    });
    expect(stopped.status).toBe('CRASHED');
  });

  test('crashInStage aims a crash at one stage; on two processors the interrupted key still runs exactly once more', () => {
    for (const seed of [1, 2, 3]) {
      const account = fixtureAccount();
      mapReduce(account, 'customscript_mr_restart', '/SuiteScripts/MR/MR_Restart.js');
      const r = runMapReduce(account, {
        scriptId: 'customscript_mr_restart',
        seed,
        faults: crashInStage('map', 'runtime.getRemainingUsage', 2),
      });
      expect(r.status).toBe('COMPLETE');
      const res = logged<{ out: string[]; errors: Array<[string, string, number]> }>(r.logs, 'result');
      expect(res.out.map((o) => o.split('=')[0]).sort()).toEqual(['a', 'b', 'c']);
      expect(res.out.filter((o) => o.endsWith('=2'))).toHaveLength(1);
      expect(res.errors.map((e) => e[1])).toEqual(['SSS_APP_SERVER_RESTART']);
      expect(r.mapReduce?.restarts[0].stage).toBe('map');
    }
  });

  // Help "Map/Reduce Yielding": after an invocation, a job past 10,000 units or Yield After Minutes yields.
  test('a map job yields after 10,000 units; the next job is a fresh module instance', () => {
    const account = fixtureAccount();
    withCounter(account);
    mapReduce(account, 'customscript_mr_yield', '/SuiteScripts/MR/MR_Yield.js', {
      deployments: [{ deploymentId: 'customdeploy_mr_yield', status: 'NOTSCHEDULED', concurrencyLimit: 1 }],
    });
    const r = runMapReduce(account, { scriptId: 'customscript_mr_yield' });
    expect(r.status).toBe('COMPLETE');
    const jobKeys = r.mapReduce!.output.map((o) => Number(o.value));
    expect(Math.max(...jobKeys)).toBe(17); // 17 × 600 = 10,200 > 10,000
    expect(jobKeys[17]).toBe(1);
    expect(r.logs.find((l) => l.title === 'yields')?.details).toBe('1');
  });

  test('a map job yields after Yield After Minutes of modeled time', () => {
    const account = fixtureAccount({ latency: { 'record.create': 1000 } }); // 300 creates = 5 minutes a key
    withCounter(account);
    mapReduce(account, 'customscript_mr_yield', '/SuiteScripts/MR/MR_Yield.js', {
      deployments: [
        {
          deploymentId: 'customdeploy_mr_yield',
          status: 'NOTSCHEDULED',
          concurrencyLimit: 1,
          yieldAfterMins: 3,
        },
      ],
    });
    const r = runMapReduce(account, { scriptId: 'customscript_mr_yield' });
    expect(r.mapReduce!.output.every((o) => o.value === '1')).toBe(true);
    expect(r.mapReduce?.time.map.yields).toBe(30);
    expect(r.modeledMs).toBeGreaterThan(30 * 300 * 1000);
  });
});

// Help "getInputData(inputContext)": an array, an object, a search (object or reference), a file.
describe('getInputData inputs', () => {
  const run = (input: string) => {
    const account = fixtureAccount();
    withCounter(account);
    account.files.putText('/Data/lines.txt', 'first\nsecond\nthird\n');
    mapReduce(account, 'customscript_mr_inputs', '/SuiteScripts/MR/MR_Inputs.js', {
      params: [{ id: 'custscript_input', type: 'TEXT' }],
      deployments: [
        {
          deploymentId: 'customdeploy_mr_inputs',
          status: 'NOTSCHEDULED',
          params: { custscript_input: input },
        },
      ],
    });
    return runMapReduce(account, { scriptId: 'customscript_mr_inputs' });
  };
  const sorted = (r: ReturnType<typeof run>) =>
    [...(r.mapReduce?.output ?? [])].sort((a, b) => a.key.localeCompare(b.key));

  test('a file.File and a file reference: one pair per line, key = line number', () => {
    for (const kind of ['file', 'fileRef']) {
      const r = run(kind);
      expect(r.status).toBe('COMPLETE');
      expect(sorted(r)).toEqual([
        { key: '0', value: 'first' },
        { key: '1', value: 'second' },
        { key: '2', value: 'third' },
      ]);
    }
  });

  test('a search object: key = internal id, value = JSON of the result', () => {
    const r = run('search');
    expect(r.mapReduce?.output).toHaveLength(1);
    expect(r.mapReduce?.output[0].key).toBe('1');
    expect(JSON.parse(r.mapReduce!.output[0].value)).toMatchObject({
      recordType: 'customrecord_counter',
      id: '1',
    });
  });

  test('a SuiteQL object: key = row index, value = JSON of { types, values }', () => {
    const r = run('suiteql');
    expect(r.status).toBe('COMPLETE');
    expect(r.mapReduce?.output).toEqual([
      { key: '0', value: JSON.stringify({ types: ['STRING', 'STRING'], values: [1, 0] }) },
    ]);
  });

  // query inputs that exist are in test/query/queryObjects.test.ts
  test('a query reference to a query the account does not hold: inputSummary.error UNABLE_TO_LOAD_QUERY', () => {
    const r = run('query');
    expect(r.status).toBe('FAILED');
    expect(r.mapReduce?.inputError?.name).toBe('UNABLE_TO_LOAD_QUERY');
  });
});
