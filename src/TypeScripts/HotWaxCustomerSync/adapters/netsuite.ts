/**
 * Small adapters over the N/ modules the entry points hand in: SFTP settings and connection,
 * File Cabinet folders and files, rescheduling, script parameters, the summary log line.
 * Each charged call is named with its units, so the logic's budgets can be checked against them.
 */
import type * as searchTypes from 'N/search';
import type * as recordTypes from 'N/record';
import type * as sftpTypes from 'N/sftp';
import type * as fileTypes from 'N/file';
import type * as taskTypes from 'N/task';
import type * as runtimeTypes from 'N/runtime';
import type * as logTypes from 'N/log';
import { noSftpRecord, SFTP_RECORD, sftpSettingsFrom } from '../core/config';
import type { SftpField, SftpRecordValues, SftpSettings } from '../core/config';
import { SftpFolderClient } from './sftp';
import { allResults } from './customers';
import { describeError } from '../core/errors';

type Search = Pick<typeof searchTypes, 'create' | 'createColumn' | 'lookupFields' | 'Sort'>;

/** Script parameter as a trimmed string ('' when unset). */
export function textParam(script: runtimeTypes.Script, name: string): string {
  const v = script.getParameter({ name });
  return v === null || v === undefined ? '' : String(v).trim();
}

export function checkboxParam(script: runtimeTypes.Script, name: string): boolean {
  const v = script.getParameter({ name }) as unknown;
  return v === true || v === 'T' || v === 'true';
}

export function integerParam(script: runtimeTypes.Script, name: string, fallback: number, min = 1): number {
  const t = textParam(script, name);
  if (!t) return fallback;
  const n = Number(t);
  if (!Number.isInteger(n) || n < min)
    throw new Error(
      `Script parameter ${name} is "${t}": enter a whole number of at least ${min}, or clear it to use ${fallback}.`,
    );
  return n;
}

/**
 * The SFTP settings record: the one the parameter names (lookupFields, 1 unit) or the first active
 * one (one search page, 10 units), checked and merged with the directory override.
 */
export function loadSftpSettings(
  search: Search,
  params: { record: string; recordValue: string; directory: string; directoryValue: string },
): SftpSettings {
  const fieldIds = Object.values(SFTP_RECORD.fields);
  const fromRow = (id: string, get: (f: string) => unknown): SftpRecordValues => {
    const values = { id } as SftpRecordValues;
    for (const [key, fieldId] of Object.entries(SFTP_RECORD.fields)) {
      const v = get(fieldId);
      values[key as SftpField] = v === null || v === undefined ? '' : String(v);
    }
    return values;
  };
  let values: SftpRecordValues;
  if (params.recordValue) {
    let found: Record<string, unknown>;
    try {
      found = search.lookupFields({
        type: SFTP_RECORD.type,
        id: params.recordValue,
        columns: [...fieldIds, 'isinactive'],
      });
    } catch {
      throw noSftpRecord(params.record, params.recordValue);
    }
    // No such record (some accounts answer a lookup of a missing id with empty values) or inactive.
    const empty = fieldIds.every((f) => found[f] === undefined || found[f] === null || found[f] === '');
    if (empty || found.isinactive === true) throw noSftpRecord(params.record, params.recordValue);
    values = fromRow(params.recordValue, (f) => found[f]);
  } else {
    const rows = search
      .create({
        type: SFTP_RECORD.type,
        filters: [['isinactive', 'is', 'F']],
        columns: [search.createColumn({ name: 'internalid', sort: search.Sort.ASC }), ...fieldIds],
      })
      .run()
      .getRange({ start: 0, end: 1 });
    if (rows.length === 0) throw noSftpRecord(params.record);
    values = fromRow(String(rows[0].id), (f) => rows[0].getValue({ name: f }));
  }
  return sftpSettingsFrom(values, { directory: { param: params.directory, value: params.directoryValue } });
}

/** Connects with host-key checking. The credential is passed by id: its value never passes here. */
export function connect(
  modules: { sftp: typeof sftpTypes; file: typeof fileTypes },
  s: SftpSettings,
): SftpFolderClient {
  const base = {
    url: s.host,
    port: s.port,
    username: s.username,
    hostKey: s.hostKey,
    directory: s.directory,
    ...(s.hostKeyType ? { hostKeyType: s.hostKeyType } : {}),
  };
  let connection: sftpTypes.Connection;
  try {
    connection =
      s.credential.kind === 'secret'
        ? modules.sftp.createConnection({ ...base, secret: s.credential.id })
        : modules.sftp.createConnection({ ...base, keyId: s.credential.id });
  } catch (e) {
    const { code, message } = describeError(e);
    throw new Error(
      `${code}: cannot connect to ${s.username}@${s.host}:${s.port} (settings from ${SFTP_RECORD.label} record ${s.recordId}): ${message}`,
    );
  }
  return new SftpFolderClient(connection, modules);
}

