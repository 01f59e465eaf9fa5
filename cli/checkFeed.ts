/**
 * `check-feed`: what HC_SC_ImportCustomer would do with a HotWax customer feed, row by row, against an
 * empty emulated account or a saved account snapshot. Nothing here re-implements the import's rules:
 *
 * 1. The REAL built import script runs in the emulator with custscript_hc_imp_dry_run = T against an
 *    embedded SFTP server holding just this file; its AUDIT summary gives the counts per outcome.
 * 2. The dry run's summary has no per-row detail, so the same script runs once more for real, in a
 *    throwaway copy of the account (same snapshot, same server, same parameters): its error report
 *    (customer/export/error/<feed>-errors.csv) gives every error row with its line, code and reason,
 *    and the customers it created or linked give the verdict of every other row.
 * 3. Row line numbers come from the script's own CSV reader (readCsv of the built library).
 * The two runs' counts are compared; a difference is reported.
 *
 * `snapshot`: writes an account snapshot of a generated merchant (simulation/population.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { Account, Scheduler } from '../emulator/src';
import type { ExecutionResult } from '../emulator/src';
import { startSftpServer } from '../emulator/src/sftp/servers';
import type { RunningSftpServer } from '../emulator/src/sftp/servers';
import { SCRIPTS, SFTP_LAYOUT, SyncEnvironment } from '../simulation/environment';
import { HotWaxOms, LocalSftpFiles, parseCsv } from '../simulation/hotwax';
import { seedPopulation } from '../simulation/population';
import { intOption, parse, str } from './args';
import type { Io } from './io';
import { CliError, UsageError } from './io';
import type { Snapshot } from './snapshot';
import { loadSnapshot, readSnapshot, snapshotOf, writeSnapshot } from './snapshot';

export const CHECK_FEED_HELP = `Usage: hc-customer-sync check-feed FILE [options]

Tells, row by row, what HC_SC_ImportCustomer would do with a HotWax customer feed (customer-Feed-*.csv):
create a customer, link an existing one, find it already linked, or reject the row (code and reason,
with the line number). The real built import script runs in the NetSuite emulator, first in dry-run
mode (custscript_hc_imp_dry_run), then for real in a throwaway copy of the account to get the verdict
of each row. Nothing outside this process is touched.

Options:
  --snapshot FILE         the account to check against (see "snapshot --help"); default: an empty
                          account (subsidiary 1, NetSuite's standard customer statuses, no customers)
  --oneworld              OneWorld account: customers need a subsidiary (default; a snapshot says)
  --no-oneworld           not a OneWorld account
  --default-subsidiary ID the import's default subsidiary parameter (rows without a subsidiary)
  --match-by-email        the import's "match by email" parameter
  --json                  print the verdicts as JSON

Exit status: 0 when no row is in error, 1 when any row is (or the file cannot be read), 2 for a wrong
command line.
`;

export const SNAPSHOT_HELP = `Usage: hc-customer-sync snapshot --out FILE [--customers N] [--seed N] [--no-oneworld]

Writes an account snapshot (JSON: customers with their ids, external ids, HotWax fields, emails and
inactive flags; subsidiaries; customer statuses; lead sources) of a generated merchant: the NetSuite
customers "simulate" starts from (some sharing an email, two sharing a Shopify id). "simulate --out DIR"
writes DIR/snapshot.json, the account after the whole sync. The format is described in cli/README.md.

Options:
  --out FILE        where to write the snapshot (required)
  --customers N     existing customers to generate (default 200)
  --seed N          random seed (default 1)
  --no-oneworld     a non-OneWorld account
`;

export type Verdict = 'create' | 'link' | 'already linked' | 'error';

export interface RowVerdict {
  line: number;
  hcCustomerId: string;
  verdict: Verdict;
  /** The NetSuite customer the row created (in the throwaway copy) or links to. */
  netsuiteId?: string;
  code?: string;
  message?: string;
}

export interface CheckFeedResult {
  file: string;
  account: string;
  oneWorld: boolean;
  rows: RowVerdict[];
  totals: { create: number; link: number; alreadyLinked: number; error: number };
  /** The dry run's own summary (ImportSummary). */
  dryRun: Record<string, unknown> | null;
  /** Differences between the dry run's counts and the verdicts (normally none). */
  warnings: string[];
  ok: boolean;
}

export interface CheckFeedOptions {
  snapshot?: Snapshot;
  snapshotName?: string;
  oneWorld?: boolean;
  defaultSubsidiary?: string;
  matchByEmail?: boolean;
}

