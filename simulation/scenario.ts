/**
 * The whole sync in the order of HotWax's "Sync Customer" documentation, on a generated merchant:
 * historical export → upload → HotWax links its parties → HotWax writes a customer feed (new
 * customers, a few bad rows, one customer NetSuite already has) → import → id export → HotWax stores
 * the ids. Ends with a reconciliation: every HotWax customer has exactly one NetSuite customer.
 */
import type { ExecutionResult } from '../emulator/src';
import type { EnvironmentOptions, ScriptKey } from './environment';
import { SCRIPT_NAMES, SCRIPTS, SyncEnvironment } from './environment';
import { HotWaxOms, LocalSftpFiles, parseCsv } from './hotwax';
import type { SftpFiles } from './hotwax';
import { seedPopulation } from './population';

export interface ScenarioOptions extends EnvironmentOptions {
  customers: number;
  seed: number;
  /** New customers HotWax has that NetSuite does not (default: 10% of `customers`, at least 5). */
  newCustomers?: number;
  /** Called as each step starts and ends (progress output). */
  onStep?: (step: string, phase: 'start' | 'end', detail?: string) => void;
  /** SFTP access for the simulated HotWax (default: the local server's folder). */
  hotwaxFiles?: SftpFiles;
  /** Like onStep, with the step's position (1-based, of SCENARIO_STEPS.length) and the environment. */
  onProgress?: (event: ProgressEvent) => void;
}

/** The steps runScenario reports through onStep/onProgress, in order. */
export const SCENARIO_STEPS = [
  'Generate the merchant',
  'Historical export',
  'Historical upload',
  'HotWax imports the historical customers',
  'HotWax writes the customer feed',
  'Import',
  'Export NetSuite ids',
  'HotWax imports the ids',
] as const;

export interface ProgressEvent {
  step: string;
  phase: 'start' | 'end';
  index: number;
  total: number;
  env: SyncEnvironment;
}

export interface StepReport {
  step: string;
  executions?: number;
  units?: number;
  status?: string;
  outcome: Record<string, unknown>;
}

export interface Reconciliation {
  hotwaxCustomers: number;
  withNetSuiteId: number;
  withoutNetSuiteId: number;
  /** NetSuite customers holding the same HC customer id, or a HotWax id pointing at a customer of another party. */
  duplicatesFound: number;
  feedRows: number;
  rowsAccountedFor: number;
  rowsUnaccountedFor: number;
  sharedShopifyIdsReported: number;
  ok: boolean;
  problems: string[];
}

export interface ScenarioReport {
  options: { customers: number; seed: number; newCustomers: number; sftp: string };
  steps: StepReport[];
  reconciliation: Reconciliation;
  wallSeconds: number;
}

function scriptStep(step: string, key: ScriptKey, results: ExecutionResult[]): StepReport {
  const summaries = SyncEnvironment.summaries(results);
  const failed = results.filter((r) => r.status !== 'COMPLETE');
  return {
    // The scheduled import hands big backlogs to HC_MR_ImportCustomer; its executions are part of the step.
    step: `${step} (${SCRIPT_NAMES[key]}${key === 'import' && results.some((r) => r.scriptId === SCRIPTS.importMr.scriptId) ? ` and ${SCRIPT_NAMES.importMr}` : ''})`,
    executions: results.length,
    units: results.reduce((s, r) => s + r.usage.total, 0),
    status: failed.length
      ? failed.map((r) => `${r.status}: ${r.error?.name} ${r.error?.message}`).join('; ')
      : 'COMPLETE',
    outcome: { summaries },
  };
}

/** A customer a sales rep created in NetSuite after the historical export, already known to HotWax. */
function addLateCustomer(env: SyncEnvironment, oms: HotWaxOms): string {
  const lateShopifyId = '6620119999999';
  oms.add({
    partyId: '499999',
    shopifyCustomerId: lateShopifyId,
    firstName: 'Late',
    lastName: 'Arrival',
    email: 'late@example.com',
    phone: '',
  });
  return String(
    env.account.records.create('customer', {
      isperson: 'T',
      firstname: 'Late',
      lastname: 'Arrival',
      email: 'late@example.com',
      subsidiary: env.subsidiaries[env.subsidiaries.length - 1],
      custentity_hc_shop_cust_id: lateShopifyId,
    }),
  );
}

/** Rows HotWax's feed should never hold, which the import must report: no HC id, a bad email, an unknown status. */
function badFeedRows(subsidiary: string): string[][] {
  return [
    [
      '',
      'No',
      'Id',
      'noid@example.com',
      '',
      '6620118888881',
      '6620118888881',
      'T',
      'CUSTOMER-Closed Won',
      'TRUE',
      '5',
      subsidiary,
    ],
    [
      'HCBAD2',
      'Bad',
      'Email',
      'not-an-email',
      '',
      '6620118888882',
      '6620118888882',
      'T',
      'CUSTOMER-Closed Won',
      'TRUE',
      '5',
      subsidiary,
    ],
    [
      'HCBAD3',
      'Bad',
      'Status',
      'bad3@example.com',
      '',
      '6620118888883',
      '6620118888883',
      'T',
      'NO SUCH STATUS',
      'TRUE',
      '5',
      subsidiary,
    ],
  ];
}

