/**
 * When HC_SC_ImportCustomer hands a backlog to HC_MR_ImportCustomer: the whole policy, pure (no port,
 * no state change). The scheduled path (customerImport.ts `offerHandoff`) saves and submits what it
 * decides. The thresholds arrive as `MapReducePort.minRows` (script parameter
 * custscript_hc_imp_mr_min_rows, default DEFAULT_HANDOFF_ROWS) and `maxFeeds` (MAX_HANDOFF_FEEDS),
 * both in core/mapReduceImport.ts; the rules that apply them are here.
 */
import type { FeedEntry, MapReducePort } from './ports';
import type { ImportState } from './importTypes';
import { handledAny } from './feedState';

/**
 * Times a handoff is submitted before the scheduled path takes its feeds back (a handoff the
 * map/reduce has not finished is submitted again until then: customerImport.ts `resumeHandoff`).
 */
export const MAX_HANDOFF_ATTEMPTS = 3;

/**
 * Bytes per row assumed when the handoff is decided from the listing alone: a HotWax customer row is
 * about 200 bytes, so only a backlog certainly over `minRows` is handed over unread; a smaller-looking
 * one is read and its rows counted first.
 */
export const LISTED_BYTES_PER_ROW = 1000;

/**
 * A feed may be offered while nothing of it is handled (no row, no report part), in a real run with a
 * map/reduce to hand to, unless the map/reduce gave it back (it is then never handed over again).
 */
export const mayOffer = (state: ImportState, name: string, dryRun: boolean, mr?: MapReducePort): boolean =>
  !!mr && !dryRun && !handledAny(state) && !state.notHandedOff?.includes(name);

/**
 * The feeds to hand over, the one being taken up first and then the feeds waiting after it (at most
 * `maxFeeds` in all), when together they hold at least `minRows` rows; else null. `rowCount` is the
 * first feed's rows as read (the waiting feeds' rows estimated from their sizes at its bytes per
 * row), or null before it is read (every feed's rows estimated at LISTED_BYTES_PER_ROW, saving its
 * download). Entries skipped last time, given back or left blocked are never taken.
 */
export function handoffChoice(
  first: FeedEntry,
  rowCount: number | null,
  after: FeedEntry[],
  state: ImportState,
  mr: Pick<MapReducePort, 'minRows' | 'maxFeeds'>,
): { feeds: FeedEntry[]; rows: number } | null {
  if (mr.minRows <= 0) return null;
  if (rowCount === null && !first.size) return null;
  const skippedBefore = new Set(state.skipped ?? []);
  const waiting = after
    .filter((f) => !skippedBefore.has(f.name) && !state.notHandedOff?.includes(f.name))
    .filter((f) => !state.blockedTags?.[f.name])
    .slice(0, Math.max(0, mr.maxFeeds - 1));
  const bytesPerRow =
    rowCount === null ? LISTED_BYTES_PER_ROW : first.size && rowCount ? first.size / rowCount : 0;
  const estimate = (f: FeedEntry) => (bytesPerRow ? Math.round((f.size ?? 0) / bytesPerRow) : 0);
  const rows = (rowCount ?? estimate(first)) + waiting.reduce((n, f) => n + estimate(f), 0);
  return rows < mr.minRows ? null : { feeds: [first, ...waiting], rows };
}
