/**
 * What both import scripts log at the end of an execution (HC_SC_ImportCustomer and
 * HC_MR_ImportCustomer's summarize): each feed's AUDIT line, once, and the details of the summary line.
 */
import type { BudgetShortfall } from '../core/governance';
import type { FileResult, ImportSummary } from './importTypes';

/** The AUDIT line of each feed result not logged yet ("Customer feed <name>: <outcome>"), once each. */
export function logFeedResults(
  summary: ImportSummary,
  audit: (title: string, details: string) => void,
): void {
  for (const f of summary.files)
    if (!summary.logged?.includes(f)) {
      audit(`Customer feed ${f.name}: ${f.outcome}`, JSON.stringify(f));
      (summary.logged ??= []).push(f);
    }
}

/** The details of the AUDIT line "<script> summary", the same for both import scripts. */
export function summaryDetails(
  summary: ImportSummary,
  unitsUsed: number,
  rescheduled: boolean,
  /** What stopped the execution short (GovernanceBudget.stoppedFor), or null. */
  stoppedFor: BudgetShortfall | null = null,
): Record<string, unknown> {
  const n = (o: FileResult['outcome']) => summary.files.filter((f) => f.outcome === o).length;
  return {
    totals: summary.totals,
    files: summary.files.length,
    archived: n('archived'),
    failed: n('failed'),
    // Entries reported and left in place: unreadable or unsafe names (skipped), reports or archive
    // move that could not be written (blocked; read again next run).
    skippedEntries: n('skipped'),
    blocked: n('blocked'),
    // Feeds rewritten or removed while being imported (ERROR lines name them), handed over and given back.
    changed: n('changed'),
    gone: n('gone'),
    givenBack: n('given back'),
    lines: summary.files.reduce((n, f) => n + (f.lines ?? 0), 0),
    inProgress: summary.files.find((f) => f.outcome === 'in progress')?.name ?? null,
    skipped: summary.skipped ?? null,
    handedOff: summary.handedOff ?? null,
    unitsUsed,
    stoppedFor,
    rescheduled,
  };
}
