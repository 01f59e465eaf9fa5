/**
 * One feed's lifecycle in the import checkpoint (the per-feed fields of ImportState), as named phases:
 *
 *   taken up → rows → report parts → finishing → archived / failed / blocked / handed over /
 *   taken up again (changed under the import) / gone
 *
 * - taken up: `file` and its report `tag` saved before anything of it is written;
 * - rows: `line` (and `errors`, `counts`, `print`, `feedCopy`) advance batch by batch;
 * - report parts: errors past SPILL_AT_CHARS written out (`reportParts`, `missingLines`);
 * - finishing: the outcome recorded (`moving`) before the move to archive/ or failed/.
 * The end of each is a FileResult outcome; whatever it is, the per-feed fields go by `resetFeed`,
 * the one reset. Pure: the File Cabinet copy is deleted by the caller first (customerImport.ts).
 */
import type { FileResult, ImportState } from './importTypes';
import { emptyCounts } from './importTypes';
import { uniqueSuffix, utcStamp } from '../core/fileNames';

/** How long an execution holds the import: another deployment taking over after it must find it lapsed. */
export const LEASE_MS = 15 * 60 * 1000;

export type FeedPhase = 'none' | 'taken up' | 'rows' | 'report parts' | 'finishing' | 'handed over';

/**
 * The phase the checkpoint is in (what the next execution resumes); with `name`, that feed's ('none'
 * while another feed, or none, is taken up).
 */
export function feedPhase(state: ImportState, name?: string): FeedPhase {
  if (state.handoff && state.lease?.scriptId) return 'handed over';
  if (!state.file || (name && state.file !== name)) return 'none';
  if (state.moving) return 'finishing';
  if (state.reportParts) return 'report parts';
  return state.line > 0 ? 'rows' : 'taken up';
}

/**
 * Some of the feed is handled (a row, or a report part): a copy of it is worth keeping, and it can no
 * longer be handed over (importHandoffPolicy.ts mayOffer).
 */
export const handledAny = (state: ImportState): boolean => state.line > 0 || !!state.reportParts;

/** A checkpoint with no feed and no lease (a first run, or a dry run's own): the one reset's fields, then the lease. */
export function freshState(): ImportState {
  const state = {} as ImportState;
  resetFeed(state);
  state.lease = null;
  return state;
}

/** The one reset: every per-feed field cleared, so nothing carries over to the next feed. */
export function resetFeed(state: ImportState): void {
  Object.assign(state, { file: null, line: 0, errors: [], counts: emptyCounts() });
  for (const k of ['tag', 'feedCopy', 'print', 'moving', 'reportParts', 'missingLines', 'problemsThrough'])
    delete (state as unknown as Record<string, unknown>)[k];
}

/** A new report tag: the time it is taken up and a suffix no other feed of that second has. */
export const newTag = (now: number): string => `${utcStamp(new Date(now))}-${uniqueSuffix()}`;

/** Taken up: a feed with its report tag, from line 1. */
export function takeUp(state: ImportState, name: string, tag: string): void {
  resetFeed(state);
  state.file = name;
  state.tag = tag;
}

/**
 * A feed's end in the checkpoint (archived, failed, blocked, skipped, changed, gone): its result kept
 * for the summary, a blocked feed's tag kept for its next try, a given-back feed forgotten once done
 * with; then the one reset.
 */
export function endFeed(state: ImportState, name: string, result: FileResult): void {
  // Ended for good: reported once (ImportState.finished) until a summary logs it.
  if (/^(archived|failed|changed|gone)$/.test(result.outcome)) {
    const { errorReports: _, reason: __, ...r } = result;
    state.finished = [...(state.finished ?? []), r];
  }
  // A feed left in place keeps its tag, so its next try replaces the reports it already wrote.
  const blockedTags = { ...state.blockedTags };
  if (result.outcome === 'blocked' && state.tag) blockedTags[name] = state.tag;
  else delete blockedTags[name];
  state.blockedTags = Object.keys(blockedTags).length ? blockedTags : undefined;
  if (state.notHandedOff && result.outcome !== 'blocked' && result.outcome !== 'skipped') {
    state.notHandedOff = state.notHandedOff.filter((n) => n !== name);
    if (!state.notHandedOff.length) delete state.notHandedOff;
  }
  resetFeed(state);
}

/** Some feeds of a handoff back to this script (the handoff itself goes on). */
export function returnFeeds(state: ImportState, feeds: Array<{ name: string; tag: string }>): void {
  if (!feeds.length) return;
  state.notHandedOff = [...new Set([...(state.notHandedOff ?? []), ...feeds.map((f) => f.name)])];
  state.blockedTags = { ...state.blockedTags };
  for (const f of feeds) state.blockedTags[f.name] = f.tag;
}

/**
 * Feeds of a handoff go back to this script: never handed over again, and their reports keep the
 * tag the map/reduce used (a report it wrote is replaced, never doubled).
 */
export function giveBack(state: ImportState, feeds: Array<{ name: string; tag: string }>): void {
  returnFeeds(state, feeds);
  delete state.handoff;
}
