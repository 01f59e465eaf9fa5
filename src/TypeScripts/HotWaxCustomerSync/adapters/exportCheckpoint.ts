/**
 * The id export's checkpoint, read by the record's internal id where a stage knows it: getInputData
 * finds the record by a search (10 units), hands its id to map in a column of the selection, and map
 * passes it on with each customer, so summarize reads the record by search.lookupFields (1 unit,
 * docs/CONTRACTS.md §6) instead of a second search. Writes are CheckpointStore's (record.submitFields).
 */
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
      columns: [CHECKPOINT_RECORD.state, 'isinactive'],
    });
    const text = String(found[CHECKPOINT_RECORD.state] ?? '');
    // Gone, inactive or longer than a column holds: the search finds the key's record and reads it whole.
    if (!text || found.isinactive === true || text.length >= 3999) {
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
