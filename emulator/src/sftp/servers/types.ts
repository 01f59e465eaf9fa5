/** What both test/local SFTP servers hand back, so one suite can run against either. */
export type SftpServerKind = 'openssh' | 'embedded';

export interface RunningSftpServer {
  readonly kind: SftpServerKind;
  readonly host: string;
  readonly port: number;
  readonly username: string;
  /** Base64 body of the server's public host key (what N/sftp's `hostKey` expects). */
  readonly hostKey: string;
  /** 'ecdsa' for both servers (N/sftp `hostKeyType`). */
  readonly hostKeyType: 'ecdsa';
  /** A private key (OpenSSH or PEM text) the server accepts for `username`. */
  readonly privateKey: string;
  /** The password the server accepts (embedded server only: sshd would need a system password). */
  readonly password?: string;
  /** Local folder holding the files the server serves. */
  readonly rootDir: string;
  /** The remote path the session starts in (REALPATH "."); tests put their files below it. */
  readonly homeDir: string;
  /** Local file system path of a remote (absolute) path, to inspect files in tests. */
  localPath(remotePath: string): string;
  stop(): Promise<void>;
}
