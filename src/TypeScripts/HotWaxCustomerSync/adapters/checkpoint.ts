/**
 * Resumable state in the "HC Customer Sync Checkpoint" custom record (customrecord_hc_sync_checkpoint):
 * one record per job key, its state a JSON document. A crash cannot pass anything to the next
 * execution, so this record, not a task parameter, is the one source of truth.
 *
 * Exactly one record per key, whatever the interleaving: the record is created with the external id
 * `hc_sync_checkpoint_<key>`, and NetSuite refuses a second record of the type with the same external
 * id (DUP_RCRD). Two executions starting together on a fresh account both see no record; the one whose
 * create loses re-reads the winner's record and decides again (save() returns false).
 */
import type * as searchTypes from 'N/search';
import type * as recordTypes from 'N/record';
import { describeError } from '../core/errors';
import type { IdHint } from './cachedId';

export const CHECKPOINT_RECORD = {
  type: 'customrecord_hc_sync_checkpoint',
  key: 'custrecord_hc_cp_key',
  state: 'custrecord_hc_cp_state',
} as const;

/** Characters of a text column a search result holds (docs/CONTRACTS.md §7: text columns are cut at 4,000 bytes). */
const SEARCH_TEXT_LIMIT = 3999;

/** The external id that makes the record unique per key. */
const checkpointExternalId = (key: string) => `hc_sync_checkpoint_${key}`;

export interface CheckpointModules {
  search: Pick<typeof searchTypes, 'create' | 'createColumn' | 'Sort' | 'lookupFields'>;
  record: Pick<typeof recordTypes, 'create' | 'submitFields' | 'load'>;
}

export class CheckpointStore<T> {
  /** The record's internal id, once read or created (an export's stages pass it on: exportCheckpoint.ts). */
  protected id: string | null = null;

  /** `hint`: the record's id kept between executions (cachedId.ts), checked before it is used. */
  constructor(
    protected readonly modules: CheckpointModules,
    readonly key: string,
    private readonly hint?: IdHint,
  ) {}

  /**
   * Reads the state: by the id `hint` keeps while it names this key's active record (1 unit), else by
   * a search (10 units: the oldest record of the key, if several exist); 2 more for a state longer
   * than a search column holds.
   */
  load(): T | null {
    const [R, s, id] = [CHECKPOINT_RECORD, this.modules.search, this.hint?.id];
    let text: string | undefined;
    try {
      const f = id ? s.lookupFields({ type: R.type, id, columns: [R.key, R.state, 'isinactive'] }) : {};
      if (f[R.key] === this.key && f.isinactive !== true) {
        this.id = id!;
        text = String(f[R.state] ?? '');
      }
    } catch {
      // Deleted: some accounts throw, others answer with empty values (the search then finds the record).
    }
    if (text === undefined) {
      const results = s
        .create({
          type: R.type,
          filters: [[R.key, 'is', this.key], 'AND', ['isinactive', 'is', 'F']],
          columns: [s.createColumn({ name: 'internalid', sort: s.Sort.ASC }), R.state],
        })
        .run()
        .getRange({ start: 0, end: 1 });
      if (results.length === 0) return null;
      this.id = results[0].id;
      this.hint?.remember(this.id);
      text = String(results[0].getValue({ name: R.state }) || '');
    }
    if (!text) return null;
    // A search returns at most 4,000 characters of a text column: a longer state is read from the
    // record itself (2 units), or the job would start its work over.
    if (text.length >= SEARCH_TEXT_LIMIT)
      text = String(
        this.modules.record.load({ type: R.type, id: this.id! }).getValue({ fieldId: R.state }) || '',
      );
    try {
      return JSON.parse(text) as T;
    } catch {
      return null;
    }
  }

  /**
   * Writes the state: 2 units when the record exists, 6 when it is created. Returns false, having
   * written nothing, when another execution created the key's record first: the caller loads again
   * (its decision was made on a state that no longer holds) and saves again.
   */
  save(state: T): boolean {
    const R = CHECKPOINT_RECORD;
    const text = JSON.stringify(state);
    if (this.id) {
      // A record made before external ids were used keeps none: it already exists, so no second
      // one can be created for its key any more.
      this.modules.record.submitFields({
        type: R.type,
        id: this.id,
        values: { [R.state]: text },
        options: { enableSourcing: false, ignoreMandatoryFields: true },
      });
      return true;
    }
    const rec = this.modules.record.create({ type: R.type });
    rec.setValue({ fieldId: 'externalid', value: checkpointExternalId(this.key) });
    rec.setValue({ fieldId: R.key, value: this.key });
    rec.setValue({ fieldId: R.state, value: text });
    try {
      this.id = String(rec.save());
      this.hint?.remember(this.id);
    } catch (e) {
      if (describeError(e).code !== 'DUP_RCRD') throw e;
      return false;
    }
    return true;
  }
}
