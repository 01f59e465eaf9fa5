/**
 * SFTP settings: the HC SFTP Configuration custom record (customrecord_ns_sftp_configuration, written
 * by HotWax's setup RESTlet), optionally chosen and overridden by script parameters.
 * Every problem names the record, field or parameter and says how to fix it. Secrets never leave
 * this module in a message: only the id of the API secret / key is carried, never a value.
 */
import { SyncError, SYNC_ERROR_CODES } from './errors';

export const SFTP_RECORD = {
  type: 'customrecord_ns_sftp_configuration',
  label: 'HC SFTP Configuration',
  fields: {
    host: 'custrecord_ns_sftp_server',
    username: 'custrecord_ns_sftp_userid',
    port: 'custrecord_ns_sftp_port_no',
    hostKey: 'custrecord_ns_sftp_host_key',
    credential: 'custrecord_ns_sftp_guid',
    defaultDirectory: 'custrecord_ns_sftp_default_file_dir',
  },
} as const;

export type SftpField = keyof typeof SFTP_RECORD.fields;

/** The record's values as read (strings; empty when unset). */
export type SftpRecordValues = { id: string } & Record<SftpField, string>;

export interface SftpSettings {
  recordId: string;
  host: string;
  port: number;
  username: string;
  /** base64 body of the server's public key */
  hostKey: string;
  hostKeyType?: 'rsa' | 'dsa' | 'ecdsa';
  /** API secret (`custsecret_…`, a password) or SSH key (`custkey_…`) id: never the value itself. */
  credential: { kind: 'secret'; id: string } | { kind: 'key'; id: string };
  /** Absolute, always ending in '/'. */
  directory: string;
}

/**
 * Where a script keeps the internal id of the settings record a search found (never a setting's
 * value): read by id next time (1 unit instead of a search's 10). `remember` is called after a search.
 */
export interface SftpRecordHint {
  id: string;
  remember(id: string): void;
}

export interface SftpOverrides {
  /** Parameter id and value overriding the default directory. */
  directory?: { param: string; value: string | null | undefined };
}

const FIX: Record<SftpField, string> = {
  host: 'enter the SFTP host name HotWax gave you',
  username: 'enter the SFTP user name',
  port: 'enter the port as a whole number from 1 to 65535 (usually 22)',
  hostKey:
    "paste the server's public host key: the base64 part of `ssh-keyscan -t ecdsa <host>` (optionally with its type prefix)",
  credential:
    'enter the script id of the API secret holding the password (Setup > Company > API Secrets, custsecret_…) or of the SSH key (custkey_…)',
  defaultDirectory: 'enter the absolute base directory, e.g. /home/<sftp-user>/netsuite/',
};

function problem(recordId: string, field: SftpField, what: string): SyncError {
  return new SyncError(
    SYNC_ERROR_CODES.sftpConfigInvalid,
    `${SFTP_RECORD.label} (${SFTP_RECORD.type}) record ${recordId}: field ${SFTP_RECORD.fields[field]} ${what}; ${FIX[field]}.`,
  );
}

/** Known key blob prefixes: the base64 of the length-prefixed key type name. */
const KEY_TYPES: [string, SftpSettings['hostKeyType']][] = [
  ['AAAAB3NzaC1yc2', 'rsa'],
  ['AAAAE2VjZHNh', 'ecdsa'],
  ['AAAAB3NzaC1kc3', 'dsa'],
];

/** Accepts `AAAA…`, `ecdsa-sha2-nistp256 AAAA…` or a known_hosts line `host ecdsa-sha2-… AAAA…`. */
function parseHostKey(raw: string): { body: string; type?: SftpSettings['hostKeyType'] } | null {
  const parts = raw.trim().split(/\s+/);
  const body = parts.find((p) => /^AAAA[A-Za-z0-9+/]+=*$/.test(p));
  if (!body) return null;
  const type = KEY_TYPES.find(([prefix]) => body.startsWith(prefix))?.[1];
  return { body, type };
}

export function normaliseDirectory(dir: string): string {
  const d = dir.trim().replace(/\\/g, '/');
  return d.endsWith('/') ? d : `${d}/`;
}

export function sftpSettingsFrom(values: SftpRecordValues, overrides: SftpOverrides = {}): SftpSettings {
  const id = values.id;
  const host = values.host.trim();
  if (!host) throw problem(id, 'host', 'is empty');
  const username = values.username.trim();
  if (!username) throw problem(id, 'username', 'is empty');
  const portText = values.port.trim() || '22';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw problem(id, 'port', `is "${portText}", not a port number`);
  if (!values.hostKey.trim()) throw problem(id, 'hostKey', 'is empty (the host key is mandatory)');
  const key = parseHostKey(values.hostKey);
  if (!key) throw problem(id, 'hostKey', 'does not hold a public key');
  const cred = values.credential.trim();
  if (!cred) throw problem(id, 'credential', 'is empty');
  let credential: SftpSettings['credential'];
  if (/^custsecret_?/i.test(cred)) credential = { kind: 'secret', id: cred };
  else if (/^custkey_?/i.test(cred)) credential = { kind: 'key', id: cred };
  else throw problem(id, 'credential', 'is not an API secret id (custsecret_…) or key id (custkey_…)');

  let directory = values.defaultDirectory.trim();
  const override = overrides.directory?.value?.trim();
  if (override) {
    if (!override.startsWith('/'))
      throw new SyncError(
        SYNC_ERROR_CODES.sftpConfigInvalid,
        `Script parameter ${overrides.directory?.param} is "${override}": enter an absolute directory starting with /, or leave it empty to use the ${SFTP_RECORD.label} record's default directory.`,
      );
    directory = override;
  }
  if (!directory) throw problem(id, 'defaultDirectory', 'is empty');
  if (!directory.startsWith('/')) throw problem(id, 'defaultDirectory', `is "${directory}", not absolute`);
  return {
    recordId: id,
    host,
    port,
    username,
    hostKey: key.body,
    hostKeyType: key.type,
    credential,
    directory: normaliseDirectory(directory),
  };
}

export function noSftpRecord(param: string, chosenId?: string): SyncError {
  return new SyncError(
    SYNC_ERROR_CODES.sftpConfigMissing,
    chosenId
      ? `Script parameter ${param} names ${SFTP_RECORD.label} record ${chosenId}, which does not exist or is inactive: choose an active record or clear the parameter.`
      : `No active ${SFTP_RECORD.label} (${SFTP_RECORD.type}) record exists: create one (Customization > Lists, Records & Fields > Record Types > ${SFTP_RECORD.label} > New) or run HotWax's SFTP setup.`,
  );
}

/** SFTP folder layout under the default directory (docs/CONTRACTS.md §3). */
export const SFTP_FOLDERS = {
  customerFeed: 'customer/export',
  customerFeedArchive: 'customer/export/archive',
  customerFeedError: 'customer/export/error',
  customerFeedFailed: 'customer/export/failed',
  customerFeedMissing: 'customer/export/required_fields_missing',
  partyIdentifications: 'customer/import',
  partyIdentificationsArchive: 'customer/import/archive',
  historical: 'historicalshopifycustomer/csv',
  historicalArchive: 'historicalshopifycustomer/csv/archive',
} as const;
