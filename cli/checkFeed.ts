/**
 * `check-feed`: what HC_SC_ImportCustomer would do with a HotWax customer feed, row by row, against an
 * empty emulated account or a saved account snapshot. Nothing here re-implements the import's rules:
 * the REAL built import script runs once in the emulator with custscript_hc_imp_dry_run = T against an
 * embedded SFTP server holding just this file, and its own per-row verdict file
 * (customer/export/dry_run/<feed stem>-<modified UTC>-dry-run.csv: line, HC customer id, outcome, NetSuite customer,
 * error code and message) is what check-feed prints. The script's AUDIT lines tell whether the dry run
 * reached the end of the feed (a dry run does not reschedule: a feed too big for one execution's
 * governance is only partly checked, which is reported, never hidden, and the product's usage limit
 * is kept as it is).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Account, Scheduler, startSftpServer } from '../emulator/src';
import { SDF_PROJECT_DIR } from '../simulation/project';
import { DRY_RUN_REPORT_HEADER } from '../src/TypeScripts/HotWaxCustomerSync/core/hotwaxFiles';
import type { ExecutionResult, RunningSftpServer } from '../emulator/src';
import { SCRIPTS, SFTP_LAYOUT, SyncEnvironment } from '../simulation/environment';
import { parseCsv } from '../simulation/hotwax';
import { inputFile, parse, str } from './args';
import type { Io } from './io';
import { CliError, UsageError } from './io';
import type { Snapshot } from './snapshot';
import { loadSnapshot, readSnapshot } from './snapshot';

export const CHECK_FEED_HELP = `Usage: hc-customer-sync check-feed FILE [options]

Tells, row by row, what HC_SC_ImportCustomer would do with a HotWax customer feed (customer-Feed-*.csv):
create a customer, link an existing one, find it already linked, or reject the row (code and reason,
with the line number). The real built import script runs once in the NetSuite emulator in dry-run
mode (custscript_hc_imp_dry_run) and the verdicts are those of its own dry-run report. Nothing outside
this process is touched.

Options:
  --snapshot FILE         the account to check against (see "snapshot --help"); default: an empty
                          account (subsidiary 1, NetSuite's standard customer statuses, no customers)
  --oneworld              OneWorld account: customers need a subsidiary (default; a snapshot says)
  --no-oneworld           not a OneWorld account
  --default-subsidiary ID the import's default subsidiary parameter (rows without a subsidiary)
  --match-by-email        the import's "match by email" parameter
  --json                  print the verdicts as JSON

Exit status: 0 when no row is in error, 1 when any row is (or the file cannot be read as a feed, or the dry run
stopped for governance before the end of the feed), 2 for a wrong command line (a FILE or
--snapshot that is missing or a folder included).
`;

export type Verdict = 'create' | 'link' | 'already linked' | 'error';

export interface RowVerdict {
  line: number;
  hcCustomerId: string;
  verdict: Verdict;
  /** The NetSuite customer the row links to or finds already linked (none for a customer to create). */
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
  /** The dry run's own AUDIT summary. */
  dryRun: Record<string, unknown> | null;
  /** false when the dry run stopped for governance before the end of the feed. */
  complete: boolean;
  /** An incomplete check, or a verdict file that disagrees with the dry run's summary (normally none). */
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
  // The options first: "--default-subsidiary FILE" would otherwise read as a missing FILE.
  const ds = str(values, 'default-subsidiary');
  if (ds !== undefined && !/^\d+$/.test(ds))
    throw new UsageError(
      '--default-subsidiary takes the internal id of a subsidiary (a whole number, e.g. 2)',
    );
  if (values.oneworld && values['no-oneworld'])
    throw new UsageError('--oneworld and --no-oneworld exclude each other');
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length
        ? `give exactly one feed FILE (got ${positionals.length})`
        : 'give the feed FILE to check',
    );
  const file = inputFile(io.cwd, 'FILE', positionals[0], 'HotWax customer feed (customer-Feed-*.csv)');
  const snapFile = str(values, 'snapshot');
  const snapshot = snapFile
    ? readSnapshot(inputFile(io.cwd, '--snapshot', snapFile, 'account snapshot (see snapshot --help)'))
    : undefined;
  const result = await checkFeed(file, {
    snapshot,
    snapshotName: snapFile,
    oneWorld: values.oneworld ? true : values['no-oneworld'] ? false : undefined,
    defaultSubsidiary: ds,
    matchByEmail: Boolean(values['match-by-email']),
  });
  // Shown as given (relative to where the command runs), not as this machine's absolute path.
  result.file = positionals[0];
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
    else if (x.verdict === 'link')
      what = x.netsuiteId ? `link NetSuite customer ${x.netsuiteId}` : `link (${x.message})`;
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
  const account = new Account({ sdfProjectDir: SDF_PROJECT_DIR, oneWorld });
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

