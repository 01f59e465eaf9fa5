/**
 * `simulate`: the whole documented sync on a generated merchant (simulation/scenario.ts), step by
 * step, ending with the reconciliation. Exit status 1 when the reconciliation fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { intOption, outputDir, parse, str } from './args';
import type { Options } from './args';
import type { Io } from './io';
import { CliError, UsageError } from './io';
import { describeTarget, readSftpTarget, secretsOf } from './sftpOptions';
import { explain } from './sftpCheck';
import type { SftpTarget } from './sftpOptions';
import { writeSnapshot, snapshotOf } from './snapshot';
import { runScenario } from '../simulation/scenario';
import type { ProgressEvent, ScenarioReport, StepReport } from '../simulation/scenario';
import type { EnvironmentOptions, SyncEnvironment } from '../simulation/environment';
import { RemoteSftpFiles } from '../simulation/remoteFiles';
import { checkHeapFor, MemoryTracker, renderMemory } from './memory';
import { checkPortFree, servePage, statusPageUrl } from './statusPage';
import { Progress } from './progress';

export const SIMULATE_HELP = `Usage: hc-customer-sync simulate [options]

Runs the whole customer sync locally, in the order of HotWax's "Sync Customer" documentation, on a
generated merchant: a OneWorld NetSuite account (emulated, running the built SuiteScript files) with
existing customers, the same customers in a simulated HotWax OMS plus new ones, and an SFTP server.
Steps: historical export, upload, HotWax links its customers, HotWax writes a customer feed (with
a few bad rows and one customer NetSuite already has), import, id export, HotWax stores the ids.
Ends with a reconciliation: every HotWax customer has exactly one NetSuite customer.

Options:
  --customers N          existing NetSuite customers to generate (default 2000)
  --new N                customers only HotWax has (default 10% of --customers, at least 5)
  --seed N               random seed; the same seed gives the same merchant (default 1)
  --server KIND          local SFTP server: embedded (default) or openssh (needs sshd, root)
  --out DIR              keep everything: SFTP tree, File Cabinet, logs (JSONL), report.json,
                         report.md and snapshot.json (an account snapshot for check-feed)
  --json                 print the report as JSON instead of text
  --quiet                no progress display
  --serve                then serve the status page (HC_SL_CustomerSync) until interrupted
  --port N               port of the status page on 127.0.0.1 (default 8719)

A real SFTP server instead of a local one (never printed, never written to --out: the credential):
  --sftp-host HOST  --sftp-port PORT (default 22)  --sftp-user USER
  --sftp-key FILE            private key file, or
  --sftp-password-env VAR    name of the environment variable holding the password
  --sftp-host-key KEY        the server's public host key: base64, or "type base64"
  --sftp-dir DIR             remote base directory, e.g. /home/acme/netsuite/

Exit status: 0 when the reconciliation passes, 1 when it fails, 2 for a wrong command line.
`;

export interface SimulateResult {
  report: ScenarioReport;
  steps: StepView[];
}

interface StepView {
  report: StepReport;
  seconds: number;
  written: string[];
  removed: string[];
}

type Tree = Map<string, number>;

const SIMULATE_OPTIONS: Options = {
  customers: { type: 'string' },
  new: { type: 'string' },
  seed: { type: 'string' },
  server: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
  serve: { type: 'boolean' },
  port: { type: 'string' },
  'sftp-host': { type: 'string' },
  'sftp-port': { type: 'string' },
  'sftp-user': { type: 'string' },
  'sftp-key': { type: 'string' },
  'sftp-password-env': { type: 'string' },
  'sftp-host-key': { type: 'string' },
  'sftp-dir': { type: 'string' },
};

type Values = ReturnType<typeof parse>['values'];

/** The command line's merchant, server and output, checked before any work starts. */
interface SimulateSettings {
  values: Values;
  customers: number;
  port: number;
  seed: number;
  newCustomers: number | undefined;
  server: string;
  target: SftpTarget | null;
  outDir: string | null;
}

export async function simulateCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, SIMULATE_OPTIONS);
  if (values.help) {
    io.out(SIMULATE_HELP);
    return 0;
  }
  const settings = readSettings(values, io);
  if (values.serve) await checkPortFree(settings.port);
  const progress = new Progress(io, !values.quiet && !values.json);
  const hotwaxFiles = connectRemote(settings.target, progress);
  const memory = new MemoryTracker();
  const views: StepView[] = [];
  let result: Awaited<ReturnType<typeof runScenario>>;
  try {
    result = await runScenario({
      customers: settings.customers,
      seed: settings.seed,
      newCustomers: settings.newCustomers,
      sftp: sftpOption(settings),
      credential: settings.target ? (settings.target.privateKey ? 'key' : 'secret') : undefined,
      hotwaxFiles,
      onProgress: stepRecorder(views, memory, progress, hotwaxFiles),
    });
  } catch (e) {
    progress.clear();
    hotwaxFiles?.close();
    throw e;
  }
  progress.clear();
  const { report, env } = result;
  try {
    report.steps.forEach((s, i) => {
      if (views[i]) views[i].report = s;
    });
    await present(settings, io, { report, env, views, hotwaxFiles, memory });
  } finally {
    hotwaxFiles?.close();
    await env.stop();
  }
  return report.reconciliation.ok ? 0 : 1;
}

