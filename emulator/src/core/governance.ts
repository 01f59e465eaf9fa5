import { nsError } from './errors';

/** One charged call: which API, how many units. */
export interface UsageEntry {
  api: string;
  units: number;
}

/**
 * Counts usage units for one execution (a scheduled-script run or one map/reduce function
 * invocation) and enforces its limit: the call that would cross it throws
 * SSS_USAGE_LIMIT_EXCEEDED and is not performed (NetSuite help "SuiteScript Governance and Limits").
 */
export class GovernanceMeter {
  private used = 0;
  private readonly byApi = new Map<string, { calls: number; units: number }>();

  constructor(readonly limit: number) {}

  /** Charge `units` for `api` before doing the work. */
  charge(api: string, units: number): void {
    if (units <= 0) {
      this.note(api, 0);
      return;
    }
    if (this.used + units > this.limit) {
      throw nsError(
        'SSS_USAGE_LIMIT_EXCEEDED',
        `Script Execution Usage Limit Exceeded: ${api} needs ${units} units, ${this.remaining()} of ${this.limit} left.`,
      );
    }
    this.used += units;
    this.note(api, units);
  }

  remaining(): number {
    return this.limit - this.used;
  }

  total(): number {
    return this.used;
  }

  /** Units and call counts by API, e.g. { 'record.save(customer)': { calls: 3, units: 30 } }. */
  report(): Record<string, { calls: number; units: number }> {
    return Object.fromEntries([...this.byApi.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  private note(api: string, units: number): void {
    const e = this.byApi.get(api) ?? { calls: 0, units: 0 };
    e.calls += 1;
    e.units += units;
    this.byApi.set(api, e);
  }
}

/**
 * Usage units per call, from docs/CONTRACTS.md §6 (NetSuite help "SuiteScript 2.x API
 * Governance" and the @governance tags of the SuiteCloud unit-testing stubs).
 */
export const COSTS = {
  recordLoadLike: { transaction: 10, customrecord: 2, other: 5 },
  recordSaveLike: { transaction: 20, customrecord: 4, other: 10 },
  searchLoad: 5,
  searchSave: 5,
  searchRunPaged: 5,
  pagedDataFetch: 5,
  resultSetGetRange: 10,
  resultSetEach: 10,
  searchLookupFields: 1,
  fileLoad: 10,
  fileSave: 20,
  fileDelete: 20,
  fileCopy: 20,
  sftpTransfer: 100,
  sftpOther: 10,
  taskSubmit: 20,
} as const;

const TRANSACTIONS = new Set([
  'salesorder',
  'invoice',
  'cashsale',
  'purchaseorder',
  'itemfulfillment',
  'itemreceipt',
  'transferorder',
  'returnauthorization',
  'creditmemo',
  'customerpayment',
  'journalentry',
  'vendorbill',
  'estimate',
]);

export type RecordCostClass = 'transaction' | 'customrecord' | 'other';

export function recordCostClass(type: string): RecordCostClass {
  const t = type.toLowerCase();
  if (t.startsWith('customrecord')) return 'customrecord';
  if (TRANSACTIONS.has(t)) return 'transaction';
  return 'other';
}
