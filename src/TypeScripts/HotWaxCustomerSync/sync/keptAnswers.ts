/**
 * The reference lists' answers kept as they are found (HC_SC_ImportCustomer's checkpoint carries them
 * across the chain's executions while a feed is in progress, `ImportState.refs`) or as getInputData
 * passed them on (referenceAnswers.ts). Only an answer that a value exists is kept: any other value is
 * asked of the store as before, so a list value added since is never refused.
 */
import type { CustomerStore } from './ports';

/** `s:<status name>` → status id, `u:<subsidiary id>` and `l:<lead source id>` → true. */
export type ReferenceAnswers = Record<string, string | true>;

type References = Pick<CustomerStore, 'statusId' | 'subsidiaryExists' | 'leadSourceExists'>;

/** The customer store `lists` answering from `answers` first (no units), else asking it and keeping a yes. */
export function keepingAnswers<T extends References>(lists: T, answers: ReferenceAnswers): T {
  const store = Object.create(lists) as T;
  for (const [p, f] of [
    ['s:', 'statusId'],
    ['u:', 'subsidiaryExists'],
    ['l:', 'leadSourceExists'],
  ] as const)
    store[f] = ((v: string) => {
      const k = p + v.trim().toLowerCase(); // ids are digits: as referenceAnswers keys them
      const r = answers[k] ?? lists[f](v);
      if (r) answers[k] = r;
      return r;
    }) as never;
  return store;
}
