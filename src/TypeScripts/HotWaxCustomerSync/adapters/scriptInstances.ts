/**
 * Is a script deployment running? The "Scheduled Script Instance" search (scheduledscriptinstance, as on
 * Customization > Scripting > Scheduled Script Status) lists every instance with its status.
 * task.checkStatus would need the holder's task id, which an execution started by its schedule never
 * learns (N/runtime does not tell it), so the search by deployment is the one NetSuite offers.
 * Cost: 5 units (runPaged; the count needs no page fetch). Only paid when another deployment's lease
 * is found, so a normal run pays nothing.
 */
import type * as searchTypes from 'N/search';

/** Instance statuses of an execution that is still alive (RETRY: NetSuite restarts it after a server failure). */
const ALIVE = ['PROCESSING', 'RETRY'];
/** Also queued: a map/reduce handed a feed holds it from its submit on (HC_MR_ImportCustomer). */
export const QUEUED_OR_ALIVE = ['PENDING', ...ALIVE];

export function deploymentIsRunning(
  search: Pick<typeof searchTypes, 'create'>,
  scriptId: string,
  deploymentId: string,
  statuses: string[] = ALIVE,
): boolean {
  try {
    return (
      search
        .create({
          type: 'scheduledscriptinstance',
          filters: [
            ['script.scriptid', 'is', scriptId],
            'AND',
            ['scriptdeployment.scriptid', 'is', deploymentId],
            'AND',
            ['status', 'anyof', ...statuses],
          ],
        })
        .runPaged({ pageSize: 5 }).count > 0
    );
  } catch {
    // Not allowed to read script instances (role permissions): trust the lease until it expires.
    return true;
  }
}
