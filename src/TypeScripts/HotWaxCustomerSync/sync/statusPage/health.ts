/**
 * The first screen: one line per flow, its state (healthy, attention, failing, not run yet), the
 * cause in words and what to do. Text only: the form escapes it when drawing.
 */
import {
  EXPORT_CUSTOMER_IDS,
  GENERATE_HISTORICAL_CSV,
  IMPORT_CUSTOMER,
  IMPORT_CUSTOMER_MR,
  UPLOAD_HISTORICAL_CSV,
} from '../../core/scriptIds';
import type { FileResult, ImportState } from '../importTypes';
import type { RunEntry } from '../ports';
import { SHIPPED_REPEAT_MINUTES, scriptName } from './constants';
import { fixFor } from './fixes';
import { runError } from './runs';
import type { DeploymentInfo, HealthRow, PageData, PageEnv } from './types';
import { plural } from './words';

export interface Flow {
  flow: string;
  scripts: string[];
  /** Minutes between scheduled runs; 0 for a flow run by hand. */
  every: number;
}

export const FLOWS: Flow[] = [
  {
    flow: 'Customer import',
    scripts: [IMPORT_CUSTOMER.scriptId, IMPORT_CUSTOMER_MR.scriptId],
    every: 15,
  },
  { flow: 'Id export to HotWax', scripts: [EXPORT_CUSTOMER_IDS.scriptId], every: 15 },
  {
    flow: 'Historical export (by hand, once)',
    scripts: [GENERATE_HISTORICAL_CSV.scriptId, UPLOAD_HISTORICAL_CSV.scriptId],
    every: 0,
  },
];

/** The import's feeds in progress, handed over and waiting, and its rejected rows of the last 24 hours. */
export function importLoad(
  state: ImportState | null,
  runs: RunEntry[],
  env: PageEnv,
): { feeds: string; errors: string } {
  const parts: string[] = [];
  if (state?.file) parts.push(`1 in progress (${state.file}, line ${state.line})`);
  const handed = state?.handoff?.feeds.filter((x) => !state.handoff?.done.includes(x.name)).length ?? 0;
  if (handed) parts.push(`${handed} handed to the map/reduce import`);
  const counted = runs.find((r) => typeof r.summary.waiting === 'number');
  if (counted)
    parts.push(
      `${counted.summary.waiting} waiting in customer/export/ when the last run ended (${env.time(counted.ended)})`,
    );
  const feeds = `${parts.length ? parts.join('; ') : 'none in progress'}; live list: "List the waiting feeds" (Feeds tab)`;
  const day = runs.filter((r) => r.ended > env.now - 86_400_000);
  const rows = day.reduce((t, r) => t + r.errorCount, 0);
  const failedFeeds = day
    .flatMap((r) => (Array.isArray(r.summary.fileResults) ? (r.summary.fileResults as FileResult[]) : []))
    .filter((x) => x.outcome === 'failed').length;
  const errors = `${plural(rows, 'rejected row')}${failedFeeds ? `, ${plural(failedFeeds, 'failed feed')}` : ''} in the last 24 hours`;
  return { feeds, errors };
}

type Verdict = Pick<HealthRow, 'state' | 'cause' | 'fix'>;

/** The latest run failed: the code and message, since when, and the fix for that code. */
function failing(runs: RunEntry[], env: PageEnv): Verdict {
  const last = runs[0];
  const e = runError(last);
  const code = e?.code ?? 'UNEXPECTED_ERROR';
  let since = last;
  for (const r of runs) {
    if (r.outcome !== 'failed') break;
    since = r;
  }
  return {
    state: 'failing',
    cause: `${scriptName(last.scriptId)} failed on ${last.deploymentId} ${since === last ? 'at' : 'every run since'} ${env.time(since.ended)}: ${code}: ${e?.message ?? 'no message recorded'}`,
    fix: fixFor(code),
  };
}

/** A flow's state from its runs (newest first) and deployments, the first that applies. */
export function flowVerdict(
  f: Flow,
  runs: RunEntry[],
  deployments: DeploymentInfo[],
  errors: string,
  env: PageEnv,
): Verdict {
  const last = runs[0];
  if (last?.outcome === 'failed') return failing(runs, env);
  const paused = deployments.filter(
    (d) =>
      f.scripts.includes(d.scriptId) &&
      SHIPPED_REPEAT_MINUTES[d.deploymentId] &&
      (d.status !== 'SCHEDULED' || !d.isDeployed),
  );
  if (paused.length)
    return {
      state: 'attention',
      cause: `${paused.map((d) => d.deploymentId).join(', ')} is not scheduled: no run starts by itself`,
      fix: 'Set the deployment\u2019s Status back to Scheduled (Customization > Scripting > Script Deployments), unless HotWax paused it on purpose.',
    };
  if (!last)
    return {
      state: 'not run yet',
      cause: f.every ? `No run recorded yet: it runs every ${f.every} minutes` : 'Not run yet',
      fix: f.every
        ? 'Nothing to do: wait for the first scheduled run, or use "Run now".'
        : 'Before go-live, run HC_SC_GenerateHistoricalCustomerCSV by hand (Save and Execute), then HC_SC_UploadHistoricalCustomerCSV.',
    };
  if (f.every && last.ended < env.now - (3 * f.every + 15) * 60_000)
    return {
      state: 'attention',
      cause: `No run recorded since ${env.time(last.ended)}, though it is scheduled every ${f.every} minutes`,
      fix: 'Open Customization > Scripting > Script Status: are its instances pending behind other scripts? The processors may be busy.',
    };
  if (errors !== '—' && /^[1-9]|failed feed/.test(errors))
    return {
      state: 'attention',
      cause: `Runs complete, but rows were rejected: ${errors}`,
      fix: 'Open the Errors tab: each error code says what to fix.',
    };
  return {
    state: 'healthy',
    cause: `Last run ${env.time(last.ended)}: ${last.outcome}`,
    fix: 'Nothing to do.',
  };
}

export function healthRows({ src, env, runsByScript, deployments }: PageData): HealthRow[] {
  const state = src.importState();
  return FLOWS.map((f) => {
    const runs = f.scripts.flatMap((id) => runsByScript.get(id) ?? []).sort((a, b) => b.ended - a.ended);
    const good = runs.find((r) => r.outcome !== 'failed');
    const lastGood = good ? `${env.time(good.ended)} (${scriptName(good.scriptId)})` : 'none recorded';
    const load =
      f.every && f.scripts.includes(IMPORT_CUSTOMER.scriptId)
        ? importLoad(state, runs, env)
        : { feeds: '—', errors: '—' };
    const row = { flow: f.flow, lastGood, ...load };
    return { ...row, ...flowVerdict(f, runs, deployments, load.errors, env) };
  });
}
