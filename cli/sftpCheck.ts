/**
 * `sftp-check`: preflight of the SFTP server named in the "HC SFTP Configuration" record.
 *
 * It goes through the emulator's synchronous SFTP bridge (emulator/src/sftp/bridge.ts), the same
 * worker and ssh2 settings the emulated N/sftp uses: only the ciphers (aes*-ctr) and host key types
 * (RSA, DSA, ECDSA) NetSuite offers, and the host key compared byte for byte with the configured one
 * before any credential is sent. A server that passes here is reachable by the scripts the same way;
 * plain ssh2 with its default algorithms could pass where NetSuite fails (e.g. an ed25519-only host).
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { BridgeError, DEFAULT_OP_TIMEOUT_MS } from '../emulator/src';
import type { SftpBridge } from '../emulator/src';
import { SFTP_LAYOUT } from '../simulation/environment';
import { connectBridge } from '../simulation/remoteFiles';
import { parse } from './args';
import type { Io } from './io';
import { readSftpTarget, describeTarget } from './sftpOptions';
import type { SftpTarget } from './sftpOptions';

export const SFTP_CHECK_HELP = `Usage: hc-customer-sync sftp-check --host H [--port P] --user U (--key FILE | --password-env VAR)
                                  --host-key KEY --dir /home/u/netsuite/ [--fix] [--json]

Checks an SFTP server with the settings of the "HC SFTP Configuration" record, as NetSuite's N/sftp
would connect: the host key must match (the connection is refused otherwise), login, the folder layout
HotWax and the scripts use under the default directory (customer/export/{archive,error,failed,
required_fields_missing}, customer/import/archive, historicalshopifycustomer/csv/archive), and that
files can be written, renamed (moved into archive/) and deleted in each folder (a probe file named
.hc-sftp-check-*.tmp, removed afterwards). Prints what is missing.

Options:
  --host H             server (custrecord_ns_sftp_server)
  --port P             port (custrecord_ns_sftp_port_no, default 22)
  --user U             user name (custrecord_ns_sftp_userid)
  --key FILE           private key file, or
  --password-env VAR   NAME of the environment variable holding the password (never the password)
  --host-key KEY       the server's public host key (custrecord_ns_sftp_host_key): base64, or
                       "type base64" as in known_hosts / ssh-keyscan
  --dir DIR            default directory (custrecord_ns_sftp_default_file_dir), e.g. /home/acme/netsuite/
  --fix                create the missing folders
  --json               print the result as JSON

Secrets are never printed. Exit status: 0 when everything is in place (after --fix), 1 otherwise,
2 for a wrong command line.
`;

export interface CheckItem {
  what: string;
  status: 'ok' | 'missing' | 'created' | 'failed';
  detail?: string;
}

export interface SftpCheckResult {
  target: string;
  items: CheckItem[];
  missing: string[];
  ok: boolean;
}

/** Every folder of the layout, parents first (customer, customer/export, customer/export/archive...). */
export function layoutFolders(): string[] {
  const all = new Set<string>();
  for (const leaf of SFTP_LAYOUT) {
    const parts = leaf.split('/');
    for (let i = 1; i <= parts.length; i++) all.add(parts.slice(0, i).join('/'));
  }
  return [...all].sort();
}

function fingerprint(body: string): string {
  return (
    'SHA256:' +
    crypto.createHash('sha256').update(Buffer.from(body, 'base64')).digest('base64').replace(/=+$/, '')
  );
}

export function explain(e: unknown, t: SftpTarget): string {
  if (!(e instanceof BridgeError)) return (e as Error)?.message ?? String(e);
  switch (e.kind) {
    case 'host-key':
      return `the server's host key is not the one given with --host-key (${fingerprint(t.hostKey)}): connection refused before logging in. Check the key (ssh-keyscan -p ${t.port} ${t.host}) with the server's administrator; a different key may mean the wrong server or someone in between.`;
    case 'auth':
      return `login refused for user ${t.username}: the ${t.privateKey ? 'private key' : 'password'} is not accepted`;
    case 'bad-key':
      return 'the private key file cannot be used (unsupported format, or encrypted with a passphrase)';
    case 'refused':
      return `nothing accepts connections on ${t.host}:${t.port}: check the port (usually 22) and that the SFTP server is running`;
    case 'unknown-host':
      return `unknown host ${t.host}: check the host name (DNS does not know it)`;
    case 'connect-timeout':
      return `no connection to ${t.host}:${t.port} within 20 s (NetSuite's limit): the host does not answer; check the address and that no firewall drops the connection`;
    case 'no-route':
      return `no route to ${t.host}:${t.port} (the host is unreachable from this machine): check the address and that no firewall or VPN stands in between`;
    case 'reset':
    case 'closed':
    case 'connect':
      return `the connection to ${t.host}:${t.port} was lost before the SSH handshake (${e.message}): check that the address is reachable from here, that an SSH/SFTP server listens on that port (not FTP or HTTP) and that no firewall drops the connection (try: ssh -p ${t.port} ${t.username}@${t.host})`;
    case 'timeout':
      return `the server stopped answering (${e.message}): try again; if it persists, check the server's load and network with its administrator`;
    case 'handshake':
      return `SSH handshake failed (${e.message}): the server must offer an aes*-ctr cipher and an RSA, DSA or ECDSA host key, as NetSuite requires`;
    default:
      return `${e.message} (${e.kind})`;
  }
}

type BridgeCall = <T>(op: string, args: Record<string, unknown>) => T;

