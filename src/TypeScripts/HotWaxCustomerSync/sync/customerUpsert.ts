/**
 * One feed row's verdict and upsert: a row refused by validation gets every problem (its list
 * references included); a valid one is matched against the customers NetSuite holds and created,
 * linked or found already linked. Shared by the scheduled path and HC_MR_ImportCustomer's reduce stage.
 */
import type { NewCustomer, RowProblem, RowRejection } from './customerRows';
import { isProblem, rejection, CUSTOMER_FIELDS } from './customerRows';
import type { ExistingCustomer } from './customerMatching';
import { CandidateIndex } from './customerMatching';
import { UNITS } from '../core/governance';
import { describeError } from '../core/errors';
import type { CsvRow } from '../core/csv';
import type { CustomerFeedColumn } from '../core/hotwaxFiles';
import type { MatchKeys } from './ports';
import type { ImportDeps, ImportOptions } from './importTypes';

/** Worst case for one row: create (5) + save (10), plus a retry of both for an entity id clash. */
export const ROW_UNITS = 2 * (UNITS.customerCreate + UNITS.customerSave);

type UpsertOutcome =
  | { kind: 'created' | 'linked' | 'alreadyLinked'; customerId: string }
  | { kind: 'error'; code: string; message: string };

/** One row's outcome: what the scheduled path reports for it, whoever decided it. */
export type RowOutcome =
  | { kind: 'created' | 'linked' | 'alreadyLinked'; customerId: string }
  | { kind: 'error'; code: string; message: string; missingRequired: boolean };

/** A feed row with what validation made of it. */
export interface PreparedRow {
  row: CsvRow<CustomerFeedColumn>;
  customer: NewCustomer | RowRejection;
}

/**
 * Who decides a batch of rows. The scheduled path upserts them itself (`upserting`); the map/reduce's
 * summarize replays the outcomes its reduce stage reached through the same code, so its reports,
 * counts and archiving are the scheduled path's by construction.
 */
export interface RowDecider {
  /** Units one row may cost (0: nothing is charged per row). */
  rowUnits: number;
  /**
   * Rows whose candidates one look-up reads at once, from the batch that starts it (absent: each
   * batch on its own). The feed code then passes those rows as `upcoming` to the batch that starts a
   * look-up, and null to the batches within it, which it never lets run past its end.
   */
  lookAhead?: number;
  /** Called once per batch before its rows; null when the batch cannot be decided now. */
  begin(batch: PreparedRow[], upcoming?: PreparedRow[] | null): ((row: PreparedRow) => RowOutcome) | null;
}

/**
 * Rows the scheduled path looks up with one candidate search: the search's 10 units then serve ten
 * write batches of 50 instead of one (bench: searches were 12% of a linked customer's cost). Its
 * result (about one candidate a row) stays within one getRange page of 1,000, and its filter is the
 * size HC_MR_ImportCustomer's getInputData already searches with (500 rows, up to 4 keys each).
 */
export const LOOK_AHEAD_ROWS = 500;

/**
 * Rows between two checkpoint saves while a feed is imported (the budget is still checked every
 * batch). A crash loses at most these rows' progress, never a customer: the re-run searches them
 * again and finds every customer already written by its HC customer id ("already linked", no write).
 * Bench: saving every 50-row batch was 0.07 of a created and 0.06 of a linked customer's units.
 */
export const CHECKPOINT_ROWS = 500;

/**
 * The scheduled path: one candidate search per look-ahead of LOOK_AHEAD_ROWS rows, then each row
 * upserted in line order against that snapshot. The snapshot is taken before any of those rows is
 * written and stays right while they are: every customer a row creates is added to it and every link
 * or re-stamp updates it, so a later row of the look-ahead with the same HC id, Shopify id, external
 * id or (email matching on) email finds the customer an earlier row created or linked, as a row of
 * the same batch always did. A new look-up (the next look-ahead, the next execution, a re-run after a
 * crash) searches NetSuite again and sees everything written before it.
 */
export function upserting(deps: Pick<ImportDeps, 'customers' | 'now'>, opts: ImportOptions): RowDecider {
  let index: CandidateIndex | null = null;
  return {
    rowUnits: ROW_UNITS,
    // A dry run searches batch by batch as before, so its verdicts and check-feed's capacity stay as
    // documented (cli/README.md).
    lookAhead: opts.dryRun ? undefined : LOOK_AHEAD_ROWS,
    begin(batch, upcoming) {
      if (upcoming || !index) {
        const valid = (upcoming ?? batch)
          .map((p) => p.customer)
          .filter((c): c is NewCustomer => !isProblem(c));
        index = new CandidateIndex(
          valid.length ? deps.customers.findCandidates(matchKeys(valid, opts.matchByEmail)) : [],
        );
      }
      const snapshot = index;
      return (p) => decideRow(p, snapshot, deps, opts);
    },
  };
}

/**
 * One row against the candidates NetSuite holds (and the customers created for earlier rows of the
 * same batch or reduce key): a rejected row gets every problem, references included; a valid one is
 * upserted. Shared by the scheduled path and the map/reduce's reduce stage.
 */
export function decideRow(
  p: PreparedRow,
  index: CandidateIndex,
  deps: Pick<ImportDeps, 'customers' | 'now'>,
  opts: ImportOptions,
): RowOutcome {
  const { row, customer } = p;
  if (isProblem(customer)) {
    const value = (k: keyof typeof row.values) => (row.values[k] ?? '').trim();
    const all = rejection([
      ...customer.problems,
      ...referenceProblems(
        value('status'),
        value('subsidiary') || opts.defaultSubsidiary,
        value('accountSource'),
        deps,
      ),
    ]);
    return { kind: 'error', code: all.code, message: all.message, missingRequired: all.missingRequired };
  }
  const outcome = upsert(customer, index, deps, opts);
  return outcome.kind === 'error' ? { ...outcome, missingRequired: false } : outcome;
}

