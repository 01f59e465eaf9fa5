/**
 * N/task submits: rescheduling a scheduled script on its NOTSCHEDULED deployment, and handing work to
 * an on-demand map/reduce deployment.
 */
import type * as taskTypes from 'N/task';
import type * as logTypes from 'N/log';
import { describeError } from '../core/errors';

/**
 * Queue the next execution on the script's NOTSCHEDULED deployment (20 units). False when NetSuite
 * refuses (that deployment is already queued): the next scheduled run continues from the checkpoint.
 */
export function reschedule(
  m: { task: typeof taskTypes; log: typeof logTypes },
  scriptId: string,
  deploymentId: string,
): boolean {
  try {
    m.task.create({ taskType: m.task.TaskType.SCHEDULED_SCRIPT, scriptId, deploymentId }).submit();
    return true;
  } catch (e) {
    const { code, message } = describeError(e);
    m.log.audit({
      title: 'Not rescheduled',
      details: `${code}: ${message}. The next scheduled run continues from the checkpoint.`,
    });
    return false;
  }
}

/**
 * Submit an on-demand map/reduce deployment (MapReduceScriptTask.submit, 20 units). NetSuite
 * refuses a second unfinished task of one deployment (MAP_REDUCE_ALREADY_RUNNING): not a failure for
 * a caller that only wants the job to run ('already queued'). Any other refusal (the deployment is
 * missing, not deployed, not Not Scheduled) means the job cannot run at all ('unavailable', logged).
 */
export type SubmitResult = 'submitted' | 'already queued' | 'unavailable';

export function submitMapReduce(
  m: { task: typeof taskTypes; log: typeof logTypes },
  scriptId: string,
  deploymentId: string,
): SubmitResult {
  try {
    m.task.create({ taskType: m.task.TaskType.MAP_REDUCE, scriptId, deploymentId }).submit();
    return 'submitted';
  } catch (e) {
    const { code, message } = describeError(e);
    if (code === 'SSS_USAGE_LIMIT_EXCEEDED') throw e;
    m.log.audit({ title: `${deploymentId} not submitted`, details: `${code}: ${message}` });
    return code === 'MAP_REDUCE_ALREADY_RUNNING' ? 'already queued' : 'unavailable';
  }
}