const inDirectory = (t: SftpTarget, rel: string) => (rel ? path.posix.join(t.directory, rel) : t.directory);

/** Each folder of HotWax's layout: there, created (with --fix) or missing. true when one could not be read. */
function checkFolders(call: BridgeCall, t: SftpTarget, fix: boolean, result: SftpCheckResult): boolean {
  const { items } = result;
  let broken = false;
  for (const rel of ['', ...layoutFolders()]) {
    const label = rel || t.directory;
    let exists = false;
    try {
      exists =
        call<{ isDirectory: boolean } | null>('stat', { path: inDirectory(t, rel) })?.isDirectory === true;
    } catch (e) {
      items.push({ what: label, status: 'failed', detail: explain(e, t) });
      broken = true;
      continue;
    }
    if (exists) {
      items.push({ what: label, status: 'ok', detail: 'folder exists' });
      continue;
    }
    if (!fix) {
      result.missing.push(label);
      items.push({ what: label, status: 'missing', detail: 'folder does not exist' });
      continue;
    }
    try {
      call('makeDirectory', { path: inDirectory(t, rel) });
      items.push({ what: label, status: 'created', detail: 'folder created' });
    } catch (e) {
      result.missing.push(label);
      items.push({ what: label, status: 'failed', detail: `cannot create the folder: ${explain(e, t)}` });
    }
  }
  return broken;
}

/** Write, rename (into archive/ where the sync moves files) and delete a probe in every folder. */
function probeFolders(call: BridgeCall, t: SftpTarget, result: SftpCheckResult): void {
  const tag = `.hc-sftp-check-${process.pid}-${Date.now()}`;
  for (const rel of layoutFolders()) {
    if (result.missing.includes(rel)) continue;
    const dir = inDirectory(t, rel);
    const probe = path.posix.join(dir, `${tag}.tmp`);
    const hasArchive =
      layoutFolders().includes(`${rel}/archive`) && !result.missing.includes(`${rel}/archive`);
    const renamed = hasArchive
      ? path.posix.join(dir, 'archive', `${tag}.tmp`)
      : path.posix.join(dir, `${tag}.renamed.tmp`);
    let stage = 'write';
    try {
      call('upload', {
        dir,
        path: probe,
        data: new Uint8Array(Buffer.from('hc sftp check\n')),
        replace: false,
      });
      stage = 'rename';
      call('rename', { from: probe, to: renamed });
      stage = 'delete';
      call('removeFile', { path: renamed });
      result.items.push({
        what: rel,
        status: 'ok',
        detail: `write, rename${hasArchive ? ' into archive/' : ''}, delete`,
      });
    } catch (e) {
      result.items.push({ what: rel, status: 'failed', detail: `cannot ${stage} a file: ${explain(e, t)}` });
      for (const p of [probe, renamed])
        try {
          call('removeFile', { path: p });
        } catch {
          /* not there */
        }
    }
  }
}

export function sftpCheck(t: SftpTarget, fix: boolean): SftpCheckResult {
  const items: CheckItem[] = [];
  const result: SftpCheckResult = { target: describeTarget(t), items, missing: [], ok: false };
  let bridge: SftpBridge;
  try {
    bridge = connectBridge(t).bridge;
  } catch (e) {
    items.push({ what: 'connect', status: 'failed', detail: explain(e, t) });
    return result;
  }
  items.push({ what: 'host key', status: 'ok', detail: `matches (${fingerprint(t.hostKey)})` });
  items.push({
    what: 'login',
    status: 'ok',
    detail: `${t.username}, ${t.privateKey ? 'private key' : 'password'}`,
  });
  const call: BridgeCall = (op, args) => bridge.call(op, args, DEFAULT_OP_TIMEOUT_MS);
  try {
    if (!checkFolders(call, t, fix, result)) probeFolders(call, t, result);
  } finally {
    bridge.close();
  }
  result.ok = items.every((i) => i.status === 'ok' || i.status === 'created');
  return result;
}

export function renderSftpCheck(r: SftpCheckResult, fix: boolean): string {
  const out = [`SFTP check of ${r.target}`];
  for (const i of r.items) out.push(`  ${i.status.padEnd(8)} ${i.what}${i.detail ? `: ${i.detail}` : ''}`);
  if (r.missing.length)
    out.push(
      `${r.missing.length} folder(s) missing: ${r.missing.join(', ')}${fix ? '' : '. Run again with --fix to create them.'}`,
    );
  out.push(r.ok ? 'OK: the server is ready for the customer sync.' : 'NOT READY: see above.');
  return out.join('\n') + '\n';
}

export async function sftpCheckCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    host: { type: 'string' },
    port: { type: 'string' },
    user: { type: 'string' },
    key: { type: 'string' },
    'password-env': { type: 'string' },
    'host-key': { type: 'string' },
    dir: { type: 'string' },
    fix: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.out(SFTP_CHECK_HELP);
    return 0;
  }
  const target = readSftpTarget(
    values,
    {
      host: 'host',
      port: 'port',
      user: 'user',
      key: 'key',
      passwordEnv: 'password-env',
      hostKey: 'host-key',
      dir: 'dir',
    },
    io,
  );
  const r = sftpCheck(target, Boolean(values.fix));
  if (values.json) io.out(JSON.stringify(r, null, 2) + '\n');
  else io.out(renderSftpCheck(r, Boolean(values.fix)));
  await Promise.resolve();
  return r.ok ? 0 : 1;
}
