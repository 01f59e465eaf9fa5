/**
 * Run history: one "HC Customer Sync Run" record (customrecord_hc_sync_run) per execution, holding
 * the execution's closing summary, so the status page (HC_SL_CustomerSync) shows what each script
 * did without reading execution logs. Entries older than 30 days are deleted by the executions
 * themselves, a few per execution, so the history stays bounded with no clean-up script (by the ones
 * run every 15 minutes: the historical scripts, run by hand once, leave it to them).
 *
 * Cost per execution, at most RUN_HISTORY_UNITS = 24: record.create 2 + save 4, one search page for
 * expired entries 10, record.delete 4 for each of at most 2 expired entries. The scripts keep these
 * units back (STOP_RESERVE in governance.ts), so even a rescheduled execution can write its entry.
 */
import type * as searchTypes from 'N/search';
import type * as recordTypes from 'N/record';
import { parseCsvRecords } from '../core/csv';
import { ERROR_REPORT_HEADER } from '../core/hotwaxFiles';
import { RUN_HISTORY_UNITS } from '../core/governance';
import { SyncError, SYNC_ERROR_CODES } from '../core/errors';
import { observingReports } from '../sync/customerFeedFolder';
import type { ErrorReportRow, FeedFolder, RunOutcome } from '../sync/ports';

export const RUN_RECORD = {
  type: 'customrecord_hc_sync_run',
  script: 'custrecord_hc_run_script',
  deployment: 'custrecord_hc_run_deployment',
  ended: 'custrecord_hc_run_ended',
  outcome: 'custrecord_hc_run_outcome',
  errors: 'custrecord_hc_run_errors',
  summary: 'custrecord_hc_run_summary',
} as const;

export const RUN_HISTORY = {
  keepDays: 30,
  /** Expired entries deleted per execution: more than the one it adds, so the backlog shrinks. */
  prunePerRun: 2,
  /** Error rows kept in one entry at most (the full report stays on SFTP). */
  maxErrorRows: 200,
  /**
   * Search results cut text columns at 4,000 bytes (docs/CONTRACTS.md §7), and the page reads the
   * summary through a search: the stored JSON stays below this, dropping error rows (then feed
   * results) that do not fit and saying how many were left out.
   */
  maxSummaryBytes: 3900,
} as const;

/** UTF-8 length without Buffer or TextEncoder (neither is in NetSuite's server runtime). */
function utf8Bytes(s: string): number {
  return encodeURIComponent(s).replace(/%[0-9A-F]{2}/gi, 'x').length;
}

/** The summary as stored: as many error rows (and feed results) as fit in a search column. */
export function storedSummary(summary: Record<string, unknown>, errorRows: ErrorReportRow[]): string {
  const rows = errorRows.slice(0, RUN_HISTORY.maxErrorRows);
  const files = Array.isArray(summary.fileResults) ? [...(summary.fileResults as unknown[])] : null;
  // Rows per error code, counted before rows are dropped to fit: the page's counts stay true.
  const errorCodes: Record<string, number> = {};
  for (const r of errorRows) errorCodes[r.errorCode] = (errorCodes[r.errorCode] ?? 0) + 1;
  const text = () =>
    JSON.stringify({
      ...summary,
      ...(files ? { fileResults: files } : {}),
      ...(errorRows.length ? { errorCodes } : {}),
      errorRows: rows,
      ...(rows.length < errorRows.length ? { errorRowsOmitted: errorRows.length - rows.length } : {}),
      ...(files && files.length < (summary.fileResults as unknown[]).length
        ? { fileResultsOmitted: (summary.fileResults as unknown[]).length - files.length }
        : {}),
    });
  let out = text();
  while (utf8Bytes(out) > RUN_HISTORY.maxSummaryBytes && rows.length > 0) {
    rows.splice(Math.max(0, Math.floor(rows.length * 0.8)));
    out = text();
  }
  while (utf8Bytes(out) > RUN_HISTORY.maxSummaryBytes && files && files.length > 0) {
    files.pop();
    out = text();
  }
  return out;
}

export { RUN_HISTORY_UNITS };

export type { ErrorReportRow, RunEntry, RunOutcome } from '../sync/ports';

export interface RunHistoryModules {
  search: Pick<typeof searchTypes, 'create' | 'createColumn' | 'Sort'>;
  record: Pick<typeof recordTypes, 'create' | 'delete'>;
}

