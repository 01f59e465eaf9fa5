/**
 * Submitting an on-demand map/reduce deployment (MapReduceScriptTask.submit, 20 units). NetSuite
 * refuses a second unfinished task of one deployment (MAP_REDUCE_ALREADY_RUNNING): not a failure for
 * a caller that only wants the job to run ('already queued'). Any other refusal (the deployment is
 * missing, not deployed, not Not Scheduled) means the job cannot run at all ('unavailable', logged).
 */
import type * as taskTypes from 'N/task';
import type * as logTypes from 'N/log';
import { describeError } from './errors';

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
