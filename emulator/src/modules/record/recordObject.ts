/** A record.Record in standard or dynamic mode: the dynamic current line, save and toJSON. */
import type * as recordTypes from 'N/record';
import type { ExecutionContext } from '../../core/context';
import { nsError } from '../../core/errors';
import { COSTS } from '../../core/governance';
import { cloneSublists, cloneValues, type RecordTypeDef, type StoredRecord } from '../../data/recordStore';
import { stubMissingMembers } from '../../sandbox/notEmulated';
import { argObject, costClass, invalidSublistOperation, type Opts } from './common';
import type { EmSubrecord } from './fieldAccess';
import { RecordBase, type CurrentLine } from './recordBase';
import { userEvents } from './userEvents';

/** A read-only view of the stored record (a user event's oldRecord). */
export function storedRecord(
  ctx: ExecutionContext,
  def: RecordTypeDef,
  at: number | string | StoredRecord,
  changes: Record<string, unknown> = {},
): EmRecord {
  const cur = typeof at === 'object' ? at : ctx.account.records.require(def.type, at as string);
  const values = { ...cloneValues(cur.values), ...changes };
  return new EmRecord(
    ctx,
    def,
    { id: cur.id, type: def.type, values, sublists: cloneSublists(cur.sublists) },
    false,
  );
}

/** A record.Record in standard or dynamic mode. */
export class EmRecord extends RecordBase {
  // ------------------------------------------------------------------ sublists (dynamic)

  private dynamicOnly(api: string): void {
    if (!this.dynamic) {
      throw nsError(
        'SSS_INVALID_API_USAGE',
        `${api} is only available for records in dynamic mode (isDynamic: true).`,
      );
    }
  }

  private currentLine(api: string, sublistId: unknown): CurrentLine {
    this.dynamicOnly(api);
    const id = String(sublistId);
    const s = this.sublist(api, id);
    let cur = this.current.get(id);
    if (!cur) {
      // NetSuite starts a dynamic record on a new line of each sublist.
      cur = this.startNewLine(id, s);
    }
    return cur;
  }

  /** A new, empty current line at the end of the sublist (what selectNewLine and commit leave). */
  private startNewLine(sublistId: string, s: { lines: unknown[] }): CurrentLine {
    const cur = { index: s.lines.length, line: { values: {}, subrecords: {} }, isNew: true, changed: false };
    this.current.set(sublistId, cur);
    return cur;
  }

  selectNewLine(a: unknown): this {
    const o = argObject('Record.selectNewLine', a, ['sublistId']);
    this.dynamicOnly('Record.selectNewLine');
    const s = this.sublist('Record.selectNewLine', o.sublistId);
    this.startNewLine(String(o.sublistId), s);
    return this;
  }

  selectLine(a: unknown): this {
    const o = argObject('Record.selectLine', a, ['sublistId']);
    this.dynamicOnly('Record.selectLine');
    const s = this.sublist('Record.selectLine', o.sublistId);
    const n = Number(o.line);
    if (!Number.isInteger(n) || n < 0 || n >= s.lines.length) throw invalidSublistOperation();
    const copy = cloneSublists({ x: [s.lines[n]] }).x[0];
    this.current.set(String(o.sublistId), { index: n, line: copy, isNew: false, changed: false });
    return this;
  }

  getCurrentSublistIndex(a: unknown): number {
    const o = argObject('Record.getCurrentSublistIndex', a, ['sublistId']);
    return this.currentLine('Record.getCurrentSublistIndex', o.sublistId).index;
  }

  setCurrentSublistValue(a: unknown): this {
    const o = argObject('Record.setCurrentSublistValue', a, ['sublistId', 'fieldId']);
    const cur = this.currentLine('Record.setCurrentSublistValue', o.sublistId);
    const fields = this.def.sublists[String(o.sublistId)].fields;
    this.write({ values: cur.line.values, fields }, String(o.fieldId), o.value);
    cur.changed = true;
    return this;
  }

  setCurrentSublistText(a: unknown): this {
    const o = argObject('Record.setCurrentSublistText', a, ['sublistId', 'fieldId']);
    const cur = this.currentLine('Record.setCurrentSublistText', o.sublistId);
    const fields = this.def.sublists[String(o.sublistId)].fields;
    this.writeText({ values: cur.line.values, fields }, String(o.fieldId), o.text);
    cur.changed = true;
    return this;
  }

  getCurrentSublistValue(a: unknown): recordTypes.FieldValue {
    const o = argObject('Record.getCurrentSublistValue', a, ['sublistId', 'fieldId']);
    const cur = this.currentLine('Record.getCurrentSublistValue', o.sublistId);
    return this.read(
      { values: cur.line.values, fields: this.def.sublists[String(o.sublistId)].fields },
      String(o.fieldId),
    );
  }

