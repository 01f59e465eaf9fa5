/**
 * The status page's adapters over N/ modules (sync/statusPage.ts has the logic). Units per page
 * load, all searches of one page (10 units each): run history 4 (both import scripts in one) + 1
 * for error rows, deployments 1, script
 * instances 1, checkpoints 1, historical folders 1 and their files 1, customers of the shown error
 * rows 1, company preferences (the import's settings) 10: about 120 of the Suitelet's 1,000. SFTP only on request: a list 10, a report 100.
 * The SFTP test is adapters/sftpTest.ts.
 */
import type * as searchTypes from 'N/search';
import type * as recordTypes from 'N/record';
import type * as formatTypes from 'N/format';
import type * as runtimeTypes from 'N/runtime';
import type * as configTypes from 'N/config';
import { CHECKPOINT_RECORD, CheckpointStore } from './checkpoint';
import { SFTP_FOLDERS } from '../core/config';
import { NetSuiteCustomerStore } from './customers';
import { QUEUED_OR_ALIVE, deploymentIsRunning } from './scriptInstances';
import { SyncError, SYNC_ERROR_CODES } from '../core/errors';
import { IMPORT_CUSTOMER } from '../core/scriptIds';
import { GovernanceBudget, TIME_LIMITS } from '../core/governance';
import { latestRuns } from './runHistoryReads';
import { SftpFolderClient, customerFeedFolder } from './sftp';
import { isCsv, uniqueSuffix } from '../core/fileNames';
import { CUSTOMER_FIELDS, parseFieldMap } from '../sync/customerRows';
import { runCustomerImport } from '../sync/customerImport';
import type { ImportState } from '../sync/importTypes';
import type { ExportState } from '../sync/idExport';
import type {
  CabinetFileInfo,
  DeploymentInfo,
  HistoricalInfo,
  InstanceInfo,
  RemoteFileInfo,
  StatusSources,
} from '../sync/statusPage';
import { IMPORT_COMPANY_SETTINGS, IMPORT_SCRIPT_IDS, SYNC_SCRIPTS } from '../sync/statusPage';

type Search = Pick<typeof searchTypes, 'create' | 'createColumn' | 'Sort' | 'lookupFields'>;

export interface SourceModules {
  search: Search;
  format: Pick<typeof formatTypes, 'parse' | 'format' | 'Type'>;
  config: Pick<typeof configTypes, 'load' | 'Type'>;
}

const HISTORICAL_FOLDER = 'Historical Shopify Customer CSV';
const HISTORICAL_ARCHIVE = 'Archive Historical Shopify Customer';
/** The generate script keeps its checkpoint after this mark in the folder's description. */
const STATE_MARK = ' State: ';

function dateValue(m: SourceModules, v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return v.getTime();
  try {
    const d = m.format.parse({ value: String(v), type: m.format.Type.DATETIME }) as unknown;
    return d instanceof Date && !isNaN(d.getTime()) ? d.getTime() : null;
  } catch {
    return null;
  }
}

export class NetSuiteStatusSources implements StatusSources {
  constructor(private readonly m: SourceModules) {}

  deployments(): DeploymentInfo[] {
    const { search } = this.m;
    const ids = SYNC_SCRIPTS.map((s) => s.scriptId);
    const filters: unknown[] = [];
    for (const id of ids) {
      if (filters.length) filters.push('OR');
      filters.push(['script.scriptid', 'is', id]);
    }
    return search
      .create({
        type: 'scriptdeployment',
        filters: filters as searchTypes.Search['filterExpression'],
        columns: [
          search.createColumn({ name: 'scriptid', join: 'script' }),
          search.createColumn({ name: 'scriptid', sort: search.Sort.ASC }),
          'title',
          'status',
          'isdeployed',
        ],
      })
      .run()
      .getRange({ start: 0, end: 100 })
      .map((r) => ({
        scriptId: String(r.getValue({ name: 'scriptid', join: 'script' }) ?? '').toLowerCase(),
        deploymentId: String(r.getValue({ name: 'scriptid' }) ?? '').toLowerCase(),
        title: String(r.getValue({ name: 'title' }) ?? ''),
        status: String(r.getValue({ name: 'status' }) ?? '').toUpperCase(),
        isDeployed: r.getValue({ name: 'isdeployed' }) === true || r.getValue({ name: 'isdeployed' }) === 'T',
      }));
  }

