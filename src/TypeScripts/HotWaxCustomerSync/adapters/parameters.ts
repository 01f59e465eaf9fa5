/** Script parameters as the scripts read them: trimmed text, checkboxes, whole numbers. */
import type * as runtimeTypes from 'N/runtime';
import { SyncError, SYNC_ERROR_CODES } from '../core/errors';

/** Script parameter as a trimmed string ('' when unset). */
export function textParam(script: runtimeTypes.Script, name: string): string {
  const v = script.getParameter({ name });
  return v === null || v === undefined ? '' : String(v).trim();
}

export function checkboxParam(script: runtimeTypes.Script, name: string): boolean {
  const v = script.getParameter({ name }) as unknown;
  return v === true || v === 'T' || v === 'true';
}

export function integerParam(script: runtimeTypes.Script, name: string, fallback: number, min = 1): number {
  const t = textParam(script, name);
  if (!t) return fallback;
  const n = Number(t);
  if (!Number.isInteger(n) || n < min)
    throw new SyncError(
      SYNC_ERROR_CODES.parameterInvalid,
      `Script parameter ${name} is "${t}": enter a whole number of at least ${min}, or clear it to use ${fallback}.`,
    );
  return n;
}
