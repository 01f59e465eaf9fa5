/**
 * SFTP servers for tests and local runs: a real OpenSSH sshd, or the embedded ssh2 server.
 * Both return the same RunningSftpServer, so one suite can run against either.
 */
import { startEmbeddedServer } from './embeddedServer';
import { openSshAvailable, openSshHidden, startOpenSshServer } from './openSshServer';
import type { RunningSftpServer, SftpServerKind } from './types';

export type { RunningSftpServer, SftpServerKind } from './types';
export { openSshAvailable, openSshHidden } from './openSshServer';
export { startEmbeddedServer, generateEcdsaKey } from './embeddedServer';
export { startOpenSshServer } from './openSshServer';

export function startSftpServer(kind: SftpServerKind): Promise<RunningSftpServer> {
  return kind === 'openssh' ? startOpenSshServer() : startEmbeddedServer();
}

/**
 * Whether tests for `kind` should run: embedded always; openssh when sshd is usable and not hidden
 * (HC_SFTP_SERVER=embedded). With HC_REQUIRE_OPENSSH=1 (CI) an unusable sshd that is not hidden is
 * an error, so the suite fails instead of skipping.
 */
export function sftpServerUsable(kind: SftpServerKind): boolean {
  if (kind === 'embedded') return true;
  if (openSshAvailable()) return true;
  if (openSshHidden()) return false;
  if (process.env.HC_REQUIRE_OPENSSH === '1') {
    const e = new Error(
      'HC_REQUIRE_OPENSSH=1 but OpenSSH sshd is not usable here (install openssh-server, run as root)',
    );
    e.stack = e.message; // one line in the test report: what to install is all there is to say
    throw e;
  }
  return false;
}
