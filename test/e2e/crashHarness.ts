/**
 * Exhaustive crash and interleaving harness: one SFTP server per test file, a fresh account and a
 * fresh remote folder per case (a SyncEnvironment pointed at the shared server), and the final
 * state of a run compared with the uninterrupted run's:
 * - customers: one per HC customer id, the same field values (times and stamps aside);
 * - SFTP: every file under the default directory, timestamped names normalised; no `.part` file;
 *   party identification lines compared as a set (a re-sent line is allowed: at least once);
 * - File Cabinet: every file of the sync's folders by name and contents;
 * - checkpoints: exactly one record per key, with the final state (times aside).
 */
import fs from 'node:fs';
import path from 'node:path';
import { crashAtCall, interleaveAt, reuseSftpSessions, Scheduler, startSftpServer } from '../../emulator/src';
import type { ExecutionResult, FaultPlan, RunningSftpServer } from '../../emulator/src';
import { SCRIPTS, SFTP_LAYOUT, SyncEnvironment } from '../../simulation/environment';
import type { ScriptKey } from '../../simulation/environment';
import { serverKind } from './helpers';
import {
  EXPORT_CUSTOMER_IDS,
  IMPORT_CUSTOMER,
} from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

export const kind = serverKind();

let caseNo = 0;

export interface CaseEnv {
  env: SyncEnvironment;
  /** Local folder behind the remote default directory. */
  base: string;
}

/** A fresh account on a fresh remote folder of `server`. */
export async function freshCase(
  server: RunningSftpServer,
  tag: string,
  port = server.port,
  account: { processors?: number; seed?: number } = {},
): Promise<CaseEnv> {
  const dir = `${server.homeDir.replace(/\/$/, '')}/${tag}-${process.pid}-${++caseNo}/`;
  const base = server.localPath(dir);
  for (const d of SFTP_LAYOUT) fs.mkdirSync(path.join(base, d), { recursive: true });
  const env = await SyncEnvironment.start({
    sftp: {
      host: server.host,
      port,
      username: server.username,
      hostKey: `ecdsa-sha2-nistp256 ${server.hostKey}`,
      privateKey: server.privateKey,
      password: server.password,
      directory: dir,
    },
    ...account,
  });
  return { env, base };
}

/**
 * The test file's SFTP server. Its Connections reuse SSH sessions (reuseSftpSessions: a script cannot
 * tell; the exhaustive suites open hundreds), unless `reuseSessions` is false: a test that injects
 * transport faults needs each Connection's own handshake. stop() ends the kept sessions.
 */
export async function startServer(reuseSessions = true): Promise<RunningSftpServer> {
  const server = await startSftpServer(kind);
  if (!reuseSessions) return server;
  reuseSftpSessions(true);
  return {
    ...server,
    stop: async () => {
      reuseSftpSessions(false);
      await server.stop();
    },
  };
}

export function writeRemote(c: CaseEnv, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(c.base, rel)), { recursive: true });
  fs.writeFileSync(path.join(c.base, rel), text);
}

/**
 * Only the first execution of the scheduled import: the follow-up it queues stays pending (the next
 * `runAll` runs it). Fails unless that execution completed.
 */
export function runFirstImportExecution(c: CaseEnv): ExecutionResult {
  c.env.account.tasks.add({
    taskType: 'SCHEDULED_SCRIPT',
    scriptId: SCRIPTS.import.scriptId,
    deploymentId: SCRIPTS.import.deploymentId,
    params: {},
    status: 'PENDING',
    submittedAt: c.env.account.now(),
  });
  let runs: ExecutionResult[];
  try {
    runs = new Scheduler(c.env.account, { maxExecutions: 1 }).run();
  } catch (e) {
    runs = (e as { results: ExecutionResult[] }).results; // the cap: the queued follow-up is left pending
  }
  expect(runs.map((r) => r.status)).toEqual(['COMPLETE']);
  return runs[0];
}

/**
 * Runs a deployment and every execution it queues, with `plan` seeing every charged call of all of
 * them (one global call count across executions).
 */
export function runAll(
  env: SyncEnvironment,
  key: ScriptKey,
  plan?: FaultPlan,
  deploymentId: string = SCRIPTS[key].deploymentId,
  /** true: a crash in a map/reduce stage restarts it, as NetSuite does after a server disruption. */
  restartOnCrash = false,
): ExecutionResult[] {
  const scheduler = new Scheduler(env.account, {
    maxExecutions: 200,
    faults: plan ? () => plan : undefined,
    // By default a crash ends the execution (map/reduce included) and the re-run starts afresh: the
    // harder case. Map/reduce's own stage restarts: restartOnCrash (and exportRestarts.test.ts).
    restartOnCrash,
  });
  const script = env.account.script(SCRIPTS[key].scriptId);
  // As the schedule firing or "Save and Execute" queues it (any deployment status).
  env.account.tasks.add({
    taskType: script.kind === 'MAPREDUCE' ? 'MAP_REDUCE' : 'SCHEDULED_SCRIPT',
    scriptId: script.scriptId,
    deploymentId,
    params: {},
    status: 'PENDING',
    submittedAt: env.account.now(),
  });
  return scheduler.run();
}

