/**
 * Starts a real OpenSSH server (`sshd -D -e -f <config>`) on 127.0.0.1 and a free high port with
 * its own configuration, host key and authorized key, serving SFTP through `internal-sftp`.
 *
 * Needs: /usr/sbin/sshd (Debian `openssh-server`, see .ci/install-openssh.sh), ssh-keygen, and
 * root (sshd's privilege separation; the session user is the current user, root, which
 * `PermitRootLogin prohibit-password` allows with a key only). Password login is not offered:
 * it would need a system account password (and PAM); the embedded server covers passwords.
 *
 * The session starts in `<rootDir>/home/<user>` (`internal-sftp -d`), so remote paths are real
 * local paths below rootDir.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunningSftpServer } from './types';

export const SSHD = '/usr/sbin/sshd';

/**
 * HC_SFTP_SERVER=embedded hides OpenSSH for a run, as on a machine without it: every test then uses
 * the embedded server (CI's embedded pass). It wins over HC_REQUIRE_OPENSSH.
 */
export function openSshHidden(): boolean {
  const v = process.env.HC_SFTP_SERVER;
  if (!v) return false;
  if (v === 'embedded') return true;
  throw new Error(`HC_SFTP_SERVER=${v} is not understood: set it to "embedded" to hide OpenSSH, or unset it`);
}

/** sshd can run here: it is installed, ssh-keygen too, we are root, and HC_SFTP_SERVER does not hide it. */
export function openSshAvailable(): boolean {
  if (openSshHidden()) return false;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return false;
  if (!fs.existsSync(SSHD)) return false;
  try {
    execFileSync('ssh-keygen', ['-?'], { stdio: 'ignore', timeout: 5000 });
  } catch (err) {
    // ssh-keygen -? exits non-zero after printing usage; only a missing binary matters.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
  }
  return true;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once something on host:port speaks SSH (sends an "SSH-" banner). */
function waitForBanner(port: number, deadline: number, child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`sshd exited with code ${child.exitCode}`));
      if (Date.now() > deadline) return reject(new Error('sshd did not start listening in time'));
      const sock = net.connect({ host: '127.0.0.1', port });
      sock.setTimeout(1000);
      let ok = false;
      sock.once('data', (d) => {
        ok = d.toString('latin1').startsWith('SSH-');
        sock.destroy();
      });
      sock.once('close', () => (ok ? resolve() : setTimeout(attempt, 100)));
      sock.once('error', () => undefined);
      sock.once('timeout', () => sock.destroy());
    };
    attempt();
  });
}

function keygen(file: string, type: 'ecdsa' | 'ed25519'): void {
  const args = ['-q', '-t', type, '-N', '', '-C', 'hc-sftp-test', '-f', file];
  if (type === 'ecdsa') args.splice(3, 0, '-b', '256');
  execFileSync('ssh-keygen', args, { stdio: 'ignore', timeout: 20000 });
}

function configText(o: {
  port: number;
  hostKeyFile: string;
  authorizedKeysFile: string;
  pidFile: string;
  homeDir: string;
  penalties: boolean;
}): string {
  const lines = [
    `Port ${o.port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${o.hostKeyFile}`,
    `AuthorizedKeysFile ${o.authorizedKeysFile}`,
    `PidFile ${o.pidFile}`,
    'UsePAM no',
    'StrictModes no',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication yes',
    'PermitRootLogin prohibit-password',
    'AllowTcpForwarding no',
    'X11Forwarding no',
    'PrintMotd no',
    'MaxStartups 50',
    'LogLevel INFO',
    `Subsystem sftp internal-sftp -d ${o.homeDir}`,
  ];
  // OpenSSH 9.8+ penalises sources whose connections end before auth (our wrong-host-key test
  // does exactly that); older versions reject the keyword, so it is only added when accepted.
  if (o.penalties) lines.push('PerSourcePenalties no');
  return lines.join('\n') + '\n';
}

export interface OpenSshServerOptions {
  /** Client key type to generate (default ecdsa). */
  clientKeyType?: 'ecdsa' | 'ed25519';
  startTimeoutMs?: number;
}

/** Ends sshd (SIGTERM, SIGKILL after 3 s) and removes its folder. */
async function stopSshd(child: ChildProcess, base: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 3000);
      child.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
  fs.rmSync(base, { recursive: true, force: true });
}

export async function startOpenSshServer(opts: OpenSshServerOptions = {}): Promise<RunningSftpServer> {
  if (!openSshAvailable()) {
    const why = openSshHidden() ? 'hidden by HC_SFTP_SERVER=embedded' : 'needs /usr/sbin/sshd and root';
    throw new Error(`OpenSSH sshd is not available (${why})`);
  }
  fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });

  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-sftp-openssh-'));
  const confDir = path.join(base, 'conf');
  const rootDir = path.join(base, 'files');
  const username = os.userInfo().username;
  const homeDir = path.join(rootDir, 'home', username);
  fs.mkdirSync(confDir, { mode: 0o700 });
  fs.mkdirSync(homeDir, { recursive: true });

  const hostKeyFile = path.join(confDir, 'ssh_host_ecdsa_key');
  const clientKeyFile = path.join(confDir, 'client_key');
  keygen(hostKeyFile, 'ecdsa');
  keygen(clientKeyFile, opts.clientKeyType ?? 'ecdsa');
  const authorizedKeysFile = path.join(confDir, 'authorized_keys');
  fs.copyFileSync(`${clientKeyFile}.pub`, authorizedKeysFile);
  fs.chmodSync(authorizedKeysFile, 0o600);
  const hostKey = fs.readFileSync(`${hostKeyFile}.pub`, 'utf8').trim().split(/\s+/)[1];
  const privateKey = fs.readFileSync(clientKeyFile, 'utf8');

  const cfgFile = path.join(confDir, 'sshd_config');
  const pidFile = path.join(confDir, 'sshd.pid');
  const port = await freePort();
  const cfg = { port, hostKeyFile, authorizedKeysFile, pidFile, homeDir, penalties: true };
  fs.writeFileSync(cfgFile, configText(cfg));
  try {
    execFileSync(SSHD, ['-t', '-f', cfgFile], { stdio: 'pipe', timeout: 10000 });
  } catch {
    fs.writeFileSync(cfgFile, configText({ ...cfg, penalties: false }));
    execFileSync(SSHD, ['-t', '-f', cfgFile], { stdio: 'pipe', timeout: 10000 });
  }

  // Log to a file, not a pipe: while an N/sftp call blocks this thread nobody would drain a pipe.
  const logFile = path.join(confDir, 'sshd.log');
  const logFd = fs.openSync(logFile, 'a');
  const child = spawn(SSHD, ['-D', '-e', '-f', cfgFile], { stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  child.unref();
  child.on('error', () => undefined);

  const stop = () => stopSshd(child, base);

  try {
    await waitForBanner(port, Date.now() + (opts.startTimeoutMs ?? 10000), child);
  } catch (err) {
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
    await stop();
    throw new Error(`${(err as Error).message}\n${log}`);
  }

  return {
    kind: 'openssh',
    host: '127.0.0.1',
    port,
    username,
    hostKey,
    hostKeyType: 'ecdsa',
    privateKey,
    rootDir,
    homeDir,
    localPath: (remotePath: string) => path.posix.normalize(remotePath),
    stop,
  };
}
