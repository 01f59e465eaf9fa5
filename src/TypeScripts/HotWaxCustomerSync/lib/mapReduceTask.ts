/**
 * Submitting an on-demand map/reduce deployment (MapReduceScriptTask.submit, 20 units). NetSuite
 * refuses a second unfinished task of one deployment (MAP_REDUCE_ALREADY_RUNNING): that is not a
 * failure for a caller that only wants the job to run, so it returns false and logs.
 */
import type * as taskTypes from 'N/task';
import type * as logTypes from 'N/log';
import { describeError } from './errors';

export function submitMapReduce(
  m: { task: typeof taskTypes; log: typeof logTypes },
  scriptId: string,
  deploymentId: string,
): boolean {
  try {
    m.task.create({ taskType: m.task.TaskType.MAP_REDUCE, scriptId, deploymentId }).submit();
    return true;
  } catch (e) {
    const { code, message } = describeError(e);
    m.log.audit({ title: `${deploymentId} not submitted`, details: `${code}: ${message}` });
    return false;
  }
}
