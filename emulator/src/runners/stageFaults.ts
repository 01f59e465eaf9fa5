/**
 * Fault plans aimed at one map/reduce stage (runners/faults.ts plans count calls across the whole run):
 * crash the nth matching charged call made in getInputData, map, reduce or summarize. In a map/reduce run
 * a crash is an application-server disruption that NetSuite answers by restarting the stage's job
 * (runners/mapReduce.ts).
 */
import type { FaultPlan, FaultSite } from '../core/context';
import { matchesApi, type ApiMatcher } from './faults';

export type StageName = 'getInputData' | 'map' | 'reduce' | 'summarize';

/** Crash at the nth call (1-based) of an api matching `api` made in `stage`. */
export function crashInStage(
  stage: StageName,
  api: ApiMatcher = () => true,
  nth = 1,
): FaultPlan & { calls: number } {
  const plan = {
    calls: 0,
    shouldCrash(name: string, at?: FaultSite): boolean {
      if (at?.stage !== stage || !matchesApi(api, name)) return false;
      plan.calls += 1;
      return plan.calls === nth;
    },
  };
  return plan;
}

/** Several plans at once: the call crashes if any of them says so (each keeps its own count). */
export function allOf(...plans: FaultPlan[]): FaultPlan {
  return {
    shouldCrash(name: string, at?: FaultSite): boolean {
      let crash = false;
      for (const p of plans) if (p.shouldCrash(name, at)) crash = true;
      return crash;
    },
  };
}
