import path from 'node:path';
import { Account, type AccountOptions, type ScriptDefInput } from '../../src/account';

export const FIXTURES = path.resolve(__dirname, '../fixtures');
export const FIXTURE_CABINET = path.join(FIXTURES, 'FileCabinet');

/** An account over the fixture File Cabinet, with no SDF objects (tests register their scripts). */
export function fixtureAccount(opts: AccountOptions = {}): Account {
  return new Account({ sdfProjectDir: FIXTURES, fileCabinetRoot: FIXTURE_CABINET, loadSdf: false, ...opts });
}

/** Registers a scheduled script with one NOTSCHEDULED deployment `customdeploy_<name>`. */
export function scheduled(
  account: Account,
  scriptId: string,
  file: string,
  extra: Partial<ScriptDefInput> = {},
) {
  return account.registerScript({
    scriptId,
    kind: 'SCHEDULED',
    scriptFile: file,
    deployments: [{ deploymentId: scriptId.replace('customscript', 'customdeploy'), status: 'NOTSCHEDULED' }],
    ...extra,
  });
}

export function mapReduce(
  account: Account,
  scriptId: string,
  file: string,
  extra: Partial<ScriptDefInput> = {},
) {
  return account.registerScript({
    scriptId,
    kind: 'MAPREDUCE',
    scriptFile: file,
    deployments: [{ deploymentId: scriptId.replace('customscript', 'customdeploy'), status: 'NOTSCHEDULED' }],
    ...extra,
  });
}

/** The details of the first log entry with that title, JSON-parsed. */
export function logged<T = Record<string, unknown>>(
  logs: Array<{ title: string; details: string }>,
  title: string,
): T {
  const e = logs.find((l) => l.title === title);
  if (!e) throw new Error(`no log entry titled ${title}: ${logs.map((l) => l.title).join(', ')}`);
  return JSON.parse(e.details) as T;
}
