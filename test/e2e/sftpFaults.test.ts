/**
 * SFTP faults against the real server: the connection reset during a download, an upload and a move
 * (a TCP proxy on loopback, test/support/dropProxyWorker.cjs, between the emulator's SFTP bridge and the
 * server drops it at a chosen SFTP request), and a disk that is full (the upload's temporary file is a
 * symlink to /dev/full, so the server's write fails with ENOSPC and answers SSH_FX_FAILURE, as a full
 * disk makes it). The execution fails with an error (no crash), and the next runs end in the state of
 * a run without the fault: no customer twice, no row lost, no temporary file left.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RunningSftpServer, FaultPlan } from '../../emulator/src';
import { atCall, crashAt } from '../../emulator/src';
import type { ScriptKey } from '../../simulation/environment';
import { startDropProxy } from '../support/dropProxy';
import type { DropProxy } from '../support/dropProxy';
import type { CaseEnv } from './crashHarness';
import { expectSound, finalState, freshCase, kind, runAll, startServer } from './crashHarness';
import { exportScenario, historicalScenario, importScenario } from './crashScenarios';

let server: RunningSftpServer;
let proxy: DropProxy;
beforeAll(async () => {
  // Each Connection its own SSH session through the proxy, as the faults it injects need.
  server = await startServer(false);
  proxy = startDropProxy(server.host, server.port);
});
afterAll(async () => {
  await proxy?.stop();
  await server?.stop();
});

interface Flow {
  scenario: (c: CaseEnv) => void;
  /** Scripts run before the one the fault hits (no fault). */
  before: ScriptKey[];
  key: ScriptKey;
}
const FLOWS: Record<string, Flow> = {
  import: { scenario: (c) => importScenario(c, 3), before: [], key: 'import' },
  'id export': { scenario: exportScenario, before: [], key: 'export' },
  'historical upload': { scenario: historicalScenario, before: ['generate'], key: 'upload' },
};

async function baselineOf(flow: Flow) {
  const c = await freshCase(server, 'fault-base');
  flow.scenario(c);
  for (const k of [...flow.before, flow.key])
    expect(runAll(c.env, k).every((r) => r.status === 'COMPLETE')).toBe(true);
  const s = finalState(c);
  expectSound(s);
  return s;
}

/** Runs the flow with `fault` on its script, then re-runs that script until it completes. */
async function withFault(flow: Flow, fault: (c: CaseEnv) => FaultPlan, port = proxy.port) {
  const c = await freshCase(server, 'fault', port);
  flow.scenario(c);
  for (const k of flow.before) runAll(c.env, k);
  const faulty = runAll(c.env, flow.key, fault(c));
  const leftBehind = finalState(c).temporaryFiles;
  const reruns: string[] = [];
  for (let i = 0; i < 3 && !reruns.includes('COMPLETE'); i++)
    reruns.push(...runAll(c.env, flow.key).map((r) => r.status));
  return { c, faulty, leftBehind, reruns, state: finalState(c) };
}

const resets: [string, string, string, number][] = [
  ['import', 'download', 'sftp.Connection.download', 1],
  ['import', 'upload (error report)', 'sftp.Connection.upload', 2],
  ['import', 'move (report into place)', 'sftp.Connection.move', 1],
  ['import', 'move (feed to archive)', 'sftp.Connection.move', 2],
  ['id export', 'upload', 'sftp.Connection.upload', 2],
  ['id export', 'move', 'sftp.Connection.move', 1],
  ['historical upload', 'upload', 'sftp.Connection.upload', 2],
  ['historical upload', 'move', 'sftp.Connection.move', 1],
];

