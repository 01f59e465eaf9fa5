/** Where the command line writes: the process's streams, or buffers in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** stderr is a terminal: progress is drawn in place with \r. */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** An Io that keeps what is written (tests, --json). */
export function bufferIo(env: NodeJS.ProcessEnv = {}): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    isTTY: false,
    env,
    cwd: process.cwd(),
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
  };
  return io;
}

/** A wrong command line: printed with a pointer to --help, exit status 2. */
export class UsageError extends Error {}

/** A failure worth a one-line message (no stack), exit status 1. */
export class CliError extends Error {}
