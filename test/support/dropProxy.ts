/** Starts test/support/dropProxyWorker.cjs (see there) and arms it from the test's thread. */
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface DropProxy {
  port: number;
  /** Drop the connection at the k-th chunk the client sends from now on (1: the next one). */
  arm(k: number): void;
  drops(): number;
  stop(): Promise<number>;
}

export function startDropProxy(targetHost: string, targetPort: number): DropProxy {
  const shared = new SharedArrayBuffer(12);
  const ctl = new Int32Array(shared);
  const worker = new Worker(path.join(__dirname, 'dropProxyWorker.cjs'), {
    workerData: { shared, targetHost, targetPort },
  });
  worker.unref();
  if (Atomics.wait(ctl, 0, 0, 10_000) === 'timed-out') throw new Error('the drop proxy did not start');
  return {
    port: Atomics.load(ctl, 0),
    arm: (k) => Atomics.store(ctl, 1, k),
    drops: () => Atomics.load(ctl, 2),
    stop: () => worker.terminate(),
  };
}