function readSettings(values: Values, io: Io): SimulateSettings {
  const customers = intOption(values, 'customers', 2000, 2);
  const port = intOption(values, 'port', 8719, 0, 65535);
  const seed = intOption(values, 'seed', 1);
  const newCustomers = values.new === undefined ? undefined : intOption(values, 'new', 0);
  checkHeapFor(
    customers,
    customers + (newCustomers ?? Math.max(5, Math.round(customers / 10))),
    `--customers ${customers}${newCustomers === undefined ? '' : ` --new ${newCustomers}`}`,
  );
  const server = str(values, 'server') ?? 'embedded';
  if (server !== 'embedded' && server !== 'openssh')
    throw new UsageError(`--server is embedded or openssh (got "${server}")`);
  const remote = Object.keys(values).some((k) => k.startsWith('sftp-'));
  const target: SftpTarget | null = remote
    ? readSftpTarget(
        values,
        {
          host: 'sftp-host',
          port: 'sftp-port',
          user: 'sftp-user',
          key: 'sftp-key',
          passwordEnv: 'sftp-password-env',
          hostKey: 'sftp-host-key',
          dir: 'sftp-dir',
        },
        io,
      )
    : null;
  // Checked (and created) before the simulation, not after minutes of it.
  const outDir = str(values, 'out') ? outputDir(io.cwd, 'out', str(values, 'out')!) : null;
  return { values, customers, port, seed, newCustomers, server, target, outDir };
}

function connectRemote(target: SftpTarget | null, progress: Progress): RemoteSftpFiles | undefined {
  if (!target) return undefined;
  progress.line(`Connecting to ${describeTarget(target)}`);
  try {
    return new RemoteSftpFiles({ ...target, directory: target.directory });
  } catch (e) {
    throw new CliError(`cannot reach the SFTP server: ${explain(e, target)}`);
  }
}

function sftpOption({ target, server }: SimulateSettings): EnvironmentOptions['sftp'] {
  if (!target) return server as 'embedded' | 'openssh';
  const { host, port, username, hostKey, password, privateKey, directory } = target;
  return { host, port, username, hostKey, password, privateKey, directory };
}

/** Progress and, per step, its seconds and the files it wrote or moved away (report filled in later). */
function stepRecorder(
  views: StepView[],
  memory: MemoryTracker,
  progress: Progress,
  hotwaxFiles: RemoteSftpFiles | undefined,
): (e: ProgressEvent) => void {
  let before: { sftp: Tree; cabinet: Tree } | null = null;
  let stepStarted = 0;
  const treeOf = (env: SyncEnvironment) => ({ sftp: sftpTree(env, hotwaxFiles), cabinet: cabinetTree(env) });
  return (e) => {
    memory.sample();
    if (e.phase === 'start') {
      before = treeOf(e.env);
      stepStarted = Date.now();
      progress.step(e.index, e.total, e.step);
      return;
    }
    const diff = diffTrees(before!, treeOf(e.env));
    views.push({
      report: undefined as unknown as StepReport,
      seconds: (Date.now() - stepStarted) / 1000,
      ...diff,
    });
    progress.step(e.index, e.total, e.step, true);
  };
}

interface Finished {
  report: ScenarioReport;
  env: SyncEnvironment;
  views: StepView[];
  hotwaxFiles: RemoteSftpFiles | undefined;
  memory: MemoryTracker;
}

