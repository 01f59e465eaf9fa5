import { GovernanceMeter } from '../../src/core/governance';
import { runScheduled } from '../../src/runners/scheduled';
import { crashAt } from '../../src/runners/faults';
import { fixtureAccount, logged, scheduled } from './helpers';

describe('governance', () => {
  // NetSuite help "SuiteScript Governance and Limits": scheduled script 10,000 units; the call that would
  // cross the limit throws SSS_USAGE_LIMIT_EXCEEDED and is not performed.
  test('the crossing call throws SSS_USAGE_LIMIT_EXCEEDED; earlier calls are counted', () => {
    const m = new GovernanceMeter(10);
    m.charge('a', 5);
    m.charge('a', 5);
    expect(() => m.charge('b', 1)).toThrow(expect.objectContaining({ name: 'SSS_USAGE_LIMIT_EXCEEDED' }));
    expect(m.total()).toBe(10);
    expect(m.report()).toEqual({ a: { calls: 2, units: 10 } });
  });

  test('a scheduled script creating customers (5 units each) stops at the 2,001st record.create', () => {
    const account = fixtureAccount();
    scheduled(account, 'customscript_burn', '/SuiteScripts/Gov/SC_Burn.js');
    const r = runScheduled(account, { scriptId: 'customscript_burn' });
    expect(r.status).toBe('FAILED');
    expect(r.error?.name).toBe('SSS_USAGE_LIMIT_EXCEEDED');
    expect(r.usage.total).toBe(10_000);
    expect(r.usage.byApi['record.create']).toEqual({ calls: 2000, units: 10_000 });
    expect(logged(r.logs, 'start')).toBe(10_000);
    // NetSuite logs the uncaught error on the deployment's execution log
    expect(r.logs.at(-1)).toMatchObject({ level: 'ERROR', title: 'SSS_USAGE_LIMIT_EXCEEDED' });
  });

  test('getRemainingUsage lets a careful script stop in time (0 units itself)', () => {
    const account = fixtureAccount();
    scheduled(account, 'customscript_careful', '/SuiteScripts/Gov/SC_Careful.js');
    const r = runScheduled(account, { scriptId: 'customscript_careful' });
    expect(r.status).toBe('COMPLETE');
    expect(logged(r.logs, 'done')).toEqual({ created: 2000, remaining: 0 });
  });

  // core/context.ts FaultPlan: at the injected crash, and after it, every N/ call throws; status CRASHED.
  test('fault injection: crash at the 3rd record.create → CRASHED, even if the script catches', () => {
    const account = fixtureAccount();
    scheduled(account, 'customscript_careful', '/SuiteScripts/Gov/SC_Careful.js');
    const r = runScheduled(account, {
      scriptId: 'customscript_careful',
      faults: crashAt('record.create', 3),
    });
    expect(r.status).toBe('CRASHED');
    expect(r.crashedAt).toBe('record.create');
    expect(r.usage.byApi['record.create']).toEqual({ calls: 2, units: 10 });
  });
});
