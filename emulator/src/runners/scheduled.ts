/**
 * Runs a scheduled script the way SuiteCloud Processors do: loads the script file from the File
 * Cabinet, checks its header and entry point, calls execute({ type }) under a 10,000-unit meter
 * (NetSuite help "SuiteScript Governance and Limits"; scheduledContext.type from "scheduledContext.type":
 * SCHEDULED for a scheduled deployment, ONDEMAND for a submitted one) and a 3,600 s modeled time limit
 * (help "Script Execution Time Limits": SSS_TIME_LIMIT_EXCEEDED, the execution stops).
 */
import type { Account, DeploymentDef, ScriptDef } from '../account';
import type { TaskEntry } from '../core/tasks';
import type { FaultPlan } from '../core/context';
import { SuiteScriptError } from '../core/errors';
import { writeLog } from '../modules/log';
import { closeSftpConnections } from '../modules/sftp';
import { JobClock } from '../core/clock';
import { Execution, LIMITS, TIME_LIMITS_SECONDS, serializeError } from './execution';
import { acquireProcessor } from './processors';
import type { ExecutionResult, ExecutionStatus } from './types';

export interface RunOptions {
  scriptId: string;
  deploymentId?: string;
  /** Parameter values for this run only (override the deployment's). */
  params?: Record<string, unknown>;
  faults?: FaultPlan;
  /** The queued task this run executes (the Scheduler passes it). */
  task?: TaskEntry;
  /** scheduledContext.type; default SCHEDULED for a SCHEDULED deployment, ONDEMAND otherwise. */
  type?: string;
  /** Map/reduce: seed of the interleaving of concurrent jobs; default account.seed. */
  seed?: number;
  /**
   * Map/reduce: what an emulated crash (fault plan) is. true (default): an application-server
   * disruption, after which NetSuite restarts the stage as documented. false: the run stops there,
   * status CRASHED (as for scheduled scripts).
   */
  restartOnCrash?: boolean;
}

export interface Prepared {
  script: ScriptDef;
  deployment: DeploymentDef;
  task: TaskEntry;
  params: Record<string, unknown>;
}

/** Finds the script and deployment and registers the run as a PROCESSING task. */
export function prepare(account: Account, opts: RunOptions, kind: 'SCHEDULED' | 'MAPREDUCE'): Prepared {
  const script = account.script(opts.task?.scriptId ?? opts.scriptId);
  if (script.kind !== kind) {
    throw new SuiteScriptError(
      'INVALID_SCRIPT_TYPE',
      `${script.scriptId} is a ${script.kind === 'MAPREDUCE' ? 'map/reduce' : 'scheduled'} script`,
    );
  }
  const deployment = account.deployment(script, opts.task?.deploymentId ?? opts.deploymentId);
  const task =
    opts.task ??
    account.tasks.add({
      taskType: kind === 'MAPREDUCE' ? 'MAP_REDUCE' : 'SCHEDULED_SCRIPT',
      scriptId: script.scriptId,
      deploymentId: deployment.deploymentId,
      params: {},
      status: 'PROCESSING',
      submittedAt: account.now(),
    });
  task.status = 'PROCESSING';
  return { script, deployment, task, params: { ...task.params, ...(opts.params ?? {}) } };
}

export function finish(
  account: Account,
  exec: Execution,
  task: TaskEntry,
  logStart: number,
  status: ExecutionStatus,
  error: unknown,
  extra: Partial<ExecutionResult> = {},
): ExecutionResult {
  closeSftpConnections(exec);
  if (exec.crashed) status = 'CRASHED';
  // the run's modeled end, before the closing log entry so that it is stamped at the end
  const modeledMs = extra.modeledMs ?? exec.clock.elapsedMs;
  const endedAt = extra.endedAt ?? new Date(exec.clock.startMs + modeledMs);
  account.reachedModeledTime(endedAt.getTime());
  account.modeledTotalMs += modeledMs;
  const serialized = error === undefined ? undefined : serializeError(error);
  if (serialized && status === 'FAILED') writeLog(exec, 'ERROR', serialized.name, serialized.message);
  const byApi = Object.fromEntries([...exec.usage.entries()].sort(([a], [b]) => a.localeCompare(b)));
  const total = Object.values(byApi).reduce((s, e) => s + e.units, 0);
  const logs = account.logs.slice(logStart).filter((l) => l.executionId === exec.executionId);
  const result: ExecutionResult = {
    status,
    error: serialized,
    usage: { total, byApi },
    logs,
    executionId: exec.executionId,
    scriptId: exec.script.scriptId,
    deploymentId: exec.script.deploymentId,
    kind: exec.script.kind,
    taskId: task.taskId,
    startedAt: exec.startedAt,
    crashedAt: exec.crashed?.api,
    ...extra,
    endedAt,
    modeledMs,
  };
  task.status = status === 'COMPLETE' ? 'COMPLETE' : 'FAILED';
  task.stage = undefined;
  task.result = result;
  account.executions.push(result);
  return result;
}

export function runScheduled(account: Account, opts: RunOptions): ExecutionResult {
  const p = prepare(account, opts, 'SCHEDULED');
  // one job: it waits in the queue for a free processor (runners/processors.ts) and holds it to its end
  const slot = acquireProcessor(account, account.now().getTime());
  const exec = new Execution({
    account,
    script: p.script,
    deployment: p.deployment,
    params: p.params,
    faults: opts.faults,
    task: p.task,
    limit: account.usageLimits.get(p.script.scriptId) ?? LIMITS.scheduled,
    timeLimitSeconds: TIME_LIMITS_SECONDS.scheduled,
    clock: new JobClock(slot.startMs),
  });
  const logStart = account.logs.length;
  let status: ExecutionStatus = 'COMPLETE';
  let error: unknown;
  exec.clock.advance(account.overheads.jobStartMs);
  try {
    exec.run(() => {
      const { module } = exec.sandbox.loadEntry(p.script.scriptFile, 'ScheduledScript');
      const type =
        opts.type ??
        (opts.task?.submittedBy || p.deployment.status !== 'SCHEDULED' ? 'ONDEMAND' : 'SCHEDULED');
      (module as { execute: (c: unknown) => unknown }).execute({ type });
    });
  } catch (e) {
    status = 'FAILED';
    error = e;
  }
  // past the time limit the execution ends with SSS_TIME_LIMIT_EXCEEDED, also if the script caught it
  if (exec.timedOut && !exec.crashed) {
    status = 'FAILED';
    error = exec.timedOut;
  }
  exec.addUsage(exec.meter);
  const result = finish(account, exec, p.task, logStart, status, error);
  slot.release(result.endedAt.getTime());
  return result;
}
