/**
 * Runs a Suitelet request the way NetSuite does: checks the deployment (deployed, and the user's
 * role in its audience: allroles / audslctrole of the SDF deployment), loads the script file, calls
 * onRequest({ request, response }) with N/http's ServerRequest / ServerResponse under a 1,000-unit
 * meter (NetSuite help "Script Type Usage Unit Limits": Suitelets 1,000; "RESTlet Governance":
 * RESTlets 5,000, five times more than Suitelets), as the requesting user (runtime.getCurrentUser)
 * with their session (runtime.getCurrentSession), runtime.executionContext SUITELET.
 * An error thrown by the script gives NetSuite's error page (HTTP 500 here) with its code and message.
 * A role outside the audience is refused before the script runs (HTTP 403; NetSuite's wording,
 * "You do not have privileges to view this page", is unverified).
 */
import path from 'node:path';
import type { Account, UserInfo } from '../account';
import type { FaultPlan, LogEntry } from '../core/context';
import { SuiteScriptError } from '../core/errors';
import { loadSdfObjects } from '../data/sdfObjects';
import { syncScriptRecords } from '../data/scriptRecords';
import { closeSftpConnections } from '../modules/sftp';
import { writeLog } from '../modules/log';
import { ServerRequest, ServerResponse, createHttpModule, createRedirectModule } from '../modules/http';
import type { IncomingRequest } from '../modules/http';
import { createServerWidgetModule, escapeHtml, renderPlainPage } from '../modules/serverWidget';
import type { PageChrome } from '../modules/serverWidget';
import { createUrlModule, recordPath, suiteletPath } from '../modules/url';
import { createCryptoRandomModule } from '../modules/cryptoRandom';
import { Execution, TIME_LIMITS_SECONDS, serializeError } from './execution';
import type { ExecutionOptions, SerializedError } from './execution';
import type { UsageReport } from './types';

export const SUITELET_LIMIT = 1_000;

/** The administrator a local page runs as unless the session says otherwise. */
export const DEFAULT_PAGE_USER: UserInfo = {
  id: -5,
  name: 'Administrator',
  email: 'admin@example.com',
  role: 3,
  roleId: 'administrator',
  roleCenter: 'BASIC',
  subsidiary: 1,
  department: 0,
  location: 0,
  contact: 0,
};

const ROLE_NAMES: Record<string, string> = { administrator: 'Administrator' };

export interface Audience {
  allRoles: boolean;
  /** Role ids (lower case): 'administrator', 'customrole_x', ... */
  roles: string[];
}

const audienceOverrides = new WeakMap<Account, Map<string, Audience>>();
const sdfAudiences = new WeakMap<Account, Map<string, Audience>>();

/** Test knob: a deployment's audience as an administrator would set it on the deployment record. */
export function setSuiteletAudience(
  account: Account,
  scriptId: string,
  deploymentId: string,
  a: Audience,
): void {
  let m = audienceOverrides.get(account);
  if (!m) audienceOverrides.set(account, (m = new Map()));
  m.set(`${scriptId}/${deploymentId}`.toLowerCase(), {
    allRoles: a.allRoles,
    roles: a.roles.map((r) => r.toLowerCase()),
  });
}

/** The audience of a Suitelet deployment from the SDF project (allroles, audslctrole). */
export function suiteletAudience(account: Account, scriptId: string, deploymentId: string): Audience {
  const key = `${scriptId}/${deploymentId}`.toLowerCase();
  const o = audienceOverrides.get(account)?.get(key);
  if (o) return o;
  let m = sdfAudiences.get(account);
  if (!m) {
    m = new Map();
    sdfAudiences.set(account, m);
    const sdfDir = account.sdfProjectDir;
    if (sdfDir)
      try {
        for (const s of loadSdfObjects(path.join(sdfDir, 'Objects')).scripts)
          for (const d of s.deployments) {
            const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
            const roles = text(d.raw.audslctrole)
              .split('|')
              .map((r) =>
                r
                  .trim()
                  .replace(/^\[scriptid=(.*)\]$/, '$1')
                  .toLowerCase(),
              )
              .filter(Boolean);
            m.set(`${s.scriptId}/${d.id}`.toLowerCase(), { allRoles: text(d.raw.allroles) === 'T', roles });
          }
      } catch {
        // No SDF project: registered scripts are open to every role.
      }
  }
  return m.get(key) ?? { allRoles: true, roles: [] };
}