export async function runScenario(
  opts: ScenarioOptions,
): Promise<{ report: ScenarioReport; env: SyncEnvironment }> {
  const started = Date.now();
  const env = await SyncEnvironment.start(opts);
  const files = opts.hotwaxFiles ?? new LocalSftpFiles(env.localBase);
  const oms = new HotWaxOms(files);
  const newCustomers = opts.newCustomers ?? Math.max(5, Math.round(opts.customers / 10));
  const steps: StepReport[] = [];
  const step = <T>(name: string, fn: () => T): T => {
    const index = (SCENARIO_STEPS as readonly string[]).indexOf(name) + 1;
    const total = SCENARIO_STEPS.length;
    opts.onStep?.(name, 'start');
    opts.onProgress?.({ step: name, phase: 'start', index, total, env });
    const out = fn();
    opts.onStep?.(name, 'end');
    opts.onProgress?.({ step: name, phase: 'end', index, total, env });
    return out;
  };

  const pop = step('Generate the merchant', () =>
    seedPopulation(env, oms, { existing: opts.customers, newInHotWax: newCustomers, seed: opts.seed }),
  );
  steps.push({
    step: 'Generate the merchant',
    outcome: { netsuiteCustomers: env.account.records.count('customer'), hotwaxCustomers: oms.parties.size },
  });

  const gen = step('Historical export', () => env.run('generate'));
  steps.push(scriptStep('Historical export', 'generate', gen));
  const up = step('Historical upload', () => env.run('upload'));
  steps.push(scriptStep('Historical upload', 'upload', up));
  const hist = step('HotWax imports the historical customers', () => oms.importHistorical());
  steps.push({ step: 'HotWax imports the historical customers (IMP_HIS_SHOP_CUST)', outcome: hist });

  const lateId = addLateCustomer(env, oms);

  const subsidiary = env.subsidiaries[env.subsidiaries.length - 1];
  const badRows = badFeedRows(subsidiary);
  const feed = step('HotWax writes the customer feed', () =>
    oms.writeCustomerFeed({ subsidiary, now: env.account.now(), extraRows: badRows }),
  );
  steps.push({ step: 'HotWax writes the customer feed (generate_CustomerFeed)', outcome: feed });

  const imp = step('Import', () => env.run('import'));
  steps.push(scriptStep('Import', 'import', imp));
  // The import stamps customers now; the export waits out its settle time, as at the next 15-minute run.
  env.setParams('export', { custscript_hc_exp_settle_seconds: 0 });
  const exp = step('Export NetSuite ids', () => env.run('export'));
  steps.push(scriptStep('Export NetSuite ids', 'export', exp));
  const ident = step('HotWax imports the ids', () => oms.importPartyIdentifications());
  steps.push({ step: 'HotWax imports the ids (IMP_PARTY_IDENT)', outcome: ident });

  const reconciliation = reconcile(env, oms, files, feed.rows, pop.sharedShopifyId, gen, lateId);
  await Promise.resolve();
  return {
    env,
    report: {
      options: {
        customers: opts.customers,
        seed: opts.seed,
        newCustomers,
        sftp:
          typeof opts.sftp === 'object' ? `${opts.sftp.host}:${opts.sftp.port}` : (opts.sftp ?? 'embedded'),
      },
      steps,
      reconciliation,
      wallSeconds: (Date.now() - started) / 1000,
    },
  };
}

/** Every HotWax party linked to exactly one NetSuite customer, and no HC customer id on two customers. */
function checkLinks(
  env: SyncEnvironment,
  oms: HotWaxOms,
  lateId: string,
  problems: string[],
): { duplicatesFound: number; withNetSuiteId: number } {
  const records = env.account.records;
  // One number per HC id, a list only for those on several customers (a million customers fit).
  const firstId = new Map<string, number>();
  const more = new Map<string, number[]>();
  for (const c of records.all('customer')) {
    const hc = String(c.values.custentity_hc_customer_id ?? '');
    if (!hc) continue;
    const first = firstId.get(hc);
    if (first === undefined) firstId.set(hc, c.id);
    else more.set(hc, [...(more.get(hc) ?? [first]), c.id]);
  }
  let duplicatesFound = 0;
  if (more.size)
    for (const hc of firstId.keys()) {
      const ids = more.get(hc);
      if (!ids) continue;
      duplicatesFound += ids.length - 1;
      problems.push(`HC customer ${hc} is on ${ids.length} NetSuite customers (${ids.join(', ')})`);
    }
  let withNetSuiteId = 0;
  const owner = new Map<string, string>();
  for (const p of oms.parties.values()) {
    if (!p.netsuiteCustomerId) {
      problems.push(`HotWax customer ${p.partyId} has no NetSuite id`);
      continue;
    }
    withNetSuiteId++;
    const c = records.get('customer', p.netsuiteCustomerId);
    if (!c)
      problems.push(
        `HotWax customer ${p.partyId} points at NetSuite customer ${p.netsuiteCustomerId}, which does not exist`,
      );
    const other = owner.get(p.netsuiteCustomerId);
    if (other) {
      duplicatesFound++;
      problems.push(
        `HotWax customers ${other} and ${p.partyId} share NetSuite customer ${p.netsuiteCustomerId}`,
      );
    }
    owner.set(p.netsuiteCustomerId, p.partyId);
  }
  if (
    !oms.parties.get('499999')?.netsuiteCustomerId ||
    oms.parties.get('499999')?.netsuiteCustomerId !== lateId
  )
    problems.push('the customer NetSuite already had was not linked');

  return { duplicatesFound, withNetSuiteId };
}