  getCurrentSublistText(a: unknown): string {
    const o = argObject('Record.getCurrentSublistText', a, ['sublistId', 'fieldId']);
    const cur = this.currentLine('Record.getCurrentSublistText', o.sublistId);
    return this.text(
      { values: cur.line.values, fields: this.def.sublists[String(o.sublistId)].fields },
      String(o.fieldId),
    );
  }

  getCurrentSublistSubrecord(a: unknown): EmSubrecord {
    const o = argObject('Record.getCurrentSublistSubrecord', a, ['sublistId', 'fieldId']);
    const cur = this.currentLine('Record.getCurrentSublistSubrecord', o.sublistId);
    cur.changed = true;
    return this.subrecordOnLine(
      cur.line,
      this.def.sublists[String(o.sublistId)].subrecords,
      String(o.fieldId),
      true,
    );
  }

  hasCurrentSublistSubrecord(a: unknown): boolean {
    const o = argObject('Record.hasCurrentSublistSubrecord', a, ['sublistId', 'fieldId']);
    const cur = this.currentLine('Record.hasCurrentSublistSubrecord', o.sublistId);
    return !!cur.line.subrecords[String(o.fieldId)];
  }

  removeCurrentSublistSubrecord(a: unknown): this {
    const o = argObject('Record.removeCurrentSublistSubrecord', a, ['sublistId', 'fieldId']);
    const cur = this.currentLine('Record.removeCurrentSublistSubrecord', o.sublistId);
    delete cur.line.subrecords[String(o.fieldId)];
    cur.changed = true;
    return this;
  }

  commitLine(a: unknown): this {
    const o = argObject('Record.commitLine', a, ['sublistId']);
    const id = String(o.sublistId);
    const cur = this.currentLine('Record.commitLine', id);
    const s = this.sublist('Record.commitLine', id);
    if (cur.isNew) s.lines.push(cur.line);
    else s.lines[cur.index] = cur.line;
    // After a commit the sublist sits on a new line again.
    this.startNewLine(id, s);
    return this;
  }

  cancelLine(a: unknown): this {
    const o = argObject('Record.cancelLine', a, ['sublistId']);
    this.dynamicOnly('Record.cancelLine');
    const s = this.sublist('Record.cancelLine', o.sublistId);
    this.startNewLine(String(o.sublistId), s);
    return this;
  }

  // ------------------------------------------------------------------ save

  save(options?: unknown): number {
    const o = (options && typeof options === 'object' ? options : {}) as Opts;
    this.ctx.charge('Record.save', COSTS.recordSaveLike[costClass(this.def)]);
    // A dynamic record commits a changed current line on save.
    if (this.dynamic) {
      for (const [id, cur] of this.current) if (cur.changed) this.commitLine({ sublistId: id });
    }
    const priorId = this.draft.id;
    const event = priorId === null ? 'create' : 'edit';
    const records = () => ({
      newRecord: this,
      oldRecord: priorId === null ? undefined : storedRecord(this.ctx, this.def, priorId),
    });
    // A merchant's beforeSubmit that throws makes this save throw, nothing stored ("beforeSubmit(context)").
    userEvents(this.ctx, 'beforeSubmit', this.def.type, event, records);
    const id = this.store.save(this.draft, {
      ignoreMandatoryFields: o.ignoreMandatoryFields === true,
      oneWorld: this.ctx.account.oneWorld,
      now: this.ctx.account.now(),
    });
    // Pick up what the server set (entity id, dates, line ids).
    const saved = this.store.get(this.def.type, id)!;
    this.draft.values = cloneValues(saved.values);
    this.draft.sublists = cloneSublists(saved.sublists);
    userEvents(this.ctx, 'afterSubmit', this.def.type, event, () => ({
      newRecord: storedRecord(this.ctx, this.def, id),
      oldRecord: records().oldRecord,
    }));
    return id;
  }

  toJSON(): Opts {
    const fields: Record<string, string> = {};
    for (const k of Object.keys(this.draft.values)) {
      const v = this.draft.values[k];
      if (v === undefined || v === null) continue;
      fields[k] =
        v instanceof Date ? this.text(this.host, k) : typeof v === 'boolean' ? (v ? 'T' : 'F') : String(v);
    }
    const sublists: Record<string, Record<string, Record<string, string>>> = {};
    for (const [sid, lines] of Object.entries(this.draft.sublists)) {
      sublists[sid] = {};
      lines.forEach((l, i) => {
        sublists[sid][`line ${i + 1}`] = Object.fromEntries(
          Object.entries(l.values).map(([k, v]) => [
            k,
            typeof v === 'boolean' ? (v ? 'T' : 'F') : String(v ?? ''),
          ]),
        );
      });
    }
    return {
      id: this.draft.id === null ? '' : String(this.draft.id),
      type: this.def.type,
      isDynamic: this.dynamic,
      fields,
      sublists,
    };
  }

  toString(): string {
    return 'standard record';
  }
}

// members of NetSuite's Record the emulator lacks throw "not emulated" (sandbox/notEmulated.ts)
stubMissingMembers(EmRecord.prototype, 'N/record.Record');
