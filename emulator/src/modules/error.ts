/**
 * N/error (NetSuite help "N/error Module"): error.create({ name, message, notifyOff }) returns a
 * SuiteScriptError (type 'error.SuiteScriptError', name = the code, an id), and the error.Type enum.
 * Names of error.Type are the ones of @hitc/netsuite-types N/error, including its aliases
 * (e.g. INVALID_KEY_OR_REF → WS_INVALID_REFERENCE_KEY_1); unknown names map to themselves.
 */
import type * as errorTypes from 'N/error';
import type { ExecutionContext } from '../core/context';
import { SuiteScriptError } from '../core/errors';

const ALIASES: Record<string, string> = {
  EMPTY_KEY_NOT_ALLOWED: 'EMPTY_KEY_NOT_ALLOWED_FOR_1',
  INVALID_GETSELECTOPTION_FILTER_OPERATOR: 'SSS_INVALID_GETSELECTOPTION_FILTER_OPERATOR',
  INVALID_KEY_OR_REF: 'WS_INVALID_REFERENCE_KEY_1',
  INVALID_SUBLIST_OPERATION: 'SSS_INVALID_SUBLIST_OPERATION',
  INVALID_UI_OBJECT_TYPE: 'SSS_INVALID_UI_OBJECT_TYPE',
  METHOD_IS_ONLY_ALLOWED_FOR_MATRIX_FIELD: 'SSS_METHOD_IS_ONLY_ALLOWED_FOR_MATRIX_FIELD',
  MISSING_REQD_ARGUMENT: 'SSS_MISSING_REQD_ARGUMENT',
};

/** error.Type: any upper-case code name gives the code (NetSuite's enum values equal their names, bar the aliases). */
export const ErrorType: Record<string, string> = new Proxy(ALIASES, {
  get(target, prop) {
    if (typeof prop !== 'string') return undefined;
    if (prop in target) return target[prop];
    return /^[A-Z][A-Z0-9_]*$/.test(prop) ? prop : undefined;
  },
});

let errorSeq = 0;

export function createError(options: {
  name?: unknown;
  message?: unknown;
  notifyOff?: unknown;
}): SuiteScriptError {
  if (!options || typeof options !== 'object') {
    throw new SuiteScriptError(
      'SSS_MISSING_REQD_ARGUMENT',
      'error.create: Missing a required argument: options',
    );
  }
  if (options.name === undefined || options.name === null || options.name === '') {
    throw new SuiteScriptError(
      'SSS_MISSING_REQD_ARGUMENT',
      'error.create: Missing a required argument: name',
    );
  }
  const m = options.message;
  const message =
    m !== null && typeof m === 'object' && 'message' in (m as object)
      ? String((m as { message: unknown }).message)
      : m === undefined || m === null
        ? ''
        : String(m);
  const err = new SuiteScriptError(String(options.name), message, options.notifyOff === true);
  Object.defineProperty(err, 'id', {
    value: `${Date.now().toString(36)}${(++errorSeq).toString(36)}`,
    enumerable: true,
  });
  return err;
}

export function createErrorModule(_ctx: ExecutionContext): typeof errorTypes {
  return { create: createError, Type: ErrorType } as unknown as typeof errorTypes;
}