/** --out, the report (text or JSON) and the status page. */
async function present(settings: SimulateSettings, io: Io, run: Finished): Promise<void> {
  const { values, target, outDir, port } = settings;
  const { report, env, views, hotwaxFiles } = run;
  if (outDir)
    writeOut(
      outDir,
      env,
      report,
      views,
      hotwaxFiles,
      target ? secretsOf(target) : secretsOf(env.server ?? {}),
    );
  const mem = run.memory.report();
  if (values.json)
    io.out(JSON.stringify({ ...report, memory: mem, files: views.map(stepFiles) }, null, 2) + '\n');
  else
    io.out(
      renderText(report, views, describeSftp(env, target)) +
        renderMemory(mem) +
        '\n' +
        (outDir ? `\nEverything written is in ${outDir}\n` : ''),
    );
  // The status page of the simulated account (README "The status page").
  if (values.serve) await servePage(env.account, port, io, !!values.json);
  else if (!values.json) {
    // Nothing serves the page once this process ends: the last line says how to see it. Only the
    // merchant's options are repeated (never the SFTP ones: a pasted password must not be echoed).
    const again = ['customers', 'new', 'seed', 'port']
      .filter((k) => values[k] !== undefined)
      .map((k) => `--${k} ${String(values[k])}`);
    io.out(
      `\nTo open this account's status page, run the same simulation serving it: npm start -- ${[...again, '--serve'].join(' ')} (then ${statusPageUrl(port)})\n`,
    );
  }
}

function describeSftp(env: SyncEnvironment, target: SftpTarget | null): string {
  if (target) return describeTarget(target);
  const s = env.server!;
  return `${s.kind} server ${s.username}@${s.host}:${s.port} ${env.baseDir}`;
}

function stepFiles(v: StepView) {
  return { step: v.report?.step, seconds: v.seconds, written: v.written, removed: v.removed };
}

// ------------------------------------------------------------------ files written per step

function walkLocal(root: string, rel = '', out: Tree = new Map()): Tree {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walkLocal(root, p, out);
    else out.set(p, fs.statSync(path.join(root, p)).size);
  }
  return out;
}

function sftpTree(env: SyncEnvironment, remote?: RemoteSftpFiles): Tree {
  if (remote) return new Map(remote.walk().map((p) => [p, 0]));
  return walkLocal(env.localBase);
}

function cabinetTree(env: SyncEnvironment): Tree {
  const t: Tree = new Map();
  for (const f of env.account.files.list()) t.set(`File Cabinet ${env.account.files.pathOf(f)}`, f.size);
  return t;
}

function diffTrees(a: { sftp: Tree; cabinet: Tree }, b: { sftp: Tree; cabinet: Tree }) {
  const written: string[] = [];
  const removed: string[] = [];
  for (const [k, v] of b.sftp) if (a.sftp.get(k) !== v) written.push(`SFTP ${k}`);
  for (const k of a.sftp.keys()) if (!b.sftp.has(k)) removed.push(`SFTP ${k}`);
  for (const [k, v] of b.cabinet) if (a.cabinet.get(k) !== v) written.push(k);
  for (const k of a.cabinet.keys()) if (!b.cabinet.has(k)) removed.push(k);
  return { written, removed };
}

// ------------------------------------------------------------------ text report

function fmtValue(v: unknown): string | null {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v.length <= 80 ? v : `${v.slice(0, 77)}...`;
  if (Array.isArray(v)) return `${v.length}`;
  if (v && typeof v === 'object') {
    const parts = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => typeof x === 'number' || typeof x === 'boolean')
      .map(([k, x]) => `${k} ${fmtValue(x)}`);
    return parts.length ? parts.join(', ') : null;
  }
  return null;
}

/** One line per summary field worth showing (file lists are shown as files written). */
function outcomeLines(outcome: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const summaries = outcome.summaries as Record<string, unknown>[] | undefined;
  if (summaries) {
    // Executions of one run: totals of the last one, per-execution details only when they matter.
    summaries.forEach((s, i) => {
      const label = summaries.length > 1 ? `execution ${i + 1}: ` : '';
      const parts: string[] = [];
      for (const [k, v] of Object.entries(s)) {
        if (k === 'files' && Array.isArray(v)) {
          parts.push(`files ${v.length}`);
          continue;
        }
        const f = fmtValue(v);
        if (f !== null) parts.push(`${k}: ${f}`);
      }
      lines.push(label + parts.join('; '));
    });
    return lines;
  }
  const parts: string[] = [];
  for (const [k, v] of Object.entries(outcome)) {
    const f = fmtValue(v);
    if (f !== null) parts.push(`${k}: ${f}`);
  }
  return [parts.join('; ')];
}

function listFiles(label: string, files: string[], max = 6): string[] {
  if (!files.length) return [];
  const shown = files.slice(0, max).map((f) => `      ${label} ${f}`);
  if (files.length > max) shown.push(`      ${label} ... and ${files.length - max} more`);
  return shown;
}