interface ScriptLike {
  id: string;
  deploymentId: string;
  getRemainingUsage(): number;
}

/**
 * Writes this execution's entry, then (unless it rescheduled itself, or `prune` is false) deletes up
 * to two entries older than 30 days. Never throws:
 * a history that cannot be written must not fail the sync (the AUDIT summary line is still there).
 */
export function recordRun(
  m: RunHistoryModules & { log?: { audit(o: { title: string; details: string }): void } },
  script: ScriptLike,
  summary: Record<string, unknown>,
  extra: {
    errorRows?: ErrorReportRow[];
    outcome?: RunOutcome;
    now?: number;
    /** false: leave the pruning to the scripts that run every 15 minutes (a script run by hand once). */
    prune?: boolean;
  } = {},
): { written: boolean; pruned: number } {
  const now = extra.now ?? Date.now();
  const rows = extra.errorRows ?? [];
  const outcome: RunOutcome =
    extra.outcome ?? (summary.failed === true ? 'failed' : summary.rescheduled ? 'rescheduled' : 'complete');
  const out = { written: false, pruned: 0 };
  try {
    if (script.getRemainingUsage() < 6)
      throw new SyncError(SYNC_ERROR_CODES.runHistoryNotWritten, 'not enough units left to write the entry');
    const rec = m.record.create({ type: RUN_RECORD.type });
    rec.setValue({ fieldId: RUN_RECORD.script, value: script.id });
    rec.setValue({ fieldId: RUN_RECORD.deployment, value: script.deploymentId });
    rec.setValue({ fieldId: RUN_RECORD.ended, value: now });
    rec.setValue({ fieldId: RUN_RECORD.outcome, value: outcome });
    rec.setValue({ fieldId: RUN_RECORD.errors, value: rows.length });
    rec.setValue({ fieldId: RUN_RECORD.summary, value: storedSummary(summary, rows) });
    rec.save();
    out.written = true;
    // A rescheduled execution leaves the pruning to the next one, which starts with fresh units.
    if (outcome === 'rescheduled' || extra.prune === false || script.getRemainingUsage() < 10 + 4) return out;
    const expired = m.search
      .create({
        type: RUN_RECORD.type,
        filters: [[RUN_RECORD.ended, 'lessthan', now - RUN_HISTORY.keepDays * 86_400_000]],
        columns: [m.search.createColumn({ name: RUN_RECORD.ended, sort: m.search.Sort.ASC })],
      })
      .run()
      .getRange({ start: 0, end: RUN_HISTORY.prunePerRun });
    for (const r of expired) {
      if (script.getRemainingUsage() < 4) break;
      m.record.delete({ type: RUN_RECORD.type, id: r.id });
      out.pruned++;
    }
  } catch (e) {
    m.log?.audit({
      title: 'Run history not written',
      details: `${(e as Error)?.message ?? String(e)}. The AUDIT summary above is the record of this execution.`,
    });
  }
  return out;
}

/** The rows of an error report (fileName,lineNumber,HCCustomerId,errorCode,errorMessage). */
export function parseErrorReport(csv: string): ErrorReportRow[] {
  const { records } = parseCsvRecords(csv);
  const header = records[0]?.fields ?? [];
  const at = (name: string) => header.indexOf(name);
  const idx = ERROR_REPORT_HEADER.map((h) => at(h));
  if (idx.some((i) => i < 0)) return [];
  return records.slice(1).map((r) => ({
    fileName: r.fields[idx[0]] ?? '',
    lineNumber: Number(r.fields[idx[1]]) || 0,
    hcCustomerId: r.fields[idx[2]] ?? '',
    errorCode: r.fields[idx[3]] ?? '',
    errorMessage: r.fields[idx[4]] ?? '',
  }));
}

/**
 * A feed folder that also keeps the error reports the import writes (no extra units: the text is
 * in hand), so the run history can show the rejected rows without reading SFTP again.
 */
export function capturingReports(feeds: FeedFolder): { feeds: FeedFolder; errorRows: ErrorReportRow[] } {
  const errorRows: ErrorReportRow[] = [];
  return {
    errorRows,
    feeds: observingReports(feeds, (_folder, name, csv) => {
      if (/-errors(-\d+)?\.csv$/.test(name))
        errorRows.push(...parseErrorReport(csv).map((r) => ({ ...r, report: name })));
    }),
  };
}