/** Counts the charged calls of an uninterrupted run. */
export function countingPlan(): FaultPlan & { calls: string[] } {
  const plan = {
    calls: [] as string[],
    shouldCrash(api: string) {
      plan.calls.push(api);
      return false;
    },
  };
  return plan;
}

/** An uninterrupted run of `key` on a fresh case: its charged calls, executions, feed reports, final state. */
export interface Baseline {
  calls: string[];
  runs: ExecutionResult[];
  reports: Record<string, number[]>;
  state: FinalState;
}

export async function baselineRun(
  server: RunningSftpServer,
  key: ScriptKey,
  scenario: (c: CaseEnv) => void,
): Promise<Baseline> {
  const c = await freshCase(server, 'base');
  scenario(c);
  const plan = countingPlan();
  const runs = runAll(c.env, key, plan);
  expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
  const state = finalState(c);
  expectSound(state);
  return { calls: plan.calls, runs, reports: feedReports(runs), state };
}

/**
 * A fresh case crashed at charged call n, then re-run: the crash happened, the re-run completed, and
 * the final state is the baseline's; with `reports`, every feed's rows reported once, by the crashed
 * execution or a re-run (never lost, never twice).
 */
export async function expectCrashThenRerunSound(
  server: RunningSftpServer,
  key: ScriptKey,
  scenario: (c: CaseEnv) => void,
  base: Baseline,
  n: number,
  reports = true,
): Promise<void> {
  const c = await freshCase(server, 'crash');
  scenario(c);
  const crashed = runAll(c.env, key, crashAtCall(n));
  expect([n, crashed.some((r) => r.status === 'CRASHED')]).toEqual([n, true]);
  const rerun = runAll(c.env, key);
  const at = [n, base.calls[n - 1]];
  expect([...at, rerun.every((r) => r.status === 'COMPLETE')]).toEqual([...at, true]);
  const state = finalState(c);
  expectSound(state);
  expect([...at, state]).toEqual([...at, base.state]);
  if (reports) expect([...at, feedReports([...crashed, ...rerun])]).toEqual([...at, base.reports]);
}

// Also the import's report tag, which sits before the report's suffix (`<stem>-<tag>-errors-2.csv`).
const TIMESTAMPED =
  /-\d{8}T\d{6}Z-(?:[0-9a-z]{6}(?:-\d{3})?|part\d+)(?=(?:-errors(?:-\d+)?|-dry-run)?\.csv$)/;
/** Two files whose names normalise alike both stay (a stray second report must not hide behind the first). */
const put = (into: Record<string, string>, key: string, text: string) => {
  let k = key;
  while (k in into) k += ' (again)';
  into[k] = text;
};
const normalName = (rel: string) =>
  rel.replace(TIMESTAMPED, (m) =>
    m.includes('-part') ? `-<time>${m.slice(m.lastIndexOf('-'))}` : '-<time>',
  );
const VOLATILE = new Set([
  'custentity_hc_sync_stamp',
  'datecreated',
  'lastmodifieddate',
  'created',
  'lastmodified',
  'entityid',
  'altname',
  'entitynumber',
]);

function walk(dir: string, rel = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(path.join(dir, e.name), r));
    else out.push(r);
  }
  return out.sort();
}

export interface FinalState {
  customers: Record<string, Record<string, unknown>[]>;
  remote: Record<string, string>;
  partyIdLines: string[];
  temporaryFiles: string[];
  cabinet: Record<string, string>;
  checkpoints: Record<string, unknown[]>;
}

