/**
 * Errors the sync raises on purpose. They are plain Errors with a NetSuite-style `name` so the
 * execution log shows a code an administrator can search for; the entry points turn them into
 * N/error SuiteScriptErrors when they must end the execution in error.
 */
export class SyncError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

/** A readable one-liner for any thrown value (SuiteScriptError, Error, string). */
export function describeError(e: unknown): { code: string; message: string } {
  if (e && typeof e === 'object') {
    const o = e as { name?: unknown; message?: unknown };
    const code = typeof o.name === 'string' && o.name ? o.name : 'UNEXPECTED_ERROR';
    const message = typeof o.message === 'string' ? o.message : String(e);
    return { code, message };
  }
  return { code: 'UNEXPECTED_ERROR', message: String(e) };
}
