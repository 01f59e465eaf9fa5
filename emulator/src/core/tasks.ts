/**
 * The task queue of SuiteCloud Processors and NetSuite's rules for submitting a script deployment
 * (shared by N/task and the Scheduler; no dependency on the account or the runners, so neither imports
 * the other through here).
 *
 * Submit rules (NetSuite help "ScheduledScriptTask.submit()", "MapReduceScriptTask.submit()",
 * "Submitting an On-Demand Map/Reduce Script Deployment from a Script / from the UI", "Submitting
 * Multiple Deployments of the Same Script"):
 * - The Deployed box must be checked, whatever the status ("The system only submits the deployment if
 *   the Deployed box is checked, regardless of the Status").
 * - NOTSCHEDULED: queued now.
 * - Scheduled script, status SCHEDULED: "the script will be placed into the queue according to the
 *   time(s) specified on the Script Deployment page": the task is held until the next schedule tick
 *   (Scheduler.queueScheduledDeployments()), which runs it once (no second task for that tick).
 * - Scheduled script, status TESTING: "this method will not place the script into the scheduling
 *   queue": the task id is returned and the task never runs (it stays PENDING; unverified whether
 *   NetSuite gives an id or throws).
 * - Map/reduce: "For the call to be successful, the Status field on the script deployment record must
 *   be set to Not Scheduled": any other status throws FAILED_TO_SUBMIT_JOB_REQUEST_1 (code unverified).
 * - One unfinished task per script deployment. A script resubmitting its own running deployment is
 *   queued to run after the current execution; a map/reduce script doing so gets no task id ("no task
 *   ID is returned"), a scheduled script gets one. Any other unfinished task (queued or running) makes
 *   submit throw: MAP_REDUCE_ALREADY_RUNNING for map/reduce, FAILED_TO_SUBMIT_JOB_REQUEST_1 for
 *   scheduled scripts (code unverified). With no deploymentId the first deployed NOTSCHEDULED
 *   deployment without an unfinished task is taken, else NO_DEPLOYMENTS_AVAILABLE (unverified).
 */
import { SuiteScriptError } from './errors';
import type { DeploymentDef, ScriptDef } from './scriptDefs';
import type { ExecutionResult } from './results';

// Defined with the results (an ExecutionResult carries it), named here with the task that produces it.
export type { CsvImportResult } from './results';

export type TaskStatus = 'PENDING' | 'PROCESSING' | 'COMPLETE' | 'FAILED';
export type QueuedTaskType = 'SCHEDULED_SCRIPT' | 'MAP_REDUCE' | 'CSV_IMPORT' | 'SEARCH';

/** One submitted (or directly run) task. */
export interface TaskEntry {
  taskId: string;
  taskType: QueuedTaskType;
  /** Script tasks: the script and deployment. Other tasks: '' (or what they run as). */
  scriptId: string;
  deploymentId: string;
  params: Record<string, string>;
  status: TaskStatus;
  /** Map/reduce stage while PROCESSING (GET_INPUT, MAP, SHUFFLE, REDUCE, SUMMARIZE). */
  stage?: string;
  submittedAt: Date;
  /** Execution that submitted it, if a script did. */
  submittedBy?: string;
  /** Held until the deployment's next schedule tick (submit of a SCHEDULED deployment). */
  waitsForSchedule?: boolean;
  /** Never runs (submit of a TESTING deployment). */
  neverRuns?: boolean;
  /** What a CSV import or search task works on (set by N/task). */
  payload?: Record<string, unknown>;
  result?: ExecutionResult;
}

const PREFIX: Record<QueuedTaskType, string> = {
  SCHEDULED_SCRIPT: 'SCHEDSCRIPT',
  MAP_REDUCE: 'MAPREDUCETASK',
  CSV_IMPORT: 'CSVIMPORT',
  SEARCH: 'SEARCHTASK',
};

/** The task queue of SuiteCloud Processors, first in first out. */
export class TaskQueue {
  readonly entries: TaskEntry[] = [];
  private seq = 0;

  add(e: Omit<TaskEntry, 'taskId'>): TaskEntry {
    const entry = { ...e, taskId: `${PREFIX[e.taskType]}_${String(++this.seq).padStart(8, '0')}` };
    this.entries.push(entry);
    return entry;
  }

  get(taskId: string): TaskEntry | undefined {
    return this.entries.find((t) => t.taskId === taskId);
  }

  /** Tasks not yet finished (queued or running) for a script deployment. */
  unfinished(scriptId: string, deploymentId: string): TaskEntry[] {
    const s = scriptId.toLowerCase();
    const d = deploymentId.toLowerCase();
    return this.entries.filter(
      (t) =>
        (t.status === 'PENDING' || t.status === 'PROCESSING') &&
        !t.neverRuns &&
        t.scriptId.toLowerCase() === s &&
        t.deploymentId.toLowerCase() === d,
    );
  }

