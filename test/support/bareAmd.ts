/**
 * Loads one built AMD file the way NetSuite's GraalJS would see it, minus NetSuite: a bare `node:vm`
 * context holding only the JavaScript built-ins (no Buffer, process, require, timers, console) and a
 * `define` that captures the factory. `N/` modules are handed over only when the caller provides
 * them; a module that asks for one that was not provided fails to load. Relative dependencies are
 * not resolved, only handed over like `N/` modules (the status library's `./HC_CustomerSyncLib`). The emulator has the full loader; this is for unit tests.
 */
import fs from 'node:fs';
import vm from 'node:vm';

export interface BareAmdModule<T> {
  /** What the factory returned (or filled in through an `exports` dependency). */
  exports: T;
  /** The dependency ids the file declared, in order. */
  dependencies: string[];
  /** The context the file ran in, to check what it could see. */
  context: vm.Context;
}

export function loadBareAmd<T = Record<string, unknown>>(
  file: string,
  nModules: Record<string, unknown> = {},
): BareAmdModule<T> {
  const code = fs.readFileSync(file, 'utf8');
  const context = vm.createContext({});
  let defined: { deps: string[]; factory: (...args: unknown[]) => unknown } | undefined;
  let defineCalls = 0;
  const define = (depsOrFactory: unknown, maybeFactory?: unknown): void => {
    defineCalls++;
    const deps = Array.isArray(depsOrFactory) ? depsOrFactory.map(String) : [];
    const factory = (Array.isArray(depsOrFactory) ? maybeFactory : depsOrFactory) as (
      ...args: unknown[]
    ) => unknown;
    if (typeof factory !== 'function') throw new Error(`${file}: define() without a factory function`);
    defined = { deps, factory };
  };
  Object.defineProperty(context, 'define', { value: define, enumerable: false });
  new vm.Script(code, { filename: file }).runInContext(context);
  if (defineCalls !== 1 || !defined)
    throw new Error(`${file}: expected exactly one define(), got ${defineCalls}`);

  const exportsObject: Record<string, unknown> = vm.runInContext('({})', context) as Record<string, unknown>;
  const args = defined.deps.map((id) => {
    if (id === 'exports') return exportsObject;
    if (/^N(\/|$)/.test(id)) {
      if (!(id in nModules)) throw new Error(`${file} asks for ${id}, which this test did not provide`);
      return nModules[id];
    }
    if (id in nModules) return nModules[id];
    throw new Error(`${file}: dependency ${id} cannot be resolved by the bare loader`);
  });
  const returned = defined.factory(...args);
  const exports = (returned === undefined ? exportsObject : returned) as T;
  return { exports, dependencies: defined.deps, context };
}