describe(`SFTP faults against ${kind}`, () => {
  test.each(resets)('%s: connection reset during the %s', async (flowName, _what, api, nth) => {
    const flow = FLOWS[flowName];
    const baseline = await baselineOf(flow);
    const before = proxy.drops();
    // Armed just before the call: the request of the call itself (1), or a write after the open (3), is dropped.
    const r = await withFault(flow, () => atCall(api, nth, () => proxy.arm(api.endsWith('upload') ? 3 : 1)));
    expect(proxy.drops()).toBe(before + 1);
    // The drop after the open (upload) or at the rename (move) leaves a temporary file the next run
    // must remove (chunk boundaries are the client's; checked where CI runs, OpenSSH).
    if (!api.endsWith('download') && kind === 'openssh') expect(r.leftBehind).not.toEqual([]);
    // The scripts end in error, except the import, which reports a feed it cannot read or finish
    // (its ERROR line) and goes on; either way the fault was felt (the drop) and the re-runs finish it.
    if (flowName !== 'import') expect(r.faulty.some((x) => x.status === 'FAILED')).toBe(true);
    expect(r.faulty.some((x) => x.status === 'CRASHED')).toBe(false);
    expect(r.reruns).toContain('COMPLETE');
    expectSound(r.state);
    expect(r.state).toEqual(baseline);
  });

  test.each(['import', 'historical upload'])('%s: disk full while writing', async (flowName) => {
    const flow = FLOWS[flowName];
    const baseline = await baselineOf(flow);
    // The next upload's temporary file points at /dev/full: every write to it fails (ENOSPC).
    const full = (c: CaseEnv, names: string[]) => {
      for (const n of names) fs.symlinkSync('/dev/full', path.join(c.base, n));
    };
    const r = await withFault(
      flow,
      (c) =>
        flowName === 'import'
          ? // The error report's name carries the feed's tag, in the checkpoint once the feed is taken up.
            atCall('sftp.Connection.upload', 1, () => {
              const cp = [...c.env.account.records.all('customrecord_hc_sync_checkpoint')].find(
                (x) => x.values.custrecord_hc_cp_key === 'import',
              );
              const tag = (JSON.parse(String(cp?.values.custrecord_hc_cp_state)) as { tag: string }).tag;
              full(c, [
                `customer/export/error/.customer-Feed-2026-11-26-10-00-00-000-${tag}-errors.csv.part`,
              ]);
            })
          : (full(
              c,
              c.env.account.files
                .list()
                .filter((f) => f.name.endsWith('.csv'))
                .map((f) => `historicalshopifycustomer/csv/.${f.name}.part`),
            ),
            { shouldCrash: () => false }),
      server.port,
    );
    // The upload ends in error; the import says so in an ERROR line naming the folder and keeps the feed.
    if (flowName !== 'import') expect(r.faulty.some((x) => x.status === 'FAILED')).toBe(true);
    expect(r.faulty.some((x) => x.status === 'CRASHED')).toBe(false);
    expect(JSON.stringify(r.faulty.map((x) => x.logs))).toMatch(/\.csv/);
    expect(r.reruns).toContain('COMPLETE');
    expectSound(r.state);
    expect(r.state).toEqual(baseline);
  });

  test.each([
    ['crashed', 'CRASHED'],
    ['failed', 'FAILED'],
  ])(
    'import: a temporary file an execution that %s left is removed by the next run, whatever report it writes',
    async (_how, status) => {
      const c = await freshCase(server, 'leftover');
      importScenario(c, 3);
      const feedFolder = path.join(c.base, 'customer/export');
      if (status === 'FAILED') {
        // customer/export/ cannot be listed (a file in its place, the feeds set aside): the execution
        // ends in error after taking the lease; an earlier interrupted upload left a temporary file.
        fs.renameSync(feedFolder, `${feedFolder}.aside`);
        fs.writeFileSync(feedFolder, 'not a folder');
        fs.writeFileSync(
          path.join(`${feedFolder}.aside`, 'required_fields_missing/.older-feed.csv.part'),
          'half',
        );
      }
      const first = runAll(
        c.env,
        'import',
        status === 'CRASHED' ? crashAt('sftp.Connection.move', 1) : undefined,
      );
      expect(first.map((r) => r.status)).toContain(status);
      const before = finalState(c).temporaryFiles;
      // Report names of later runs need not be the same (a renamed feed, a unique report name): the
      // leftover must go even though no upload of its name follows.
      for (const t of before)
        fs.renameSync(
          path.join(c.base, t),
          path.join(c.base, path.dirname(t), '.not-written-again.csv.part'),
        );
      if (status === 'FAILED') {
        fs.rmSync(feedFolder);
        fs.renameSync(`${feedFolder}.aside`, feedFolder);
      }
      expect(before).not.toEqual([]);
      expect(runAll(c.env, 'import').every((r) => r.status === 'COMPLETE')).toBe(true);
      expect(finalState(c).temporaryFiles).toEqual([]);
    },
  );
});
