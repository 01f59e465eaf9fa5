/** Rescheduling: the next execution queued on the script's NOTSCHEDULED deployment. */
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
