import type { Account } from '../../src/account';
import { runScheduled } from '../../src/runners/scheduled';
import { fixtureAccount, logged, scheduled } from './helpers';

function counterAccount(opts: Parameters<typeof fixtureAccount>[0] = {}): Account {
  const account = fixtureAccount(opts);
  account.records.defineCustomRecordType('customrecord_counter', 'Counter');
  scheduled(account, 'customscript_clock', '/SuiteScripts/Time/SC_Clock.js');
  return account;
}

const START = Date.UTC(2026, 0, 15, 12, 0, 0);

interface Clock {
  before: number;
  after: number;
  isDate: boolean;
  text: string;
  fixed: string;
  fixedHours: number;
  offset: number;
  called: string;
}

// core/clock.ts: every charged call advances the job's modeled clock by its typical duration; scripts read it.
describe('modeled time', () => {
  test('Date.now() and new Date() in a script read the modeled account time; modeledMs adds up the calls', () => {
    const account = counterAccount();
    account.setClock(() => new Date(START));
    const r = runScheduled(account, { scriptId: 'customscript_clock' });
    expect(r.status).toBe('COMPLETE');
    const c = logged<Clock>(r.logs, 'clock');
    const { jobStartMs } = account.overheads;
    expect(c.before).toBe(START + jobStartMs);
    expect(c.after - c.before).toBe(10 * account.latency['record.create']);
    expect(c.isDate).toBe(true);
    expect(c.called).toBe('string');
    expect(r.modeledMs).toBe(jobStartMs + 10 * account.latency['record.create']);
    expect(r.startedAt.getTime()).toBe(START);
    expect(r.endedAt.getTime()).toBe(START + r.modeledMs);
    expect(account.modeledTotalMs).toBe(r.modeledMs);
    // the account's time does not go back behind what the run reached
    expect(account.now().getTime()).toBe(START + r.modeledMs);
    // the log entry was written at the script's modeled time
    expect(r.logs.find((l) => l.title === 'clock')?.time.getTime()).toBe(c.after);
  });

  // Help "format.parse(options)": "For server scripts, the string returned is based on the current time in the
  // Pacific Time Zone. Daylight Savings Time does apply."
  test('a script Date is local to the server zone (Pacific time, with daylight saving) whatever the host zone', () => {
    const account = counterAccount();
    account.setClock(() => new Date(START));
    const c = logged<Clock>(runScheduled(account, { scriptId: 'customscript_clock' }).logs, 'clock');
    expect(c.text).toMatch(/^Thu Jan 15 2026 04:00:01 GMT-0800 \(Pacific Standard Time\)$/);
    expect(c.fixed).toBe('2026-07-04T16:30:00.000Z'); // new Date(2026, 6, 4, 9, 30) is 9:30 PDT
    expect(c.fixedHours).toBe(9);
    expect(c.offset).toBe(420);
    const berlin = counterAccount({ serverTimeZone: 'Europe/Berlin' });
    berlin.setClock(() => new Date(START));
    const b = logged<Clock>(runScheduled(berlin, { scriptId: 'customscript_clock' }).logs, 'clock');
    expect(b.text).toContain('13:00:01 GMT+0100');
  });

  test('the latency table is configurable per account', () => {
    const slow = counterAccount({ latency: { 'record.create': 5000 }, overheads: { jobStartMs: 0 } });
    expect(runScheduled(slow, { scriptId: 'customscript_clock' }).modeledMs).toBe(50_000);
  });
});
