/**
 * A minimal ExecutionContext for N/sftp tests: a GovernanceMeter and a plain AccountState holding
 * only what N/sftp reads (secrets, keys). Does not need the Account class.
 */
import type * as fileTypes from 'N/file';
import type { AccountState, ExecutionContext } from '../../src/core/context';
import { GovernanceMeter } from '../../src/core/governance';

export interface TestContext extends ExecutionContext {
  readonly meter: GovernanceMeter;
}

export function makeContext(
  opts: { secrets?: Record<string, string>; keys?: Record<string, string>; limit?: number } = {},
): TestContext {
  const account = {
    accountId: 'TSTDRV0000',
    oneWorld: false,
    preferences: { dateFormat: 'M/D/YYYY', timeFormat: 'h:mm a', timeZone: 'America/Los_Angeles' },
    secrets: new Map(Object.entries(opts.secrets ?? {})),
    keys: new Map(Object.entries(opts.keys ?? {})),
    logs: [],
    now: () => new Date(),
  } as unknown as AccountState;
  const meter = new GovernanceMeter(opts.limit ?? 10000);
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
    executionId: 'test-execution',
    charge: (api: string, units: number) => meter.charge(api, units),
    // no sandbox in these module tests: dates stay host dates
    scriptDate: (d: Date) => d,
  };
}

/** A stand-in for an in-memory file.File (text), enough for Connection.upload. */
export function textFile(name: string, contents: string, fileType = 'CSV'): fileTypes.File {
  return { name, fileType, getContents: () => contents } as unknown as fileTypes.File;
}

/** Runs fn, expects a SuiteScriptError, returns it (so tests can check name and message). */
export function thrown(fn: () => unknown): { name: string; message: string; toJSON?: () => unknown } {
  try {
    fn();
  } catch (err) {
    return err as { name: string; message: string };
  }
  throw new Error('expected an error, none was thrown');
}
