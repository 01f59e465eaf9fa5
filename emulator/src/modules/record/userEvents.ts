/** The user event scripts a record write runs (runners/userEvent.ts). */
type UserEvents = typeof import('../../runners/userEvent').runUserEvents;
let userEventRunner: UserEvents | undefined;
/** User event scripts deployed on the record type (runners/userEvent.ts; required lazily: it loads the runners). */
export function userEvents(...args: Parameters<UserEvents>): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  userEventRunner ??= (require('../../runners/userEvent') as { runUserEvents: UserEvents }).runUserEvents;
  userEventRunner(...args);
}
