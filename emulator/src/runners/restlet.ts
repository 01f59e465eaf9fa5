/**
 * Runs a RESTlet request the way NetSuite does (help "SuiteScript 2.x RESTlet Script Type", "SuiteScript
 * 2.x RESTlet Script and Request Entry Points": get(requestParams), post(requestBody), put(requestBody),
 * delete(requestParams); "Creating a Content-Type Header"; "SuiteScript 2.x RESTlet Error Handling";
 * "RESTlet Governance": 5,000 units; "Script Execution Time Limits": 300 s):
 * - GET and DELETE get the URL parameters (an object); POST and PUT the body: with Content-Type
 *   application/json the parsed JSON, with text/plain (or another type) the text; a body without a
 *   Content-Type is refused with 415, a GET with a body with 400;
 * - the response follows the request's format: an object returned to a JSON request is sent as JSON, a
 *   string as is; without a request body the default is text (objects as JSON text);
 * - an uncaught error is HTTP 400 with `{"error":{"code","message"}}` (JSON requests) or
 *   "error code: …\nerror message: …" (text); a method the script has no entry point for is 405;
 * - runtime.executionContext RESTLET, as the account's administrator unless `user` says otherwise.
 * Unverified: the exact error body texts, 405, and what a JSON request body that does not parse gives (400 here).
 */
import type { Account, UserInfo } from '../account';
import type { FaultPlan, LogEntry } from '../core/context';
import { SuiteScriptError } from '../core/errors';
import { syncScriptRecords } from '../data/scriptRecords';
import { writeLog } from '../modules/log';
import { closeSftpConnections } from '../modules/sftp';
import { Execution, serializeError } from './execution';
import type { SerializedError } from './execution';
import type { UsageReport } from './types';
import { DEFAULT_PAGE_USER } from './suitelet';

export const RESTLET_LIMIT = 5_000;
export const RESTLET_TIME_LIMIT_SECONDS = 300;

export interface RunRestletOptions {
  scriptId: string;
  deploymentId?: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** URL parameters (GET / DELETE requestParams; also present on POST / PUT URLs). */
  parameters?: Record<string, string>;
  /** The request body as sent (text), or an object sent as JSON. */
  body?: string | object;
  /** Content-Type of the request; default application/json for an object body. */
  contentType?: string;
  user?: Partial<UserInfo>;
  faults?: FaultPlan;
}

export interface RestletResult {
  status: 'COMPLETE' | 'FAILED' | 'REFUSED' | 'CRASHED';
  httpStatus: number;
  contentType: string;
  body: string;
  usage: UsageReport;
  logs: LogEntry[];
  error?: SerializedError;
  executionId?: string;
}

class RestletExecution extends Execution {
  override readonly contextType: string = 'RESTLET';
  constructor(
    o: ConstructorParameters<typeof Execution>[0],
    readonly user: UserInfo,
  ) {
    super(o);
  }
}

/** A refused or failed request as NetSuite answers it (JSON or text, by the request's Content-Type). */
function restletFail(
  json: boolean,
  httpStatus: number,
  code: string,
  message: string,
  status: RestletResult['status'] = 'REFUSED',
) {
  return {
    status,
    httpStatus,
    contentType: json ? 'application/json' : 'text/plain',
    body: json
      ? JSON.stringify({ error: { code, message } })
      : `error code: ${code}\nerror message: ${message}`,
    usage: { total: 0, byApi: {} } as UsageReport,
    logs: [] as LogEntry[],
    error: { type: 'error.SuiteScriptError', name: code, message },
  };
}

type RestletMethod = RunRestletOptions['method'];

