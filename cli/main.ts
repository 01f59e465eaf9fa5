#!/usr/bin/env node
/**
 * hc-customer-sync: the local command line of the HotWax ⇄ NetSuite customer sync.
 *   simulate     the whole sync on a generated merchant, with a reconciliation (npm start)
 *   check-feed   what the import would do with a HotWax customer feed, row by row
 *   snapshot     write an account snapshot (for check-feed --snapshot)
 *   sftp-check   preflight of an SFTP server: host key, login, folder layout, write/rename/delete
 */
import type { Io } from './io';
import { CliError, processIo, UsageError } from './io';
import { rerunWithHeap, simulateHeapMB } from './heap';

export const HELP = `Usage: hc-customer-sync <command> [options]

The local command line of the HotWax ⇄ NetSuite customer sync.

Commands:
  simulate      run the whole sync locally on a generated merchant and reconcile (what npm start runs)
  check-feed    tell, row by row, what the import would do with a HotWax customer feed file
  snapshot      write an account snapshot (customers, subsidiaries, statuses) for check-feed
  sftp-check    check an SFTP server before go-live: host key, login, folder layout, write/rename/delete

Run "hc-customer-sync <command> --help" for a command's options.
`;

type Command = (argv: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  simulate: async () => (await import('./simulate')).simulateCommand,
  'check-feed': async () => (await import('./checkFeed')).checkFeedCommand,
  snapshot: async () => (await import('./snapshot')).snapshotCommand,
  'sftp-check': async () => (await import('./sftpCheck')).sftpCheckCommand,
};

/** Runs one command line; returns the exit status (never calls process.exit). */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.out(HELP);
    return cmd ? 0 : 2;
  }
  const load = COMMANDS[cmd];
  if (!load) {
    io.err(
      `hc-customer-sync: "${cmd.slice(0, 40)}" is not a command; give one of ${Object.keys(COMMANDS).join(', ')} first (hc-customer-sync --help)\n`,
    );
    return 2;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`hc-customer-sync ${cmd}: ${e.message} (options: hc-customer-sync ${cmd} --help)\n`);
      return 2;
    }
    if (e instanceof CliError) {
      io.err(`hc-customer-sync ${cmd}: ${e.message}\n`);
      return 1;
    }
    // Never a stack trace for the administrator: one line; HC_DEBUG=1 shows where it came from.
    const x = e as NodeJS.ErrnoException;
    const what =
      x?.code && x.syscall
        ? `cannot ${x.syscall} ${x.path ?? ''}: ${x.code} (${x.message.replace(/^\w+: /, '').split(',')[0]})`
        : `${x?.message ?? String(e)} (an unexpected error: please report it; HC_DEBUG=1 shows where it happened)`;
    io.err(`hc-customer-sync ${cmd}: ${what.replace(/\s+/g, ' ')}\n`);
    if (io.env.HC_DEBUG) io.err(`${x?.stack ?? ''}\n`);
    return 1;
  }
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const heapMB = simulateHeapMB(argv, process.env, process.execArgv);
  if (heapMB !== null) process.exitCode = rerunWithHeap(__filename, argv, heapMB);
  else
    void main(argv).then((code) => {
      process.exitCode = code;
    });
}