  /** The next task a processor would pick up (not one waiting for its schedule or never to run). */
  nextPending(): TaskEntry | undefined {
    return this.entries.find((t) => t.status === 'PENDING' && !t.waitsForSchedule && !t.neverRuns);
  }
}

/** What submitting needs from an account. */
export interface TaskAccount {
  readonly tasks: TaskQueue;
  script(idOrInternalId: string | number): ScriptDef;
  deployment(script: ScriptDef, deploymentId?: string): DeploymentDef;
  now(): Date;
}

/** Parameter values as NetSuite stores them: 'T'/'F' for booleans, strings otherwise. */
export function storedParams(params: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (params && typeof params === 'object') {
    for (const [k, v] of Object.entries(params as Record<string, unknown>)) {
      out[k.toLowerCase()] =
        v === undefined || v === null
          ? ''
          : typeof v === 'boolean'
            ? v
              ? 'T'
              : 'F'
            : Object.prototype.toString.call(v) === '[object Date]'
              ? (v as Date).toISOString()
              : Array.isArray(v)
                ? v.join('\u0005')
                : typeof v === 'object'
                  ? JSON.stringify(v)
                  : String(v);
    }
  }
  return out;
}

const KIND_OF: Record<string, 'SCHEDULED' | 'MAPREDUCE'> = {
  SCHEDULED_SCRIPT: 'SCHEDULED',
  MAP_REDUCE: 'MAPREDUCE',
};

/** Queues a script deployment as submit() does; throws NetSuite's errors. */
export function submitTask(
  account: TaskAccount,
  taskType: 'SCHEDULED_SCRIPT' | 'MAP_REDUCE',
  scriptId: unknown,
  deploymentId: unknown,
  params: unknown,
  current?: { scriptId: string; deploymentId: string; executionId: string },
): TaskEntry {
  if (scriptId === undefined || scriptId === null || scriptId === '') {
    throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'submit: Missing a required argument: scriptId');
  }
  const script: ScriptDef = account.script(scriptId as string | number);
  const kind = KIND_OF[taskType];
  if (script.kind !== kind) {
    throw new SuiteScriptError(
      'INVALID_TASK_TYPE',
      `Script ${script.scriptId} is a ${script.kind === 'MAPREDUCE' ? 'map/reduce' : 'scheduled'} script, not ${taskType}`,
    );
  }
  const isSelf = (d: DeploymentDef) =>
    !!current &&
    current.scriptId.toLowerCase() === script.scriptId &&
    current.deploymentId.toLowerCase() === d.deploymentId;
  /** Unfinished tasks that block a submit: all, except the running execution resubmitting itself. */
  const blocking = (d: DeploymentDef) =>
    account.tasks
      .unfinished(script.scriptId, d.deploymentId)
      .filter((t) => !(isSelf(d) && t.status === 'PROCESSING'));
  let dep: DeploymentDef;
  if (deploymentId === undefined || deploymentId === null || deploymentId === '') {
    const free = script.deployments.find(
      (d) => d.isDeployed && d.status === 'NOTSCHEDULED' && blocking(d).length === 0,
    );
    if (!free) {
      throw new SuiteScriptError(
        'NO_DEPLOYMENTS_AVAILABLE',
        `No available idle script deployments available for ${script.scriptId}`,
      );
    }
    dep = free;
  } else {
    dep = account.deployment(script, String(deploymentId));
    const refuse = (why: string) =>
      new SuiteScriptError(
        'FAILED_TO_SUBMIT_JOB_REQUEST_1',
        `Failed to submit job request: deployment ${dep.deploymentId} of ${script.scriptId} ${why}`,
      );
    if (!dep.isDeployed) throw refuse('is not deployed');
    const ok =
      dep.status === 'NOTSCHEDULED' ||
      (kind === 'SCHEDULED' && (dep.status === 'SCHEDULED' || dep.status === 'TESTING'));
    if (!ok) throw refuse(`has status ${dep.status}; only a Not Scheduled deployment can be submitted`);
    if (blocking(dep).length > 0) {
      if (kind === 'MAPREDUCE') {
        throw new SuiteScriptError(
          'MAP_REDUCE_ALREADY_RUNNING',
          `Map/reduce script ${script.scriptId} deployment ${dep.deploymentId} is already submitted and not finished`,
        );
      }
      throw refuse('is already queued or running');
    }
  }
  return account.tasks.add({
    taskType,
    scriptId: script.scriptId,
    deploymentId: dep.deploymentId,
    params: storedParams(params),
    status: 'PENDING',
    submittedAt: account.now(),
    submittedBy: current?.executionId,
    waitsForSchedule: dep.status === 'SCHEDULED' || undefined,
    neverRuns: dep.status === 'TESTING' || undefined,
  });
}
