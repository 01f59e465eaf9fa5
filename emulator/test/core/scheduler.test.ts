import { Scheduler, SchedulerCapError } from '../../src/runners/scheduler';
import { crashAt } from '../../src/runners/faults';
import { fixtureAccount, mapReduce, scheduled } from './helpers';

describe('Scheduler', () => {
  test('a script rescheduling itself forever is stopped by the cap with a clear error', () => {
    const account = fixtureAccount();
    scheduled(account, 'customscript_forever', '/SuiteScripts/Task/SC_Forever.js');
    const s = new Scheduler(account, { maxExecutions: 5 });
    s.submit('customscript_forever');
    let err: unknown;
    try {
      s.run();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SchedulerCapError);
    const cap = err as SchedulerCapError;
    expect(cap.results).toHaveLength(5);
    expect(cap.results.every((r) => r.status === 'COMPLETE')).toBe(true);
    expect(cap.message).toMatch(/stopped after 5 executions.*customscript_forever/);
  });

  test('chained reschedules with parameters, then a map/reduce submitted by a script; all run until the queue is empty', () => {
    const account = fixtureAccount();
    scheduled(account, 'customscript_chain', '/SuiteScripts/Task/SC_Chain.js', {
      params: [{ id: 'custscript_chain_n', type: 'INTEGER' }],
    });
    mapReduce(account, 'customscript_mr_words', '/SuiteScripts/MR/MR_Words.js');
    const s = new Scheduler(account);
    s.submit('customscript_chain');
    const results = s.run();
    expect(results.map((r) => [r.scriptId, r.status])).toEqual([
      ['customscript_chain', 'COMPLETE'],
      ['customscript_chain', 'COMPLETE'],
      ['customscript_chain', 'COMPLETE'],
      ['customscript_mr_words', 'COMPLETE'],
    ]);
    const chain = results.slice(0, 3).map((r) => r.logs.find((l) => l.title === 'chain')?.details);
    expect(chain).toEqual(['0', '1', '2']);
    expect(results[0].logs.find((l) => l.title === 'status')?.details).toBe('PENDING');
    expect(results[0].logs.find((l) => l.title === 'second submit')?.details).toBe(
      'FAILED_TO_SUBMIT_JOB_REQUEST_1',
    );
    expect(account.tasks.entries.every((t) => t.status === 'COMPLETE')).toBe(true);
  });

  test('a crash fault in a queued run reports CRASHED and the queue goes on', () => {
    const account = fixtureAccount();
    scheduled(account, 'customscript_forever', '/SuiteScripts/Task/SC_Forever.js');
    const s = new Scheduler(account, {
      faults: (_t, n) => (n === 2 ? crashAt('task.ScheduledScriptTask.submit') : undefined),
    });
    s.submit('customscript_forever');
    const results = s.run();
    expect(results.map((r) => r.status)).toEqual(['COMPLETE', 'CRASHED']);
  });
});
