/** The functions of N/record (record.create, load, copy, delete, submitFields, transform, attach, detach). */
import type { ExecutionContext } from '../../core/context';
import { nsError } from '../../core/errors';
import { COSTS } from '../../core/governance';
import {
  cloneSublists,
  cloneValues,
  invalidFieldValue,
  type RecordDraft,
  type StoredRecord,
} from '../../data/recordStore';
import { parseUserDate } from '../../data/dates';
import { TRANSFORMS } from '../../data/records/transactions';
import { ATTACH_UNITS, argObject, costClass, type Opts } from './common';
import { EmRecord, storedRecord } from './recordObject';
import { userEvents } from './userEvents';

export function createRecord(ctx: ExecutionContext, options: unknown): EmRecord {
  const o = argObject('record.create', options, ['type']);
  const def = ctx.account.records.typeDef(String(o.type));
  ctx.charge('record.create', COSTS.recordLoadLike[costClass(def)]);
  const draft: RecordDraft = { id: null, type: def.type, values: {}, sublists: {} };
  const rec = new EmRecord(ctx, def, draft, o.isDynamic === true);
  const dv = o.defaultValues as Opts | undefined;
  if (dv && typeof dv === 'object') for (const [k, v] of Object.entries(dv)) rec.setValue(k, v);
  return rec;
}

export function loadRecord(ctx: ExecutionContext, options: unknown): EmRecord {
  const o = argObject('record.load', options, ['type', 'id']);
  const def = ctx.account.records.typeDef(String(o.type));
  ctx.charge('record.load', COSTS.recordLoadLike[costClass(def)]);
  const cur = ctx.account.records.require(def.type, o.id as string);
  const draft: RecordDraft = {
    id: cur.id,
    type: def.type,
    values: cloneValues(cur.values),
    sublists: cloneSublists(cur.sublists),
  };
  const rec = new EmRecord(ctx, def, draft, o.isDynamic === true);
  userEvents(ctx, 'beforeLoad', def.type, 'view', () => ({ newRecord: rec }));
  return rec;
}

export function copyRecord(ctx: ExecutionContext, options: unknown): EmRecord {
  const o = argObject('record.copy', options, ['type', 'id']);
  const def = ctx.account.records.typeDef(String(o.type));
  ctx.charge('record.copy', COSTS.recordLoadLike[costClass(def)]);
  const cur = ctx.account.records.require(def.type, o.id as string);
  const values = cloneValues(cur.values);
  for (const k of ['externalid', 'datecreated', 'lastmodifieddate', 'created', 'lastmodified'])
    delete values[k];
  if (def.type === 'customer' || def.type === 'employee') delete values.entityid;
  const sublists = cloneSublists(cur.sublists);
  for (const lines of Object.values(sublists)) for (const l of lines) delete l.values.id;
  return new EmRecord(ctx, def, { id: null, type: def.type, values, sublists }, o.isDynamic === true);
}

export function deleteRecord(ctx: ExecutionContext, options: unknown): number {
  const o = argObject('record.delete', options, ['type', 'id']);
  const def = ctx.account.records.typeDef(String(o.type));
  ctx.charge('record.delete', COSTS.recordSaveLike[costClass(def)]);
  const cur = ctx.account.records.require(def.type, o.id as string);
  const old = () => {
    const r = storedRecord(ctx, def, cur);
    return { newRecord: r, oldRecord: r };
  };
  userEvents(ctx, 'beforeSubmit', def.type, 'delete', old);
  ctx.account.records.delete(def.type, o.id as string);
  userEvents(ctx, 'afterSubmit', def.type, 'delete', old);
  return Number(o.id);
}

