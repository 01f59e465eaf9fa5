/**
 * The simulated HotWax's access to a remote SFTP server (`simulate --sftp-host ...`), where it
 * cannot touch the server's disk. It uses the emulator's synchronous SFTP bridge
 * (emulator/src/sftp/bridge.ts): one SSH session in a worker thread, calls that block until the
 * server has answered, so the OMS stays as synchronous as it is over a local folder. The host key
 * is checked exactly as N/sftp checks it.
 */
import path from 'node:path';
import { BridgeError, DEFAULT_OP_TIMEOUT_MS, SftpBridge } from '../emulator/src';
import type { RemoteEntry, SftpTarget } from '../emulator/src';
import type { SftpFiles } from './hotwax';

/** A target as the user gives it: its host key may carry a leading key type (ignored). */
export interface RemoteSftpOptions extends SftpTarget {
  timeoutMs?: number;
}

/** The base64 body of a host key given as `body` or `type body [comment]`. */
export function hostKeyBody(raw: string): string {
  const parts = raw.trim().split(/\s+/);
  return parts.find((p) => /^AAAA[A-Za-z0-9+/]+=*$/.test(p)) ?? parts[parts.length - 1] ?? '';
}

/** Opens a bridge session; the caller closes it. Errors are BridgeErrors (never carrying a secret). */
export function connectBridge(o: Omit<RemoteSftpOptions, 'directory'>): { bridge: SftpBridge; home: string } {
  const bridge = new SftpBridge();
  try {
    const { home } = bridge.connect({
      host: o.host,
      port: o.port,
      username: o.username,
      hostKey: hostKeyBody(o.hostKey),
      password: o.password,
      privateKey: o.privateKey,
      timeoutMs: o.timeoutMs ?? 20000,
    });
    return { bridge, home };
  } catch (e) {
    bridge.close();
    throw e;
  }
}

export class RemoteSftpFiles implements SftpFiles {
  private readonly bridge: SftpBridge;
  private readonly base: string;
  private readonly made = new Set<string>();

  constructor(opts: RemoteSftpOptions) {
    this.bridge = connectBridge(opts).bridge;
    this.base = opts.directory.replace(/\/?$/, '/');
  }

  private abs(rel: string): string {
    return path.posix.join(this.base, rel);
  }

  private op<T>(op: string, args: Record<string, unknown>): T {
    return this.bridge.call<T>(op, args, DEFAULT_OP_TIMEOUT_MS);
  }

  /** mkdir -p, remembering what exists (HotWax's side creates folders it writes to). */
  private ensureDir(rel: string): void {
    const parts = rel.split('/').filter(Boolean);
    let cur = '';
    for (const p of parts) {
      cur = cur ? `${cur}/${p}` : p;
      if (this.made.has(cur)) continue;
      const st = this.op<{ isDirectory: boolean } | null>('stat', { path: this.abs(cur) });
      if (!st) {
        try {
          this.op('makeDirectory', { path: this.abs(cur) });
        } catch (e) {
          // Created in between by someone else: fine when it is a directory now.
          if (
            !(e instanceof BridgeError) ||
            !this.op<{ isDirectory: boolean } | null>('stat', { path: this.abs(cur) })
          )
            throw e;
        }
      }
      this.made.add(cur);
    }
  }

  listCsv(dir: string): string[] {
    this.ensureDir(dir);
    return this.op<RemoteEntry[]>('list', { path: this.abs(dir) })
      .filter((e) => !e.directory && e.name.endsWith('.csv'))
      .map((e) => e.name)
      .sort();
  }

  read(file: string): string {
    const bytes = this.op<Uint8Array>('download', { path: this.abs(file), maxBytes: 1024 * 1024 * 1024 });
    return Buffer.from(bytes).toString('utf8');
  }

  write(file: string, text: string): void {
    const dir = path.posix.dirname(file);
    this.ensureDir(dir);
    this.op('upload', {
      dir: this.abs(dir),
      path: this.abs(file),
      data: new Uint8Array(Buffer.from(text, 'utf8')),
      replace: true,
    });
  }

  archive(dir: string, name: string): void {
    this.ensureDir(`${dir}/archive`);
    this.op('rename', { from: this.abs(`${dir}/${name}`), to: this.abs(`${dir}/archive/${name}`) });
  }

  /** Every file below `rel` (relative paths), for `simulate --out`. */
  walk(rel = ''): string[] {
    const out: string[] = [];
    for (const e of this.op<RemoteEntry[]>('list', { path: this.abs(rel) || this.base })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.directory) out.push(...this.walk(p));
      else out.push(p);
    }
    return out.sort();
  }

  readBytes(file: string): Buffer {
    return Buffer.from(
      this.op<Uint8Array>('download', { path: this.abs(file), maxBytes: 1024 * 1024 * 1024 }),
    );
  }

  close(): void {
    this.bridge.close();
  }
}
