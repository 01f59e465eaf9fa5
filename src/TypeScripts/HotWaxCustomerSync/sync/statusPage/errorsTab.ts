/** The Errors tab: rejected rows by cause with what to do, the latest error rows, a report read from SFTP. */
import type { ErrorReportRow, RunEntry } from '../ports';
import { PARAM, REPORT_FOLDERS, REPORT_PAGE_ROWS, scriptName } from './constants';
import type { ReportFolder } from './constants';
import { fixFor } from './fixes';
import type { BlockView, FieldsView, PageData, PageEnv, Piece, TableView, TabView } from './types';
import { joined, n, plural } from './words';

/** A report read for the page: its header and rows. */
export interface ShownReport {
  folder: ReportFolder;
  name: string;
  rows: string[][];
  header: string[];
}

type ShownRow = ErrorReportRow & { when: number; by: string };

const listedRows = (r: RunEntry) =>
  Array.isArray(r.summary.errorRows) ? (r.summary.errorRows as ErrorReportRow[]) : [];

/** The error rows the runs kept, each saying which script imported its feed, and how many they left out. */
export function errorRowsOf(runs: RunEntry[]): { rows: ShownRow[]; omitted: number } {
  const rows: ShownRow[] = [];
  let omitted = 0;
  for (const r of runs) {
    const list = listedRows(r);
    for (const e of list) rows.push({ ...e, when: r.ended, by: scriptName(r.scriptId) });
    omitted += Math.max(0, r.errorCount - list.length);
  }
  return { rows, omitted };
}

/** True counts per code: each entry counts its rows by code before it keeps only what fits. */
export function codeCounts(runs: RunEntry[]): { codes: Map<string, number>; total: number } {
  const codes = new Map<string, number>();
  let total = 0;
  for (const r of runs) {
    const byCode =
      r.summary.errorCodes && typeof r.summary.errorCodes === 'object'
        ? Object.entries(r.summary.errorCodes as Record<string, number>)
        : [
            ...listedRows(r).reduce(
              (m, e) => m.set(e.errorCode, (m.get(e.errorCode) ?? 0) + 1),
              new Map<string, number>(),
            ),
          ];
    for (const [c, k] of byCode) {
      codes.set(c, (codes.get(c) ?? 0) + n(k));
      total += n(k);
    }
  }
  return { codes, total };
}

const byCount = (codes: Map<string, number>) => [...codes.entries()].sort((a, b) => b[1] - a[1]);

function filterBlock(env: PageEnv, code: string, codes: Map<string, number>, total: number, omitted: number) {
  const url = (c?: string) =>
    env.pageUrl({ ...(c ? { [PARAM.code]: c } : {}), selectedtab: 'custpage_tab_errors' });
  const all = `All (${total.toLocaleString('en-US')})`;
  const choices: Piece[][] = [
    [code ? { link: url(), text: all } : { strong: all }],
    ...byCount(codes).map(([c, count]): Piece[] => {
      const text = `${c} (${count.toLocaleString('en-US')})`;
      return [c === code ? { strong: text } : { link: url(c), text }];
    }),
  ];
  const block: FieldsView = {
    kind: 'fields',
    id: 'custpage_grp_errfilter',
    label: 'Filter',
    fields: [
      { id: 'custpage_err_codes', label: 'Error code', value: joined(choices, ' | ') },
      {
        id: 'custpage_err_omitted',
        label: 'Not listed here',
        value: omitted
          ? `${plural(omitted, 'more error row')} of these runs: open the feed's report for every row.`
          : 'none: every error row of these runs is listed',
      },
    ],
  };
  return block;
}

function errorRowsTable(
  env: PageEnv,
  code: string,
  shown: ShownRow[],
  customers: Map<string, string>,
): TableView {
  return {
    kind: 'table',
    id: 'custpage_errors',
    label: code ? `Latest error rows with code ${code}` : 'Latest error rows',
    columns: [
      { id: 'feed', label: 'Feed' },
      { id: 'line', label: 'Line' },
      { id: 'hcid', label: 'HC Customer Id' },
      { id: 'code', label: 'Code' },
      { id: 'message', label: 'Message' },
      { id: 'customer', label: 'NetSuite customer' },
      { id: 'when', label: 'Reported' },
      { id: 'by', label: 'Imported by' },
    ],
    rows: shown.map((r) => {
      const id = customers.get(r.hcCustomerId);
      return [
        r.report
          ? {
              link: env.pageUrl({ [PARAM.report]: r.report, selectedtab: 'custpage_tab_errors' }),
              text: r.fileName,
            }
          : r.fileName,
        String(r.lineNumber),
        r.hcCustomerId,
        r.errorCode,
        r.errorMessage,
        id ? { link: env.customerUrl(id), text: `Customer ${id}` } : '',
        env.time(r.when),
        r.by,
      ];
    }),
    empty: code ? `No recorded error row has code ${code}.` : 'No error rows in the last 30 days.',
  };
}

