/**
 * What N/sftp's connection and module share: the limits and sftp.Sort, File objects for downloads, the
 * argument checks, host key checks, and the error each failure becomes (sources as in modules/sftp.ts).
 */
import * as path from 'node:path';
import type * as fileTypes from 'N/file';
import type { ExecutionContext } from '../../core/context';
import { nsError, SuiteScriptError } from '../../core/errors';
import { BridgeError } from '../../sftp/bridge';

/** Connection.MAX_FILE_SIZE: 100,000,000 bytes ([UL] "maximum file size ... 100 MB"; netsuite-facts). */
export const MAX_FILE_SIZE = 100_000_000;
/** Connection.MAX_TRANSFER_TIMEOUT: 300 s ([CX], [DL]). */
export const MAX_TRANSFER_TIMEOUT = 300;
/** Connection.MAX_CONNECT_TIMEOUT: 20 s ([CC], [EC] FTP_INVALID_CONNECTION_TIMEOUT). */
export const MAX_CONNECT_TIMEOUT = 20;

/** sftp.Sort: "each key points to a read-only string value" ([SO]). */
export const Sort = Object.freeze({
  DATE: 'DATE',
  DATE_DESC: 'DATE_DESC',
  SIZE: 'SIZE',
  SIZE_DESC: 'SIZE_DESC',
  NAME: 'NAME',
  NAME_DESC: 'NAME_DESC',
});
export type SortValue = (typeof Sort)[keyof typeof Sort];

export interface ListEntry {
  directory: boolean;
  name: string;
  size: number;
  lastModified: Date;
}

/** The File the module hands to scripts: what modules/file.ts's createUnsavedFile returns. */
type UnsavedFileFactory = (
  ctx: ExecutionContext,
  o: { name: string; fileType: string; contents: string },
) => fileTypes.File;

/** File Cabinet file types whose getContents() is text; everything else is base64 ([file.Type]). */
export const TEXT_TYPES = new Set([
  'CSV',
  'PLAINTEXT',
  'JSON',
  'XMLDOC',
  'HTMLDOC',
  'JAVASCRIPT',
  'STYLESHEET',
  'SCSS',
  'RTF',
  'SMS',
  'CONFIG',
  'FREEMARKER',
  'MESSAGERFC',
  'POSTSCRIPT',
  'SVG',
]);

const TYPE_BY_EXT: Record<string, string> = {
  csv: 'CSV',
  txt: 'PLAINTEXT',
  log: 'PLAINTEXT',
  json: 'JSON',
  xml: 'XMLDOC',
  html: 'HTMLDOC',
  htm: 'HTMLDOC',
  js: 'JAVASCRIPT',
  css: 'STYLESHEET',
  pdf: 'PDF',
  zip: 'ZIP',
  gz: 'GZIP',
  png: 'PNGIMAGE',
  jpg: 'JPGIMAGE',
  jpeg: 'JPGIMAGE',
  gif: 'GIFIMAGE',
  xls: 'EXCEL',
  xlsx: 'EXCEL',
};

export function fileTypeForName(name: string): string {
  const ext = path.posix.extname(name).slice(1).toLowerCase();
  return TYPE_BY_EXT[ext] ?? 'MISCBINARY';
}

let fileFactory: UnsavedFileFactory | null | undefined;

/**
 * modules/file.ts exports createUnsavedFile(ctx, { name, fileType, contents }).
 * It is looked up lazily so N/sftp works (with a minimal stand-in File) before that module exists.
 */
export function unsavedFile(
  ctx: ExecutionContext,
  o: { name: string; fileType: string; contents: string },
): fileTypes.File {
  if (fileFactory === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require('../file') as { createUnsavedFile?: UnsavedFileFactory };
      fileFactory = typeof mod.createUnsavedFile === 'function' ? mod.createUnsavedFile : null;
    } catch {
      fileFactory = null;
    }
  }
  if (fileFactory) return fileFactory(ctx, o);
  const size = TEXT_TYPES.has(o.fileType)
    ? Buffer.byteLength(o.contents, 'utf8')
    : Buffer.from(o.contents, 'base64').length;
  return {
    id: null,
    name: o.name,
    fileType: o.fileType,
    size,
    isText: TEXT_TYPES.has(o.fileType),
    encoding: 'UTF-8',
    getContents: () => o.contents,
  } as unknown as fileTypes.File;
}

/** Bytes to send for a file.File: text types as UTF-8, other types hold base64 contents. */
export function fileBytes(file: fileTypes.File): Uint8Array {
  const contents = file.getContents();
  const type = String(file.fileType ?? '');
  return TEXT_TYPES.has(type) || type === ''
    ? Buffer.from(contents, 'utf8')
    : Buffer.from(contents, 'base64');
}

