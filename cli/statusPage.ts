/**
 * The status page (Suitelet HC_SL_CustomerSync) of a simulated account, served by the emulator on
 * 127.0.0.1 until the process is interrupted: `simulate --serve` (`npm start -- --serve`).
 */
import net from 'node:net';
import type { Account } from '../emulator/src';
import { SuiteletServer } from '../emulator/src';
import type { Io } from './io';
import { CliError, UsageError } from './io';
import { CUSTOMER_SYNC_PAGE } from '../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

export const STATUS_PAGE = {
  scriptId: CUSTOMER_SYNC_PAGE.scriptId,
  deploymentId: CUSTOMER_SYNC_PAGE.deploymentId,
};

export function statusPageUrl(port: number): string {
  return `http://127.0.0.1:${port}/app/site/hosting/scriptlet.nl?script=${STATUS_PAGE.scriptId}&deploy=${STATUS_PAGE.deploymentId}`;
}

/** Serves until SIGINT/SIGTERM; what the page queues (run now) runs after each response. */
export async function servePage(account: Account, port: number, io: Io, json: boolean): Promise<void> {
  const server = new SuiteletServer(account, { port, host: '127.0.0.1' });
  try {
    await server.start();
  } catch (e) {
    throw new CliError(
      `cannot serve the status page on 127.0.0.1:${port}: ${(e as Error).message} (choose another with --port)`,
    );
  }
  const say = json ? io.err : io.out;
  say(
    `\nStatus page: ${server.suiteletUrl(STATUS_PAGE.scriptId, STATUS_PAGE.deploymentId)}\nServing the simulated account until interrupted (Ctrl+C).\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.stop();
  say('Stopped serving the status page.\n');
}

/** Before a long simulation: the port --serve will use must be free now (0 always is). */
export async function checkPortFree(port: number): Promise<void> {
  if (port === 0) return;
  const probe = net.createServer();
  const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    probe.once('error', resolve);
    probe.listen(port, '127.0.0.1', () => resolve(null));
  });
  if (!error) return new Promise((resolve) => probe.close(() => resolve()));
  throw new UsageError(
    error.code === 'EADDRINUSE'
      ? `--port ${port} is in use on 127.0.0.1 (another --serve still running?); choose another with --port, or --port 0 for any free port`
      : `--port ${port} cannot be used on 127.0.0.1 (${error.code ?? error.message}); choose another with --port`,
  );
}
