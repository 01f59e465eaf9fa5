/**
 * One page load: what the sections read (once each), the sections in order, and the page's
 * request parameters that name a report. pageView is what the page says; buildPage renders it.
 */
import type { RunEntry } from '../ports';
import { EXPORT_CUSTOMER_IDS, GENERATE_HISTORICAL_CSV } from '../../core/scriptIds';
import { IMPORT_RUNS, IMPORT_SCRIPT_IDS, REPORT_FOLDERS, SYNC_SCRIPTS } from './constants';
import type { ReportFolder } from './constants';
import { errorsTab } from './errorsTab';
import type { ShownReport } from './errorsTab';
import { exportsTab } from './exportsTab';
import { feedsTab } from './feedsTab';
import { healthRows } from './health';
import { renderPage } from './html';
import { overviewTab } from './overviewTab';
import { instanceRuns, withInstanceFailures } from './runs';
import { actionsTab, settingsTab } from './settingsTab';
import type {
  MessageModel,
  PageData,
  PageEnv,
  PageModel,
  PageView,
  HistoricalInfo,
  RemoteFileInfo,
  StatusSources,
} from './types';

export interface ViewRequest {
  code: string;
  /** The page of the report shown (1 when absent). */
  page?: number;
  listFeeds: boolean;
  report: { folder: ReportFolder; name: string } | null;
}

export interface ViewDeps {
  sources: StatusSources;
  env: PageEnv;
  /** SFTP reads, made only when the request asks for them. */
  listWaiting(): RemoteFileInfo[];
  readReport(folder: string, name: string): string;
  parseCsv(text: string): string[][];
  csrf: string;
}

/**
 * The download's Content-Disposition (RFC 6266): an ASCII fallback name in a quoted-string with
 * only safe characters, and the exact name as RFC 8187 filename* (percent-encoded UTF-8), so no
 * quote, CR, LF or other request text reaches the header raw.
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9._() -]/g, '_');
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/** A report name from the request: a plain file name in one of the report folders, or null. */
export function reportRequest(name: string, folder: string): { folder: ReportFolder; name: string } | null {
  const f: ReportFolder = folder === 'dry_run' ? 'dry_run' : 'error';
  if (!/^[^/\\]+\.csv$/i.test(name) || name.startsWith('.')) return null;
  return { folder: f, name };
}

/**
 * The execution that finished the historical export, from the folder's checkpoint: it writes no
 * run-history entry (HC_SC_GenerateHistoricalCustomerCSV), the same facts are in its state.
 */
export function finishedHistoricalRun(h: HistoricalInfo): RunEntry[] {
  const r = h.state?.done ? h.state.run : undefined;
  if (!r) return [];
  const { scriptId, deploymentId } = GENERATE_HISTORICAL_CSV;
  const summary = {
    exportedThisExecution: r.exported,
    exportedTotal: h.state!.exported,
    partsWritten: Array.from({ length: r.parts }, () => ''),
    duplicates: r.duplicates,
    unitsUsed: r.unitsUsed,
    rescheduled: false,
  };
  return [
    { id: 'folder', scriptId, deploymentId, ended: r.ended, outcome: 'complete', errorCount: 0, summary },
  ];
}

/**
 * The id export's complete runs: its commit keeps them in its checkpoint (no record of their own, see
 * sync/idExport.ts); its failed runs and earlier entries are records.
 */
function withExportRuns(src: StatusSources, scriptId: string, records: RunEntry[]): RunEntry[] {
  if (scriptId !== EXPORT_CUSTOMER_IDS.scriptId) return records;
  const kept: RunEntry[] = (src.exportState()?.lastRuns ?? []).map(
    ({ deploymentId, ended, ...summary }, i) => ({
      id: `checkpoint-${i}`,
      scriptId,
      deploymentId,
      ended,
      outcome: 'complete',
      errorCount: 0,
      summary,
    }),
  );
  return [...records, ...kept].sort((a, b) => b.ended - a.ended).slice(0, 10);
}

/** The runs, deployments and instances every section shares, read once. */
export function pageData(src: StatusSources, env: PageEnv): PageData {
  const runsByScript = new Map<string, RunEntry[]>();
  const importRuns = src.runs(IMPORT_SCRIPT_IDS, IMPORT_RUNS);
  const deployments = src.deployments();
  const instances = instanceRuns(src.instances());
  // Every failed execution is a run: those NetSuite ended before the script could record them too.
  for (const s of SYNC_SCRIPTS)
    runsByScript.set(
      s.scriptId,
      withInstanceFailures(
        IMPORT_SCRIPT_IDS.includes(s.scriptId)
          ? importRuns.filter((r) => r.scriptId === s.scriptId)
          : s.scriptId === GENERATE_HISTORICAL_CSV.scriptId
            ? [...finishedHistoricalRun(src.historical()), ...src.runs([s.scriptId], 10)].sort(
                (a, b) => b.ended - a.ended,
              )
            : withExportRuns(src, s.scriptId, src.runs([s.scriptId], 10)),
        instances,
        s.scriptId,
      ),
    );
  return { src, env, runsByScript, importRuns, deployments, instances };
}

const problem = (e: unknown) => (e as Error)?.message ?? String(e);

/** The SFTP reads the request asks for: the waiting feeds, a report; each failure said in words. */
function sftpReads(deps: ViewDeps, view: ViewRequest) {
  let waiting: RemoteFileInfo[] | null = null;
  let waitingError: string | null = null;
  if (view.listFeeds) {
    try {
      waiting = deps.listWaiting();
    } catch (e) {
      waitingError = `Cannot list customer/export/: ${problem(e)}`;
    }
  }
  let report: ShownReport | null = null;
  let reportError: string | null = null;
  if (view.report) {
    const where = REPORT_FOLDERS[view.report.folder];
    try {
      const rows = deps.parseCsv(deps.readReport(where, view.report.name));
      report = { ...view.report, header: rows[0] ?? [], rows: rows.slice(1) };
    } catch (e) {
      reportError = `Cannot read ${where}/${view.report.name}: ${problem(e)}`;
    }
  }
  return { waiting, waitingError, report, reportError };
}

/** What the page says, section by section (text and pieces: ./html.ts escapes when rendering). */
export function pageView(
  deps: ViewDeps,
  view: ViewRequest,
  result: { message: MessageModel; details: string[][] | null } | null,
): PageView {
  const d = pageData(deps.sources, deps.env);
  const { waiting, waitingError, report, reportError } = sftpReads(deps, view);
  const zone = deps.env.zone ? `your NetSuite time zone, ${deps.env.zone}` : 'your NetSuite time zone';
  return {
    title: 'HotWax Customer Sync',
    message: result?.message ?? null,
    health: healthRows(d),
    zoneNote: `Times are in ${zone} (Home > Set Preferences); file names carry UTC.`,
    tabs: [
      overviewTab(d),
      feedsTab(d, waiting, waitingError),
      errorsTab(d, view.code, report, reportError, view.page ?? 1),
      exportsTab(d),
      settingsTab(d.src),
      actionsTab(result?.message ?? null, result?.details ?? null),
    ],
    actions: { feeds: (waiting ?? []).map((w) => w.name), csrf: deps.csrf },
  };
}

export function buildPage(
  deps: ViewDeps,
  view: ViewRequest,
  result: { message: MessageModel; details: string[][] | null } | null,
): PageModel {
  return renderPage(pageView(deps, view, result));
}
