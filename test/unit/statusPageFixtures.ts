/**
 * The status page's unit tests share these: the status library's TypeScript sources, and fake sources shaped as NetSuite returns them (run-history
 * entries of both import scripts, script instances, the import checkpoint), with a page built over
 * them and readers of its blocks.
 */
import * as status from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerSyncStatusLib';
import type {
  FieldBlock,
  InstanceInfo,
  PageModel,
  TableBlock,
} from '../../src/TypeScripts/HotWaxCustomerSync/sync/statusPage';
import type { RunEntry } from '../../src/TypeScripts/HotWaxCustomerSync/sync/ports';
import type { ImportState } from '../../src/TypeScripts/HotWaxCustomerSync/sync/importTypes';
import type { HistoricalInfo } from '../../src/TypeScripts/HotWaxCustomerSync/sync/statusPage/types';
import { IMPORT_CUSTOMER, IMPORT_CUSTOMER_MR } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

export { status };

export const SC: string = IMPORT_CUSTOMER.scriptId;
export const MR: string = IMPORT_CUSTOMER_MR.scriptId;
export const MR_DEPLOY = IMPORT_CUSTOMER_MR.deploymentId;
export const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
export const MIN = 60_000;

export const counts = (created: number, errors = 0) => ({ created, linked: 0, alreadyLinked: 0, errors });
export const errorRow = (feed: string, line: number, code: string) => ({
  fileName: feed,
  report: feed.replace(/\.csv$/, '-T1-errors.csv'),
  lineNumber: line,
  hcCustomerId: `HC${line}`,
  errorCode: code,
  errorMessage: `${code} on line ${line}`,
});

let seq = 0;
/** A new run-history entry id. */
export const nextId = () => String(++seq);
/** An entry as recordRun writes it: the import's summary shape, for either import script. */
export function entry(
  scriptId: string,
  ended: number,
  feeds: { name: string; created: number; errors: number }[],
) {
  const errorRows = feeds.flatMap((f) =>
    Array.from({ length: f.errors }, (_, i) => errorRow(f.name, i + 2, 'INVALID_EMAIL')),
  );
  const run: RunEntry = {
    id: nextId(),
    scriptId,
    deploymentId: scriptId === MR ? MR_DEPLOY : IMPORT_CUSTOMER.deploymentId,
    ended,
    outcome: 'complete',
    errorCount: errorRows.length,
    summary: {
      totals: counts(
        feeds.reduce((n, f) => n + f.created, 0),
        errorRows.length,
      ),
      fileResults: feeds.map((f) => ({
        name: f.name,
        outcome: 'archived',
        movedTo: f.name,
        counts: counts(f.created, f.errors),
        errorReports: f.errors ? [f.name.replace(/\.csv$/, '-T1-errors.csv')] : [],
      })),
      skipped: null,
      unitsUsed: scriptId === MR ? 8_400 : 1_200,
      rescheduled: false,
      dryRun: false,
      errorRows,
    },
  };
  return run;
}

export interface Fake {
  runs: RunEntry[];
  instances: InstanceInfo[];
  state: ImportState | null;
  calls: string[];
  subsidiary?: string;
  historical?: HistoricalInfo;
}

export function sources(f: Fake) {
  const newestFirst = (list: RunEntry[]) => [...list].sort((a, b) => b.ended - a.ended);
  return {
    deployments: () => {
      f.calls.push('deployments');
      return [
        {
          scriptId: SC,
          deploymentId: IMPORT_CUSTOMER.deploymentId,
          title: 'x',
          status: 'SCHEDULED',
          isDeployed: true,
        },
        {
          scriptId: SC,
          deploymentId: IMPORT_CUSTOMER.onDemandDeploymentId,
          title: 'x',
          status: 'NOTSCHEDULED',
          isDeployed: true,
        },
        { scriptId: MR, deploymentId: MR_DEPLOY, title: 'x', status: 'NOTSCHEDULED', isDeployed: true },
      ];
    },
    instances: () => {
      f.calls.push('instances');
      return f.instances;
    },
    runs: (ids: string[], count: number) => {
      f.calls.push(`runs ${ids.join(',')}`);
      return newestFirst(f.runs.filter((r) => ids.includes(r.scriptId))).slice(0, count);
    },
    runsWithErrors: (count: number) => {
      f.calls.push('runsWithErrors');
      return newestFirst(f.runs.filter((r) => r.errorCount > 0 && [SC, MR].includes(r.scriptId))).slice(
        0,
        count,
      );
    },
    importState: () => f.state,
    exportState: () => null,
    historical: () => f.historical ?? { status: null, state: null, waiting: [], archived: [] },
    customersByHcId: () => new Map<string, string>(),
    importSettings: () => ({ custscript_hc_imp_default_subsidiary: f.subsidiary ?? '' }),
  };
}

export function page(f: Partial<Fake> = {}): { model: PageModel; fake: Fake } {
  const fake: Fake = { runs: [], instances: [], state: null, calls: [], ...f };
  const model = status.buildPage(
    {
      sources: sources(fake),
      env: {
        now: NOW,
        time: (ms) => new Date(ms).toISOString(),
        pageUrl: (p) => `/page?${new URLSearchParams(p).toString()}`,
        customerUrl: (id) => `/customer/${id}`,
      },
      listWaiting: () => [],
      readReport: () => '',
      parseCsv: () => [],
      csrf: 'token',
    },
    { code: '', listFeeds: false, report: null },
    null,
  );
  // Plain objects of this realm (the library's arrays come from its own context).
  return { model: JSON.parse(JSON.stringify(model)) as PageModel, fake };
}

export const blocks = (m: PageModel) => m.tabs.flatMap((t) => t.blocks);
export const table = (m: PageModel, id: string) => blocks(m).find((b) => b.id === id) as TableBlock;
export const group = (m: PageModel, id: string) => blocks(m).find((b) => b.id === id) as FieldBlock;
export const field = (m: PageModel, id: string) =>
  blocks(m)
    .flatMap((b) => (b.kind === 'fields' ? b.fields : []))
    .find((x) => x.id === id)?.value;
export const text = (html: string | undefined) =>
  String(html ?? '')
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'");

export const job = (
  taskId: string,
  stage: string,
  status: string,
  created: number,
  ended: number | null = null,
) => ({
  scriptId: MR,
  deploymentId: MR_DEPLOY,
  taskId,
  stage,
  status,
  created,
  ended,
});