/**
 * Feed rows the import accounted for (created, linked, already linked, or in an error report with
 * its line), with a problem for every feed left unfinished or error row missing from the reports.
 */
function checkFeedRows(env: SyncEnvironment, files: SftpFiles, problems: string[]): number {
  // Every feed row: created, linked, already linked, or in an error report with its line. Each feed
  // has an AUDIT line per execution that touched it, of HC_SC_ImportCustomer or of HC_MR_ImportCustomer
  // (which takes over backlogs of custscript_hc_imp_mr_min_rows rows); its last one holds the whole
  // file's counts. "handed off" is the scheduled script's line for a feed the map/reduce then finishes.
  type FileEntry = { name: string; outcome: string; counts: Record<string, number> };
  const importScripts: string[] = [SCRIPTS.import.scriptId, SCRIPTS.importMr.scriptId];
  const lastByFile = new Map<string, FileEntry>();
  for (const e of env.account.executions)
    if (importScripts.includes(e.scriptId))
      for (const l of e.logs)
        if (l.level === 'AUDIT' && /^Customer feed .+: [a-z ]+$/.test(l.title)) {
          const f = JSON.parse(l.details) as FileEntry;
          const prev = lastByFile.get(f.name);
          if (f.outcome !== 'handed off' || !prev || prev.outcome === 'handed off') lastByFile.set(f.name, f);
        }
  let accounted = 0;
  let importedErrors = 0;
  for (const f of lastByFile.values()) {
    const t = f.counts;
    accounted += t.created + t.linked + t.alreadyLinked + t.errors;
    importedErrors += t.errors;
  }
  for (const f of lastByFile.values())
    if (f.outcome === 'in progress' || f.outcome === 'handed off')
      problems.push(`feed ${f.name} is still ${f.outcome}`);
  const errorReports = files.listCsv('customer/export/error');
  let reportedErrors = 0;
  for (const name of errorReports)
    reportedErrors += parseCsv(files.read(`customer/export/error/${name}`)).length - 1;
  if (reportedErrors !== importedErrors)
    problems.push(`${importedErrors} error rows counted, ${reportedErrors} in error reports`);
  if (files.listCsv('customer/export').length > 0)
    problems.push('feed files are left unarchived in customer/export/');

  return accounted;
}

function reconcile(
  env: SyncEnvironment,
  oms: HotWaxOms,
  files: SftpFiles,
  feedRows: number,
  sharedShopifyId: string,
  gen: ExecutionResult[],
  lateId: string,
): Reconciliation {
  const problems: string[] = [];
  const links = checkLinks(env, oms, lateId, problems);
  const accounted = checkFeedRows(env, files, problems);

  const dupLog = gen
    .flatMap((r) => r.logs)
    .find((l) => l.level === 'ERROR' && /more than one NetSuite customer/.test(l.title));
  const sharedShopifyIdsReported = dupLog && dupLog.details.includes(sharedShopifyId) ? 1 : 0;
  if (!sharedShopifyIdsReported)
    problems.push(`the Shopify id ${sharedShopifyId} on two customers was not reported`);

  const reconciliation: Reconciliation = {
    hotwaxCustomers: oms.parties.size,
    withNetSuiteId: links.withNetSuiteId,
    withoutNetSuiteId: oms.parties.size - links.withNetSuiteId,
    duplicatesFound: links.duplicatesFound,
    feedRows,
    rowsAccountedFor: accounted,
    rowsUnaccountedFor: feedRows - accounted,
    sharedShopifyIdsReported,
    ok: false,
    problems,
  };
  if (reconciliation.rowsUnaccountedFor !== 0)
    problems.push(`${reconciliation.rowsUnaccountedFor} feed rows unaccounted for`);
  reconciliation.ok = problems.length === 0;
  return reconciliation;
}
