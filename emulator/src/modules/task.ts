/**
 * N/task for scheduled scripts and map/reduce scripts (NetSuite help "N/task Module",
 * "ScheduledScriptTask.submit()", "MapReduceScriptTask.submit()", "Submitting Multiple Deployments of
 * the Same Script"):
 * - task.create({ taskType, scriptId?, deploymentId?, params? }) (0 units); properties can be set after.
 * - submit() costs 20 units and queues the deployment in account.tasks; returns the task id.
 *   Only a deployed NOTSCHEDULED deployment can be submitted; with no deploymentId the script's first
 *   deployed NOTSCHEDULED deployment with no unfinished task is taken.
 *   "A scheduled script can be submitted for processing only if there is no unfinished scheduled script
 *   task for the same script ID and script deployment ID": a script resubmitting its own deployment is
 *   queued to run after the current execution; any other unfinished task makes submit() throw:
 *   MAP_REDUCE_ALREADY_RUNNING for map/reduce (help "Submitting Multiple Deployments of the Same Script"),
 *   FAILED_TO_SUBMIT_JOB_REQUEST_1 for scheduled scripts (code as NetSuite reports it; help text not found,
 *   unverified), NO_DEPLOYMENTS_AVAILABLE when no deployment is free (SuiteScript 1.0 code, unverified).
 * - task.checkStatus({ taskId }) (0 units) → { taskId, scriptId, deploymentId, status: PENDING |
 *   PROCESSING | COMPLETE | FAILED } (+ stage and counters for map/reduce).
 * Other task types (CSV import, search, SuiteQL, ...) throw SSS_NOT_YET_SUPPORTED.
 */
import type * as taskTypes from 'N/task';
import type { ExecutionContext } from '../core/context';
import { SuiteScriptError } from '../core/errors';
import type { Account, DeploymentDef, ScriptDef, TaskEntry } from '../account';

export const TaskType = {
  SCHEDULED_SCRIPT: 'SCHEDULED_SCRIPT',
  MAP_REDUCE: 'MAP_REDUCE',
  CSV_IMPORT: 'CSV_IMPORT',
  ENTITY_DEDUPLICATION: 'ENTITY_DEDUPLICATION',
  WORKFLOW_TRIGGER: 'WORKFLOW_TRIGGER',
  SEARCH: 'SEARCH',
  RECORD_ACTION: 'RECORD_ACTION',
  SUITE_QL: 'SUITE_QL',
  QUERY: 'QUERY',
  DOCUMENT_CAPTURE: 'DOCUMENT_CAPTURE',
} as const;
export const TaskStatus = {
  PENDING: 'PENDING',
  PROCESSING: 'PROCESSING',
  COMPLETE: 'COMPLETE',
  FAILED: 'FAILED',
} as const;
export const MapReduceStage = {
  GET_INPUT: 'GET_INPUT',
  MAP: 'MAP',
  SHUFFLE: 'SHUFFLE',
  REDUCE: 'REDUCE',
  SUMMARIZE: 'SUMMARIZE',
} as const;

const KIND_OF: Record<string, 'SCHEDULED' | 'MAPREDUCE'> = {
  SCHEDULED_SCRIPT: 'SCHEDULED',
  MAP_REDUCE: 'MAPREDUCE',
};

function accountOf(ctx: ExecutionContext): Account {
  const a = ctx.account as Partial<Account>;
  if (!a.tasks || !a.scripts)
    throw new SuiteScriptError('SSS_NOT_YET_SUPPORTED', 'N/task needs an emulator Account');
  return a as Account;
}

function storedParams(params: unknown): Record<string, string> {
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

/** Queues a script deployment as submit() does; throws NetSuite's errors. Shared with the Scheduler. */
export function submitTask(
  account: Account,
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
  const already = (d: DeploymentDef) => account.tasks.unfinished(script.scriptId, d.deploymentId);
  const isSelf = (d: DeploymentDef) =>
    !!current &&
    current.scriptId.toLowerCase() === script.scriptId &&
    current.deploymentId.toLowerCase() === d.deploymentId;
  /** Unfinished tasks that block a submit: all, except the running execution resubmitting itself. */
  const blocking = (d: DeploymentDef) => already(d).filter((t) => !(isSelf(d) && t.status === 'PROCESSING'));
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
    if (!dep.isDeployed || dep.status !== 'NOTSCHEDULED') {
      throw new SuiteScriptError(
        'FAILED_TO_SUBMIT_JOB_REQUEST_1',
        `Failed to submit job request: deployment ${dep.deploymentId} of ${script.scriptId} ` +
          (dep.isDeployed
            ? `has status ${dep.status}; only a Not Scheduled deployment can be submitted`
            : 'is not deployed'),
      );
    }
    if (blocking(dep).length > 0) {
      if (kind === 'MAPREDUCE') {
        throw new SuiteScriptError(
          'MAP_REDUCE_ALREADY_RUNNING',
          `Map/reduce script ${script.scriptId} deployment ${dep.deploymentId} is already submitted and not finished`,
        );
      }
      throw new SuiteScriptError(
        'FAILED_TO_SUBMIT_JOB_REQUEST_1',
        `Failed to submit job request: script ${script.scriptId} deployment ${dep.deploymentId} is already queued or running`,
      );
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
  });
}

