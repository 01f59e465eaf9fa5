/** Runs as the page tells them: what a run did, script instances as runs, executions NetSuite ended. */
import type { FileResult, MapReduceHandoff } from '../importTypes';
import type { RunEntry } from '../ports';
import type { ScriptKey } from './constants';
import type { InstanceInfo } from './types';
import { n, plural } from './words';

/** What one run did, in a few words (each script's summary has its own shape). */
export function outcomeText(key: ScriptKey, s: Record<string, unknown>): string {
  if (key === 'import' || key === 'import_mr') {
    const t = (s.totals ?? {}) as Record<string, unknown>;
    const parts = [
      `${n(t.created)} created`,
      `${n(t.linked)} linked`,
      `${n(t.alreadyLinked)} already linked`,
      `${n(t.errors)} errors`,
    ];
    const files = Array.isArray(s.fileResults) ? (s.fileResults as FileResult[]) : [];
    if (s.skipped) return `skipped: ${String(s.skipped)}`;
    const handed = files.filter((f) => f.outcome === 'handed off').length;
    return `${s.dryRun ? 'dry run: ' : ''}${parts.join(', ')}; ${plural(files.length, 'feed')}${handed ? `, ${handed} handed to HC_MR_ImportCustomer` : ''}`;
  }
  if (key === 'export') {
    const files = Array.isArray(s.files) ? s.files.length : 0;
    return `${plural(n(s.exported), 'customer id')} sent in ${plural(files, 'file')}${n(s.stageErrors) ? `, ${n(s.stageErrors)} stage errors` : ''}`;
  }
  if (key === 'generate') {
    return `${plural(n(s.exportedThisExecution), 'customer')} exported (${n(s.exportedTotal).toLocaleString('en-US')} in all), ${plural(Array.isArray(s.partsWritten) ? s.partsWritten.length : 0, 'part')} written${n(s.duplicates) ? `, ${plural(n(s.duplicates), 'Shopify customer ID')} on more than one customer` : ''}`;
  }
  return `${plural(n(s.uploaded), 'file')} uploaded, ${n(s.failed)} failed`;
}

const isAlive = (i: InstanceInfo) => i.status === 'PROCESSING' || i.status === 'RETRY';

/**
 * Script instances as runs: NetSuite lists a map/reduce instance as one row per job, a stage's
 * job each (help "Scheduled Script Instance"), all with the instance's task id. One instance here,
 * running from its first job to the end of its last: a job alive, or a stage done and the next one
 * still pending, is a running instance; all pending is queued; otherwise it has ended (FAILED when a
 * job failed). Newest first, as the rows come.
 */
export function instanceRuns(rows: InstanceInfo[]): InstanceInfo[] {
  const groups = new Map<string, InstanceInfo[]>();
  rows.forEach((r, i) => {
    const key = r.taskId || `#${i}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  });
  return [...groups.values()].map((jobs) => {
    if (jobs.length === 1) return jobs[0];
    const alive = jobs.find(isAlive);
    const pending = jobs.filter((j) => j.status === 'PENDING');
    const status = alive
      ? 'PROCESSING'
      : pending.length === jobs.length
        ? 'PENDING'
        : pending.length
          ? 'PROCESSING'
          : jobs.some((j) => j.status === 'FAILED')
            ? 'FAILED'
            : 'COMPLETE';
    const ends = jobs.map((j) => j.ended ?? 0);
    return {
      ...jobs[0],
      status,
      stage: (alive ?? pending[pending.length - 1] ?? jobs[0]).stage,
      created: Math.min(...jobs.map((j) => j.created)),
      ended: status === 'COMPLETE' || status === 'FAILED' ? Math.max(...ends) : null,
    };
  });
}

export const handedFeeds = (h: MapReduceHandoff) =>
  h.feeds.map((f) => `${f.name}${h.done.includes(f.name) ? ' (finished)' : ''}`).join(', ');

export function nextQuarter(now: number, minutes: number): number {
  const step = minutes * 60_000;
  return Math.floor(now / step) * step + step;
}

/**
 * A FAILED script instance with no run-history entry: NetSuite ended it before the script could
 * write one. Instance times come as the user's date format shows them (to the minute), so each
 * instance, oldest first (as queued), claims the oldest unclaimed entry of its deployment within
 * its minutes.
 */
export function withInstanceFailures(
  runs: RunEntry[],
  instances: InstanceInfo[],
  scriptId: string,
): RunEntry[] {
  const claimed = new Set<RunEntry>();
  const extra: RunEntry[] = [];
  const mine = instances
    .filter((i) => i.scriptId === scriptId && (i.status === 'FAILED' || i.status === 'COMPLETE'))
    // The search's order (internal id, newest first) is the queue order, even within one minute.
    .reverse();
  const oldestFirst = [...runs].sort((a, b) => a.ended - b.ended);
  // Within one minute an entry and an instance cannot be ordered by time: by queue order instead.
  let before = 0;
  for (const i of mine) {
    const end = Math.max(i.ended ?? i.created, before + 1);
    const own = oldestFirst.find(
      (r) =>
        !claimed.has(r) &&
        r.deploymentId === i.deploymentId &&
        r.ended >= i.created - 60_000 &&
        r.ended <= end + 60_000,
    );
    if (own) {
      claimed.add(own);
      before = Math.max(before, own.ended);
    } else if (i.status === 'FAILED')
      extra.push({
        id: `instance-${i.taskId ?? end}`,
        scriptId,
        deploymentId: i.deploymentId,
        ended: end,
        outcome: 'failed',
        errorCount: 0,
        summary: {
          error: {
            code: 'ENDED_BY_NETSUITE',
            message:
              'NetSuite ended this execution (Script Status: Failed) before the script could record why: a usage or time limit, or an uncaught error.',
          },
        },
      });
  }
  return extra.length ? [...runs, ...extra].sort((a, b) => b.ended - a.ended) : runs;
}

export const runError = (r: RunEntry) =>
  (r.summary.error ?? null) as { code?: string; message?: string } | null;
