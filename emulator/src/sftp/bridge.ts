/**
 * A synchronous bridge to an asynchronous SSH/SFTP client.
 *
 * N/sftp is synchronous (`connection.upload(...)` returns when the file is there); Node's ssh2
 * client is callback based. Each SftpBridge owns one worker_threads Worker (sftpWorker.cjs) that
 * holds one ssh2 session: one SSH session per N/sftp Connection, as in NetSuite. A call posts
 * `{ id, op, args }` on a MessagePort, then blocks this thread with Atomics.wait on a
 * SharedArrayBuffer flag until the worker has posted its reply and set the flag; the reply is
 * read synchronously with receiveMessageOnPort.
 *
 * Why this and not the alternatives:
 * - a child process per call (execFileSync of a helper) would open a new SSH session for every
 *   call, cost ~100 ms of process start each, and lose the "one session per Connection" shape;
 * - a long-lived child process would need its own framing over pipes, and a blocked parent cannot
 *   read pipes without busy-waiting;
 * - Atomics.wait on the main thread is allowed in Node (not in browsers), works under jest (its
 *   test workers are ordinary Node threads/processes), and the worker runs its own event loop.
 *
 * Consequence: while a call is in flight nothing else runs on this thread, so an SFTP server
 * used in the same process must run on another thread (servers/embeddedServer.ts does).
 *
 * Every wait has a deadline (the operation's timeout plus a margin); past it the worker is
 * terminated and the call fails, so nothing can hang. Workers are unref'd, so a forgotten
 * connection never keeps the process alive; closeAll() ends every open session.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';

/** What the worker reports when an operation fails (its own vocabulary, not NetSuite's). */
export type BridgeErrorKind =
  | 'connect-timeout'
  | 'timeout'
  | 'host-key'
  | 'auth'
  | 'handshake'
  | 'unknown-host'
  | 'refused'
  | 'no-route'
  | 'reset'
  | 'closed'
  | 'connect'
  | 'bad-key'
  | 'sftp'
  | 'no-dir'
  | 'exists'
  | 'too-big'
  | 'not-empty'
  | 'internal';

export class BridgeError extends Error {
  constructor(
    readonly kind: BridgeErrorKind,
    message: string,
    /** SFTP status code (2 no such file, 3 permission denied, 4 failure, ...) when kind is 'sftp'. */
    readonly sftpCode?: number,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

/**
 * An SFTP server, the login to it and the base directory to work in: the fields of an "HC SFTP
 * Configuration" record / N/sftp.createConnection options, as code outside NetSuite holds them (the
 * bridge, and the project's simulation and command line, which import this one type).
 */
export interface SftpTarget {
  host: string;
  port: number;
  username: string;
  /** Base64 body of the server's public host key, compared with the key the server presents. */
  hostKey: string;
  password?: string;
  privateKey?: string;
  /** Absolute remote base directory (the settings record's default directory). */
  directory: string;
}

/** What the bridge connects with: a target without its directory (paths are given per call). */
export interface ConnectArgs extends Omit<SftpTarget, 'directory'> {
  timeoutMs: number;
}

export interface RemoteStat {
  size: number;
  /** seconds since the epoch */
  mtime: number;
  isDirectory: boolean;
  isFile: boolean;
}

export interface RemoteEntry {
  name: string;
  directory: boolean;
  size: number;
  /** seconds since the epoch */
  mtime: number;
}

/** Extra time the main thread waits beyond an operation's own timeout before giving up on the worker. */
const WAIT_MARGIN_MS = 5000;
/** Used for operations NetSuite gives no timeout parameter (list, move, ...). */
export const DEFAULT_OP_TIMEOUT_MS = 60000;

const WORKER_FILE = 'sftpWorker.cjs';

/**
 * The worker is a plain .cjs file kept in the source tree (tsc does not copy it). From the
 * sources (ts-jest) it sits next to this file; from the compiled tree (dist/emulator/src/sftp)
 * it is found in the source tree through the repository root (dist/ is <root>/dist).
 */
export function workerPath(): string {
  const candidates = [
    path.join(__dirname, WORKER_FILE),
    path.resolve(__dirname, '..', '..', '..', '..', 'emulator', 'src', 'sftp', WORKER_FILE),
  ];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  throw new Error(`N/sftp bridge: cannot find ${WORKER_FILE} (looked in ${candidates.join(', ')})`);
}

const open = new Set<SftpBridge>();

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: { kind: BridgeErrorKind; message: string; code?: number };
}

/** One worker and its channel: one SSH session once connected. */
interface Session {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
}

function spawn(): Session {
  const shared = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(workerPath(), {
    workerData: { port: port2, shared },
    transferList: [port2],
    stdout: false,
    stderr: false,
  });
  worker.unref();
  port1.unref();
  // Errors surface through replies or wait deadlines; keep Node from treating them as unhandled.
  worker.on('error', () => undefined);
  return { worker, port: port1, flag: new Int32Array(shared) };
}

function end(s: Session): void {
  s.port.close();
  void s.worker.terminate().catch(() => undefined);
}

/**
 * Session reuse (off unless a test turns it on, see reuseSftpSessions): closed Connections' sessions,
 * idle, by login (host, port, user, host key, credentials), with the directory the login starts in.
 */
let reuse = false;
const idle = new Map<string, { session: Session; home: string }[]>();
/** What a failed call says about the session: these are answers on a working session, the rest is not. */
const SESSION_INTACT: ReadonlySet<BridgeErrorKind> = new Set([
  'sftp',
  'no-dir',
  'exists',
  'too-big',
  'not-empty',
]);

/**
 * Tests that open hundreds of Connections to one server (the exhaustive crash, interleaving and
 * rewrite suites) turn this on: a closed Connection's SSH session is kept idle and handed to the next
 * Connection with the same login, instead of a new worker and SSH handshake each (most of such a
 * suite's time). A script cannot tell: SFTP v3 keeps no per-session state a script reaches (no
 * working directory: the bridge sends absolute paths; no open handle outlives a call), the login
 * is the same one, and an idle session is checked (a stat of its login directory) before it is
 * handed out, a dead one replaced by a new connection. A session whose last call broke (timeout,
 * closed, reset) is never kept. Not for tests that inject transport faults or replace the server:
 * a kept session skips the handshake those would fail. Off: ends every idle session.
 */
export function reuseSftpSessions(on: boolean): void {
  reuse = on;
  if (on) return;
  for (const list of idle.values()) for (const { session } of list) end(session);
  idle.clear();
}

export class SftpBridge {
  /** null until first used (a session may be taken from the idle ones), and once closed. */
  private session: Session | null = null;
  private ended = false;
  /** Set by connect while reuse is on: where close() keeps the session. */
  private login: { key: string; home: string } | null = null;
  private broken = false;
  private nextId = 1;

