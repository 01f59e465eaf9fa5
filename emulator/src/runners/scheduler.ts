/**
 * Runs queued tasks (scripts submitted through N/task, deployments queued from a test or a schedule)
 * one after another, first in first out, until the queue is empty, like SuiteCloud Processors with one
 * processor. A cap on executions catches a script that reschedules itself forever.
 */
import type { Account } from '../account';
import type { FaultPlan } from '../core/context';
import { submitTask, type TaskEntry } from '../core/tasks';
import { runCsvImport, runSearchTask } from './asyncTasks';
import { runMapReduce } from './mapReduce';
import { runScheduled } from './scheduled';
import type { ExecutionResult } from './types';

export interface SchedulerOptions {
  /** Most executions one run() performs; default 100. */
  maxExecutions?: number;
  /** Fault plan for a task's execution (crash tests). */
  faults?: (task: TaskEntry, n: number) => FaultPlan | undefined;
  /** Map/reduce runs: false makes a fault plan's crash end the run (CRASHED) instead of restarting the stage. */
  restartOnCrash?: boolean;
}

export class SchedulerCapError extends Error {
  constructor(
    readonly results: ExecutionResult[],
    readonly pending: TaskEntry[],
  ) {
    super(
      `Scheduler stopped after ${results.length} executions with ${pending.length} task(s) still queued ` +
        `(${pending.map((t) => `${t.scriptId}/${t.deploymentId}`).join(', ')}): a script that reschedules itself without end?`,
    );
    this.name = 'SCHEDULER_CAP_EXCEEDED';
  }
}

export class Scheduler {
  private executed = 0;

  constructor(
    readonly account: Account,
    readonly options: SchedulerOptions = {},
  ) {}

  /** Queues a deployment as "Save and Execute" in the UI does (the same rules as N/task, no units). */
  submit(scriptId: string, deploymentId?: string, params?: Record<string, unknown>): TaskEntry {
    const script = this.account.script(scriptId);
    return submitTask(
      this.account,
      script.kind === 'MAPREDUCE' ? 'MAP_REDUCE' : 'SCHEDULED_SCRIPT',
      script.scriptId,
      deploymentId,
      params,
    );
  }

  /** Queues every deployed SCHEDULED deployment that has no unfinished task (one tick of the schedule). */
  queueScheduledDeployments(): TaskEntry[] {
    const out: TaskEntry[] = [];
    for (const s of this.account.scripts.values()) {
      for (const d of s.deployments) {
        if (d.status !== 'SCHEDULED' || !d.isDeployed) continue;
        // a task submitted for this deployment waits for this tick: it runs now, no second task
        const held = this.account.tasks.entries.find(
          (t) =>
            t.waitsForSchedule &&
            t.status === 'PENDING' &&
            t.scriptId === s.scriptId &&
            t.deploymentId === d.deploymentId,
        );
        if (held) {
          held.waitsForSchedule = undefined;
          out.push(held);
          continue;
        }
        if (this.account.tasks.unfinished(s.scriptId, d.deploymentId).length > 0) continue;
        out.push(
          this.account.tasks.add({
            taskType: s.kind === 'MAPREDUCE' ? 'MAP_REDUCE' : 'SCHEDULED_SCRIPT',
            scriptId: s.scriptId,
            deploymentId: d.deploymentId,
            params: {},
            status: 'PENDING',
            submittedAt: this.account.now(),
          }),
        );
      }
    }
    return out;
  }

  /** Runs one queued task, or returns undefined when the queue is empty. */
  runNext(): ExecutionResult | undefined {
    const task = this.account.tasks.nextPending();
    if (!task) return undefined;
    this.executed += 1;
    if (task.taskType === 'CSV_IMPORT') return runCsvImport(this.account, task);
    if (task.taskType === 'SEARCH') return runSearchTask(this.account, task);
    const faults = this.options.faults?.(task, this.executed);
    const opts = {
      scriptId: task.scriptId,
      deploymentId: task.deploymentId,
      task,
      faults,
      restartOnCrash: this.options.restartOnCrash,
    };
    return task.taskType === 'MAP_REDUCE'
      ? runMapReduce(this.account, opts)
      : runScheduled(this.account, opts);
  }

  /** Runs queued tasks until none is left; throws SchedulerCapError past maxExecutions. */
  run(): ExecutionResult[] {
    const max = this.options.maxExecutions ?? 100;
    const results: ExecutionResult[] = [];
    for (;;) {
      if (!this.account.tasks.nextPending()) return results;
      if (results.length >= max) {
        throw new SchedulerCapError(
          results,
          this.account.tasks.entries.filter((t) => t.status === 'PENDING'),
        );
      }
      const r = this.runNext();
      if (r) results.push(r);
    }
  }
}
