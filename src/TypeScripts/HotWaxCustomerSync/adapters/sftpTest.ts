/**
 * The status page's SFTP test ("Test the SFTP connection"), over N/sftp with the account's own
 * settings: connect (host key, then login), the folder layout, and a probe written where the
 * scripts write.
 */
import type * as sftpTypes from 'N/sftp';
import type * as fileTypes from 'N/file';
import { SFTP_FOLDERS } from '../core/config';
import type { SftpSettings } from '../core/config';
import { describeError } from '../core/errors';
import { uniqueSuffix } from '../core/fileNames';
import { openConnection } from './sftpConnection';

type SftpCheck = { what: string; ok: boolean; detail: string };
type SftpTestModules = {
  sftp: Pick<typeof sftpTypes, 'createConnection' | 'Sort'>;
  file: Pick<typeof fileTypes, 'create' | 'Type' | 'Encoding'>;
};

const failedCheck = (what: string, prefix: string, e: unknown): SftpCheck => {
  const { code, message } = describeError(e);
  return { what, ok: false, detail: `${prefix}${code}: ${message}` };
};

/** Every folder of the layout (SFTP_FOLDERS and their parents), and each parent's children. */
function sftpLayout(): { folders: Set<string>; parents: Map<string, string[]> } {
  const folders = new Set<string>();
  for (const leaf of Object.values(SFTP_FOLDERS)) {
    const parts = leaf.split('/');
    for (let i = 1; i <= parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const parents = new Map<string, string[]>();
  for (const f of [...folders].sort()) {
    const i = f.lastIndexOf('/');
    const parent = i < 0 ? '.' : f.slice(0, i);
    parents.set(parent, [...(parents.get(parent) ?? []), f]);
  }
  return { folders, parents };
}

/** One list per parent folder: a check per folder; returns the folders missing (or under one). */
function checkFolders(
  c: sftpTypes.Connection,
  m: SftpTestModules,
  directory: string,
  parents: Map<string, string[]>,
  checks: SftpCheck[],
): Set<string> {
  const missing = new Set<string>();
  for (const [parent, children] of parents) {
    if (missing.has(parent)) {
      for (const ch of children) missing.add(ch);
      continue;
    }
    let names: Set<string>;
    try {
      names = new Set(
        c
          .list({ path: parent, sort: m.sftp.Sort.NAME })
          .filter((e) => e.directory)
          .map((e) => e.name),
      );
    } catch (e) {
      checks.push(failedCheck(parent === '.' ? directory : parent, 'cannot list: ', e));
      for (const ch of children) missing.add(ch);
      continue;
    }
    for (const ch of children) {
      const ok = names.has(ch.slice(ch.lastIndexOf('/') + 1));
      if (!ok) missing.add(ch);
      checks.push({ what: `${ch}/`, ok, detail: ok ? 'folder exists' : 'folder does not exist' });
    }
  }
  return missing;
}

/** A probe written in dir, moved into its archive/ (when there) and deleted, as the scripts write. */
function probeWrite(
  c: sftpTypes.Connection,
  m: SftpTestModules,
  dir: string,
  archiveThere: boolean,
): SftpCheck {
  const name = `.hc-sftp-check-${uniqueSuffix()}.tmp`;
  const archive = `${dir}/archive`;
  const to = archiveThere ? `${archive}/${name}` : `${dir}/${name}.moved`;
  let stage = 'write';
  try {
    c.upload({
      directory: dir,
      filename: name,
      file: m.file.create({ name, fileType: m.file.Type.PLAINTEXT, contents: 'hc sftp check\n' }),
      replaceExisting: true,
    });
    stage = 'move';
    c.move({ from: `${dir}/${name}`, to });
    stage = 'delete';
    c.removeFile({ path: to });
    return {
      what: `write in ${dir}/`,
      ok: true,
      detail: `wrote, moved${to.startsWith(archive) ? ' into archive/' : ''} and deleted a probe file`,
    };
  } catch (e) {
    for (const p of [`${dir}/${name}`, to])
      try {
        c.removeFile({ path: p });
      } catch {
        // not there
      }
    return failedCheck(`write in ${dir}/`, `cannot ${stage} a probe file: `, e);
  }
}

/**
 * The SFTP test, as `sftp-check` does from a workstation but with the account's own settings and
 * N/sftp: connect (host key, then login), the folder layout (one list per parent folder: 10 units
 * each), and a probe written, moved into archive/ and deleted where the scripts write (120 units
 * per folder). About 450 units.
 */
export function testSftpConnection(
  m: SftpTestModules,
  settings: () => SftpSettings,
): { ok: boolean; checks: SftpCheck[] } {
  const checks: SftpCheck[] = [];
  let s: SftpSettings;
  try {
    s = settings();
  } catch (e) {
    checks.push(failedCheck('settings', '', e));
    return { ok: false, checks };
  }
  checks.push({
    what: 'settings',
    ok: true,
    detail: `HC SFTP Configuration record ${s.recordId}: ${s.username}@${s.host}:${s.port} ${s.directory}, credential ${s.credential.kind === 'secret' ? 'API secret' : 'SSH key'} ${s.credential.id}`,
  });
  let c: sftpTypes.Connection;
  try {
    c = openConnection(m.sftp, s);
  } catch (e) {
    checks.push(failedCheck('host key and login', '', e));
    return { ok: false, checks };
  }
  checks.push({ what: 'host key', ok: true, detail: 'the server presented the configured host key' });
  checks.push({ what: 'login', ok: true, detail: `logged in as ${s.username}` });
  const { folders, parents } = sftpLayout();
  const missing = checkFolders(c, m, s.directory, parents, checks);
  for (const dir of [
    SFTP_FOLDERS.customerFeedError,
    SFTP_FOLDERS.partyIdentifications,
    SFTP_FOLDERS.historical,
  ]) {
    const archive = `${dir}/archive`;
    if (!missing.has(dir)) checks.push(probeWrite(c, m, dir, folders.has(archive) && !missing.has(archive)));
  }
  return { ok: checks.every((x) => x.ok), checks };
}
