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
import type { ExecutionContext } from '../core/context';
import { nsError } from '../core/errors';
import { DEFAULT_OP_TIMEOUT_MS, SftpBridge } from '../sftp/bridge';
import { Connection, trackConnection } from './sftp/connection';
import {
  MAX_CONNECT_TIMEOUT,
  Sort,
  asOptions,
  checkHostKey,
  connectError,
  missing,
  optNumber,
  optString,
  reqString,
} from './sftp/support';

export { closeSftpConnections, Connection } from './sftp/connection';
export {
  MAX_CONNECT_TIMEOUT,
  MAX_FILE_SIZE,
  MAX_TRANSFER_TIMEOUT,
  Sort,
  fileTypeForName,
  type ListEntry,
} from './sftp/support';

export type SftpModule = typeof sftpTypes;

/** What createConnection connects with, checked; `secrets` are the values no message may show. */
interface ConnectOptions {
  url: string;
  port: number;
  username: string;
  hostKey: string;
  timeout: number;
  password?: string;
  privateKey?: string;
  secrets: string[];
}

/** createConnection's options checked, in NetSuite's order, and its credentials resolved. */
function connectOptions(ctx: ExecutionContext, o: Record<string, unknown>): ConnectOptions {
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
  return { url, port, username, hostKey, timeout, ...credentials(ctx, o) };
}

/** The password (credential GUID or API secret) or private key the options name. */
function credentials(
  ctx: ExecutionContext,
  o: Record<string, unknown>,
): { password?: string; privateKey?: string; secrets: string[] } {
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
  return { password, privateKey, secrets };
}

/**
 * The connection's directory: `directory` (a relative one starts from the login directory, where the
 * SFTP session starts), else the login directory; it must exist.
 */
function baseDirectory(
  bridge: SftpBridge,
  c: ConnectOptions,
  dirOpt: string | undefined,
  home: string,
): string {
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
      throw connectError(err, c.url, c.port, c.secrets);
    }
    if (!st || !st.isDirectory) {
      bridge.close();
      // [CC]/[EC] "FTP_INVALID_DIRECTORY: The directory does not exist on the remote FTP server."
      throw nsError('FTP_INVALID_DIRECTORY', `The directory ${base} does not exist on the remote server.`);
    }
  }
  return base;
}

export function createSftpModule(ctx: ExecutionContext): SftpModule {
  /** createConnection(options): no governance ([CC] "Governance: None"). */
  function createConnection(options: unknown): sftpTypes.Connection {
    const o = asOptions(options);
    ctx.charge('sftp.createConnection', 0);
    const c = connectOptions(ctx, o);
    const bridge = new SftpBridge();
    let home: string;
    try {
      home = bridge.connect({
        host: c.url,
        port: c.port,
        username: c.username,
        hostKey: c.hostKey,
        password: c.password,
        privateKey: c.privateKey,
        timeoutMs: c.timeout * 1000,
      }).home;
    } catch (err) {
      bridge.close();
      throw connectError(err, c.url, c.port, c.secrets);
    }
    const base = baseDirectory(bridge, c, optString(o, 'directory'), home);
    trackConnection(ctx, bridge);
    return new Connection(ctx, bridge, base, c.secrets) as unknown as sftpTypes.Connection;
  }

  return {
    createConnection,
    Sort: Sort as unknown as SftpModule['Sort'],
  } as unknown as SftpModule;
}
