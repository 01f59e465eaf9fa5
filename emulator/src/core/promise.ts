/**
 * NetSuite's `.promise` variants (record.load.promise, search.create.promise, …): the same call,
 * settled as a Promise. Server scripts run them synchronously; so does the emulator.
 */
export function withPromise<F extends (...args: never[]) => unknown>(
  fn: F,
): F & { promise: (...a: Parameters<F>) => Promise<ReturnType<F>> } {
  const f = fn as F & { promise: (...a: Parameters<F>) => Promise<ReturnType<F>> };
  f.promise = (...a: Parameters<F>) => {
    try {
      return Promise.resolve(fn(...a) as ReturnType<F>);
    } catch (e) {
      return Promise.reject(e);
    }
  };
  return f;
}