/** Runs the import's deployment once with the check's parameters, as "Save and Execute" would. */
function runDryRun(account: Account, sftpId: number, o: CheckFeedOptions): ExecutionResult[] {
  const { scriptId, deploymentId } = SCRIPTS.import;
  // The import's settings are company preferences (one value for every deployment); dry run is the deployment's.
  account.setCompanyPreferences({
    custscript_hc_imp_sftp_config: sftpId,
    custscript_hc_imp_default_subsidiary: o.defaultSubsidiary ?? '',
    custscript_hc_imp_match_by_email: Boolean(o.matchByEmail),
  });
  account.setDeploymentParams(scriptId, deploymentId, { custscript_hc_imp_dry_run: true });
  account.tasks.add({
    taskType: 'SCHEDULED_SCRIPT',
    scriptId,
    deploymentId,
    params: {},
    status: 'PENDING',
    submittedAt: account.now(),
  });
  // A dry run never reschedules: one execution, with the product's own usage limit.
  return new Scheduler(account, { maxExecutions: 10 }).run();
}

/** The import's own header for the file (the product's constant, not a copy of it). */
const VERDICT_COLUMNS = DRY_RUN_REPORT_HEADER;
const OUTCOMES: readonly string[] = ['create', 'link', 'already linked', 'error'];

/**
 * The dry run's verdict file (customer/export/dry_run/<stem>-<modified UTC>-dry-run.csv), one
 * RowVerdict per row. Values are printed as the file holds them: cells a spreadsheet would run as a
 * formula carry the leading `'` the import writes (OWASP CSV injection), in the table and the JSON.
 */
function readVerdicts(text: string, where: string): RowVerdict[] {
  const [header = [], ...records] = parseCsv(text.replace(/^\uFEFF/, ''));
  const col: Record<string, number> = {};
  for (const c of VERDICT_COLUMNS) {
    col[c] = header.indexOf(c);
    if (col[c] < 0) throw new CliError(`${where}: no ${c} column (header: ${header.join(',')})`);
  }
  const rows: RowVerdict[] = [];
  for (const r of records) {
    if (r.length === 1 && r[0] === '') continue;
    const at = (c: (typeof VERDICT_COLUMNS)[number]) => r[col[c]] ?? '';
    const line = Number(at('lineNumber'));
    const verdict = at('outcome');
    // The dry run's closing marker when its execution ran out of units: the check is incomplete,
    // which the feed's AUDIT line ("… in progress") already tells.
    if (verdict === 'not checked') continue;
    if (!Number.isInteger(line) || !OUTCOMES.includes(verdict))
      throw new CliError(`${where}: unexpected record ${JSON.stringify(r)}`);
    const v: RowVerdict = { line, hcCustomerId: at('HCCustomerId'), verdict: verdict as Verdict };
    if (at('customerId')) v.netsuiteId = at('customerId');
    if (verdict === 'error') {
      v.code = at('errorCode');
      v.message = at('errorMessage');
    }
    rows.push(v);
  }
  rows.sort((a, b) => a.line - b.line);
  // A second row for a customer an earlier row of this feed creates: the dry run has no id to name.
  const createdAt = new Map<string, number>();
  for (const v of rows) {
    if (v.verdict === 'create' && !createdAt.has(v.hcCustomerId)) createdAt.set(v.hcCustomerId, v.line);
    else if ((v.verdict === 'already linked' || v.verdict === 'link') && !v.netsuiteId) {
      const first = createdAt.get(v.hcCustomerId);
      v.message = first
        ? `the customer line ${first} creates`
        : 'a customer an earlier row of this feed creates';
    }
  }
  return rows;
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...filesUnder(dir, p));
    else out.push(p);
  }
  return out.sort();
}

const customersOf = (account: Account) => JSON.stringify(account.records.all('customer'));

const VERDICT_DIR = 'customer/export/dry_run';

/** The dry run names its verdict file after the feed and its modification time: find it. */
function findVerdictFile(local: string, name: string): string {
  const stem = name.replace(/\.csv$/i, '');
  const dir = path.join(local, VERDICT_DIR);
  const found = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((n) => n.startsWith(`${stem}-`) && n.endsWith('-dry-run.csv'))
    : [];
  return `${VERDICT_DIR}/${found[0] ?? `${stem}-dry-run.csv`}`;
}

/** One complete execution that wrote nothing but its verdict file: else the check means nothing. */
function assertDryRun(
  results: ExecutionResult[],
  local: string,
  name: string,
  verdictFile: string,
  customersChanged: boolean,
): void {
  const failed = results
    .filter((r) => r.status !== 'COMPLETE')
    .map((r) => `${r.status}: ${r.error?.name ?? ''} ${r.error?.message ?? ''}`.trim());
  if (failed.length) throw new CliError(`the import script's dry run failed: ${failed.join('; ')}`);
  if (results.length !== 1)
    throw new CliError(`the dry run queued ${results.length - 1} more execution(s): it must not reschedule`);
  // A dry run writes nothing but its verdict file: the account and the feed are as they were.
  const written = filesUnder(local).filter((f) => f !== `customer/export/${name}` && f !== verdictFile);
  if (!fs.existsSync(path.join(local, 'customer/export', name)) || written.length)
    throw new CliError(
      `the dry run moved the feed or wrote other files (${written.join(', ') || 'feed gone'}): the import script does not honour its dry-run parameter`,
    );
  if (customersChanged)
    throw new CliError(
      'the dry run changed customer records: the import script does not honour its dry-run parameter',
    );
}