  instances(): InstanceInfo[] {
    const { search } = this.m;
    const filters: unknown[] = [];
    for (const s of SYNC_SCRIPTS) {
      if (filters.length) filters.push('OR');
      filters.push(['script.scriptid', 'is', s.scriptId]);
    }
    return (
      search
        .create({
          type: 'scheduledscriptinstance',
          filters: filters as searchTypes.Search['filterExpression'],
          columns: [
            search.createColumn({ name: 'internalid', sort: search.Sort.DESC }),
            'datecreated',
            search.createColumn({ name: 'scriptid', join: 'script' }),
            search.createColumn({ name: 'scriptid', join: 'scriptdeployment' }),
            'status',
            'enddate',
            'taskid',
            'mapreducestage',
          ],
        })
        .run()
        // A map/reduce instance is a row per job: one page of 1,000 (still 10 units) holds many.
        .getRange({ start: 0, end: 1000 })
        .map((r) => ({
          scriptId: String(r.getValue({ name: 'scriptid', join: 'script' }) ?? '').toLowerCase(),
          deploymentId: String(
            r.getValue({ name: 'scriptid', join: 'scriptdeployment' }) ?? '',
          ).toLowerCase(),
          status: String(r.getValue({ name: 'status' }) ?? '').toUpperCase(),
          created: dateValue(this.m, r.getValue({ name: 'datecreated' })) ?? 0,
          ended: dateValue(this.m, r.getValue({ name: 'enddate' })),
          taskId: String(r.getValue({ name: 'taskid' }) ?? ''),
          stage: String(r.getValue({ name: 'mapreducestage' }) ?? ''),
        }))
    );
  }

  importSettings() {
    return importSettings(this.m);
  }

  runs(scriptIds: string[], count: number) {
    return latestRuns(this.m.search, { scriptIds }, count);
  }

  runsWithErrors(count: number) {
    return latestRuns(this.m.search, { scriptIds: IMPORT_SCRIPT_IDS, withErrors: true }, count);
  }

  private checkpoints: Map<string, unknown> | null = null;

  /** Both checkpoints with one search. */
  private checkpoint(key: string): unknown {
    if (!this.checkpoints) {
      const { search } = this.m;
      this.checkpoints = new Map();
      const rows = search
        .create({
          type: CHECKPOINT_RECORD.type,
          filters: [['isinactive', 'is', 'F']],
          columns: [
            search.createColumn({ name: 'internalid', sort: search.Sort.ASC }),
            CHECKPOINT_RECORD.key,
            CHECKPOINT_RECORD.state,
          ],
        })
        .run()
        .getRange({ start: 0, end: 100 });
      for (const r of rows) {
        const k = String(r.getValue({ name: CHECKPOINT_RECORD.key }) ?? '');
        if (this.checkpoints.has(k)) continue; // the scripts read the first one
        try {
          this.checkpoints.set(
            k,
            JSON.parse(String(r.getValue({ name: CHECKPOINT_RECORD.state }) || 'null')),
          );
        } catch {
          this.checkpoints.set(k, null);
        }
      }
    }
    return this.checkpoints.get(key) ?? null;
  }

  importState(): ImportState | null {
    return this.checkpoint('import') as ImportState | null;
  }

  exportState(): ExportState | null {
    return this.checkpoint('id-export') as ExportState | null;
  }

  private historicalInfo: HistoricalInfo | null = null;

  /** Read once per request: the overview (the finished export's run) and the exports tab use it. */
  historical(): HistoricalInfo {
    return (this.historicalInfo ??= this.readHistorical());
  }