/**
 * The SFTP connection a script's parameters point at: its settings-record parameter (or the first
 * active record) and its directory override. The validator checks that the entry file names both ids.
 */
export function connectWithScriptParams(
  m: { search: Search; sftp: typeof sftpTypes; file: typeof fileTypes },
  script: runtimeTypes.Script,
  params: { sftpConfig: string; sftpDirectory: string },
): SftpFolderClient {
  return connect(
    m,
    loadSftpSettings(m.search, {
      record: params.sftpConfig,
      recordValue: textParam(script, params.sftpConfig),
      directory: params.sftpDirectory,
      directoryValue: textParam(script, params.sftpDirectory),
    }),
  );
}

/** Folder internal id by id or name (see folderWithDescription); null when missing and not to be created. */
export function findFolder(
  m: { search: Search; record: Pick<typeof recordTypes, 'create'> },
  nameOrId: string,
  create: boolean,
): string | null {
  return folderWithDescription(m, nameOrId, create)?.id ?? null;
}

/**
 * A File Cabinet folder (by internal id or name) and its description: one search page (10 units),
 * or a lookup (1 unit) when given an id; created when missing (15 units).
 */
export function folderWithDescription(
  m: { search: Search; record: Pick<typeof recordTypes, 'create'> },
  nameOrId: string,
  create = true,
): { id: string; description: string } | null {
  if (/^\d+$/.test(nameOrId)) {
    const found = m.search.lookupFields({ type: 'folder', id: nameOrId, columns: ['description'] });
    return { id: nameOrId, description: String(found.description ?? '') };
  }
  const rows = m.search
    .create({
      type: 'folder',
      filters: [['name', 'is', nameOrId]],
      columns: [m.search.createColumn({ name: 'internalid', sort: m.search.Sort.ASC }), 'description'],
    })
    .run()
    .getRange({ start: 0, end: 1 });
  if (rows.length > 0)
    return { id: String(rows[0].id), description: String(rows[0].getValue({ name: 'description' }) ?? '') };
  if (!create) return null;
  const folder = m.record.create({ type: 'folder' });
  folder.setValue({ fieldId: 'name', value: nameOrId });
  return { id: String(folder.save()), description: '' };
}

/** Files in a folder, oldest first (by internal id, which grows with creation). */
export function filesInFolder(
  search: Search,
  folderId: string,
  onlyCsv = true,
): { id: string; name: string }[] {
  const s = search.create({
    type: 'file',
    filters: [['folder', 'anyof', folderId]],
    columns: [search.createColumn({ name: 'internalid', sort: search.Sort.ASC }), 'name'],
  });
  return allResults(s)
    .map((r) => ({ id: String(r.id), name: String(r.getValue({ name: 'name' }) ?? '') }))
    .filter((f) => !onlyCsv || /\.csv$/i.test(f.name));
}

/**
 * Queue the next execution on the script's NOTSCHEDULED deployment (20 units). False when NetSuite
 * refuses (that deployment is already queued): the next scheduled run continues from the checkpoint.
 */
export function reschedule(
  m: { task: typeof taskTypes; log: typeof logTypes },
  scriptId: string,
  deploymentId: string,
): boolean {
  try {
    m.task.create({ taskType: m.task.TaskType.SCHEDULED_SCRIPT, scriptId, deploymentId }).submit();
    return true;
  } catch (e) {
    const { code, message } = describeError(e);
    m.log.audit({
      title: 'Not rescheduled',
      details: `${code}: ${message}. The next scheduled run continues from the checkpoint.`,
    });
    return false;
  }
}

/** A File Cabinet file's text (10 units) and its move into the archive folder (10 + 20 units). */
export function cabinetFiles(
  file: Pick<typeof fileTypes, 'load'>,
  archiveFolderId: string,
): { load(id: string): string; archive(id: string): void } {
  return {
    load: (id) => file.load({ id }).getContents(),
    archive: (id) => {
      const f = file.load({ id });
      f.folder = Number(archiveFolderId);
      f.save();
    },
  };
}
