/**
 * The SFTP server options shared by `simulate` and `sftp-check`: the same settings as the
 * "HC SFTP Configuration" record. Secrets come from a file (private key) or an environment
 * variable (password), never from the command line itself, and are never printed.
 */
import fs from 'node:fs';
import type { Io } from './io';
import { UsageError } from './io';
import { inputFile } from './args';
import { hostKeyBody } from '../simulation/remoteFiles';
import type { SftpTarget } from '../emulator/src';

// The one SFTP target type (the emulator's public API); readSftpTarget ends its directory in '/'.
export type { SftpTarget };

/** What may be shown of a target: everything but the credential. */
export function describeTarget(t: SftpTarget): string {
  const cred = t.privateKey ? 'private key' : 'password';
  return `${t.username}@${t.host}:${t.port} ${t.directory} (${cred} authentication)`;
}

export interface SftpFlagNames {
  host: string;
  port: string;
  user: string;
  key: string;
  passwordEnv: string;
  hostKey: string;
  dir: string;
}

export function readSftpTarget(
  values: Record<string, string | boolean | undefined>,
  names: SftpFlagNames,
  io: Io,
): SftpTarget {
  const get = (n: string) => (typeof values[n] === 'string' ? (values[n] as string) : undefined);
  const need = (n: string) => {
    const v = get(n);
    if (!v || !v.trim()) throw new UsageError(`--${n} is required`);
    return v.trim();
  };
  const host = need(names.host);
  if (!/^[A-Za-z0-9.:[\]_-]+$/.test(host))
    throw new UsageError(`--${names.host} takes a host name or an IP address (e.g. sftp.example.com)`);
  const portText = get(names.port) ?? '22';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535)
    throw new UsageError(`--${names.port} must be a port number (got "${portText}")`);
  const username = need(names.user);
  const hostKeyRaw = need(names.hostKey);
  const hostKey = hostKeyBody(hostKeyRaw);
  if (!/^AAAA[A-Za-z0-9+/]+=*$/.test(hostKey))
    throw new UsageError(
      `--${names.hostKey} must be the server's public host key: its base64 body, or "type base64" as in known_hosts`,
    );
  const dir = need(names.dir);
  if (!dir.startsWith('/'))
    throw new UsageError(`--${names.dir} must be an absolute directory (starting with /)`);
  const keyFile = get(names.key);
  const pwEnv = get(names.passwordEnv);
  if (!keyFile && !pwEnv)
    throw new UsageError(
      `give --${names.key} <private key file> or --${names.passwordEnv} <environment variable name>`,
    );
  let privateKey: string | undefined;
  let password: string | undefined;
  if (keyFile) {
    // The file name is never repeated: a pasted key (or password) in place of a path would be echoed.
    privateKey = fs.readFileSync(inputFile(io.cwd, `--${names.key}`, keyFile, 'private key', false), 'utf8');
    if (!/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----|^PuTTY-User-Key-File-/m.test(privateKey))
      throw new UsageError(
        `--${names.key}: the file is not a private key (no "-----BEGIN … PRIVATE KEY-----" line; a .pub file is the public half): give the private key file`,
      );
  }
  if (pwEnv) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(pwEnv))
      throw new UsageError(
        `--${names.passwordEnv} takes the NAME of an environment variable, not a password`,
      );
    password = io.env[pwEnv];
    // The name is never repeated: users paste the password itself here, and many passwords are
    // valid variable names.
    if (!password)
      throw new UsageError(
        `the environment variable named by --${names.passwordEnv} is empty or not set (the value given is not shown: ` +
          `it must be the NAME of a variable holding the password, e.g. HC_SFTP_PASSWORD, never the password)`,
      );
  }
  return { host, port, username, hostKey, password, privateKey, directory: dir.replace(/\/?$/, '/') };
}

/** Secret strings a written file must never contain. */
export function secretsOf(t: { password?: string; privateKey?: string }): string[] {
  const out: string[] = [];
  if (t.password) out.push(t.password);
  if (t.privateKey) {
    // The key's base64 lines, so a re-wrapped copy is caught too.
    for (const line of t.privateKey.split(/\r?\n/))
      if (line.length >= 20 && !line.startsWith('-----')) out.push(line);
  }
  return out;
}
