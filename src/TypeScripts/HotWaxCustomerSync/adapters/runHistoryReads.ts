/**
 * The run history read back: the latest entries of customrecord_hc_sync_run, for the status page
 * (HC_SL_CustomerSync) only, so it ships in the status library; the scripts write entries with
 * runHistory.ts `recordRun`.
 */
import type * as searchTypes from 'N/search';
import { RUN_RECORD } from './runHistory';
import type { RunHistoryModules } from './runHistory';
import type { RunEntry, RunOutcome } from '../sync/ports';

/** The latest entries, newest first (one search page: 10 units). */
export function latestRuns(
  search: RunHistoryModules['search'],
  filter: { scriptId?: string; scriptIds?: string[]; withErrors?: boolean },
  count: number,
): RunEntry[] {
  const filters: unknown[] = [];
  // Several scripts in one search (the status page reads both import scripts' entries at once).
  const ids = filter.scriptIds ?? (filter.scriptId ? [filter.scriptId] : []);
  if (ids.length)
    filters.push(
      ids.flatMap((id, i) => (i ? ['OR', [RUN_RECORD.script, 'is', id]] : [[RUN_RECORD.script, 'is', id]])),
    );
  if (filter.withErrors) {
    if (filters.length) filters.push('AND');
    filters.push([RUN_RECORD.errors, 'greaterthan', 0]);
  }
  const rows = search
    .create({
      type: RUN_RECORD.type,
      filters: filters as searchTypes.Search['filterExpression'],
      columns: [
        search.createColumn({ name: RUN_RECORD.ended, sort: search.Sort.DESC }),
        RUN_RECORD.script,
        RUN_RECORD.deployment,
        RUN_RECORD.outcome,
        RUN_RECORD.errors,
        RUN_RECORD.summary,
      ],
    })
    .run()
    .getRange({ start: 0, end: count });
  return rows.map((r) => {
    let summary: Record<string, unknown> = {};
    try {
      summary = JSON.parse(String(r.getValue({ name: RUN_RECORD.summary }) || '{}')) as Record<
        string,
        unknown
      >;
    } catch {
      summary = { text: String(r.getValue({ name: RUN_RECORD.summary }) ?? '') };
    }
    return {
      id: String(r.id),
      scriptId: String(r.getValue({ name: RUN_RECORD.script }) ?? ''),
      deploymentId: String(r.getValue({ name: RUN_RECORD.deployment }) ?? ''),
      ended: Number(r.getValue({ name: RUN_RECORD.ended })) || 0,
      outcome: (String(r.getValue({ name: RUN_RECORD.outcome }) || 'complete') as RunOutcome) ?? 'complete',
      errorCount: Number(r.getValue({ name: RUN_RECORD.errors })) || 0,
      summary,
    };
  });
}