function upsert(
  row: NewCustomer,
  index: CandidateIndex,
  deps: Pick<ImportDeps, 'customers' | 'now'>,
  opts: ImportOptions,
): UpsertOutcome {
  const decision = index.decide(row, opts.matchByEmail);
  const stamp = deps.now();
  try {
    switch (decision.kind) {
      case 'conflict':
        return {
          kind: 'error',
          code: 'LINKED_TO_OTHER_HC_CUSTOMER',
          message: `NetSuite customer ${decision.customer.id} (matched by ${decision.matchedBy}) is already linked to HotWax customer ${decision.customer.hcCustomerId}`,
        };
      case 'identityConflict':
        return {
          kind: 'error',
          code: 'IDENTITY_CONFLICT',
          message: `HotWax customer ${row.hcCustomerId} is NetSuite customer ${decision.customer.id} (by ${decision.matchedBy}), but ${decision.clashes.join('; ')}. Nothing changed: correct the ids in HotWax or NetSuite, send the row again`,
        };
      case 'alreadyLinked': {
        const stale =
          decision.customer.stamp === null || stamp - decision.customer.stamp > opts.restampAfterMs;
        const fill = { ...decision.fill };
        if (Object.keys(fill).length > 0 || stale) {
          // HotWax re-sends a customer until its NetSuite id arrives: a fresh stamp re-exports it.
          if (!opts.dryRun)
            deps.customers.update(decision.customer.id, { ...fill, [CUSTOMER_FIELDS.syncStamp]: stamp });
          index.update(decision.customer, fromFill(fill, stamp));
        }
        return { kind: 'alreadyLinked', customerId: decision.customer.id };
      }
      case 'link': {
        if (!opts.dryRun)
          deps.customers.update(decision.customer.id, {
            ...decision.fill,
            [CUSTOMER_FIELDS.syncStamp]: stamp,
          });
        index.update(decision.customer, fromFill(decision.fill, stamp));
        return { kind: 'linked', customerId: decision.customer.id };
      }
      case 'create': {
        // References are checked here in both modes, so a dry run's verdict is the real run's.
        const refs = referenceProblems(row.statusName, row.subsidiary, row.leadSource, deps);
        if (refs.length) {
          const r = rejection(refs);
          return { kind: 'error', code: r.code, message: r.message };
        }
        const statusId = row.statusName ? (deps.customers.statusId(row.statusName) ?? '') : '';
        const id = opts.dryRun ? '' : deps.customers.create(row, statusId, stamp);
        index.add({
          id,
          hcCustomerId: row.hcCustomerId,
          externalId: row.externalId,
          shopifyCustomerId: row.shopifyCustomerId,
          email: row.email,
          inactive: false,
          stamp,
        });
        return { kind: 'created', customerId: id };
      }
    }
  } catch (e) {
    const { code, message } = describeError(e);
    if (code === 'SSS_USAGE_LIMIT_EXCEEDED') throw e;
    return { kind: 'error', code, message };
  }
}

/**
 * The list values a row refers to that NetSuite does not have: entity status (by name), subsidiary
 * and lead source (by internal id). Checked before every create, and for a row refused for other
 * reasons too, so its report lists every problem.
 */
function referenceProblems(
  statusName: string,
  subsidiary: string,
  leadSource: string,
  deps: Pick<ImportDeps, 'customers'>,
): RowProblem[] {
  const out: RowProblem[] = [];
  if (statusName && !deps.customers.statusId(statusName))
    out.push({
      code: 'UNKNOWN_STATUS',
      message: `entity status "${statusName}" does not exist in NetSuite`,
      missingRequired: false,
    });
  if (/^\d+$/.test(subsidiary) && !deps.customers.subsidiaryExists(subsidiary))
    out.push({
      code: 'INVALID_KEY_OR_REF',
      message: `Invalid subsidiary reference key ${subsidiary}.`,
      missingRequired: false,
    });
  if (/^-?\d+$/.test(leadSource) && deps.customers.leadSourceExists(leadSource) === false)
    out.push({
      code: 'INVALID_KEY_OR_REF',
      message: `Invalid leadsource reference key ${leadSource} (accountSource).`,
      missingRequired: false,
    });
  return out;
}
function fromFill(fill: Record<string, string>, stamp: number): Partial<ExistingCustomer> {
  const out: Partial<ExistingCustomer> = { stamp };
  if (fill[CUSTOMER_FIELDS.hcCustomerId]) out.hcCustomerId = fill[CUSTOMER_FIELDS.hcCustomerId];
  if (fill[CUSTOMER_FIELDS.shopifyCustomerId])
    out.shopifyCustomerId = fill[CUSTOMER_FIELDS.shopifyCustomerId];
  if (fill.externalid) out.externalId = fill.externalid;
  return out;
}

export function matchKeys(rows: NewCustomer[], byEmail: boolean): MatchKeys {
  const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))];
  return {
    hcCustomerIds: uniq(rows.map((r) => r.hcCustomerId)),
    externalIds: uniq(rows.map((r) => r.externalId)),
    shopifyCustomerIds: uniq(rows.map((r) => r.shopifyCustomerId)),
    emails: byEmail ? uniq(rows.map((r) => r.email.toLowerCase())) : [],
  };
}
