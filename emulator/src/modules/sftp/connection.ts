/** sftp.Connection: one SSH session per connection, paths relative to its directory (sources as in modules/sftp.ts). */
import * as path from 'node:path';
import type * as fileTypes from 'N/file';
import type { ExecutionContext } from '../../core/context';
import { nsError } from '../../core/errors';
import { COSTS } from '../../core/governance';
import { BridgeError, DEFAULT_OP_TIMEOUT_MS, type SftpBridge } from '../../sftp/bridge';
import { stubMissingMembers } from '../../sandbox/notEmulated';
import {
  MAX_FILE_SIZE,
  TEXT_TYPES,
  MAX_TRANSFER_TIMEOUT,
  MAX_CONNECT_TIMEOUT,
  Sort,
  type SortValue,
  type ListEntry,
  unsavedFile,
  fileBytes,
  fileTypeForName,
  missing,
  badType,
  optString,
  reqString,
  asOptions,
  globToRegExp,
  sortEntries,
  opError,
  transferTimeout,
  type Op,
} from './support';

/** Connections opened per execution, so a runner can close them when the execution ends. */
const byExecution = new WeakMap<ExecutionContext, Set<SftpBridge>>();

/** Ends the SSH sessions an execution opened (call when the execution ends). */
export function closeSftpConnections(ctx: ExecutionContext): void {
  const set = byExecution.get(ctx);
  if (!set) return;
  for (const b of set) b.close();
  set.clear();
}

/** Registers a connection's session with its execution (closeSftpConnections ends it). */
export function trackConnection(ctx: ExecutionContext, bridge: SftpBridge): void {
  let set = byExecution.get(ctx);
  if (!set) byExecution.set(ctx, (set = new Set()));
  set.add(bridge);
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

// members of NetSuite's Connection the emulator lacks throw "not emulated" (sandbox/notEmulated.ts)
stubMissingMembers(Connection.prototype, 'N/sftp.Connection');
