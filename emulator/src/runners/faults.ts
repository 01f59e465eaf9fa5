/**
 * Fault plans for crash tests (core/context.ts FaultPlan): the execution crashes at a chosen N/ call;
 * that call and every later N/ call throw, and the runner reports status CRASHED.
 */
import type { FaultPlan } from '../core/context';

export type ApiMatcher = string | RegExp | ((api: string) => boolean);

/** Does the api name match? A string matches the name itself or any name it starts with ('record.save' ⊇ 'record.save(customer)'). */
export function matchesApi(m: ApiMatcher, api: string): boolean {
  if (typeof m === 'function') return m(api);
  if (m instanceof RegExp) return m.test(api);
  return api === m || api.startsWith(m);
}

/** Crash at the nth call (1-based) of an api matching `api`. */
export function crashAt(api: ApiMatcher, nth = 1): FaultPlan & { calls: number } {
  const plan = {
    calls: 0,
    shouldCrash(name: string): boolean {
      if (!matchesApi(api, name)) return false;
      plan.calls += 1;
      return plan.calls === nth;
    },
  };
  return plan;
}

/** Crash at the nth charged N/ call of any api. */
export function crashAtCall(nth: number): FaultPlan {
  return crashAt(() => true, nth);
}

/** Never crashes, but records every api the execution called (to choose crash points). */
export function recordApis(): FaultPlan & { apis: string[] } {
  const plan = {
    apis: [] as string[],
    shouldCrash(name: string): boolean {
      plan.apis.push(name);
      return false;
    },
  };
  return plan;
}
