/** A minimal ExecutionContext for data-layer tests: a GovernanceMeter over a plain AccountState. */
import type { AccountState, ExecutionContext, UserPreferences } from '../../src/core/context';
import { GovernanceMeter } from '../../src/core/governance';
import { RecordStore } from '../../src/data/recordStore';
import { FileCabinet } from '../../src/data/fileCabinet';

export interface TestContext extends ExecutionContext {
  readonly account: AccountState & { records: RecordStore; files: FileCabinet };
  readonly meter: GovernanceMeter;
}

export function makeContext(
  opts: {
    limit?: number;
    oneWorld?: boolean;
    preferences?: Partial<UserPreferences>;
    now?: Date;
    autoNumbering?: boolean;
  } = {},
): TestContext {
  const now = opts.now ?? new Date('2024-03-15T18:30:00Z');
  const oneWorld = opts.oneWorld ?? true;
  const records = new RecordStore({
    oneWorld,
    now: () => now,
    entityAutoNumbering: opts.autoNumbering ?? true,
  });
  const files = new FileCabinet(records);
  const account: TestContext['account'] = {
    accountId: 'TSTDRV1',
    oneWorld,
    preferences: {
      dateFormat: 'M/D/YYYY',
      timeFormat: 'h:mm a',
      timeZone: 'America/Los_Angeles',
      ...opts.preferences,
    },
    records,
    files,
    secrets: new Map(),
    keys: new Map(),
    logs: [],
    now: () => now,
  };
  const meter = new GovernanceMeter(opts.limit ?? 10_000);
  return {
    account,
    meter,
    script: {
      scriptId: 'customscript_test',
      deploymentId: 'customdeploy_test',
      kind: 'SCHEDULED',
      params: {},
      paramTypes: {},
    },
    executionId: 'test',
    charge: (api, units) => meter.charge(api, units),
    // no sandbox in these module tests: dates stay host dates
    scriptDate: (d: Date) => d,
  };
}

/** Seeds `n` person customers (no governance). */
export function seedCustomers(
  ctx: TestContext,
  n: number,
  extra: (i: number) => Record<string, unknown> = () => ({}),
): number[] {
  const ids: number[] = [];
  for (let i = 1; i <= n; i++) {
    ids.push(
      ctx.account.records.create('customer', {
        isperson: 'T',
        firstname: `First${i}`,
        lastname: `Last${i}`,
        subsidiary: '1',
        email: `c${i}@example.com`,
        externalid: `ext-${i}`,
        ...extra(i),
      }),
    );
  }
  return ids;
}

/** The error a function throws (fails the test when it does not throw). */
export function thrown(fn: () => unknown): { name: string; message: string } {
  try {
    fn();
  } catch (e) {
    return e as { name: string; message: string };
  }
  throw new Error('expected an error');
}