export function missing(name: string): SuiteScriptError {
  return nsError('SSS_MISSING_REQD_ARGUMENT', `Missing a required argument: ${name}`);
}

export function badType(name: string): SuiteScriptError {
  return nsError('SSS_INVALID_TYPE_ARG', `Invalid type for argument ${name}`);
}

export function optString(o: Record<string, unknown>, name: string): string | undefined {
  const v = o[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw badType(name);
  return v;
}

export function reqString(o: Record<string, unknown>, name: string): string {
  const v = optString(o, name);
  if (v === undefined) throw missing(name);
  return v;
}

export function optNumber(o: Record<string, unknown>, name: string): number | undefined {
  const v = o[name];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || Number.isNaN(n)) throw badType(name);
  return n;
}

export function asOptions(options: unknown): Record<string, unknown> {
  if (options === undefined || options === null) throw missing('options');
  if (typeof options !== 'object') throw badType('options');
  return options as Record<string, unknown>;
}

const KEY_TYPES: Record<string, string> = {
  'ssh-rsa': 'rsa',
  'ssh-dss': 'dsa',
  'ecdsa-sha2-nistp256': 'ecdsa',
  'ecdsa-sha2-nistp384': 'ecdsa',
  'ecdsa-sha2-nistp521': 'ecdsa',
  'ssh-ed25519': 'ed25519',
};

/**
 * hostKey is the base64 body of the server's public key (what follows the type in an OpenSSH
 * .pub line). FTP_MALFORMED_HOST_KEY "not in the correct format (e.g. base 64 ...)" and
 * FTP_INCORRECT_HOST_KEY_TYPE "the host key type and provided host key type do not match" ([EC], [CC]).
 */
export function checkHostKey(hostKey: string, hostKeyType: string | undefined): string {
  const body = hostKey.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) {
    throw nsError('FTP_MALFORMED_HOST_KEY', 'The host key is not in the correct format.');
  }
  const blob = Buffer.from(body, 'base64');
  const len = blob.length >= 4 ? blob.readUInt32BE(0) : 0;
  const algo =
    len > 0 && len < 64 && blob.length > 4 + len ? blob.subarray(4, 4 + len).toString('latin1') : '';
  if (!KEY_TYPES[algo]) throw nsError('FTP_MALFORMED_HOST_KEY', 'The host key is not in the correct format.');
  if (hostKeyType !== undefined) {
    const wanted = hostKeyType.toLowerCase();
    if (!['rsa', 'dsa', 'ecdsa'].includes(wanted)) throw badType('hostKeyType');
    if (KEY_TYPES[algo] !== wanted) {
      throw nsError(
        'FTP_INCORRECT_HOST_KEY_TYPE',
        `The host key type (${wanted}) does not match the type of the provided host key (${algo}).`,
      );
    }
  }
  return body;
}

/** A copy of `text` with every secret value blanked out. */
function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join('***');
    // A private key could leak line by line too.
    for (const line of s.split(/\r?\n/)) if (line.length >= 16) out = out.split(line).join('***');
  }
  return out;
}

/** Connect-time failures → NetSuite codes ([CC], [EC]). */
export function connectError(err: unknown, url: string, port: number, secrets: string[]): SuiteScriptError {
  if (!(err instanceof BridgeError)) return nsError('UNEXPECTED_ERROR', redact(String(err), secrets));
  const where = `${url}:${port}`;
  switch (err.kind) {
    case 'host-key':
      // [CC] "FTP_INCORRECT_HOST_KEY - thrown if provided host key does not match remote server's presented host key"
      return nsError(
        'FTP_INCORRECT_HOST_KEY',
        `The provided host key does not match the host key presented by ${where}.`,
      );
    case 'auth':
    case 'bad-key':
      // [CC] "FTP_CANNOT_ESTABLISH_CONNECTION - ... invalid username or password or no permission"
      return nsError(
        'FTP_CANNOT_ESTABLISH_CONNECTION',
        `Cannot establish a connection to ${where}: the username or credentials are invalid.`,
      );
    case 'connect-timeout':
      return nsError(
        'FTP_CONNECT_TIMEOUT_EXCEEDED',
        `A connection to ${where} could not be established in time.`,
      );
    case 'handshake':
      // [CS]/[EC]: the server offers none of aes128-ctr, aes192-ctr, aes256-ctr (or no common host key type)
      return nsError(
        'FTP_UNSUPPORTED_ENCRYPTION_ALGORITHM',
        `${where} does not support one of NetSuite's approved algorithms: ${redact(err.message, secrets)}`,
      );
    case 'unknown-host':
      return nsError('FTP_UNKNOWN_HOST', `The host ${url} could not be found.`);
    case 'no-route':
      return nsError('NO_ROUTE_TO_HOST_FOUND', `No route to host ${url}.`);
    case 'refused':
    case 'closed':
      return nsError('CONNECTION_CLOSED_BY_HOST', `${where} did not accept the connection.`);
    case 'reset':
      return nsError('CONNECTION_RESET', `The connection to ${where} was reset.`);
    default:
      return nsError('FTP_CANNOT_ESTABLISH_CONNECTION', `Cannot establish a connection to ${where}.`);
  }
}