/** Checks the deployment and the request; the argument of the entry point, or the refusal. */
function readRequest(
  opts: RunRestletOptions,
  deployment: { isDeployed: boolean; deploymentId: string },
): { json: boolean; method: RestletMethod; arg: unknown } | { refused: RestletResult } {
  const method = opts.method.toUpperCase() as RestletMethod;
  const hasBody = opts.body !== undefined && opts.body !== '';
  const contentType = (
    opts.contentType ?? (typeof opts.body === 'object' ? 'application/json' : '')
  ).toLowerCase();
  const json = contentType.startsWith('application/json');
  const refuse = (httpStatus: number, code: string, message: string) => ({
    refused: restletFail(json, httpStatus, code, message),
  });
  if (!deployment.isDeployed)
    return refuse(
      400,
      'SSS_DEPLOYMENT_NOT_DEPLOYED',
      `The deployment ${deployment.deploymentId} is not deployed.`,
    );
  if (hasBody && (method === 'GET' || method === 'DELETE'))
    return refuse(400, 'INVALID_REQUEST', `A ${method} request cannot have a body.`);
  if (hasBody && !contentType)
    return refuse(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send a Content-Type header (application/json or text/plain).',
    );
  let arg: unknown = { ...(opts.parameters ?? {}) };
  if (method === 'POST' || method === 'PUT') {
    const text = typeof opts.body === 'object' ? JSON.stringify(opts.body) : (opts.body ?? '');
    if (json) {
      try {
        arg = text === '' ? {} : JSON.parse(text);
      } catch {
        return refuse(400, 'INVALID_JSON', 'The request body is not valid JSON.');
      }
    } else arg = text;
  }
  return { json, method, arg };
}

export function runRestlet(account: Account, opts: RunRestletOptions): RestletResult {
  const user: UserInfo = { ...DEFAULT_PAGE_USER, ...(opts.user ?? {}) };
  const script = account.script(opts.scriptId);
  if (script.kind !== 'RESTLET')
    throw new SuiteScriptError('INVALID_SCRIPT_TYPE', `${script.scriptId} is not a RESTlet`);
  const deployment = account.deployment(script, opts.deploymentId);
  const req = readRequest(opts, deployment);
  if ('refused' in req) return req.refused;
  const { json, method, arg } = req;
  const fail = (httpStatus: number, code: string, message: string, status?: RestletResult['status']) =>
    restletFail(json, httpStatus, code, message, status);

  syncScriptRecords(account);
  const exec = new RestletExecution(
    {
      account,
      script,
      deployment,
      limit: RESTLET_LIMIT,
      faults: opts.faults,
      timeLimitSeconds: RESTLET_TIME_LIMIT_SECONDS,
    },
    user,
  );
  const logStart = account.logs.length;
  let error: unknown;
  let out: unknown;
  let missing = false;
  exec.run(() => {
    try {
      const { module } = exec.sandbox.loadEntry(script.scriptFile, 'Restlet');
      const fn = (module as Record<string, unknown>)[method.toLowerCase()];
      if (typeof fn !== 'function') missing = true;
      else out = (fn as (a: unknown) => unknown)(arg);
    } catch (e) {
      error = e;
    }
  });
  if (exec.timedOut && !exec.crashed) error = exec.timedOut;
  exec.addUsage(exec.meter);
  closeSftpConnections(exec);
  const byApi = Object.fromEntries([...exec.usage.entries()].sort(([a], [b]) => a.localeCompare(b)));
  const usage = { total: Object.values(byApi).reduce((s, e) => s + e.units, 0), byApi };
  const logs = () => account.logs.slice(logStart).filter((l) => l.executionId === exec.executionId);
  if (missing) {
    return {
      ...fail(405, 'METHOD_NOT_ALLOWED', `The RESTlet has no ${method.toLowerCase()} entry point.`),
      usage,
      executionId: exec.executionId,
    };
  }
  if (error !== undefined) {
    const s = serializeError(error);
    writeLog(exec, 'ERROR', s.name, s.message);
    return {
      ...fail(400, s.name, s.message, exec.crashed ? 'CRASHED' : 'FAILED'),
      error: s,
      usage,
      logs: logs(),
      executionId: exec.executionId,
    };
  }
  const body = out === undefined || out === null ? '' : typeof out === 'string' ? out : JSON.stringify(out);
  return {
    status: 'COMPLETE',
    httpStatus: 200,
    contentType: json ? 'application/json' : 'text/plain',
    body,
    usage,
    logs: logs(),
    executionId: exec.executionId,
  };
}
