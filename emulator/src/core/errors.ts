/**
 * NetSuite's SuiteScriptError, as N/error creates it and as the runtime throws it.
 * Every error the emulator throws is one of these, carrying NetSuite's own code in `name`.
 * Where each code comes from (help page or @hitc/netsuite-types / suitecloud stubs doc comment)
 * is noted where it is thrown.
 */
/** File Cabinet paths of the script files loaded (sandbox/loader.ts): the only frames a script's stacks show. */
export const SCRIPT_FILES = new Set<string>();

/**
 * A stack as NetSuite shows scripts: only frames in File Cabinet script files (/SuiteScripts/…), never
 * the emulator's own files or other host paths.
 */
export function scriptStack(stack: string): string {
  const lines = stack.split('\n');
  const head = lines.findIndex((l) => /^\s+at /.test(l));
  if (head < 0) return stack;
  const frames = lines.slice(head).filter((l) => {
    const m = /\(?([^\s()]+?)(?::\d+)?(?::\d+)?\)?$/.exec(l.trim());
    return !!m && SCRIPT_FILES.has(m[1]);
  });
  return [...lines.slice(0, head), ...frames].join('\n');
}

export class SuiteScriptError extends Error {
  /** 'error.SuiteScriptError'; the module loader's errors say 'error.SuiteScriptModuleLoaderError'. */
  readonly type: string = 'error.SuiteScriptError';
  readonly id: string;
  readonly cause?: unknown;
  constructor(
    name: string,
    message: string,
    readonly notifyOff = false,
    cause?: unknown,
  ) {
    super(message);
    // NetSuite puts the error code in `name` (e.g. SSS_USAGE_LIMIT_EXCEEDED).
    this.name = name;
    this.id = '';
    this.cause = cause;
    if (this.stack) this.stack = scriptStack(this.stack);
  }
  toString(): string {
    return `${this.name}: ${this.message}`;
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type, name: this.name, message: this.message, notifyOff: this.notifyOff };
  }
}

/** Shorthand used across the emulator: `throw nsError('INVALID_KEY_OR_REF', '...')`. */
export function nsError(name: string, message: string): SuiteScriptError {
  return new SuiteScriptError(name, message);
}