export type Op = 'upload' | 'download' | 'list' | 'move' | 'removeFile' | 'makeDirectory' | 'removeDirectory';

/** Operation failures → NetSuite codes ([CX], [DL], [UL], [LS]). */
export function opError(op: Op, err: unknown, target: string, secrets: string[]): SuiteScriptError {
  if (err instanceof SuiteScriptError) return err;
  if (!(err instanceof BridgeError)) return nsError('UNEXPECTED_ERROR', redact(String(err), secrets));
  const msg = redact(err.message, secrets);
  switch (err.kind) {
    case 'timeout':
      return nsError('FTP_TRANSFER_TIMEOUT_EXCEEDED', `${op} of ${target} did not finish in time.`);
    case 'closed':
      return nsError('CONNECTION_CLOSED_BY_HOST', `The connection is closed (${op} ${target}).`);
    case 'reset':
      return nsError('CONNECTION_RESET', `The connection was reset (${op} ${target}).`);
    case 'exists':
      return nsError('FTP_FILE_ALREADY_EXISTS', `A file named ${target} already exists on the server.`);
    case 'no-dir':
      return nsError('FTP_NO_SUCH_FILE_OR_DIRECTORY', `No such directory: ${target}`);
    case 'too-big':
      return nsError('FTP_MAXIMUM_FILE_SIZE_EXCEEDED', `${target} is larger than ${MAX_FILE_SIZE} bytes.`);
    case 'not-empty':
      return nsError('FTP_DIRECTORY_NOT_EMPTY', `The directory ${target} is not empty.`);
    default:
      break;
  }
  const code = err.sftpCode;
  if (code === 3) return nsError('FTP_PERMISSION_DENIED', `Permission denied: ${target}`);
  if (op === 'move') return nsError('FTP_INVALID_MOVE', `Cannot move ${target}: ${msg}`);
  if (code === 2) {
    if (op === 'list') return nsError('FTP_INVALID_DIRECTORY', `The directory ${target} does not exist.`);
    if (op === 'removeDirectory' || op === 'makeDirectory') {
      return nsError('FTP_DIRECTORY_NOT_FOUND', `No such directory: ${target}`);
    }
    return nsError('FTP_NO_SUCH_FILE_OR_DIRECTORY', `No such file or directory: ${target}`);
  }
  if (op === 'list' && code === 4) return nsError('FTP_INVALID_DIRECTORY', `${target} is not a directory.`);
  // Unverified: NetSuite documents no code for e.g. mkdir of an existing name; OpenSSH says only "Failure".
  return nsError('UNEXPECTED_ERROR', `SFTP ${op} failed for ${target}: ${msg}`);
}

export function transferTimeout(o: Record<string, unknown>): number {
  const t = optNumber(o, 'timeout');
  if (t === undefined) return MAX_TRANSFER_TIMEOUT;
  // [DL] "FTP_INVALID_TRANSFER_TIMEOUT: negative value, zero or greater than 300 seconds"
  if (t <= 0 || t > MAX_TRANSFER_TIMEOUT) {
    throw nsError(
      'FTP_INVALID_TRANSFER_TIMEOUT',
      `The timeout must be above 0 and at most ${MAX_TRANSFER_TIMEOUT}.`,
    );
  }
  return t;
}

export function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

export function sortEntries(entries: ListEntry[], sort: SortValue | undefined): ListEntry[] {
  if (!sort) return entries;
  const byName = (a: ListEntry, b: ListEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const cmp: Record<SortValue, (a: ListEntry, b: ListEntry) => number> = {
    NAME: byName,
    NAME_DESC: (a, b) => byName(b, a),
    SIZE: (a, b) => a.size - b.size || byName(a, b),
    SIZE_DESC: (a, b) => b.size - a.size || byName(a, b),
    DATE: (a, b) => a.lastModified.getTime() - b.lastModified.getTime() || byName(a, b),
    DATE_DESC: (a, b) => b.lastModified.getTime() - a.lastModified.getTime() || byName(a, b),
  };
  return [...entries].sort(cmp[sort]);
}
