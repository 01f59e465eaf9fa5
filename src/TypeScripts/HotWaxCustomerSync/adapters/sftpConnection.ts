/**
 * The SFTP connection a script uses: its settings record (chosen by parameter, else the first active
 * one), checked, and the connection opened with host-key checking. The credential is passed by id:
 * its value never passes here.
 */
import type * as cacheTypes from 'N/cache';
import type * as searchTypes from 'N/search';
import type * as sftpTypes from 'N/sftp';
import type * as fileTypes from 'N/file';
import type * as runtimeTypes from 'N/runtime';
import { noSftpRecord, SFTP_RECORD, sftpSettingsFrom } from '../core/config';
import type { SftpField, SftpRecordHint, SftpRecordValues, SftpSettings } from '../core/config';
import { SyncError, describeError } from '../core/errors';
import { textParam } from './parameters';
import { cachedId } from './cachedId';
import { SftpFolderClient } from './sftp';

type Search = Pick<typeof searchTypes, 'create' | 'createColumn' | 'lookupFields' | 'Sort'>;

/**
 * The SFTP settings record: the one the parameter names (lookupFields, 1 unit) or the first active
 * one (one search page, 10 units; read by the id `hint` keeps, 1 unit, while that record is active),
 * checked and merged with the directory override.
 */
export function loadSftpSettings(
  search: Search,
  params: { record: string; recordValue: string; directory: string; directoryValue: string },
  hint?: SftpRecordHint,
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
  // By id: null when no such record (some accounts answer a lookup of a missing id with empty
  // values) or it is inactive.
  const byId = (id: string): SftpRecordValues | null => {
    let found: Record<string, unknown>;
    try {
      found = search.lookupFields({ type: SFTP_RECORD.type, id, columns: [...fieldIds, 'isinactive'] });
    } catch {
      return null;
    }
    const empty = fieldIds.every((f) => found[f] === undefined || found[f] === null || found[f] === '');
    return empty || found.isinactive === true ? null : fromRow(id, (f) => found[f]);
  };
  let values = params.recordValue ? byId(params.recordValue) : hint?.id ? byId(hint.id) : null;
  if (params.recordValue && !values) throw noSftpRecord(params.record, params.recordValue);
  if (!values) {
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
    hint?.remember(values.id);
  }
  return sftpSettingsFrom(values, { directory: { param: params.directory, value: params.directoryValue } });
}

/**
 * The settings record a search found, by internal id (never a setting), in the script's N/cache for a
 * day (read only when no parameter names the record).
 */
export const cachedSftpHint = (cache: Pick<typeof cacheTypes, 'getCache' | 'Scope'>): SftpRecordHint =>
  cachedId(cache, 'hc_sync_sftp_settings', 'record');

/**
 * The raw N/sftp connection of these settings: host key checked by N/sftp, the credential passed by
 * id (its value never passes here). Throws N/sftp's own error.
 */
export function openConnection(
  sftp: Pick<typeof sftpTypes, 'createConnection'>,
  s: SftpSettings,
): sftpTypes.Connection {
  const base = {
    url: s.host,
    port: s.port,
    username: s.username,
    hostKey: s.hostKey,
    directory: s.directory,
    ...(s.hostKeyType ? { hostKeyType: s.hostKeyType } : {}),
  };
  return s.credential.kind === 'secret'
    ? sftp.createConnection({ ...base, secret: s.credential.id })
    : sftp.createConnection({ ...base, keyId: s.credential.id });
}

/** Connects with host-key checking; a failure keeps N/sftp's code and names the settings record. */
export function connect(
  modules: { sftp: typeof sftpTypes; file: typeof fileTypes },
  s: SftpSettings,
): SftpFolderClient {
  let connection: sftpTypes.Connection;
  try {
    connection = openConnection(modules.sftp, s);
  } catch (e) {
    // N/sftp's own code (FTP_CANNOT_ESTABLISH_CONNECTION, FTP_INCORRECT_HOST_KEY, …) stays the code.
    const { code, message } = describeError(e);
    throw new SyncError(
      code,
      `Cannot connect to ${s.username}@${s.host}:${s.port} (settings from ${SFTP_RECORD.label} record ${s.recordId}): ${message}`,
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
  hint?: SftpRecordHint,
): SftpFolderClient {
  return connect(
    m,
    loadSftpSettings(
      m.search,
      {
        record: params.sftpConfig,
        recordValue: textParam(script, params.sftpConfig),
        directory: params.sftpDirectory,
        directoryValue: textParam(script, params.sftpDirectory),
      },
      hint,
    ),
  );
}