  private readHistorical(): HistoricalInfo {
    const { search } = this.m;
    const folders = search
      .create({
        type: 'folder',
        filters: [['name', 'is', HISTORICAL_FOLDER], 'OR', ['name', 'is', HISTORICAL_ARCHIVE]],
        columns: [search.createColumn({ name: 'internalid', sort: search.Sort.ASC }), 'name', 'description'],
      })
      .run()
      .getRange({ start: 0, end: 10 });
    const out = folders.find((f) => f.getValue({ name: 'name' }) === HISTORICAL_FOLDER);
    const archive = folders.find((f) => f.getValue({ name: 'name' }) === HISTORICAL_ARCHIVE);
    const info: HistoricalInfo = { status: null, state: null, waiting: [], archived: [] };
    if (out) {
      const d = String(out.getValue({ name: 'description' }) ?? '');
      const at = d.indexOf(STATE_MARK);
      info.status = at >= 0 ? d.slice(0, at) : d;
      if (at >= 0)
        try {
          info.state = JSON.parse(d.slice(at + STATE_MARK.length)) as HistoricalInfo['state'];
        } catch {
          info.state = null;
        }
    }
    const ids = [out, archive].filter((f): f is searchTypes.Result => !!f).map((f) => String(f.id));
    if (ids.length === 0) return info;
    const files = search
      .create({
        type: 'file',
        filters: [['folder', 'anyof', ids]],
        columns: [
          search.createColumn({ name: 'name', sort: search.Sort.ASC }),
          'folder',
          'documentsize',
          'created',
        ],
      })
      .run()
      .getRange({ start: 0, end: 1000 });
    for (const f of files) {
      const item: CabinetFileInfo = {
        id: String(f.id),
        name: String(f.getValue({ name: 'name' }) ?? ''),
        size: Number(f.getValue({ name: 'documentsize' })) * 1024 || 0,
        created: dateValue(this.m, f.getValue({ name: 'created' })) ?? 0,
      };
      if (!isCsv(item.name)) continue;
      if (out && String(f.getValue({ name: 'folder' })) === String(out.id)) info.waiting.push(item);
      else info.archived.push(item);
    }
    return info;
  }

  customersByHcId(hcIds: string[]): Map<string, string> {
    const out = new Map<string, string>();
    if (hcIds.length === 0) return out;
    const filters: unknown[] = [];
    for (const id of hcIds.slice(0, 100)) {
      if (filters.length) filters.push('OR');
      filters.push([CUSTOMER_FIELDS.hcCustomerId, 'is', id]);
    }
    const rows = this.m.search
      .create({
        type: 'customer',
        filters: filters as searchTypes.Search['filterExpression'],
        columns: [
          this.m.search.createColumn({ name: 'internalid', sort: this.m.search.Sort.ASC }),
          CUSTOMER_FIELDS.hcCustomerId,
        ],
      })
      .run()
      .getRange({ start: 0, end: 1000 });
    for (const r of rows) {
      const hc = String(r.getValue({ name: CUSTOMER_FIELDS.hcCustomerId }) ?? '');
      if (hc && !out.has(hc)) out.set(hc, String(r.id));
    }
    return out;
  }
}

/** Waiting feeds in customer/export/ (one list: 10 units). */
export function listWaitingFeeds(client: SftpFolderClient): RemoteFileInfo[] {
  return client
    .listCsv(SFTP_FOLDERS.customerFeed)
    .map((f) => ({ name: f.name, size: f.size, lastModified: f.lastModified.getTime() }));
}

/** The scheduled import, whose lease a dry run respects. */
const IMPORT_SCRIPT_ID = IMPORT_CUSTOMER.scriptId;

export interface DryRunModules {
  search: Search;
  record: Pick<typeof recordTypes, 'create' | 'submitFields' | 'load'>;
  runtime: Pick<typeof runtimeTypes, 'isFeatureInEffect'>;
  script: Pick<runtimeTypes.Script, 'getRemainingUsage' | 'deploymentId'>;
  config: Pick<typeof configTypes, 'load' | 'Type'>;
}