class SuiteletExecution extends Execution {
  override readonly contextType: string = 'SUITELET';
  response: ServerResponse | null = null;
  private readonly extra = new Map<string, unknown>();

  constructor(
    o: ExecutionOptions,
    readonly user: UserInfo,
    readonly session: Map<string, string>,
    private readonly host: string,
  ) {
    super(o);
  }

  override module(name: string): unknown {
    const factories: Record<string, () => unknown> = {
      'N/ui/serverWidget': () => createServerWidgetModule(),
      'N/http': () => createHttpModule(),
      'N/url': () => createUrlModule(() => this.host),
      'N/crypto/random': () => createCryptoRandomModule(),
      'N/redirect': () => createRedirectModule(() => this.response),
    };
    if (!factories[name]) return super.module(name);
    if (!this.extra.has(name)) this.extra.set(name, factories[name]());
    return this.extra.get(name);
  }
}

export interface RunSuiteletOptions {
  scriptId: string;
  deploymentId?: string;
  request: IncomingRequest;
  /** The requesting user; default the account's administrator (DEFAULT_PAGE_USER). */
  user?: Partial<UserInfo>;
  /** The user's session (runtime.getCurrentSession), kept by the caller across requests. */
  session?: Map<string, string>;
  /** host:port the page is served at (request.url, url.resolveDomain). */
  host?: string;
  faults?: FaultPlan;
}

export interface SuiteletResult {
  status: 'COMPLETE' | 'FAILED' | 'REFUSED' | 'CRASHED';
  httpStatus: number;
  headers: Record<string, string[]>;
  body: string;
  redirect: string | null;
  usage: UsageReport;
  logs: LogEntry[];
  error?: SerializedError;
  executionId?: string;
}

export function pageChrome(account: Account, user: UserInfo, action: string): PageChrome {
  return {
    accountName: 'Emulated account',
    accountId: account.accountId,
    userName: user.name,
    roleName: ROLE_NAMES[user.roleId] ?? user.roleId,
    action,
  };
}

/** The page the Suitelet wrote (or its redirect). */
function servedPage(
  response: ServerResponse,
  usage: UsageReport,
  logs: LogEntry[],
  executionId: string,
): SuiteletResult {
  const headers = { ...response.headers };
  if (!headers['content-type']) headers['content-type'] = ['text/html; charset=utf-8'];
  return {
    status: 'COMPLETE',
    httpStatus: response.redirectTo ? 302 : 200,
    headers,
    body: response.body,
    redirect: response.redirectTo,
    usage,
    logs,
    executionId,
  };
}

/** A page NetSuite serves in place of the Suitelet's (refused, or the script failed). */
function errorPage(
  account: Account,
  user: UserInfo,
  url: string,
  httpStatus: number,
  title: string,
  html: string,
  status: SuiteletResult['status'],
  error?: SerializedError,
): SuiteletResult {
  return {
    status,
    httpStatus,
    headers: { 'content-type': ['text/html; charset=utf-8'] },
    body: renderPlainPage(title, pageChrome(account, user, url), html),
    redirect: null,
    usage: { total: 0, byApi: {} },
    logs: [],
    error,
  };
}

