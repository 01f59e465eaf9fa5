/**
 * Governance planning. NetSuite stops a script at the call that crosses its usage limit, so
 * every unit of work is started only when there are enough units left to finish it AND to save
 * a checkpoint and reschedule afterwards (ExploreConsulting's governance helper pattern).
 */

/** Units per call (NetSuite "SuiteScript 2.x API Governance"; see shared/spec/netsuite-facts.md). */
export const UNITS = {
  searchPage: 10, // ResultSet.getRange / each
  searchLoad: 5,
  runPaged: 5,
  pageFetch: 5,
  lookupFields: 1,
  customerCreate: 5,
  customerSave: 10,
  customerSubmitFields: 5,
  folderCreate: 5,
  folderSave: 10,
  folderSubmitFields: 5,
  customRecordCreate: 2,
  customRecordSave: 4,
  customRecordSubmitFields: 2,
  fileLoad: 10,
  fileSave: 20,
  sftpTransfer: 100, // upload, download
  sftpOther: 10, // list, move, removeFile, makeDirectory
  taskSubmit: 20,
} as const;

/**
 * The run history entry every execution writes at its end (lib/runHistory.ts): record.create 2 +
 * save 4, one search page for expired entries 10, record.delete 4 for each of at most 2.
 */
export const RUN_HISTORY_UNITS =
  UNITS.customRecordCreate + UNITS.customRecordSave + UNITS.searchPage + 2 * UNITS.customRecordSave;

/**
 * What it costs to stop cleanly: save the checkpoint, queue the next execution and write the
 * execution's run history entry (lib/runHistory.ts).
 */
export const STOP_RESERVE =
  UNITS.customRecordCreate + UNITS.customRecordSave + UNITS.taskSubmit + RUN_HISTORY_UNITS;

export interface UsageMeter {
  remaining(): number;
}

export class GovernanceBudget {
  private readonly startedWith: number;

  constructor(
    private readonly meter: UsageMeter,
    /** Units always kept back for stopping cleanly. */
    private readonly reserve: number = STOP_RESERVE,
  ) {
    this.startedWith = meter.remaining();
  }

  /** True when `units` of work can be done and the reserve still be left afterwards. */
  canAfford(units: number): boolean {
    return this.meter.remaining() - units >= this.reserve;
  }

  /** How many items of `unitsEach` fit after `fixed` units, keeping the reserve. */
  howMany(unitsEach: number, fixed = 0): number {
    const spare = this.meter.remaining() - this.reserve - fixed;
    return spare <= 0 ? 0 : Math.floor(spare / unitsEach);
  }

  used(): number {
    return this.startedWith - this.meter.remaining();
  }
}
