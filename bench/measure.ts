/**
 * Runs one script (and every execution it reschedules) in a SyncEnvironment and measures it:
 * governance units over all executions, executions, wall time around the runs only, and usage by API.
 */
import { performance } from 'node:perf_hooks';
import type { ExecutionResult } from '../emulator/src';
import type { ScriptKey } from '../simulation/environment';
import { SyncEnvironment } from '../simulation/environment';

export interface ApiUsage {
  api: string;
  calls: number;
  units: number;
}

export interface RunMeasure {
  results: ExecutionResult[];
  executions: number;
  units: number;
  /** Units of each execution, in order. */
  executionUnits: number[];
  wallSeconds: number;
  /** Usage by API over all executions, costliest first. */
  byApi: ApiUsage[];
  /** The closing AUDIT "… summary" JSON of each execution. */
  summaries: Record<string, unknown>[];
}

export function mergeByApi(results: ExecutionResult[]): ApiUsage[] {
  const merged = new Map<string, ApiUsage>();
  for (const r of results)
    for (const [api, u] of Object.entries(r.usage.byApi)) {
      const e = merged.get(api) ?? { api, calls: 0, units: 0 };
      e.calls += u.calls;
      e.units += u.units;
      merged.set(api, e);
    }
  return [...merged.values()].sort((a, b) => b.units - a.units || a.api.localeCompare(b.api));
}

export function measureRun(env: SyncEnvironment, key: ScriptKey): RunMeasure {
  const t0 = performance.now();
  const results = env.run(key);
  const wallSeconds = (performance.now() - t0) / 1000;
  const failed = results.filter((r) => r.status !== 'COMPLETE');
  if (failed.length)
    throw new Error(
      `${key}: ${failed.length} of ${results.length} executions did not complete: ` +
        failed.map((r) => `${r.status} ${r.error?.name ?? ''}: ${r.error?.message ?? ''}`).join('; '),
    );
  const executionUnits = results.map((r) => r.usage.total);
  return {
    results,
    executions: results.length,
    units: executionUnits.reduce((a, b) => a + b, 0),
    executionUnits,
    wallSeconds,
    byApi: mergeByApi(results),
    summaries: SyncEnvironment.summaries(results),
  };
}

/** The summary JSON of one execution (undefined when it logged none). */
export function summaryOf(r: ExecutionResult): Record<string, unknown> | undefined {
  return SyncEnvironment.summaries([r])[0];
}