/** The report's own URL: a page of it, or its download. */
const reportUrl = (env: PageEnv, report: ShownReport, params: Record<string, string>) =>
  env.pageUrl({
    [PARAM.report]: report.name,
    ...(report.folder === 'dry_run' ? { custpage_folder: 'dry_run' } : {}),
    ...params,
  });

/** A report read from SFTP, REPORT_PAGE_ROWS rows a page, or why it could not be read. */
export function reportBlocks(
  env: PageEnv,
  report: ShownReport | null,
  reportError: string | null,
  page: number,
): BlockView[] {
  if (!report) return reportError ? [reportTable(report, reportError, 1, 1)] : [];
  const pages = Math.max(1, Math.ceil(report.rows.length / REPORT_PAGE_ROWS));
  const shownPage = Math.min(Math.max(1, page), pages);
  const pageLinks = Array.from({ length: pages }, (_, i): Piece[] => [
    i + 1 === shownPage
      ? { strong: String(i + 1) }
      : {
          link: reportUrl(env, report, { [PARAM.page]: String(i + 1), selectedtab: 'custpage_tab_errors' }),
          text: String(i + 1),
        },
  ]);
  const file: FieldsView = {
    kind: 'fields',
    id: 'custpage_grp_report',
    label: 'Report file',
    fields: [
      ...(pages > 1 ? [{ id: 'custpage_report_pages', label: 'Pages', value: joined(pageLinks, ' ') }] : []),
      {
        id: 'custpage_report_download',
        label: 'Download',
        value: [{ link: reportUrl(env, report, { [PARAM.download]: 'T' }), text: `${report.name} (CSV)` }],
      },
    ],
  };
  return [reportTable(report, reportError, pages, shownPage), file];
}

function reportTable(
  report: ShownReport | null,
  reportError: string | null,
  pages: number,
  shownPage: number,
): TableView {
  const first = (shownPage - 1) * REPORT_PAGE_ROWS;
  return {
    kind: 'table',
    id: 'custpage_report',
    label: report
      ? `Report ${REPORT_FOLDERS[report.folder]}/${report.name} (read from SFTP, ${plural(report.rows.length, 'row')}${pages > 1 ? `; rows ${(first + 1).toLocaleString('en-US')}\u2013${Math.min(first + REPORT_PAGE_ROWS, report.rows.length).toLocaleString('en-US')}` : ''})`
      : 'Report',
    columns: (report?.header.length ? report.header : ['problem']).map((h, i) => ({ id: `c${i}`, label: h })),
    rows: report ? report.rows.slice(first, first + REPORT_PAGE_ROWS) : [[reportError ?? '']],
    empty: 'The report is empty.',
  };
}

export function errorsTab(
  { src, env }: PageData,
  code: string,
  report: ShownReport | null,
  reportError: string | null,
  page = 1,
): TabView {
  // Both import scripts' entries, newest first: each row says which one imported its feed.
  const runs = src.runsWithErrors(10);
  const { rows, omitted } = errorRowsOf(runs);
  const { codes, total } = codeCounts(runs);
  const shown = rows.filter((r) => !code || r.errorCode === code).slice(0, 100);
  const customers = src.customersByHcId([...new Set(shown.map((r) => r.hcCustomerId).filter(Boolean))]);
  const causes: TableView = {
    kind: 'table',
    id: 'custpage_err_causes',
    label: 'Rejected rows by cause (the last 10 runs with errors)',
    columns: [
      { id: 'code', label: 'Code' },
      { id: 'rows', label: 'Rows' },
      { id: 'fix', label: 'What to do' },
    ],
    rows: byCount(codes).map(([c, k]) => [c, k.toLocaleString('en-US'), fixFor(c)]),
    empty: 'No rejected rows.',
  };
  const blocks: BlockView[] = [
    filterBlock(env, code, codes, total, omitted),
    causes,
    errorRowsTable(env, code, shown, customers),
    ...reportBlocks(env, report, reportError, page),
  ];
  return { id: 'custpage_tab_errors', label: 'Errors', blocks };
}