function statusOf(t: TaskEntry) {
  const mr = t.result?.mapReduce;
  const base = {
    taskId: t.taskId,
    scriptId: t.scriptId,
    deploymentId: t.deploymentId,
    status: t.status,
    toString: () =>
      `${t.taskType === 'MAP_REDUCE' ? 'MapReduceScriptTaskStatus' : 'ScheduledScriptTaskStatus'}`,
    toJSON: () => ({
      taskId: t.taskId,
      scriptId: t.scriptId,
      deploymentId: t.deploymentId,
      status: t.status,
      stage: t.stage,
    }),
  };
  if (t.taskType !== 'MAP_REDUCE') return base;
  const done = t.status === 'COMPLETE' || t.status === 'FAILED';
  return {
    ...base,
    stage: done ? null : (t.stage ?? null),
    getPercentageCompleted: () => (done ? 100 : 0),
    getTotalMapCount: () => mr?.mapKeys ?? 0,
    getTotalReduceCount: () => mr?.reduceKeys ?? 0,
    getTotalOutputCount: () => mr?.output.length ?? 0,
    getPendingMapCount: () => (done ? 0 : (mr?.mapKeys ?? 0)),
    getPendingReduceCount: () => (done ? 0 : (mr?.reduceKeys ?? 0)),
    getPendingOutputCount: () => 0,
    getPendingMapSize: () => 0,
    getPendingReduceSize: () => 0,
    getPendingOutputSize: () => 0,
    getCurrentTotalSize: () => 0,
  };
}

export function createTaskModule(ctx: ExecutionContext): typeof taskTypes {
  const create = (options: {
    taskType?: string;
    scriptId?: string | number;
    deploymentId?: string;
    params?: unknown;
  }) => {
    if (!options || typeof options !== 'object' || !options.taskType) {
      throw new SuiteScriptError(
        'SSS_MISSING_REQD_ARGUMENT',
        'task.create: Missing a required argument: taskType',
      );
    }
    const taskType = String(options.taskType).toUpperCase();
    if (!(taskType in TaskType)) {
      throw new SuiteScriptError('INVALID_TASK_TYPE', `task.create: invalid task type ${options.taskType}`);
    }
    if (taskType !== 'SCHEDULED_SCRIPT' && taskType !== 'MAP_REDUCE') {
      throw new SuiteScriptError('SSS_NOT_YET_SUPPORTED', `task type ${taskType} is not emulated`);
    }
    ctx.charge('task.create', 0);
    let submitted: string | null = null;
    const t = {
      scriptId: options.scriptId as string | number | undefined,
      deploymentId: options.deploymentId as string | undefined,
      params: options.params ?? {},
      id: null as string | null,
      submit(): string {
        if (submitted) {
          throw new SuiteScriptError(
            'FAILED_TO_SUBMIT_JOB_REQUEST_1',
            `Failed to submit job request: task already submitted (${submitted})`,
          );
        }
        ctx.charge(
          `task.${taskType === 'MAP_REDUCE' ? 'MapReduceScriptTask' : 'ScheduledScriptTask'}.submit`,
          20,
        );
        const entry = submitTask(
          accountOf(ctx),
          taskType as 'SCHEDULED_SCRIPT' | 'MAP_REDUCE',
          t.scriptId,
          t.deploymentId,
          t.params,
          {
            scriptId: ctx.script.scriptId,
            deploymentId: ctx.script.deploymentId,
            executionId: ctx.executionId,
          },
        );
        submitted = entry.taskId;
        t.id = entry.taskId;
        return entry.taskId;
      },
      addInboundDependency() {
        throw new SuiteScriptError('SSS_NOT_YET_SUPPORTED', 'addInboundDependency is not emulated');
      },
      toString: () => (taskType === 'MAP_REDUCE' ? 'MapReduceScriptTask' : 'ScheduledScriptTask'),
    };
    return t;
  };

  const checkStatus = (options: { taskId: string }) => {
    const id = typeof options === 'string' ? options : options?.taskId;
    if (!id)
      throw new SuiteScriptError(
        'SSS_MISSING_REQD_ARGUMENT',
        'task.checkStatus: Missing a required argument: taskId',
      );
    ctx.charge('task.checkStatus', 0);
    const t = accountOf(ctx).tasks.get(String(id));
    if (!t) throw new SuiteScriptError('INVALID_TASK_ID', `task.checkStatus: no task with id ${id}`);
    return statusOf(t);
  };

  return { create, checkStatus, TaskType, TaskStatus, MapReduceStage } as unknown as typeof taskTypes;
}