export function submitFields(ctx: ExecutionContext, options: unknown): number {
  const o = argObject('record.submitFields', options, ['type', 'id', 'values']);
  const def = ctx.account.records.typeDef(String(o.type));
  ctx.charge('record.submitFields', COSTS.recordLoadLike[costClass(def)]);
  const sub = (o.options ?? {}) as Opts;
  // Date fields also take text in the user's date format here, as the UI and nlapiSubmitField
  // do (unverified for record.submitFields; setValue needs a Date: help "Record.setValue").
  const values: Opts = { ...(o.values as Opts) };
  for (const [k, v] of Object.entries(values)) {
    const fd = def.fields[k];
    if ((fd?.type === 'DATE' || fd?.type === 'DATETIME') && typeof v === 'string' && v !== '') {
      const p = parseUserDate(v, ctx.account.preferences);
      if (!p) throw invalidFieldValue(k, v);
      values[k] = p.start;
    }
  }
  const stored = ctx.account.records.require(def.type, o.id as string);
  // a copy: the store may update the stored record in place
  const before: StoredRecord = { ...stored, values: { ...stored.values } };
  const old = () => storedRecord(ctx, def, before);
  userEvents(ctx, 'beforeSubmit', def.type, 'xedit', () => ({
    newRecord: storedRecord(ctx, def, before, values),
    oldRecord: old(),
  }));
  const id = ctx.account.records.update(def.type, o.id as string, values, {
    ignoreMandatoryFields: sub.ignoreMandatoryFields === true,
    oneWorld: ctx.account.oneWorld,
    now: ctx.account.now(),
  });
  userEvents(ctx, 'afterSubmit', def.type, 'xedit', () => ({
    newRecord: storedRecord(ctx, def, id),
    oldRecord: old(),
  }));
  return id;
}

/**
 * record.transform (help "record.transform(options)"): a new, unsaved record of toType started
 * from the fromType record; charged at toType's create rate. Pairs outside TRANSFORMS throw
 * INVALID_RCRD_TRANSFRM (code and message unverified).
 */
export function transformRecord(ctx: ExecutionContext, options: unknown): EmRecord {
  const o = argObject('record.transform', options, ['fromType', 'fromId', 'toType']);
  const fromDef = ctx.account.records.typeDef(String(o.fromType));
  const toDef = ctx.account.records.typeDef(String(o.toType));
  const make = TRANSFORMS[`${fromDef.type}>${toDef.type}`];
  if (!make) {
    throw nsError(
      'INVALID_RCRD_TRANSFRM',
      `You have entered an invalid type argument: a ${fromDef.type} cannot be transformed into a ${toDef.type}.`,
    );
  }
  ctx.charge('record.transform', COSTS.recordLoadLike[costClass(toDef)]);
  const src = ctx.account.records.require(fromDef.type, o.fromId as string);
  const start = make({
    id: src.id,
    values: cloneValues(src.values),
    sublists: cloneSublists(src.sublists),
  });
  const draft: RecordDraft = { id: null, type: toDef.type, values: {}, sublists: {} };
  for (const [k, v] of Object.entries(start.values)) if (v !== undefined) draft.values[k] = v;
  draft.sublists = start.sublists;
  const rec = new EmRecord(ctx, toDef, draft, o.isDynamic === true);
  const dv = o.defaultValues as Opts | undefined;
  if (dv && typeof dv === 'object') for (const [k, v] of Object.entries(dv)) rec.setValue(k, v);
  return rec;
}

/** `{ type, id }` of attach/detach, checked to exist (files in the File Cabinet). */
function attachmentRef(ctx: ExecutionContext, api: string, x: unknown): { type: string; id: number } {
  const r = argObject(api, x, ['type', 'id']);
  const type = String(r.type).toLowerCase();
  if (type === 'file') {
    if (!ctx.account.files.get(r.id as string))
      throw nsError('RCRD_DSNT_EXIST', 'That record does not exist.');
  } else ctx.account.records.require(type, r.id as string);
  return { type, id: Number(r.id) };
}

/** record.attach (help "record.attach(options)"): 10 units; e.g. a file or contact to a customer. */
export function attachRecord(ctx: ExecutionContext, options: unknown): void {
  const o = argObject('record.attach', options, ['record', 'to']);
  ctx.charge('record.attach', ATTACH_UNITS);
  const rec = attachmentRef(ctx, 'record.attach', o.record);
  const to = attachmentRef(ctx, 'record.attach', o.to);
  ctx.account.records.attach(rec, to, (o.attributes as Opts | undefined) ?? {});
}

/** record.detach (help "record.detach(options)"): 10 units. */
export function detachRecord(ctx: ExecutionContext, options: unknown): void {
  const o = argObject('record.detach', options, ['record', 'from']);
  ctx.charge('record.detach', ATTACH_UNITS);
  const rec = attachmentRef(ctx, 'record.detach', o.record);
  const from = attachmentRef(ctx, 'record.detach', o.from);
  ctx.account.records.detach(rec, from);
}
