/** The Overview tab: per script, its deployments, last run, what comes next, and its last runs. */
import type { MapReduceHandoff } from '../importTypes';
import type { RunEntry } from '../ports';
import {
  ACTIONS,
  IMPORT_RUNS,
  IMPORT_SCRIPT_IDS,
  ON_DEMAND,
  PARAM,
  SHIPPED_REPEAT_MINUTES,
  SYNC_SCRIPTS,
} from './constants';
import { handedFeeds, nextQuarter, outcomeText, runError } from './runs';
import type { BlockView, DeploymentInfo, FieldView, PageData, Piece, TableView, TabView } from './types';
import { DEPLOYMENT_STATUS_LABEL, INSTANCE_STATUS_LABEL, joined, n, plural, stageLabel } from './words';

type SyncScript = (typeof SYNC_SCRIPTS)[number];

/** What comes next: queued instances and the next scheduled runs, or why nothing is. */
function nextRuns({ env, deployments, instances }: PageData, s: SyncScript): string[] {
  const queued = instances.filter(
    (i) => i.scriptId === s.scriptId && (i.status === 'PENDING' || i.status === 'PROCESSING'),
  );
  const next: string[] = queued.map(
    (q) =>
      `${INSTANCE_STATUS_LABEL[q.status] ?? q.status} on ${q.deploymentId} (${q.stage && q.status === 'PROCESSING' ? `${stageLabel(q.stage)} stage; ` : ''}queued ${env.time(q.created)})`,
  );
  for (const d of deployments.filter((x) => x.scriptId === s.scriptId)) {
    const every = SHIPPED_REPEAT_MINUTES[d.deploymentId];
    if (d.status === 'SCHEDULED' && d.isDeployed && every)
      next.push(
        `${d.deploymentId}: every ${every} minutes, next at ${env.time(nextQuarter(env.now, every))}`,
      );
  }
  if (next.length === 0)
    next.push('idle' in s ? s.idle : 'Nothing scheduled: runs when started by hand or by HotWax');
  return next;
}

/**
 * A deployment this project ships scheduled that is not scheduled now was paused (by an
 * administrator, or by HotWax's job manager).
 */
const deploymentState = (d: DeploymentInfo) =>
  !d.isDeployed
    ? 'Not deployed (paused)'
    : d.status !== 'SCHEDULED' && SHIPPED_REPEAT_MINUTES[d.deploymentId]
      ? `Paused (${DEPLOYMENT_STATUS_LABEL[d.status] ?? d.status}; ships scheduled every ${SHIPPED_REPEAT_MINUTES[d.deploymentId]} minutes)`
      : (DEPLOYMENT_STATUS_LABEL[d.status] ?? d.status);

/**
 * The map/reduce never reschedules itself: its "rescheduled" is the scheduled import it queues
 * for the feeds after its own (summary.rescheduled, shown in the last column).
 */
const outcomeOf = (s: SyncScript, r: RunEntry) =>
  s.key === 'import_mr' && r.outcome === 'rescheduled' ? 'complete' : r.outcome;

/** What the page says when a script has no run: the import scripts' one search may be full before 30 days. */
function noRunText({ env, importRuns }: PageData, s: SyncScript, runs: RunEntry[]): string {
  const family = IMPORT_SCRIPT_IDS.includes(s.scriptId) ? importRuns : runs;
  const oldest = family.length >= IMPORT_RUNS ? family[family.length - 1] : undefined;
  return oldest
    ? `None among the last ${plural(family.length, 'import run')} recorded (since ${env.time(oldest.ended)})`
    : 'No run recorded in the last 30 days';
}

const errorOrOutcome = (s: SyncScript, r: RunEntry) =>
  runError(r) ? `${runError(r)?.code ?? ''}: ${runError(r)?.message ?? ''}` : outcomeText(s.key, r.summary);

