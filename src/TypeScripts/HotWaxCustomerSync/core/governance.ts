/**
 * Governance planning. NetSuite stops a script at the call that crosses its usage limit, and at
 * whatever it is doing when its time limit passes, so every unit of work is started only when
 * there are enough units AND enough time left to finish it and then save a checkpoint and
 * reschedule (ExploreConsulting FastTrack's governance helper checks remaining units and elapsed
 * time the same way: its `governanceRemains` stops at 200 units or 45 of the 60 minutes).
 */

/** Units per call (NetSuite "SuiteScript 2.x API Governance"; see docs/CONTRACTS.md §6). */
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
  fileDelete: 20,
  sftpTransfer: 100, // upload, download
  sftpOther: 10, // list, move, removeFile, makeDirectory
  taskSubmit: 20,
} as const;

/**
 * The run history entry every execution writes at its end (adapters/runHistory.ts): record.create 2 +
 * save 4, one search page for expired entries 10, record.delete 4 for each of at most 2.
 */
export const RUN_HISTORY_UNITS =
  UNITS.customRecordCreate + UNITS.customRecordSave + UNITS.searchPage + 2 * UNITS.customRecordSave;

/**
 * What it costs to stop cleanly: save the checkpoint, queue the next execution and write the
 * execution's run history entry (adapters/runHistory.ts).
 */
export const STOP_RESERVE =
  UNITS.customRecordCreate + UNITS.customRecordSave + UNITS.taskSubmit + RUN_HISTORY_UNITS;

export interface UsageMeter {
  remaining(): number;
}

/** A time limit and the part of it kept back for stopping cleanly. */
export interface TimeLimit {
  limitMs: number;
  /**
   * Kept back: the longest step started just before the line (an N/sftp transfer may take up to its
   * 300 s maximum timeout) plus the stop itself, and slack for a pace that changes.
   */
  marginMs: number;
}

/**
 * Time limit of one execution (NetSuite help "Script Execution Time Limits",
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_161591009480.html):
 * scheduled script 3,600 s; map/reduce per function invocation: input stage 3,600 s, map 300 s,
 * reduce 900 s, summarize 3,600 s (the job as a whole has no limit, NetSuite help "Map/Reduce
 * Governance"); Suitelet 300 s. Past it NetSuite throws SSS_TIME_LIMIT_EXCEEDED wherever the script is.
 */
export const TIME_LIMITS = {
  scheduled: { limitMs: 3_600_000, marginMs: 600_000 },
  getInputData: { limitMs: 3_600_000, marginMs: 600_000 },
  map: { limitMs: 300_000, marginMs: 60_000 },
  reduce: { limitMs: 900_000, marginMs: 150_000 },
  summarize: { limitMs: 3_600_000, marginMs: 600_000 },
  suitelet: { limitMs: 300_000, marginMs: 60_000 },
} as const satisfies Record<string, TimeLimit>;

/** The time the script sees (`Date.now()` in NetSuite; the modeled account time in the emulator). */
export interface Clock {
  now(): number;
}

/** Why a budget refused work: too few units, or too little time. */
export type BudgetShortfall = 'units' | 'time';

/**
 * Units and time of one execution (or map/reduce invocation). Time is predicted from the pace seen
 * so far: work of `u` units is taken to last `u` times the milliseconds each unit has taken in this
 * execution, since NetSuite's time goes mostly into the charged calls. So the first piece of work
 * is sized by units alone; the margin covers it.
 */
export class GovernanceBudget {
  private readonly startedWith: number;
  private readonly startedAt: number;
  private refused: BudgetShortfall | null = null;

  constructor(
    private readonly meter: UsageMeter,
    /** Units always kept back for stopping cleanly. */
    private readonly reserve: number = STOP_RESERVE,
    /** The execution's time limit and the clock to read; without it only units are watched. */
    private readonly time?: { limit: TimeLimit; clock: Clock },
  ) {
    this.startedWith = meter.remaining();
    this.startedAt = time ? time.clock.now() : 0;
  }

  /** True when `units` of work can be done and the reserve (units and time) still be left afterwards. */
  canAfford(units: number): boolean {
    // One read of the remaining units per decision (a free call, but counted in the benchmarks).
    const left = this.meter.remaining();
    if (left - units < this.reserve) return this.refuse('units');
    if (this.time) {
      const spare = this.spareMs();
      if (spare <= 0 || this.predictedMs(units, left) > spare) return this.refuse('time');
    }
    return true;
  }

  /** How many items of `unitsEach` fit after `fixed` units, keeping the reserve (units and time). */
  howMany(unitsEach: number, fixed = 0): number {
    const left = this.meter.remaining();
    const spare = left - this.reserve - fixed;
    const byUnits = spare <= 0 ? 0 : Math.floor(spare / unitsEach);
    let n = byUnits;
    if (this.time) {
      const spareMs = this.spareMs() - this.predictedMs(fixed, left);
      const eachMs = this.predictedMs(unitsEach, left);
      const byTime = spareMs <= 0 ? 0 : eachMs > 0 ? Math.floor(spareMs / eachMs) : byUnits;
      n = Math.min(byUnits, byTime);
      if (n < 1 && byUnits >= 1) this.refused = 'time';
    }
    if (n < 1 && byUnits < 1) this.refused = 'units';
    return n;
  }

  used(): number {
    return this.startedWith - this.meter.remaining();
  }

  /** Milliseconds since the budget was made (0 without a clock). */
  elapsedMs(): number {
    return this.time ? this.time.clock.now() - this.startedAt : 0;
  }

  /** Why work was last refused, null if it never was: what the summary says made the run stop. */
  stoppedFor(): BudgetShortfall | null {
    return this.refused;
  }

  private refuse(why: BudgetShortfall): false {
    this.refused = why;
    return false;
  }

  /** Time left before the margin. */
  private spareMs(): number {
    return this.time ? this.time.limit.limitMs - this.time.limit.marginMs - this.elapsedMs() : Infinity;
  }

  /** How long `units` of work should take at this execution's pace so far (`left`: units remaining). */
  private predictedMs(units: number, left: number): number {
    const used = this.startedWith - left;
    return used > 0 ? (units * this.elapsedMs()) / used : 0;
  }
}

/** The budget of a scheduled script execution: its units and its 3,600 s. */
export function scheduledBudget(
  script: { getRemainingUsage(): number },
  clock: Clock = { now: () => Date.now() },
): GovernanceBudget {
  return new GovernanceBudget({ remaining: () => script.getRemainingUsage() }, STOP_RESERVE, {
    limit: TIME_LIMITS.scheduled,
    clock,
  });
}