/** The response object of a page: its chrome, and where sendRedirect's targets resolve. */
function pageResponse(account: Account, user: UserInfo, url: string): ServerResponse {
  return new ServerResponse(
    () => pageChrome(account, user, url),
    (o) => {
      const params = (o.parameters ?? {}) as Record<string, unknown>;
      if (o.type === 'SUITELET') return suiteletPath(String(o.identifier), String(o.id), params);
      if (o.type === 'RECORD')
        return recordPath(String(o.identifier), String(o.id ?? ''), !!o.editMode, params);
      return String(o.identifier);
    },
  );
}

export function runSuitelet(account: Account, opts: RunSuiteletOptions): SuiteletResult {
  const user: UserInfo = { ...DEFAULT_PAGE_USER, ...(opts.user ?? {}) };
  const host = opts.host ?? 'localhost';
  const page = (
    httpStatus: number,
    title: string,
    html: string,
    status: SuiteletResult['status'],
    error?: SerializedError,
  ) => errorPage(account, user, opts.request.url, httpStatus, title, html, status, error);
  const script = account.script(opts.scriptId);
  if (script.kind !== 'SUITELET')
    throw new SuiteScriptError('INVALID_SCRIPT_TYPE', `${script.scriptId} is not a Suitelet`);
  const deployment = account.deployment(script, opts.deploymentId);
  const notDeployed = `SSS_DEPLOYMENT_NOT_DEPLOYED: the deployment ${escapeHtml(deployment.deploymentId)} is not deployed.`;
  if (!deployment.isDeployed) return page(404, 'Error', `<p>${notDeployed}</p>`, 'REFUSED');
  const audience = suiteletAudience(account, script.scriptId, deployment.deploymentId);
  if (!audience.allRoles && !audience.roles.includes(user.roleId.toLowerCase()))
    return page(
      403,
      'Error',
      `<p><b>INSUFFICIENT_PERMISSION</b>: You do not have privileges to view this page. The deployment's audience does not include the role ${escapeHtml(user.roleId)}.</p>`,
      'REFUSED',
    );

  syncScriptRecords(account);
  const session = opts.session ?? new Map<string, string>();
  const exec = new SuiteletExecution(
    {
      account,
      script,
      deployment,
      limit: SUITELET_LIMIT,
      faults: opts.faults,
      timeLimitSeconds: TIME_LIMITS_SECONDS.suitelet,
    },
    user,
    session,
    host,
  );
  const self = suiteletPath(script.scriptId, deployment.deploymentId);
  const request = new ServerRequest(opts.request, host);
  const response = pageResponse(account, user, opts.request.url);
  exec.response = response;
  const logStart = account.logs.length;
  let error: unknown;
  try {
    const { module } = exec.sandbox.loadEntry(script.scriptFile, 'Suitelet');
    (module as { onRequest: (c: unknown) => void }).onRequest({ request, response });
  } catch (e) {
    error = e;
  }
  // past its 300 s the page ends with SSS_TIME_LIMIT_EXCEEDED, also if the script caught it
  if (exec.timedOut && !exec.crashed) error = exec.timedOut;
  exec.addUsage(exec.meter);
  closeSftpConnections(exec);
  const byApi = Object.fromEntries([...exec.usage.entries()].sort(([a], [b]) => a.localeCompare(b)));
  const usage = { total: Object.values(byApi).reduce((s, e) => s + e.units, 0), byApi };
  const serialized = error === undefined ? undefined : serializeError(error);
  if (serialized) writeLog(exec, 'ERROR', serialized.name, serialized.message);
  const logs = account.logs.slice(logStart).filter((l) => l.executionId === exec.executionId);
  if (serialized) {
    const r = page(
      500,
      'An unexpected SuiteScript error has occurred',
      `<p><b>${escapeHtml(serialized.name)}</b>: ${escapeHtml(serialized.message)}</p><p><a href="${escapeHtml(self)}">Back</a></p>`,
      exec.crashed ? 'CRASHED' : 'FAILED',
      serialized,
    );
    return { ...r, usage, logs, executionId: exec.executionId };
  }
  return servedPage(response, usage, logs, exec.executionId);
}