function lastRunFields(d: PageData, s: SyncScript, runs: RunEntry[]): FieldView[] {
  const { env } = d;
  const mine = d.instances.filter((i) => i.scriptId === s.scriptId);
  // Instances come newest first; NetSuite keeps FAILED here even when the script died before its summary.
  const lastInstance = mine.find((i) => i.status === 'COMPLETE' || i.status === 'FAILED');
  const lastRun = runs[0];
  const lastFailed = lastInstance ? lastInstance.status === 'FAILED' : lastRun?.outcome === 'failed';
  const lastText = lastRun
    ? `${env.time(lastRun.ended)}, ${outcomeOf(s, lastRun)}: ${runError(lastRun) ? `${runError(lastRun)?.code}: ${runError(lastRun)?.message}` : outcomeText(s.key, lastRun.summary)}`
    : noRunText(d, s, runs);
  const failed: Piece[] = lastFailed
    ? [
        { bad: 'Yes' },
        ...(lastInstance?.status === 'FAILED'
          ? [
              ` (script instance failed ${env.time(lastInstance.ended ?? lastInstance.created)}; see the deployment's execution log)`,
            ]
          : []),
      ]
    : [lastRun || lastInstance ? 'No' : '—'];
  return [
    { id: `custpage_${s.key}_last`, label: 'Last run', value: lastText },
    { id: `custpage_${s.key}_failed`, label: 'Last run failed', value: failed },
  ];
}

function scriptFields(d: PageData, s: SyncScript, runs: RunEntry[], handoff?: MapReduceHandoff | null) {
  const deps = d.deployments.filter((x) => x.scriptId === s.scriptId);
  const deploymentLines = deps.map((x) => [`${x.deploymentId}: ${deploymentState(x)}`]);
  const fields: FieldView[] = [
    {
      id: `custpage_${s.key}_deployments`,
      label: 'Deployments',
      value: deploymentLines.length ? joined(deploymentLines, { br: true }) : ['none found'],
    },
    ...lastRunFields(d, s, runs),
    {
      id: `custpage_${s.key}_next`,
      label: 'Next',
      value: joined(
        nextRuns(d, s).map((x) => [x]),
        { br: true },
      ),
    },
  ];
  if (s.key === 'import_mr')
    fields.unshift({
      id: 'custpage_import_mr_handoff',
      label: 'Feeds handed over',
      value: handoff?.feeds.length
        ? `${handedFeeds(handoff)}; submitted ${plural(handoff.attempts, 'time')}`
        : 'none: HC_SC_ImportCustomer imports the waiting feeds itself',
    });
  if (s.key === 'import' || s.key === 'export')
    fields.push({
      id: `custpage_${s.key}_runnow`,
      label: 'Run now',
      value: [
        {
          button: {
            name: PARAM.run,
            value: s.key === 'import' ? ACTIONS.runImport : ACTIONS.runExport,
            label: `Run ${s.name} now`,
          },
        },
        ` on ${ON_DEMAND[s.key].deploymentId}, as HotWax starts it`,
      ],
    });
  return fields;
}

function runsTable(d: PageData, s: SyncScript, runs: RunEntry[]): TableView {
  return {
    kind: 'table',
    id: `custpage_runs_${s.key}`,
    label: `${s.title}: last runs (${s.name})`,
    columns: [
      { id: 'ended', label: 'Ended' },
      { id: 'deployment', label: 'Deployment' },
      { id: 'outcome', label: 'Outcome' },
      { id: 'counts', label: 'What it did' },
      { id: 'units', label: 'Units used' },
      { id: 'rescheduled', label: s.key === 'import_mr' ? 'Queued HC_SC_ImportCustomer' : 'Rescheduled' },
    ],
    rows: runs
      .slice(0, 5)
      .map((r) => [
        d.env.time(r.ended),
        r.deploymentId,
        r.outcome === 'failed' ? { bad: 'failed' } : outcomeOf(s, r),
        errorOrOutcome(s, r),
        r.summary.unitsUsed === undefined ? '\u2014' : n(r.summary.unitsUsed).toLocaleString('en-US'),
        r.summary.rescheduled ? 'Yes' : 'No',
      ]),
    empty: `${noRunText(d, s, runs)}.`,
  };
}

export function overviewTab(d: PageData): TabView {
  const handoff = d.src.importState()?.handoff;
  const blocks: BlockView[] = [];
  for (const s of SYNC_SCRIPTS) {
    const runs = d.runsByScript.get(s.scriptId) ?? [];
    blocks.push(
      {
        kind: 'fields',
        id: `custpage_grp_${s.key}`,
        label: `${s.title} (${s.name}${'about' in s ? `, ${s.about}` : ''})`,
        fields: scriptFields(d, s, runs, handoff),
      },
      runsTable(d, s, runs),
    );
  }
  return { id: 'custpage_tab_overview', label: 'Overview', blocks };
}
