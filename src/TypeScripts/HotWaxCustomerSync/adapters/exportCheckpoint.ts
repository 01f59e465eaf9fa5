/**
 * The id export's checkpoint, read by the record's internal id where a stage knows it: getInputData
 * finds the record by a search (10 units), hands its id to map in a column of the selection, and map
 * passes it on with each customer, so summarize reads the record by search.lookupFields (1 unit,
 * docs/CONTRACTS.md §6) instead of a second search. getInputData keeps the id in N/cache (Cache.get 1
 * unit): a run after the first reads the record by id too, and searches only when NetSuite has dropped
 * the value; so does summarize when map passed no id on (no customer). Writes are CheckpointStore's
 * (record.submitFields).
 */
import type * as cacheTypes from 'N/cache';
import type * as searchTypes from 'N/search';
import { CheckpointStore, CHECKPOINT_RECORD } from './checkpoint';
import type { CheckpointModules } from './checkpoint';

/** The selection's column carrying the checkpoint's internal id (a number literal: no format applies). */
export const CHECKPOINT_ID_COLUMN = 'formulanumeric';

type Modules = CheckpointModules & { search: Pick<typeof searchTypes, 'lookupFields'> };

export class CheckpointById<T> extends CheckpointStore<T> {
  constructor(modules: Modules, key: string, knownId?: string) {
    super(modules, key);
    if (knownId && /^\d+$/.test(knownId)) this.id = knownId;
  }

  /** The record's internal id once loaded or created, else ''. */
  get recordId(): string {
    return this.id ?? '';
  }

  load(): T | null {
    if (!this.id) return super.load();
    const found = (this.modules as Modules).search.lookupFields({
      type: CHECKPOINT_RECORD.type,
      id: this.id,
      columns: [CHECKPOINT_RECORD.key, CHECKPOINT_RECORD.state, 'isinactive'],
    });
    const text = String(found[CHECKPOINT_RECORD.state] ?? '');
    // Gone, another key's, inactive or longer than a column holds: the search finds the key's record
    // and reads it whole.
    if (
      !text ||
      found[CHECKPOINT_RECORD.key] !== this.key ||
      found.isinactive === true ||
      text.length >= 3999
    ) {
      this.id = null;
      return super.load();
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      return null;
    }
  }
}

/** The selection with the checkpoint's id as one more column (read by map: `checkpointIdOf`). */
export function withCheckpointColumn(
  search: Pick<typeof searchTypes, 'createColumn'>,
  selection: searchTypes.Search,
  checkpointId: string,
): searchTypes.Search {
  if (/^\d+$/.test(checkpointId))
    selection.columns = [
      ...selection.columns,
      search.createColumn({ name: CHECKPOINT_ID_COLUMN, formula: checkpointId }),
    ];
  return selection;
}

/**
 * The key's checkpoint with its internal id from the script's private cache, if NetSuite still holds
 * it (help "N/cache Module": a value may be dropped at any time; only a hint, the record is the state).
 * `remember` puts an id learned by a search or a create (1 unit), not one read from the cache.
 */
export function cachedCheckpoint<T>(
  modules: Modules,
  cache: Pick<typeof cacheTypes, 'getCache' | 'Scope'>,
  key: string,
): { store: CheckpointById<T>; remember(): void } {
  const ids = cache.getCache({ name: 'hc_sync_checkpoint_ids', scope: cache.Scope.PRIVATE });
  const known = String(ids.get({ key }) ?? '');
  const store = new CheckpointById<T>(modules, key, known);
  return {
    store,
    remember: () => {
      if (store.recordId && store.recordId !== known) ids.put({ key, value: store.recordId });
    },
  };
}
