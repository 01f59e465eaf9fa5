/**
 * Modeled NetSuite time. The emulator runs a script in milliseconds; NetSuite takes far longer, mostly
 * waiting on its database and on remote servers. Every charged N/ call advances the running job's
 * modeled clock by a typical duration from a latency table, so a run reports how long it would have
 * taken in NetSuite (per execution, per map/reduce stage, in total), and scripts that read the time
 * (`new Date()`, `Date.now()`) see that modeled account time.
 *
 * Oracle publishes no per-call durations: every figure below is an assumption. Each one, with the source
 * where one exists and the reasoning where none does, is in emulator/README.md, "Where the modeled times
 * come from". Every entry can be changed per account (`new Account({ latency: { 'Record.save': 900 } })`),
 * and `scaledTiming` scales them all (the bench reports its backlog figures over 0.5× to 4×).
 */

/** Typical duration in ms of one call, by api name prefix (the longest matching prefix wins). */
export type LatencyTable = Record<string, number>;

export const DEFAULT_LATENCY: LatencyTable = {
  // N/record
  'record.create': 60,
  'record.load': 150,
  'record.copy': 150,
  'record.transform': 200,
  'record.submitFields': 250,
  'record.delete': 300,
  'record.attach': 150,
  'record.detach': 150,
  'Record.save': 400,
  // N/search
  'search.create': 0,
  'search.load': 60,
  'search.lookupFields': 80,
  'search.delete': 100,
  'Search.save': 150,
  'Search.runPaged': 250,
  'PagedData.fetch': 200,
  'ResultSet.getRange': 200,
  'ResultSet.each': 200,
  // N/query
  'query.runSuiteQL': 200,
  'query.runSuiteQLPaged': 250,
  'query.PagedData.fetch': 200,
  'query.load': 60,
  // N/file
  'file.create': 0,
  'file.load': 100,
  'file.copy': 200,
  'file.delete': 150,
  'File.save': 200,
  // N/sftp (a remote server: connect, then one round trip per operation, transfers take longer)
  'sftp.createConnection': 1200,
  'sftp.Connection.upload': 700,
  'sftp.Connection.download': 700,
  'sftp.Connection.list': 250,
  'sftp.Connection.move': 200,
  'sftp.Connection.removeFile': 200,
  'sftp.Connection.makeDirectory': 200,
  'sftp.Connection.removeDirectory': 200,
  // N/task
  'task.create': 0,
  'task.checkStatus': 50,
  'task.': 150,
  // cheap in-memory calls
  'runtime.': 0,
  'log.': 0,
};

/**
 * Time the platform spends around the script, not in N/ calls, and the other work that shares the
 * account's processors (assumptions too, also configurable; emulator/README.md gives the reasoning).
 */
export interface PlatformOverheads {
  /** Loading the script and starting an execution or a map/reduce job on a processor. */
  jobStartMs: number;
  /** Framework work per map/reduce function invocation (reading the pair, saving its writes). */
  invocationMs: number;
  /** Script time per N/ call not listed in the table (CPU between calls). */
  defaultCallMs: number;
  /** The shuffle stage's work per key/value pair the map stage wrote (it runs as a job of its own). */
  shufflePerPairMs: number;
  /**
   * Share (0–1) of the processors' time other deployments take (runners/processors.ts): their jobs,
   * `otherJobMs` each, arrive evenly on each processor and go before ours when queued first.
   * 0 (the default): every processor is free whenever a job of this account's scripts wants one.
   */
  otherWorkShare: number;
  /** Duration of one job of the other work. */
  otherJobMs: number;
}

export const DEFAULT_OVERHEADS: PlatformOverheads = {
  jobStartMs: 1000,
  invocationMs: 30,
  defaultCallMs: 20,
  shufflePerPairMs: 2,
  otherWorkShare: 0,
  otherJobMs: 120_000,
};

/** Overheads that are durations (scaled by `scaledTiming`); otherWorkShare is a share, not a time. */
const DURATIONS: Array<keyof PlatformOverheads> = [
  'jobStartMs',
  'invocationMs',
  'defaultCallMs',
  'shufflePerPairMs',
  'otherJobMs',
];

/**
 * Every modeled duration multiplied by `k` (the latency table and the overheads, the other work's jobs
 * included): a run under it takes k times as long, unless a time limit or a yield is reached.
 */
export function scaledTiming(
  k: number,
  latency: LatencyTable = DEFAULT_LATENCY,
  overheads: PlatformOverheads = DEFAULT_OVERHEADS,
): { latency: LatencyTable; overheads: PlatformOverheads } {
  const l = Object.fromEntries(Object.entries(latency).map(([api, ms]) => [api, ms * k]));
  const o = { ...overheads };
  for (const d of DURATIONS) o[d] = overheads[d] * k;
  return { latency: l, overheads: o };
}

/** The modeled duration of one call to `api`. */
export function latencyOf(table: LatencyTable, api: string, fallback: number): number {
  let best = -1;
  let ms = fallback;
  for (const [prefix, v] of Object.entries(table)) {
    if ((api === prefix || api.startsWith(prefix)) && prefix.length > best) {
      best = prefix.length;
      ms = v;
    }
  }
  return ms;
}

/**
 * A modeled clock for one job (a scheduled execution, or one map/reduce stage job): starts at the
 * account time the job starts and moves only by modeled durations.
 */
export class JobClock {
  private elapsed = 0;
  constructor(readonly startMs: number) {}
  advance(ms: number): void {
    if (ms > 0) this.elapsed += ms;
  }
  /** Modeled milliseconds since the job started. */
  get elapsedMs(): number {
    return this.elapsed;
  }
  nowMs(): number {
    return this.startMs + this.elapsed;
  }
}
