/**
 * N/log and the global `log` object (NetSuite help "N/log Module", "log Object"):
 * debug/audit/error/emergency, called as (title, details) or ({ title, details }).
 * - title: at most 99 characters ("Maximum length is 99 characters", @hitc/netsuite-types N/log LogOptions);
 * - details: objects go through JSON.stringify, and "NetSuite truncates any resulting string over 3999
 *   characters" (same doc comment);
 * - entries below the deployment's log level are dropped (Script Deployment "Log Level").
 * Entries go to account.logs with the script, deployment and execution they came from. No units.
 */
import type * as logTypes from 'N/log';
import type { ExecutionContext, LogEntry, LogLevel } from '../core/context';

export const LOG_LEVELS: LogLevel[] = ['DEBUG', 'AUDIT', 'ERROR', 'EMERGENCY'];
export const TITLE_MAX = 99;
export const DETAILS_MAX = 3999;

export function logText(v: unknown): string {
  if (v === undefined || v === null) return v === null ? 'null' : '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') {
    try {
      const s = JSON.stringify(v);
      return s === undefined ? String(v) : s;
    } catch {
      return String(v);
    }
  }
  return String(v);
}

/** Writes one entry the way N/log does (used by the runners for the errors NetSuite logs itself). */
export function writeLog(
  ctx: ExecutionContext,
  level: LogLevel,
  title: unknown,
  details: unknown,
): LogEntry | undefined {
  const min = (ctx as { logLevel?: string }).logLevel;
  if (min && LOG_LEVELS.indexOf(level) < LOG_LEVELS.indexOf(min.toUpperCase() as LogLevel)) return undefined;
  const entry: LogEntry = {
    level,
    title: (title === undefined || title === null ? '' : logText(title)).slice(0, TITLE_MAX),
    details: logText(details).slice(0, DETAILS_MAX),
    scriptId: ctx.script.scriptId,
    deploymentId: ctx.script.deploymentId,
    executionId: ctx.executionId,
    time: ctx.account.now(),
  };
  ctx.account.logs.push(entry);
  return entry;
}

export function createLogModule(ctx: ExecutionContext): typeof logTypes {
  const fn =
    (level: LogLevel) =>
    (a?: unknown, b?: unknown): void => {
      if (
        b === undefined &&
        a !== null &&
        typeof a === 'object' &&
        !Array.isArray(a) &&
        ('title' in (a as object) || 'details' in (a as object))
      ) {
        const o = a as { title?: unknown; details?: unknown };
        writeLog(ctx, level, o.title, o.details);
      } else {
        writeLog(ctx, level, a, b);
      }
    };
  return {
    debug: fn('DEBUG'),
    audit: fn('AUDIT'),
    error: fn('ERROR'),
    emergency: fn('EMERGENCY'),
  } as typeof logTypes;
}
