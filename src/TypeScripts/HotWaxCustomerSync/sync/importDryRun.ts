/**
 * The import's dry run: nothing is written to NetSuite; each row's verdict (create, link, already
 * linked, error) goes to customer/export/dry_run/<feed>-<tag>-dry-run.csv instead, so an administrator
 * sees what a real run would do before running it.
 */
import { toReportCsv } from '../core/csv';
import { DRY_RUN_REPORT_HEADER } from '../core/hotwaxFiles';
import type { ReportFile } from './feedReports';

/** One row's verdict in a dry run (customer/export/dry_run/<feed>-dry-run.csv). */
export interface RowVerdict {
  line: number;
  hcCustomerId: string;
  outcome: 'create' | 'link' | 'already linked' | 'error';
  customerId: string;
  code: string;
  message: string;
}

export const DRY_RUN_FOLDER = 'customer/export/dry_run';
export const DRY_RUN_HEADER = [...DRY_RUN_REPORT_HEADER];

/** The dry run's verdict file; `uncheckedFrom` closes a partial check (out of governance) with a line saying so. */
export function verdictsFile(
  name: string,
  fileName: string,
  verdicts: RowVerdict[],
  uncheckedFrom: number | null,
): ReportFile {
  const rows = [...verdicts]
    .sort((a, b) => a.line - b.line)
    .map((v) => [name, v.line, v.hcCustomerId, v.outcome, v.customerId, v.code, v.message]);
  if (uncheckedFrom !== null)
    rows.push([
      name,
      uncheckedFrom,
      '',
      'not checked',
      '',
      'DRY_RUN_INCOMPLETE',
      `this execution's usage ran out: lines from ${uncheckedFrom} on were not checked`,
    ]);
  return { folder: DRY_RUN_FOLDER, name: fileName, text: toReportCsv(DRY_RUN_HEADER, rows) };
}
