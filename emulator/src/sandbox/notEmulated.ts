/**
 * What the emulator does with a member of the N/ API that NetSuite has and it lacks (the lists in
 * nApiMembers.ts, generated from @hitc/netsuite-types by `npm run emulator:coverage`): using it throws
 * SSS_NOT_YET_SUPPORTED "not emulated: N/module.member", never a silent undefined or no-op.
 */
import { SuiteScriptError } from '../core/errors';
import { N_API_MEMBERS, N_API_OBJECT_MEMBERS } from './nApiMembers';

export function notEmulated(id: string, member: string): SuiteScriptError {
  return new SuiteScriptError(
    'SSS_NOT_YET_SUPPORTED',
    `not emulated: ${id}.${member} (NetSuite has it; the emulator does not: see the N/ API coverage table in emulator/README.md)`,
  );
}

const wrapped = new WeakMap<object, unknown>();

/** A module object whose missing known members throw; one wrapper per module object (global log = N/log). */
export function withMissingMembers(id: string, mod: unknown): unknown {
  const known = N_API_MEMBERS[id];
  if (!known || mod === null || typeof mod !== 'object') return mod;
  if (wrapped.has(mod)) return wrapped.get(mod);
  const proxy = new Proxy(mod, {
    get(t, prop, r) {
      if (typeof prop === 'string' && !(prop in t) && known.includes(prop)) throw notEmulated(id, prop);
      return Reflect.get(t, prop, r) as unknown;
    },
  });
  wrapped.set(mod, proxy);
  return proxy;
}

/**
 * Puts on a class's prototype, for each member of the NetSuite object `iface` (e.g. 'N/record.Record') it
 * lacks, a getter that throws "not emulated: N/record.Record.member" (setting it stores an own value, so
 * instance fields still work). The getters carry `notEmulated`, so the coverage table counts them as absent.
 */
export function stubMissingMembers(proto: object, iface: string): void {
  for (const name of N_API_OBJECT_MEMBERS[iface] ?? []) {
    if (name in proto) continue;
    const get = Object.assign(
      function (): never {
        throw notEmulated(iface.split('.')[0], `${iface.split('.')[1]}.${name}`);
      },
      { notEmulated: true },
    );
    Object.defineProperty(proto, name, {
      configurable: true,
      get,
      set(this: object, value: unknown) {
        Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
}

/** True when `obj.name` is one of stubMissingMembers' throwing getters. */
export function isStub(obj: object, name: string): boolean {
  for (let o: object | null = obj; o; o = Object.getPrototypeOf(o) as object | null) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d) return !!(d.get as { notEmulated?: boolean } | undefined)?.notEmulated;
  }
  return false;
}