function stable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stable);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort())
      if (
        !['until', 'stampAfter', 'stampUpTo', 'startedAt', 'executionId', 'lastRuns', 'foundAt'].includes(k)
      )
        out[k] = stable((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

export function finalState(c: CaseEnv): FinalState {
  const customers: FinalState['customers'] = {};
  for (const r of c.env.account.records.all('customer')) {
    const key =
      String(r.values.custentity_hc_customer_id ?? '') || `(no HC id) ${String(r.values.email ?? r.id)}`;
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r.values)) if (!VOLATILE.has(k)) values[k] = v;
    (customers[key] ??= []).push(values);
  }
  const remote: Record<string, string> = {};
  const partyIdLines = new Set<string>();
  const temporaryFiles: string[] = [];
  for (const rel of walk(c.base)) {
    const name = path.basename(rel);
    if (/^\..*\.part$/.test(name)) temporaryFiles.push(rel);
    // A symlink left behind (a fault test's /dev/full) is never read: it counts as a stray file.
    const text = fs.lstatSync(path.join(c.base, rel)).isFile()
      ? fs.readFileSync(path.join(c.base, rel), 'utf8')
      : `<not a file: ${fs.readlinkSync(path.join(c.base, rel))}>`;
    if (rel.startsWith('customer/import/') && name.startsWith('CustomerExport-')) {
      for (const line of text.split(/\r?\n/).slice(1)) if (line) partyIdLines.add(line);
      continue;
    }
    put(remote, normalName(rel), text);
  }
  const cabinet: Record<string, string> = {};
  for (const f of c.env.account.files.list()) {
    const folder = c.env.account.records.get('folder', f.folder)?.values.name ?? f.folder;
    put(cabinet, normalName(`${String(folder)}/${f.name}`), String(f.contents));
  }
  const checkpoints: Record<string, unknown[]> = {};
  if (c.env.account.records.hasType('customrecord_hc_sync_checkpoint'))
    for (const r of c.env.account.records.all('customrecord_hc_sync_checkpoint')) {
      const key = String(r.values.custrecord_hc_cp_key);
      let state: unknown = r.values.custrecord_hc_cp_state;
      try {
        state = stable(JSON.parse(String(state)));
      } catch {
        // kept as text
      }
      (checkpoints[key] ??= []).push(state);
    }
  return { customers, remote, partyIdLines: [...partyIdLines].sort(), temporaryFiles, cabinet, checkpoints };
}

/** Invariants every final state must meet on its own. */
export function expectSound(s: FinalState): void {
  expect(s.temporaryFiles).toEqual([]);
  for (const [hc, list] of Object.entries(s.customers)) expect([hc, list.length]).toEqual([hc, 1]);
  for (const [key, list] of Object.entries(s.checkpoints)) expect([key, list.length]).toEqual([key, 1]);
}

/** Splits 1..total into `parts` interleaved slices, so each test file takes one. */
export function slice(total: number, part: number, parts: number): number[] {
  const out: number[] = [];
  for (let i = 1 + part; i <= total; i += parts) out.push(i);
  return out;
}

/** The on-demand (`_rest`) deployments HotWax starts: the second deployment of the interleaving tests. */
export const ON_DEMAND: Record<string, string> = {
  import: IMPORT_CUSTOMER.onDemandDeploymentId,
  export: EXPORT_CUSTOMER_IDS.onDemandDeploymentId,
};

/** A warm account: the script has run once already (its checkpoint record exists), on nothing. */
export function warm(c: CaseEnv, key: ScriptKey): void {
  expect(runAll(c.env, key).every((r) => r.status === 'COMPLETE')).toBe(true);
}

/**
 * At EVERY charged call of a run of the scheduled deployment, the on-demand deployment is run to
 * completion; afterwards (and one more run for what a run left to the next) the final state is that
 * of one run alone, and no execution failed.
 */
export async function expectInterleavingsSound(
  server: RunningSftpServer,
  key: ScriptKey,
  scenario: (c: CaseEnv) => void,
  isWarm: boolean,
): Promise<void> {
  const prepare = async () => {
    const c = await freshCase(server, 'il');
    if (isWarm) warm(c, key);
    scenario(c);
    return c;
  };
  const base = await prepare();
  const plan = countingPlan();
  expect(runAll(base.env, key, plan).every((r) => r.status === 'COMPLETE')).toBe(true);
  const baseline = finalState(base);
  expectSound(baseline);
  const calls = plan.calls;
  expect(calls.length).toBeGreaterThan(5);
  for (let n = 1; n <= calls.length; n++) {
    const c = await prepare();
    let second: string[] = [];
    const first = runAll(
      c.env,
      key,
      interleaveAt(n, () => {
        second = runAll(c.env, key, undefined, ON_DEMAND[key]).map((r) => r.status);
      }),
      SCRIPTS[key].deploymentId,
    );
    const statuses = [...first.map((r) => r.status), ...second];
    expect([n, calls[n - 1], statuses.every((s) => s === 'COMPLETE')]).toEqual([n, calls[n - 1], true]);
    // What a run left to the next one (a paused feed, a range re-selected) is done by the next run.
    runAll(c.env, key);
    const state = finalState(c);
    expectSound(state);
    expect([n, calls[n - 1], state]).toEqual([n, calls[n - 1], baseline]);
  }
}

/**
 * Each feed an import finished (archived or failed), with the rows its result counts, as the
 * per-feed AUDIT lines of all `runs` say (crashed executions included: a line logged before the crash
 * stays in the execution log; the summary line and run history entry follow it with no charged call
 * in between). After a crash and the re-runs, every feed appears exactly once, with all its rows.
 */
export function feedReports(runs: ExecutionResult[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const r of runs)
    for (const l of r.logs) {
      const m = /^Customer feed (.+): (archived|failed)$/.exec(l.title);
      if (!m) continue;
      const { counts } = JSON.parse(String(l.details)) as { counts: Record<string, number> };
      (out[m[1]] ??= []).push(Object.values(counts).reduce((a, b) => a + b, 0));
    }
  return out;
}
