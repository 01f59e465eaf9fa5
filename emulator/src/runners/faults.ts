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

/**
 * Runs `action` just before the nth call (1-based) of an api matching `api`, then lets that call go on:
 * interleaving tests run another execution to completion there ("a second deployment starts while the
 * first is at call n"), fault tests arm an SFTP connection drop before a chosen transfer.
 */
export function atCall(
  api: ApiMatcher,
  nth: number,
  action: (api: string) => void,
): FaultPlan & { calls: number } {
  const plan = {
    calls: 0,
    shouldCrash(name: string): boolean {
      if (!matchesApi(api, name)) return false;
      plan.calls += 1;
      if (plan.calls === nth) action(name);
      return false;
    },
  };
  return plan;
}

/** Runs `action` before the nth charged N/ call of any api (see atCall). */
export function interleaveAt(nth: number, action: (api: string) => void): FaultPlan {
  return atCall(() => true, nth, action);
}

/** One fault plan made of several: every plan sees every call; the execution crashes if any says so. */
export function combinePlans(...plans: FaultPlan[]): FaultPlan {
  return {
    shouldCrash(name: string): boolean {
      let crash = false;
      for (const p of plans) crash = p.shouldCrash(name) || crash;
      return crash;
    },
  };
}
