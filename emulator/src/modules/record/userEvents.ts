/**
 * The user event scripts a record write runs. The runner (runners/userEvent.ts) registers itself here
 * when it loads (the package entry loads it), so N/record never imports the runners that build
 * executions out of it: no import circle.
 */
import type { ExecutionContext } from '../../core/context';

/** runners/userEvent.ts's runUserEvents (its shape written here: importing it would close the circle). */
type UserEvents = (
  ctx: ExecutionContext,
  entry: 'beforeLoad' | 'beforeSubmit' | 'afterSubmit',
  recordType: string,
  eventType: string,
  records: () => { newRecord?: unknown; oldRecord?: unknown },
) => void;
let userEventRunner: UserEvents | undefined;

export function registerUserEventRunner(runner: UserEvents): void {
  userEventRunner = runner;
}

/** User event scripts deployed on the record type. */
export function userEvents(...args: Parameters<UserEvents>): void {
  if (userEventRunner) return userEventRunner(...args);
  const scripts = (args[0].account as { scripts?: Map<string, { kind: string }> }).scripts;
  if (scripts && [...scripts.values()].some((s) => s.kind === 'USEREVENT'))
    throw new Error(
      'A user event script is deployed but its runner is not loaded: import the emulator from its package entry (emulator/src).',
    );
}
