/**
 * The reference lists' answers (entity status by name, subsidiary and lead source by internal id)
 * found once and passed on, so a later execution or stage does not search the lists again: each list
 * is a search page (10 units), and HC_MR_ImportCustomer's reduce read them once per processor.
 * Only an answer that a value exists is passed on; any other value is asked of the store as before
 * (a list value added since is never refused).
 */
import type { CustomerStore } from './ports';
import { keepingAnswers } from './keptAnswers';
import type { ReferenceAnswers } from './keptAnswers';

export type { ReferenceAnswers } from './keptAnswers';
type References = Pick<CustomerStore, 'statusId' | 'subsidiaryExists' | 'leadSourceExists'>;

/**
 * Asks `customers` what the rows' values refer to, as a create or a refused row would
 * (customerUpsert.ts, referenceProblems), and returns the answers that a value exists.
 */
export function referenceAnswers(
  values: Array<Partial<Record<string, string>>>,
  defaultSubsidiary: string,
  customers: References,
): ReferenceAnswers {
  const out: ReferenceAnswers = {};
  const v = (x: string | undefined) => (x ?? '').trim();
  for (const r of values) {
    const status = v(r.status).toLowerCase();
    const subsidiary = v(r.subsidiary) || defaultSubsidiary;
    const leadSource = v(r.accountSource);
    if (status && !(`s:${status}` in out)) {
      const id = customers.statusId(status);
      if (id) out[`s:${status}`] = id;
    }
    if (/^\d+$/.test(subsidiary) && !out[`u:${subsidiary}`] && customers.subsidiaryExists(subsidiary))
      out[`u:${subsidiary}`] = true;
    if (/^-?\d+$/.test(leadSource) && !out[`l:${leadSource}`] && customers.leadSourceExists(leadSource))
      out[`l:${leadSource}`] = true;
  }
  return out;
}

/** `customers` answering from getInputData's `answers` first (keptAnswers.ts), or as they are. */
export const answeringFrom = <T extends References>(
  customers: T,
  answers: ReferenceAnswers | undefined,
): T => (answers ? keepingAnswers(customers, answers) : customers);
