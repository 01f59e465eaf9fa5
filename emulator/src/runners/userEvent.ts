/**
 * User event scripts on the records scripts write (help "SuiteScript 2.x User Event Script Type",
 * "How User Event Scripts are Executed", "beforeSubmit(context)", "afterSubmit(context)",
 * "beforeLoad(context)", "context.UserEventType"):
 * - a deployment of a user event script (SDF `usereventscript`, deployment `recordtype`, status RELEASED,
 *   deployed) runs on every write of its record type by another script: beforeSubmit before the record is
 *   stored (its changes to newRecord are stored; an error it throws makes the write throw that error, and
 *   nothing is stored), afterSubmit after (the record is stored; its error is thrown to the caller);
 *   beforeLoad when a server script loads the record ("a read request ... from server SuiteScript");
 * - user events never run for writes made by user event scripts ("can't be triggered by other user event
 *   scripts");
 * - each entry point runs with its own 1,000 units (help "Script Type Usage Unit Limits"), on the caller's
 *   modeled clock, runtime.executionContext that of the triggering script, in the caller's account.
 * Unverified: beforeLoad's type for a script's record.load ('view' here, no form), the error a thrown
 * non-Error value becomes (USER_ERROR here), afterSubmit errors reaching the caller, TESTING deployments
 * (not run here), and the order of several deployments on one type (script id order here).
 */
import type { Account } from '../account';
import type { ExecutionContext } from '../core/context';
import { SuiteScriptError } from '../core/errors';
import { closeSftpConnections } from '../modules/sftp';
import { Execution } from './execution';
import { registerUserEventRunner } from '../modules/record/userEvents';

export const USER_EVENT_LIMIT = 1_000;

export const UserEventType = Object.freeze({
  APPROVE: 'approve',
  CANCEL: 'cancel',
  CHANGEPASSWORD: 'changepassword',
  COPY: 'copy',
  CREATE: 'create',
  DELETE: 'delete',
  DROPSHIP: 'dropship',
  EDIT: 'edit',
  EDITFORECAST: 'editforecast',
  EMAIL: 'email',
  MARKCOMPLETE: 'markcomplete',
  ORDERITEMS: 'orderitems',
  PACK: 'pack',
  PAYBILLS: 'paybills',
  PRINT: 'print',
  QUICKVIEW: 'quickview',
  REASSIGN: 'reassign',
  REJECT: 'reject',
  SHIP: 'ship',
  SPECIALORDER: 'specialorder',
  TRANSFORM: 'transform',
  VIEW: 'view',
  XEDIT: 'xedit',
});

export type UserEventEntry = 'beforeLoad' | 'beforeSubmit' | 'afterSubmit';

class UserEventExecution extends Execution {
  readonly isUserEvent = true;
}

/**
 * Runs `entry` of every user event deployment on `recordType` (none when the caller is itself a user
 * event). `records` gives newRecord / oldRecord as the caller's record objects.
 */
export function runUserEvents(
  ctx: ExecutionContext,
  entry: UserEventEntry,
  recordType: string,
  eventType: string,
  records: () => { newRecord?: unknown; oldRecord?: unknown },
): void {
  if ((ctx as { isUserEvent?: boolean }).isUserEvent) return;
  const account = ctx.account as Account;
  if (!account.scripts) return;
  const caller = ctx as Partial<Execution>;
  for (const script of [...account.scripts.values()].sort((a, b) => a.scriptId.localeCompare(b.scriptId))) {
    if (script.kind !== 'USEREVENT') continue;
    for (const deployment of script.deployments) {
      if (!deployment.isDeployed || deployment.status !== 'RELEASED') continue;
      if (deployment.recordType?.toLowerCase() !== recordType) continue;
      const exec = new UserEventExecution({
        account,
        script,
        deployment,
        limit: USER_EVENT_LIMIT,
        clock: caller.clock,
        faults: caller.faults,
        contextType: caller.contextType ?? 'USEREVENT',
      });
      try {
        const { module } = exec.sandbox.loadEntry(script.scriptFile, 'UserEventScript');
        const fn = (module as Record<string, unknown>)[entry];
        if (typeof fn !== 'function') continue;
        exec.run(() => fn({ ...records(), type: eventType, UserEventType }));
      } catch (e) {
        if (e instanceof SuiteScriptError || (e instanceof Error && e.name === 'EMULATED_CRASH')) throw e;
        if (e && typeof e === 'object' && 'name' in e && 'message' in e) throw e;
        throw new SuiteScriptError('USER_ERROR', String(e));
      } finally {
        if (exec.crashed && caller.crashed === null) (ctx as Execution).crashed = exec.crashed;
        exec.addUsage(exec.meter);
        closeSftpConnections(exec);
      }
    }
  }
}

registerUserEventRunner(runUserEvents);