/**
 * The import's settings that are one for every deployment: script parameters with Preference
 * "Company", read from the company preferences record (help "Setting Script Parameter Preferences";
 * N/config, 10 units), as getParameter reads them in every deployment of the import.
 */
export function importSettings(m: Pick<DryRunModules, 'config'>): Record<string, string> {
  const prefs = m.config.load({ type: m.config.Type.COMPANY_PREFERENCES });
  const out: Record<string, string> = {};
  for (const id of IMPORT_COMPANY_SETTINGS.map((x) => x.id)) {
    const v = prefs.getValue({ fieldId: id }) as unknown;
    out[id] = v === true ? 'T' : v === false ? 'F' : v === null || v === undefined ? '' : String(v);
  }
  return out;
}

/**
 * A dry run of one waiting feed, inside the page request: the import's own logic (runCustomerImport,
 * dry run) on a view of customer/export/ holding that feed only. It writes only
 * customer/export/dry_run/<feed>-dry-run.csv. Units: the feed's download 100, one search per 50
 * rows, the verdict upload; what does not fit in the request is marked unchecked in the verdicts.
 */
export function dryRunOneFeed(
  m: DryRunModules,
  client: SftpFolderClient,
  feed: string,
  reserve: number,
): { checked: boolean; counts: Record<string, number>; report: string | null; note: string } {
  const feeds = customerFeedFolder(client, SFTP_FOLDERS.customerFeed);
  const waiting = feeds.list().filter((f) => f.name === feed);
  if (waiting.length === 0)
    throw new SyncError(
      SYNC_ERROR_CODES.feedNotWaiting,
      `${feed} is not waiting in ${SFTP_FOLDERS.customerFeed}/ (any more)`,
    );
  const params = importSettings(m);
  // The request's 300 s too; the page's own work before the dry run is within the margin.
  const budget = new GovernanceBudget({ remaining: () => m.script.getRemainingUsage() }, reserve, {
    limit: TIME_LIMITS.suitelet,
    clock: { now: () => Date.now() },
  });
  const summary = runCustomerImport(
    {
      feeds: { ...feeds, list: () => waiting },
      customers: new NetSuiteCustomerStore(m),
      checkpoint: new CheckpointStore<ImportState>(m, 'import'),
      budget,
      now: () => Date.now(),
      log: { audit: () => undefined, error: () => undefined },
      // HC_MR_ImportCustomer holds the lease from its submit on: queued counts as running.
      leaseHolderRunning: (lease) =>
        lease.scriptId
          ? deploymentIsRunning(m.search, lease.scriptId, lease.deploymentId, QUEUED_OR_ALIVE)
          : deploymentIsRunning(m.search, IMPORT_SCRIPT_ID, lease.deploymentId),
    },
    {
      oneWorld: m.runtime.isFeatureInEffect({ feature: 'SUBSIDIARIES' }),
      defaultSubsidiary: params.custscript_hc_imp_default_subsidiary ?? '',
      fieldMap: parseFieldMap('custscript_hc_imp_field_map', params.custscript_hc_imp_field_map ?? ''),
      matchByEmail: params.custscript_hc_imp_match_by_email === 'T',
      dryRun: true,
      batchSize: 50,
      executionId: `${m.script.deploymentId}-${Date.now()}-${uniqueSuffix()}`,
      deploymentId: m.script.deploymentId,
      restampAfterMs: 60 * 60 * 1000,
    },
  );
  if (summary.skipped)
    throw new SyncError(SYNC_ERROR_CODES.dryRunNotChecked, `not checked: ${summary.skipped}`);
  const f = summary.files[0];
  return {
    checked: !!f && f.outcome === 'checked' && !summary.paused,
    counts: { ...(f?.counts ?? summary.totals) },
    report: f?.dryRunReport ?? null,
    note: summary.paused
      ? 'Checked as far as one page request allows (1,000 units); the rest is marked unchecked in the verdicts.'
      : 'Every row checked.',
  };
}