  constructor() {
    if (!reuse) this.session = spawn();
    open.add(this);
  }

  get closed(): boolean {
    return this.ended;
  }

  /** Runs one operation in the worker and blocks until its reply or its deadline. */
  call<T>(op: string, args: Record<string, unknown>, timeoutMs: number): T {
    if (this.ended) throw new BridgeError('closed', 'the connection is closed');
    const s = (this.session ??= spawn());
    try {
      return this.exchange<T>(s, op, args, timeoutMs);
    } catch (e) {
      if (!(e instanceof BridgeError && SESSION_INTACT.has(e.kind))) this.broken = true;
      throw e;
    }
  }

  private exchange<T>(s: Session, op: string, args: Record<string, unknown>, timeoutMs: number): T {
    const id = this.nextId++;
    Atomics.store(s.flag, 0, 0);
    s.port.postMessage({ id, op, args: { ...args, timeoutMs } });
    const deadline = Date.now() + timeoutMs + WAIT_MARGIN_MS;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) {
        this.destroy();
        throw new BridgeError(op === 'connect' ? 'connect-timeout' : 'timeout', `${op} timed out`);
      }
      Atomics.wait(s.flag, 0, 0, left);
      if (Atomics.load(s.flag, 0) !== 0) break;
    }
    const got = receiveMessageOnPort(s.port);
    if (!got) {
      this.destroy();
      throw new BridgeError('internal', `${op}: the SFTP worker woke without a reply`);
    }
    const reply = got.message as Reply;
    if (reply.id !== id && reply.id !== -1) {
      this.destroy();
      throw new BridgeError('internal', `${op}: reply out of order`);
    }
    if (!reply.ok) {
      const e = reply.error ?? { kind: 'internal' as const, message: 'unknown failure' };
      throw new BridgeError(e.kind, e.message, e.code);
    }
    return reply.value as T;
  }

  connect(args: ConnectArgs): { home: string } {
    if (!reuse) return this.call('connect', { ...args }, args.timeoutMs);
    const key = JSON.stringify({ ...args, timeoutMs: 0 });
    for (let kept = this.session ? undefined : idle.get(key)?.pop(); kept; kept = idle.get(key)?.pop()) {
      this.session = kept.session;
      try {
        this.call('stat', { path: kept.home }, DEFAULT_OP_TIMEOUT_MS);
        this.login = { key, home: kept.home };
        return { home: kept.home };
      } catch {
        // Gone while idle (the server ended it): a new connection instead, as if none had been kept.
        end(kept.session);
        this.session = null;
        this.broken = this.ended = false;
        open.add(this);
      }
    }
    const r = this.call<{ home: string }>('connect', { ...args }, args.timeoutMs);
    this.login = { key, home: r.home };
    return r;
  }

  /** Ends the SSH session (politely, bounded) and stops the worker, or keeps it idle (reuse). Safe to call twice. */
  close(): void {
    if (this.ended) return;
    if (reuse && this.login && this.session && !this.broken) {
      const list = idle.get(this.login.key) ?? [];
      list.push({ session: this.session, home: this.login.home });
      idle.set(this.login.key, list);
      this.session = null;
      this.destroy();
      return;
    }
    if (this.session)
      try {
        this.call('close', {}, 3000);
      } catch {
        /* closing anyway */
      }
    this.destroy();
  }

  private destroy(): void {
    const s = this.session;
    this.session = null;
    this.ended = true;
    open.delete(this);
    if (s) end(s);
  }
}

/** Ends every open SFTP session (end of an execution, afterAll in tests). */
export function closeAll(): void {
  for (const b of [...open]) b.close();
}

/** How many SSH sessions are kept idle for reuse (reuseSftpSessions): for tests. */
export function idleCount(): number {
  let n = 0;
  for (const list of idle.values()) n += list.length;
  return n;
}

/** How many bridges (SSH sessions) are open: for tests and leak checks. */
export function openCount(): number {
  return open.size;
}
