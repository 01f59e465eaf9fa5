import { runMapReduce } from '../../src/runners/mapReduce';
import { fixtureAccount, logged, mapReduce } from './helpers';

// NetSuite help "SuiteScript 2.x Map/Reduce Script Type", "mapContext.key/value", "reduceContext.values",
// "summaryContext"; facts: map 1,000 / reduce 5,000 / getInputData and summarize 10,000 units per invocation;
// errors thrown in map/reduce are caught per key and reported in the summaries, the job goes on.
describe('map/reduce runner', () => {
  test('array input, map writes, shuffle by key, reduce, summarize; per-key errors captured', () => {
    const account = fixtureAccount();
    mapReduce(account, 'customscript_mr_words', '/SuiteScripts/MR/MR_Words.js');
    const r = runMapReduce(account, { scriptId: 'customscript_mr_words' });
    expect(r.status).toBe('COMPLETE');
    const s = logged<{ errors: unknown[]; output: Record<string, string>; mapKeys: string[]; stage: string }>(
      r.logs,
      'summary',
    );
    expect(s.mapKeys).toEqual(['0', '1', '2', '3']);
    expect(s.errors).toEqual([
      { stage: 'map', key: '2', name: 'BAD_LINE' },
      { stage: 'reduce', key: 'dog', message: 'no dogs' },
    ]);
    // the failed map invocation's writes ("never") are dropped; values are strings
    expect(s.output).toEqual({ the: '2', cat: '2', a: '1' });
    expect(s.stage).toBe('MAPREDUCE');
    expect(r.mapReduce).toMatchObject({ inputKeys: 4, mapKeys: 4, reduceKeys: 4 });
    expect(r.mapReduce?.mapErrors[0].key).toBe('2');
    expect(JSON.parse(r.mapReduce?.mapErrors[0].error as string)).toMatchObject({
      name: 'BAD_LINE',
      type: 'error.SuiteScriptError',
    });
  });

  test('object input goes straight to reduce when there is no map; reduce values are strings in lexicographic order', () => {
    const account = fixtureAccount();
    mapReduce(account, 'customscript_mr_obj', '/SuiteScripts/MR/MR_ObjectReduceOnly.js');
    const r = runMapReduce(account, { scriptId: 'customscript_mr_obj' });
    expect(r.status).toBe('COMPLETE');
    expect(r.logs.find((l) => l.title === 'rows')?.details).toBe('a=x,b={"n":1}');
  });

  test('SSS_USAGE_LIMIT_EXCEEDED in one map invocation (1,000 units) is an error for that key only', () => {
    const account = fixtureAccount();
    mapReduce(account, 'customscript_mr_usage', '/SuiteScripts/MR/MR_Usage.js');
    const r = runMapReduce(account, { scriptId: 'customscript_mr_usage' });
    expect(r.status).toBe('COMPLETE');
    expect(r.mapReduce?.mapErrors.map((e) => e.key)).toEqual(['1']);
    expect(r.logs.find((l) => l.title === 'map error 1')?.details).toBe('SSS_USAGE_LIMIT_EXCEEDED');
    expect(r.mapReduce?.output).toEqual([
      { key: 'small', value: '2' },
      { key: 'small', value: '2' },
    ]);
    // 2 + 200 (the 201st create crosses 1,000) + 2 creates at 5 units
    expect(r.usage.byApi['record.create'].units).toBe(10 + 1000 + 10);
  });

  test('an error in getInputData is inputSummary.error; summarize still runs', () => {
    const account = fixtureAccount();
    mapReduce(account, 'customscript_mr_in', '/SuiteScripts/MR/MR_InputError.js');
    const r = runMapReduce(account, { scriptId: 'customscript_mr_in' });
    expect(r.status).toBe('FAILED');
    expect(r.error?.message).toBe('input broke');
    expect(JSON.parse(r.logs.find((l) => l.title === 'input error')?.details as string)).toMatchObject({
      message: 'input broke',
    });
  });

  test('100,000 keys run in seconds', () => {
    const account = fixtureAccount();
    mapReduce(account, 'customscript_mr_big', '/SuiteScripts/MR/MR_Big.js');
    const t = Date.now();
    const r = runMapReduce(account, { scriptId: 'customscript_mr_big' });
    expect(r.status).toBe('COMPLETE');
    expect(r.mapReduce?.inputKeys).toBe(100_000);
    expect(r.logs.find((l) => l.title === 'total')?.details).toBe('100000');
    expect(Date.now() - t).toBeLessThan(15_000);
  });
});