function countVerdicts(rows: RowVerdict[]): CheckFeedResult['totals'] {
  const totals = { create: 0, link: 0, alreadyLinked: 0, error: 0 };
  for (const v of rows) {
    if (v.verdict === 'create') totals.create++;
    else if (v.verdict === 'link') totals.link++;
    else if (v.verdict === 'already linked') totals.alreadyLinked++;
    else totals.error++;
  }
  return totals;
}

type Outcome = Pick<CheckFeedResult, 'rows' | 'totals' | 'dryRun' | 'complete' | 'warnings'>;

/** The verdicts, the dry run's AUDIT summary, and whether it reached the end of the feed. */
function outcomeOf(results: ExecutionResult[], local: string, name: string, verdictFile: string): Outcome {
  const summaries = SyncEnvironment.summaries(results);
  const dryRun = summaries.length ? summaries[summaries.length - 1] : null;
  const feedOutcome = results[0].logs.find(
    (l) => l.level === 'AUDIT' && l.title.startsWith(`Customer feed ${name}: `),
  );
  const complete = !!feedOutcome && feedOutcome.title.endsWith(': checked');
  const warnings: string[] = [];
  const verdictPath = path.join(local, verdictFile);
  const rows = fs.existsSync(verdictPath)
    ? readVerdicts(fs.readFileSync(verdictPath, 'utf8'), verdictFile)
    : [];
  const totals = countVerdicts(rows);
  const dt = (dryRun?.totals ?? null) as Record<string, number> | null;
  const counted = dt
    ? `${dt.created} create, ${dt.linked} link, ${dt.alreadyLinked} already linked, ${dt.errors} error`
    : 'no counts';
  if (!complete) {
    const status = feedOutcome ? feedOutcome.title.replace(/^Customer feed /, '') : `${name}: not reached`;
    const checked = dt ? dt.created + dt.linked + dt.alreadyLinked + dt.errors : 0;
    warnings.push(
      `the dry run stopped for governance before the end of the feed (${status}, ${String(dryRun?.unitsUsed ?? '?')} units used) and a dry run does not reschedule: it checked ${checked} row(s) (${counted}) ${rows.length ? 'and wrote verdicts for the rows above only' : 'but wrote no verdict file'}. The real import reschedules and goes on; check the feed in smaller parts to see every row.`,
    );
  } else if (!fs.existsSync(verdictPath))
    throw new CliError(`the dry run checked the feed but wrote no ${verdictFile}`);
  else if (
    !dt ||
    dt.created !== totals.create ||
    dt.linked !== totals.link ||
    dt.alreadyLinked !== totals.alreadyLinked ||
    dt.errors !== totals.error
  )
    warnings.push(`the dry run's summary counted ${counted}; its verdict file lists the rows above`);
  return { rows, totals, dryRun, complete, warnings };
}

export async function checkFeed(file: string, o: CheckFeedOptions = {}): Promise<CheckFeedResult> {
  const bytes = fs.readFileSync(file);
  const base = path.basename(file);
  const name = /\.csv$/i.test(base) ? base : `${base}.csv`;
  const server = await startSftpServer('embedded');
  try {
    const baseDir = `${server.homeDir.replace(/\/$/, '')}/netsuite/`;
    const local = server.localPath(baseDir);
    // HotWax's layout; the dry run creates customer/export/dry_run/ itself, as it would on the real server.
    for (const dir of SFTP_LAYOUT) fs.mkdirSync(path.join(local, dir), { recursive: true });
    fs.writeFileSync(path.join(local, 'customer/export', name), bytes);

    const { account, sftpId } = makeAccount(server, baseDir, o);
    const customersBefore = customersOf(account);
    const results = runDryRun(account, sftpId, o);
    const verdictFile = findVerdictFile(local, name);
    assertDryRun(results, local, name, verdictFile, customersOf(account) !== customersBefore);
    const outcome = outcomeOf(results, local, name, verdictFile);
    return {
      file,
      account: o.snapshot
        ? `snapshot ${o.snapshotName ?? ''} (${o.snapshot.customers.length} customers)`.replace('  ', ' ')
        : 'an empty account',
      oneWorld: o.oneWorld ?? o.snapshot?.oneWorld ?? true,
      ...outcome,
      ok: outcome.complete && outcome.totals.error === 0,
    };
  } finally {
    await server.stop();
  }
}
