/**
 * N/sftp over a real SSH/SFTP server (NetSuite help "N/sftp Module").
 *
 * Calls are synchronous, as in NetSuite: each Connection holds one SSH session in a worker thread
 * and blocks on it (../sftp/bridge.ts). Where each error code comes from:
 * - [CC] help "sftp.createConnection(options)" and the SuiteCloud unit-testing stub sftp/sftp.js
 *   (@throws list of createConnection);
 * - [EC] help "SFTP Connector Error Codes" (create-connection, upload and download tables);
 * - [CX] the unit-testing stub sftp/Connection.js (@throws of upload, list, move, removeFile,
 *   removeDirectory, makeDirectory, download);
 * - [DL] help "Connection.download(options)"; [UL] help "Connection.upload(options)";
 *   [LS] help "Connection.list(options)"; [SO] help "sftp.Sort";
 * - [CS] help "Supported Cipher Suites and Host Key Types" (CTR ciphers only; RSA, DSA, ECDSA).
 * Codes marked "unverified" are the emulator's best guess where NetSuite documents none.
 *
 * Secrets: passwords and private keys are resolved here from ctx.account.secrets / keys, handed
 * to the worker, and never put in an error message or log (every message is redacted anyway).
 */
import * as path from 'node:path';
import type * as sftpTypes from 'N/sftp';
import type * as fileTypes from 'N/file';
import type { ExecutionContext } from '../core/context';
import { nsError, SuiteScriptError } from '../core/errors';
import { COSTS } from '../core/governance';
import { BridgeError, DEFAULT_OP_TIMEOUT_MS, SftpBridge } from '../sftp/bridge';
import { stubMissingMembers } from '../sandbox/notEmulated';

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
type SortValue = (typeof Sort)[keyof typeof Sort];

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
const TEXT_TYPES = new Set([
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
 * modules/file.ts (written alongside) exports createUnsavedFile(ctx, { name, fileType, contents }).
 * It is looked up lazily so N/sftp works (with a minimal stand-in File) before that module exists.
 */
function unsavedFile(
  ctx: ExecutionContext,
  o: { name: string; fileType: string; contents: string },
): fileTypes.File {
  if (fileFactory === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require('./file') as { createUnsavedFile?: UnsavedFileFactory };
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
function fileBytes(file: fileTypes.File): Uint8Array {
  const contents = file.getContents();
  const type = String(file.fileType ?? '');
  return TEXT_TYPES.has(type) || type === ''
    ? Buffer.from(contents, 'utf8')
    : Buffer.from(contents, 'base64');
}

function missing(name: string): SuiteScriptError {
  return nsError('SSS_MISSING_REQD_ARGUMENT', `Missing a required argument: ${name}`);
}

function badType(name: string): SuiteScriptError {
  return nsError('SSS_INVALID_TYPE_ARG', `Invalid type for argument ${name}`);
}

function optString(o: Record<string, unknown>, name: string): string | undefined {
  const v = o[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw badType(name);
  return v;
}

function reqString(o: Record<string, unknown>, name: string): string {
  const v = optString(o, name);
  if (v === undefined) throw missing(name);
  return v;
}

function optNumber(o: Record<string, unknown>, name: string): number | undefined {
  const v = o[name];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || Number.isNaN(n)) throw badType(name);
  return n;
}

function asOptions(options: unknown): Record<string, unknown> {
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
function checkHostKey(hostKey: string, hostKeyType: string | undefined): string {
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
function connectError(err: unknown, url: string, port: number, secrets: string[]): SuiteScriptError {
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

type Op = 'upload' | 'download' | 'list' | 'move' | 'removeFile' | 'makeDirectory' | 'removeDirectory';

/** Operation failures → NetSuite codes ([CX], [DL], [UL], [LS]). */
function opError(op: Op, err: unknown, target: string, secrets: string[]): SuiteScriptError {
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

function transferTimeout(o: Record<string, unknown>): number {
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

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

function sortEntries(entries: ListEntry[], sort: SortValue | undefined): ListEntry[] {
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

/** Connections opened per execution, so a runner can close them when the execution ends. */
const byExecution = new WeakMap<ExecutionContext, Set<SftpBridge>>();

/** Ends the SSH sessions an execution opened (call when the execution ends). */
export function closeSftpConnections(ctx: ExecutionContext): void {
  const set = byExecution.get(ctx);
  if (!set) return;
  for (const b of set) b.close();
  set.clear();
}

export class Connection {
  readonly MAX_FILE_SIZE = MAX_FILE_SIZE;
  readonly MAX_TRANSFER_TIMEOUT = MAX_TRANSFER_TIMEOUT;
  readonly MAX_CONNECT_TIMEOUT = MAX_CONNECT_TIMEOUT;

  constructor(
    private readonly ctx: ExecutionContext,
    private readonly bridge: SftpBridge,
    /** Absolute remote directory relative paths resolve against (createConnection's `directory`). */
    private readonly base: string,
    private readonly secrets: string[],
  ) {}

  /**
   * Every path argument is relative to the connection's directory, with or without a leading slash:
   * [UL]/[DL]/[LS] call them relative paths, and HotWax's production scripts pass '/export/' under a
   * connection opened on '<root>customer'. A path that would leave the connection's directory ('..'
   * past it) is refused, as a missing directory or file of that operation (NetSuite's behaviour is
   * unverified; refusing is the safe reading).
   */
  private resolve(p: string | undefined, op: Op): string {
    const rel = path.posix.normalize((p ?? '').replace(/^\/+/, '') || '.');
    if (rel === '..' || rel.startsWith('../')) {
      const code = opError(op, new BridgeError('sftp', '', 2), '', []).name;
      throw nsError(code, `The path ${p} leaves the connection's directory; use a path inside it.`);
    }
    return path.posix.join(this.base, rel).replace(/(.)\/+$/, '$1');
  }

  private run<T>(op: Op, target: string, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw opError(op, err, target, this.secrets);
    }
  }

  /** upload(options): 100 units ([UL]). */
  upload(options: unknown): void {
    const o = asOptions(options);
    this.ctx.charge('sftp.Connection.upload', COSTS.sftpTransfer);
    const file = o.file as fileTypes.File | undefined;
    if (!file) throw missing('file');
    if (typeof file !== 'object' || typeof file.getContents !== 'function') throw badType('file');
    const filename = optString(o, 'filename') ?? String(file.name ?? '');
    if (!filename) throw missing('filename');
    if (filename.includes('/')) throw badType('filename');
    const dir = this.resolve(optString(o, 'directory'), 'upload');
    const timeout = transferTimeout(o);
    const replace = o.replaceExisting === true || o.replaceExisting === 'T' || o.replaceExisting === 'true';
    const data = fileBytes(file);
    const target = path.posix.join(dir, filename);
    // No code documented for an oversized upload; download's FTP_MAXIMUM_FILE_SIZE_EXCEEDED is reused (unverified).
    if (data.length > MAX_FILE_SIZE) throw opError('upload', new BridgeError('too-big', ''), target, []);
    this.run('upload', target, () =>
      this.bridge.call('upload', { dir, path: target, data, replace }, timeout * 1000),
    );
  }

  /** download(options): 100 units; returns an unsaved file.File ([DL]). */
  download(options: unknown): fileTypes.File {
    const o = asOptions(options);
    this.ctx.charge('sftp.Connection.download', COSTS.sftpTransfer);
    const filename = reqString(o, 'filename');
    const timeout = transferTimeout(o);
    const target = this.resolve(path.posix.join(optString(o, 'directory') ?? '', filename), 'download');
    const bytes = this.run('download', target, () =>
      this.bridge.call<Uint8Array>('download', { path: target, maxBytes: MAX_FILE_SIZE }, timeout * 1000),
    );
    const name = path.posix.basename(filename);
    const fileType = fileTypeForName(name);
    const buf = Buffer.from(bytes);
    const contents = TEXT_TYPES.has(fileType) ? buf.toString('utf8') : buf.toString('base64');
    return unsavedFile(this.ctx, { name, fileType, contents });
  }

  /**
   * list(options): 10 units; [{ directory, name, size, lastModified }] ([LS]). Wildcards in the
   * last segment. [LS] marks both options.path and options.sort required (its own syntax sample
   * omits sort): either missing throws SSS_MISSING_REQD_ARGUMENT; a sort outside sftp.Sort throws
   * SSS_INVALID_TYPE_ARG (unverified); a missing directory FTP_INVALID_DIRECTORY ([LS]).
   */
  list(options?: unknown): ListEntry[] {
    const o = asOptions(options);
    this.ctx.charge('sftp.Connection.list', COSTS.sftpOther);
    const raw = reqString(o, 'path');
    const sort = reqString(o, 'sort') as SortValue;
    if (!Object.values(Sort).includes(sort)) throw badType('sort');
    let dir = this.resolve(raw, 'list');
    let pattern: RegExp | undefined;
    const last = path.posix.basename(dir);
    if (/[*?]/.test(last)) {
      pattern = globToRegExp(last);
      dir = path.posix.dirname(dir);
    }
    const entries = this.run('list', dir, () =>
      this.bridge.call<{ name: string; directory: boolean; size: number; mtime: number }[]>(
        'list',
        { path: dir },
        DEFAULT_OP_TIMEOUT_MS,
      ),
    );
    const out = entries
      .filter((e) => !pattern || pattern.test(e.name))
      .map((e) => ({
        directory: e.directory,
        name: e.name,
        size: e.size,
        lastModified: this.ctx.scriptDate(new Date(e.mtime * 1000)),
      }));
    return sortEntries(out, sort);
  }

  /** move(options): 10 units ([CX] FTP_INVALID_MOVE when either path is invalid). */
  move(options: unknown): void {
    const o = asOptions(options);
    this.ctx.charge('sftp.Connection.move', COSTS.sftpOther);
    const from = this.resolve(reqString(o, 'from'), 'move');
    const to = this.resolve(reqString(o, 'to'), 'move');
    this.run('move', `${from} -> ${to}`, () =>
      this.bridge.call('rename', { from, to }, DEFAULT_OP_TIMEOUT_MS),
    );
  }

  /** removeFile(options): 10 units ([CX]). */
  removeFile(options: unknown): void {
    const o = asOptions(options);
    this.ctx.charge('sftp.Connection.removeFile', COSTS.sftpOther);
    const p = this.resolve(reqString(o, 'path'), 'removeFile');
    this.run('removeFile', p, () => this.bridge.call('removeFile', { path: p }, DEFAULT_OP_TIMEOUT_MS));
  }

  /** makeDirectory(options): 10 units ([CX]). */
  makeDirectory(options: unknown): void {
    const o = asOptions(options);
    this.ctx.charge('sftp.Connection.makeDirectory', COSTS.sftpOther);
    const p = this.resolve(reqString(o, 'path'), 'makeDirectory');
    this.run('makeDirectory', p, () => this.bridge.call('makeDirectory', { path: p }, DEFAULT_OP_TIMEOUT_MS));
  }

  /** removeDirectory(options): 10 units ([CX] FTP_DIRECTORY_NOT_FOUND, FTP_DIRECTORY_NOT_EMPTY). */
  removeDirectory(options: unknown): void {
    const o = asOptions(options);
    this.ctx.charge('sftp.Connection.removeDirectory', COSTS.sftpOther);
    const p = this.resolve(reqString(o, 'path'), 'removeDirectory');
    this.run('removeDirectory', p, () =>
      this.bridge.call('removeDirectory', { path: p }, DEFAULT_OP_TIMEOUT_MS),
    );
  }

  toString(): string {
    return 'sftp.Connection';
  }

  toJSON(): Record<string, unknown> {
    return { directory: this.base };
  }
}

export type SftpModule = typeof sftpTypes;

export function createSftpModule(ctx: ExecutionContext): SftpModule {
  /** createConnection(options): no governance ([CC] "Governance: None"). */
  function createConnection(options: unknown): sftpTypes.Connection {
    const o = asOptions(options);
    ctx.charge('sftp.createConnection', 0);
    const url = reqString(o, 'url');
    const hostKeyRaw = optString(o, 'hostKey');
    if (hostKeyRaw === undefined) throw missing('hostKey');
    const hostKey = checkHostKey(hostKeyRaw, optString(o, 'hostKeyType'));
    const username = optString(o, 'username') ?? 'anonymous';
    const port = optNumber(o, 'port') ?? 22;
    // [EC] "FTP_INVALID_PORT_NUMBER: The port number is invalid."; [CC] "negative or greater than 65535"
    if (!Number.isInteger(port) || port <= 0 || port > 65535) {
      throw nsError('FTP_INVALID_PORT_NUMBER', `The port number ${port} is invalid.`);
    }
    const timeout = optNumber(o, 'timeout') ?? MAX_CONNECT_TIMEOUT;
    // [EC] "FTP_INVALID_CONNECTION_TIMEOUT: negative value, zero, or greater than 20 seconds"
    if (timeout <= 0 || timeout > MAX_CONNECT_TIMEOUT) {
      throw nsError(
        'FTP_INVALID_CONNECTION_TIMEOUT',
        `The timeout must be above 0 and at most ${MAX_CONNECT_TIMEOUT}.`,
      );
    }
    const passwordGuid = optString(o, 'passwordGuid');
    const secretId = optString(o, 'secret');
    const keyId = optString(o, 'keyId');
    // [CC] stub: "MUTUALLY_EXCLUSIVE_ARGUMENTS when both passwordGuid and secret are defined"
    if (passwordGuid !== undefined && secretId !== undefined) {
      throw nsError('MUTUALLY_EXCLUSIVE_ARGUMENTS', 'passwordGuid and secret cannot be used together.');
    }
    if (passwordGuid === undefined && secretId === undefined && keyId === undefined) {
      throw missing('passwordGuid, secret or keyId');
    }
    // The emulator keeps credential GUIDs and API secrets in one map (ids only ever reach messages).
    // Unknown ids: NetSuite documents no code; FTP_CANNOT_ESTABLISH_CONNECTION is unverified.
    let password: string | undefined;
    const credId = secretId ?? passwordGuid;
    if (credId !== undefined) {
      password = ctx.account.secrets.get(credId);
      if (password === undefined) {
        throw nsError('FTP_CANNOT_ESTABLISH_CONNECTION', `Unknown secret or password GUID: ${credId}`);
      }
    }
    let privateKey: string | undefined;
    if (keyId !== undefined) {
      privateKey = ctx.account.keys.get(keyId);
      if (privateKey === undefined)
        throw nsError('FTP_CANNOT_ESTABLISH_CONNECTION', `Unknown key id: ${keyId}`);
    }
    const secrets = [password, privateKey].filter((s): s is string => !!s);

    const bridge = new SftpBridge();
    let home: string;
    try {
      home = bridge.connect({
        host: url,
        port,
        username,
        hostKey,
        password,
        privateKey,
        timeoutMs: timeout * 1000,
      }).home;
    } catch (err) {
      bridge.close();
      throw connectError(err, url, port, secrets);
    }
    const dirOpt = optString(o, 'directory');
    // A relative `directory` starts from the login directory (where the SFTP session starts).
    const base =
      dirOpt === undefined
        ? home
        : path.posix.normalize(dirOpt.startsWith('/') ? dirOpt : path.posix.join(home, dirOpt));
    if (dirOpt !== undefined) {
      let st: { isDirectory: boolean } | null;
      try {
        st = bridge.call('stat', { path: base }, DEFAULT_OP_TIMEOUT_MS);
      } catch (err) {
        bridge.close();
        throw connectError(err, url, port, secrets);
      }
      if (!st || !st.isDirectory) {
        bridge.close();
        // [CC]/[EC] "FTP_INVALID_DIRECTORY: The directory does not exist on the remote FTP server."
        throw nsError('FTP_INVALID_DIRECTORY', `The directory ${base} does not exist on the remote server.`);
      }
    }
    let set = byExecution.get(ctx);
    if (!set) byExecution.set(ctx, (set = new Set()));
    set.add(bridge);
    return new Connection(ctx, bridge, base, secrets) as unknown as sftpTypes.Connection;
  }

  return {
    createConnection,
    Sort: Sort as unknown as SftpModule['Sort'],
  } as unknown as SftpModule;
}

// members of NetSuite's Connection the emulator lacks throw "not emulated" (sandbox/notEmulated.ts)
stubMissingMembers(Connection.prototype, 'N/sftp.Connection');
