/**
 * Starts the embedded SFTP server (ssh2's Server, see embeddedServerWorker.cjs) on a worker
 * thread: loopback, a free port, a fresh ECDSA P-256 host key, a local folder as its root.
 * It accepts `password` and the generated client key for one user.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { utils } from 'ssh2';
import type { RunningSftpServer } from './types';

export interface EmbeddedServerOptions {
  /** Folder served as `/`; a new temp folder (removed on stop) when omitted. */
  rootDir?: string;
  username?: string;
  /** Password accepted for `username`; a random one when omitted. */
  password?: string;
  /** How long to wait for the server to listen (ms). */
  startTimeoutMs?: number;
  /** Ciphers the server offers (default: ssh2's, which include aes*-ctr). */
  ciphers?: string[];
}

/** An ECDSA P-256 key pair: the private key as PEM (SEC1, which ssh2 reads), the public as SSH wire blob. */
export function generateEcdsaKey(): { privatePem: string; publicBlob: Buffer; publicLine: string } {
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const privatePem = privateKey.export({ type: 'sec1', format: 'pem' }).toString();
  const parsed = utils.parseKey(privatePem);
  if (parsed instanceof Error) throw parsed;
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  const publicBlob = key.getPublicSSH();
  return { privatePem, publicBlob, publicLine: `${key.type} ${publicBlob.toString('base64')}` };
}

function workerFile(): string {
  const name = 'embeddedServerWorker.cjs';
  const candidates = [
    path.join(__dirname, name),
    path.resolve(__dirname, '..', '..', '..', '..', '..', 'emulator', 'src', 'sftp', 'servers', name),
  ];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  throw new Error(`embedded SFTP server: cannot find ${name}`);
}

export async function startEmbeddedServer(opts: EmbeddedServerOptions = {}): Promise<RunningSftpServer> {
  const ownRoot = !opts.rootDir;
  const rootDir = opts.rootDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hc-sftp-embedded-'));
  const username = opts.username ?? 'acme';
  const password = opts.password ?? crypto.randomBytes(12).toString('base64url');
  const host = generateEcdsaKey();
  const client = generateEcdsaKey();

  const worker = new Worker(workerFile(), {
    workerData: {
      rootDir,
      username,
      password,
      authorizedKey: client.publicLine,
      hostKeyPem: host.privatePem,
      ciphers: opts.ciphers,
    },
  });
  worker.unref();

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('embedded SFTP server did not start')),
      opts.startTimeoutMs ?? 10000,
    );
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    worker.on('message', (msg: { type: string; port?: number; message?: string }) => {
      if (msg.type === 'listening' && msg.port) {
        clearTimeout(timer);
        resolve(msg.port);
      } else if (msg.type === 'error') {
        clearTimeout(timer);
        reject(new Error(`embedded SFTP server: ${msg.message}`));
      }
    });
  }).catch(async (err) => {
    await worker.terminate();
    throw err;
  });

  const homeDir = `/home/${username}`;
  let stopped = false;
  return {
    kind: 'embedded',
    host: '127.0.0.1',
    port,
    username,
    hostKey: host.publicBlob.toString('base64'),
    hostKeyType: 'ecdsa',
    privateKey: client.privatePem,
    password,
    rootDir,
    homeDir,
    localPath: (remotePath: string) => path.join(rootDir, path.posix.normalize('/' + remotePath)),
    async stop() {
      if (stopped) return;
      stopped = true;
      worker.postMessage({ type: 'stop' });
      await worker.terminate();
      if (ownRoot) fs.rmSync(rootDir, { recursive: true, force: true });
    },
  };
}