export function renderText(report: ScenarioReport, views: StepView[], sftp: string): string {
  const o = report.options;
  const out: string[] = [];
  out.push(
    `Simulated sync: ${o.customers} existing NetSuite customers, ${o.newCustomers} new in HotWax, seed ${o.seed}`,
  );
  out.push(`SFTP: ${sftp}`);
  out.push('');
  report.steps.forEach((s, i) => {
    const v = views[i];
    const head = [`${i + 1}. ${s.step}`];
    if (s.status) head.push(s.status);
    if (s.executions !== undefined) head.push(`${s.executions} execution${s.executions === 1 ? '' : 's'}`);
    if (s.units !== undefined) head.push(`${s.units} units`);
    if (v) head.push(`${v.seconds.toFixed(1)} s`);
    out.push(head.join(' | '));
    for (const l of outcomeLines(s.outcome)) out.push(`    ${l}`);
    if (v) {
      if (v.written.length) out.push(`    files written: ${v.written.length}`);
      out.push(...listFiles('+', v.written));
      if (v.removed.length) out.push(`    files moved away or deleted: ${v.removed.length}`);
      out.push(...listFiles('-', v.removed, 3));
    }
  });
  const r = report.reconciliation;
  out.push('');
  out.push(`Reconciliation: ${r.ok ? 'OK' : 'FAILED'}`);
  out.push(`    HotWax customers:                              ${r.hotwaxCustomers}`);
  out.push(`    with exactly one NetSuite customer:            ${r.withNetSuiteId - r.duplicatesFound}`);
  out.push(`    without a NetSuite id:                         ${r.withoutNetSuiteId}`);
  out.push(`    duplicates found:                              ${r.duplicatesFound}`);
  out.push(`    feed rows:                                     ${r.feedRows}`);
  out.push(`    rows accounted for (created/linked/errors):    ${r.rowsAccountedFor}`);
  out.push(`    rows unaccounted for:                          ${r.rowsUnaccountedFor}`);
  out.push(`    Shopify id on two NetSuite customers reported: ${r.sharedShopifyIdsReported ? 'yes' : 'no'}`);
  for (const p of r.problems.slice(0, 20)) out.push(`    problem: ${p}`);
  if (r.problems.length > 20) out.push(`    ... and ${r.problems.length - 20} more problems`);
  out.push(`Wall time: ${report.wallSeconds.toFixed(1)} s`);
  return out.join('\n') + '\n';
}

function renderMarkdown(report: ScenarioReport, views: StepView[], sftp: string): string {
  return `# Simulated HotWax ⇄ NetSuite customer sync\n\n\`\`\`\n${renderText(report, views, sftp)}\`\`\`\n`;
}

// ------------------------------------------------------------------ --out

function writeOut(
  dir: string,
  env: SyncEnvironment,
  report: ScenarioReport,
  views: StepView[],
  remote: RemoteSftpFiles | undefined,
  secrets: string[],
): void {
  fs.mkdirSync(dir, { recursive: true });
  const sftpDir = path.join(dir, 'sftp');
  fs.rmSync(sftpDir, { recursive: true, force: true });
  if (remote) {
    for (const rel of remote.walk()) {
      const p = path.join(sftpDir, rel);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, remote.readBytes(rel));
    }
  } else fs.cpSync(env.localBase, sftpDir, { recursive: true });
  const cabDir = path.join(dir, 'filecabinet');
  fs.rmSync(cabDir, { recursive: true, force: true });
  for (const f of env.account.files.list()) {
    const rel = env.account.files.pathOf(f).replace(/^\/+/, '');
    const p = path.join(cabDir, rel);
    if (!p.startsWith(cabDir + path.sep)) continue;
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, f.isText ? Buffer.from(f.contents, 'utf8') : Buffer.from(f.contents, 'base64'));
  }
  fs.writeFileSync(
    path.join(dir, 'logs.jsonl'),
    env.account.logs.map((l) => JSON.stringify({ ...l, time: l.time.toISOString() })).join('\n') + '\n',
  );
  const where = remote ? 'remote SFTP server' : `${env.server!.kind} SFTP server`;
  fs.writeFileSync(
    path.join(dir, 'report.json'),
    JSON.stringify({ ...report, files: views.map(stepFiles) }, null, 2) + '\n',
  );
  fs.writeFileSync(path.join(dir, 'report.md'), renderMarkdown(report, views, where));
  writeSnapshot(path.join(dir, 'snapshot.json'), snapshotOf(env.account));
  // Belt and braces: nothing written may hold the SFTP password or private key.
  const leaks = secrets.length ? filesContaining(dir, secrets) : [];
  if (leaks.length) {
    for (const f of leaks) fs.rmSync(f, { force: true });
    throw new CliError(`a credential was found in ${leaks.length} written file(s); they were deleted`);
  }
}

function filesContaining(dir: string, needles: string[]): string[] {
  const hits: string[] = [];
  for (const rel of walkLocal(dir).keys()) {
    const p = path.join(dir, rel);
    const text = fs.readFileSync(p, 'latin1');
    if (needles.some((n) => text.includes(n))) hits.push(p);
  }
  return hits;
}