export async function checkFeedCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      snapshot: { type: 'string' },
      oneworld: { type: 'boolean' },
      'no-oneworld': { type: 'boolean' },
      'default-subsidiary': { type: 'string' },
      'match-by-email': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    true,
  );
  if (values.help) {
    io.out(CHECK_FEED_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one feed FILE');
  if (values.oneworld && values['no-oneworld'])
    throw new UsageError('--oneworld and --no-oneworld exclude each other');
  const ds = str(values, 'default-subsidiary');
  if (ds !== undefined && !/^\d+$/.test(ds))
    throw new UsageError('--default-subsidiary takes an internal id');
  const file = path.resolve(io.cwd, positionals[0]);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new CliError(`no such file: ${positionals[0]}`);
  const snapFile = str(values, 'snapshot');
  const snapshot = snapFile ? readSnapshot(path.resolve(io.cwd, snapFile)) : undefined;
  const result = await checkFeed(file, {
    snapshot,
    snapshotName: snapFile,
    oneWorld: values.oneworld ? true : values['no-oneworld'] ? false : undefined,
    defaultSubsidiary: ds,
    matchByEmail: Boolean(values['match-by-email']),
  });
  if (values.json) io.out(JSON.stringify(result, null, 2) + '\n');
  else io.out(renderVerdicts(result));
  return result.ok ? 0 : 1;
}

export function renderVerdicts(r: CheckFeedResult): string {
  const out: string[] = [];
  out.push(`${r.file}: checked against ${r.account} (${r.oneWorld ? 'OneWorld' : 'not OneWorld'})`);
  const hcWidth = Math.min(24, Math.max(12, ...r.rows.map((x) => x.hcCustomerId.length + 2)));
  for (const x of r.rows) {
    const where = x.line > 0 ? `line ${x.line}` : 'file';
    const hc = (x.hcCustomerId || '-').padEnd(hcWidth);
    let what: string;
    if (x.verdict === 'error') what = `error ${x.code}: ${x.message}`;
    else if (x.verdict === 'create') what = 'create a new customer';
    else if (x.verdict === 'link') what = `link NetSuite customer ${x.netsuiteId}`;
    else
      what = x.netsuiteId
        ? `already linked (NetSuite customer ${x.netsuiteId})`
        : `already linked (${x.message})`;
    out.push(`  ${where.padEnd(9)} ${hc} ${what}`);
  }
  const t = r.totals;
  out.push(
    `${r.rows.length} row(s): ${t.create} create, ${t.link} link, ${t.alreadyLinked} already linked, ${t.error} error`,
  );
  for (const w of r.warnings) out.push(`warning: ${w}`);
  return out.join('\n') + '\n';
}

// ------------------------------------------------------------------------------------------

const SETTINGS_RECORD = 'customrecord_ns_sftp_configuration';
const KEY_ID = 'custkey_hc_check_feed';

/** A fresh emulated account holding the snapshot and an SFTP settings record for `server`. */
function makeAccount(
  server: RunningSftpServer,
  baseDir: string,
  o: CheckFeedOptions,
): { account: Account; sftpId: number } {
  const oneWorld = o.oneWorld ?? o.snapshot?.oneWorld ?? true;
  const account = new Account({ oneWorld });
  if (o.snapshot) loadSnapshot(account, o.snapshot);
  account.keys.set(KEY_ID, server.privateKey);
  const sftpId = account.records.create(SETTINGS_RECORD, {
    name: 'HC SFTP (check-feed)',
    custrecord_ns_sftp_server: server.host,
    custrecord_ns_sftp_userid: server.username,
    custrecord_ns_sftp_port_no: server.port,
    custrecord_ns_sftp_host_key: `ecdsa-sha2-nistp256 ${server.hostKey}`,
    custrecord_ns_sftp_guid: KEY_ID,
    custrecord_ns_sftp_default_file_dir: baseDir,
  });
  return { account, sftpId };
}

function runImport(
  account: Account,
  sftpId: number,
  o: CheckFeedOptions,
  dryRun: boolean,
): ExecutionResult[] {
  const { scriptId, deploymentId } = SCRIPTS.import;
  account.setDeploymentParams(scriptId, deploymentId, {
    custscript_hc_imp_sftp_config: sftpId,
    custscript_hc_imp_default_subsidiary: o.defaultSubsidiary ?? '',
    custscript_hc_imp_match_by_email: Boolean(o.matchByEmail),
    custscript_hc_imp_dry_run: dryRun,
  });
  account.tasks.add({
    taskType: 'SCHEDULED_SCRIPT',
    scriptId,
    deploymentId,
    params: {},
    status: 'PENDING',
    submittedAt: account.now(),
  });
  return new Scheduler(account, { maxExecutions: 10000 }).run();
}

function failures(results: ExecutionResult[]): string[] {
  return results
    .filter((r) => r.status !== 'COMPLETE')
    .map((r) => `${r.status}: ${r.error?.name ?? ''} ${r.error?.message ?? ''}`.trim());
}

interface FeedRow {
  lineNumber: number;
  values: Record<string, string>;
}

let feedReader: ((text: string, name: string) => { rows: FeedRow[] }) | null = null;

/** The import's own CSV reader: readCsv and CUSTOMER_FEED_COLUMNS of the built library, in a bare vm context. */
function scriptFeedReader(): (text: string, name: string) => { rows: FeedRow[] } {
  if (feedReader) return feedReader;
  const account = new Account({ oneWorld: false });
  const file = path.join(
    account.fileCabinetRoot,
    'SuiteScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib.js',
  );
  const context = vm.createContext({});
  let factory: ((...a: unknown[]) => unknown) | undefined;
  Object.defineProperty(context, 'define', {
    value: (deps: unknown, f?: unknown) => {
      factory = (typeof deps === 'function' ? deps : f) as (...a: unknown[]) => unknown;
    },
  });
  new vm.Script(fs.readFileSync(file, 'utf8'), { filename: file }).runInContext(context);
  const lib = factory!() as {
    readCsv: (text: string, o: { columns: unknown; fileName: string }) => { rows: FeedRow[] };
    CUSTOMER_FEED_COLUMNS: unknown;
  };
  feedReader = (text, name) => lib.readCsv(text, { columns: lib.CUSTOMER_FEED_COLUMNS, fileName: name });
  return feedReader;
}

function dryRunSummary(results: ExecutionResult[]): Record<string, unknown> | null {
  const s = SyncEnvironment.summaries(results);
  return s.length ? s[s.length - 1] : null;
}

export async function checkFeed(file: string, o: CheckFeedOptions = {}): Promise<CheckFeedResult> {
  const bytes = fs.readFileSync(file);
  const base = path.basename(file);
  const name = /\.csv$/i.test(base) ? base : `${base}.csv`;
  const server = await startSftpServer('embedded');
  try {
    const baseDir = `${server.homeDir.replace(/\/$/, '')}/netsuite/`;
    const local = server.localPath(baseDir);
    for (const dir of SFTP_LAYOUT) fs.mkdirSync(path.join(local, dir), { recursive: true });
    fs.writeFileSync(path.join(local, 'customer/export', name), bytes);

    // 1. The dry run: the script's own counts.
    const dry = makeAccount(server, baseDir, o);
    const dryResults = runImport(dry.account, dry.sftpId, o, true);
    const dryFailures = failures(dryResults);
    if (dryFailures.length)
      throw new CliError(`the import script's dry run failed: ${dryFailures.join('; ')}`);
    const dryRun = dryRunSummary(dryResults);
    if (!fs.existsSync(path.join(local, 'customer/export', name)))
      throw new CliError(
        'the dry run moved the feed: the import script does not honour its dry-run parameter',
      );

    // 2. The same script for real, in a throwaway copy of the account.
    const real = makeAccount(server, baseDir, o);
    const before = new Map<number, string>();
    for (const c of real.account.records.all('customer'))
      before.set(c.id, String(c.values.custentity_hc_customer_id ?? ''));
    const realResults = runImport(real.account, real.sftpId, o, false);
    const realFailures = failures(realResults);
    if (realFailures.length) throw new CliError(`the import script failed: ${realFailures.join('; ')}`);

    // Error rows: the script's error report.
    const stem = name.replace(/\.csv$/i, '');
    const reportFile = path.join(local, 'customer/export/error', `${stem}-errors.csv`);
    const errors = new Map<number, RowVerdict[]>();
    if (fs.existsSync(reportFile)) {
      const [header, ...rows] = parseCsv(fs.readFileSync(reportFile, 'utf8'));
      const col = (h: string) => header.indexOf(h);
      for (const r of rows) {
        if (r.length < header.length) continue;
        const line = Number(r[col('lineNumber')]);
        const v: RowVerdict = {
          line,
          hcCustomerId: r[col('HCCustomerId')],
          verdict: 'error',
          code: r[col('errorCode')],
          message: r[col('errorMessage')],
        };
        errors.set(line, [...(errors.get(line) ?? []), v]);
      }
    }

    // Every other row: what the real run did to the account.
    const byHc = new Map<string, string>();
    for (const c of real.account.records.all('customer')) {
      const hc = String(c.values.custentity_hc_customer_id ?? '');
      if (hc && !byHc.has(hc)) byHc.set(hc, String(c.id));
    }
    const verdicts: RowVerdict[] = [];
    const unreadable = errors.get(0);
    if (unreadable) verdicts.push(...unreadable);
    const parsed = unreadable ? { rows: [] } : scriptFeedReader()(bytes.toString('utf8'), name);
    const lines = new Set<number>();
    const seen = new Set<string>();
    const createdBy = new Map<string, number>();
    for (const row of parsed.rows) {
      lines.add(row.lineNumber);
      const hc = (row.values.HCCustomerId ?? '').trim();
      const err = errors.get(row.lineNumber);
      if (err) {
        verdicts.push(...err);
        continue;
      }
      const id = byHc.get(hc);
      let verdict: Verdict;
      if (!id) {
        verdicts.push({
          line: row.lineNumber,
          hcCustomerId: hc,
          verdict: 'error',
          code: 'CHECK_FEED_UNKNOWN',
          message: 'the import neither reported this row nor left a customer with its HC customer id',
        });
        continue;
      }
      const createdAt = createdBy.get(hc);
      if (createdAt !== undefined) {
        // A second row for a customer an earlier row of this feed creates.
        verdicts.push({
          line: row.lineNumber,
          hcCustomerId: hc,
          verdict: 'already linked',
          message: `the customer line ${createdAt} creates`,
        });
        continue;
      }
      if (seen.has(hc)) verdict = 'already linked';
      else if (!before.has(Number(id))) verdict = 'create';
      else verdict = before.get(Number(id)) === hc ? 'already linked' : 'link';
      seen.add(hc);
      if (verdict === 'create') createdBy.set(hc, row.lineNumber);
      verdicts.push({
        line: row.lineNumber,
        hcCustomerId: hc,
        verdict,
        netsuiteId: verdict === 'create' ? undefined : id,
      });
    }
    // Error lines the reader does not list as rows (malformed records: unclosed quote, ...).
    for (const [line, errs] of errors) if (line > 0 && !lines.has(line)) verdicts.push(...errs);
    verdicts.sort((a, b) => a.line - b.line);

    const totals = { create: 0, link: 0, alreadyLinked: 0, error: 0 };
    for (const v of verdicts) {
      if (v.verdict === 'create') totals.create++;
      else if (v.verdict === 'link') totals.link++;
      else if (v.verdict === 'already linked') totals.alreadyLinked++;
      else totals.error++;
    }
    const warnings: string[] = [];
    const dt = (dryRun?.totals ?? null) as Record<string, number> | null;
    if (dryRun?.paused)
      warnings.push(
        'the dry run stopped for governance before the end of the feed (a dry run does not reschedule); its counts cover part of the file',
      );
    else if (dt) {
      const pairs: [string, number, number][] = [
        ['created', dt.created, totals.create],
        ['linked', dt.linked, totals.link],
        ['alreadyLinked', dt.alreadyLinked, totals.alreadyLinked],
        ['errors', dt.errors, totals.error],
      ];
      for (const [k, a, b] of pairs)
        if (a !== b)
          warnings.push(
            `the dry run counted ${a} ${k}, the real run ${b} (a save failed that the dry run cannot see?)`,
          );
    } else warnings.push('the dry run wrote no summary');
    const oneWorld = o.oneWorld ?? o.snapshot?.oneWorld ?? true;
    return {
      file,
      account: o.snapshot
        ? `snapshot ${o.snapshotName ?? ''} (${o.snapshot.customers.length} customers)`.replace('  ', ' ')
        : 'an empty account',
      oneWorld,
      rows: verdicts,
      totals,
      dryRun,
      warnings,
      ok: totals.error === 0,
    };
  } finally {
    await server.stop();
  }
}

// ------------------------------------------------------------------------------------------

export async function snapshotCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    out: { type: 'string' },
    customers: { type: 'string' },
    seed: { type: 'string' },
    'no-oneworld': { type: 'boolean' },
  });
  if (values.help) {
    io.out(SNAPSHOT_HELP);
    return 0;
  }
  const out = str(values, 'out');
  if (!out) throw new UsageError('--out FILE is required');
  const customers = intOption(values, 'customers', 200, 2);
  const seed = intOption(values, 'seed', 1);
  const env = await SyncEnvironment.start({ sftp: 'embedded', oneWorld: !values['no-oneworld'] });
  try {
    const oms = new HotWaxOms(new LocalSftpFiles(env.localBase));
    seedPopulation(env, oms, { existing: customers, newInHotWax: 0, seed });
    const s = snapshotOf(env.account);
    writeSnapshot(path.resolve(io.cwd, out), s);
    io.out(
      `Wrote ${out}: ${s.customers.length} customers, ${s.subsidiaries.length} subsidiaries, ${s.statuses.length} statuses\n`,
    );
  } finally {
    await env.stop();
  }
  return 0;
}
