/**
 * Serves the account's Suitelets over HTTP on localhost, at NetSuite's URL
 * (/app/site/hosting/scriptlet.nl?script=<script id or internal id>&deploy=<deployment id>), with a
 * session per browser (cookie JSESSIONID) holding the user and runtime.getCurrentSession() values.
 * Also: a read-only page per customer (/app/common/entity/custjob.nl?id=N, where url.resolveRecord
 * points), an index of the Suitelets at /, and an emulator-only switch of the session's role
 * (/emulator/role?role=<role id>&roleNum=<internal id>) to try a page as another role.
 * After each response the tasks the page queued (N/task) run, as SuiteCloud Processors would, unless
 * `runQueuedTasks` is false. Only urlencoded form posts are parsed (what serverWidget forms send).
 */
import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Account, UserInfo } from '../account';
import { Scheduler } from '../runners/scheduler';
import { DEFAULT_PAGE_USER, pageChrome, runSuitelet } from '../runners/suitelet';
import type { SuiteletResult } from '../runners/suitelet';
import { escapeHtml, renderPlainPage } from '../modules/serverWidget';
import { suiteletPath } from '../modules/url';

export interface SuiteletServerOptions {
  host?: string;
  /** 0: any free port. */
  port?: number;
  runQueuedTasks?: boolean;
  /** The user of a new session (default: an administrator). */
  user?: Partial<UserInfo>;
  /** Called with each Suitelet result (tests, logs). */
  onResult?: (r: SuiteletResult, req: { method: string; url: string }) => void;
}

interface Session {
  user: UserInfo;
  store: Map<string, string>;
}

const MAX_BODY = 10 * 1024 * 1024;

export class SuiteletServer {
  private server: http.Server | null = null;
  private readonly sessions = new Map<string, Session>();
  private origin = '';
  private queueRunning = false;

  constructor(
    readonly account: Account,
    readonly options: SuiteletServerOptions = {},
  ) {}

  async start(): Promise<string> {
    const server = http.createServer((req, res) => {
      this.handle(req, res).catch((e) => {
        res.statusCode = 500;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end(`Emulator error: ${(e as Error)?.message ?? String(e)}`);
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
    });
    const a = server.address() as AddressInfo;
    this.origin = `http://${a.address}:${a.port}`;
    return this.origin;
  }

  get url(): string {
    return this.origin;
  }

  /** The full URL of a Suitelet deployment. */
  suiteletUrl(scriptId: string, deploymentId: string, params?: Record<string, string>): string {
    return this.origin + suiteletPath(scriptId, deploymentId, params);
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections?.();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private session(req: http.IncomingMessage, res: http.ServerResponse): Session {
    const cookie = /(?:^|;\s*)JSESSIONID=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (cookie && this.sessions.has(cookie)) return this.sessions.get(cookie)!;
    const id = crypto.randomBytes(16).toString('hex');
    const s: Session = { user: { ...DEFAULT_PAGE_USER, ...(this.options.user ?? {}) }, store: new Map() };
    this.sessions.set(id, s);
    res.setHeader('set-cookie', `JSESSIONID=${id}; Path=/; HttpOnly; SameSite=Lax`);
    return s;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', this.origin || 'http://localhost');
    const session = this.session(req, res);
    const html = (status: number, title: string, body: string) => {
      res.statusCode = status;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(renderPlainPage(title, pageChrome(this.account, session.user, u.pathname), body));
    };

    if (u.pathname === '/app/site/hosting/scriptlet.nl') return this.suitelet(req, res, u, session, html);
    if (u.pathname === '/app/common/entity/custjob.nl') return this.customerPage(u, html);
    if (u.pathname === '/emulator/role') {
      const role = (u.searchParams.get('role') ?? 'administrator').toLowerCase();
      const roleNum = Number(u.searchParams.get('roleNum') ?? (role === 'administrator' ? 3 : 1000));
      session.user = { ...session.user, roleId: role, role: roleNum };
      session.store.clear();
      res.statusCode = 302;
      res.setHeader('location', u.searchParams.get('back') || '/');
      res.end();
      return;
    }
    if (u.pathname === '/' || u.pathname === '/index.html') {
      const links = [...this.account.scripts.values()]
        .filter((s) => s.kind === 'SUITELET')
        .flatMap((s) =>
          s.deployments.map(
            (d) =>
              `<li><a href="${escapeHtml(suiteletPath(s.scriptId, d.deploymentId))}">${escapeHtml(d.title ?? s.name)}</a> (${escapeHtml(s.scriptId)}, ${escapeHtml(d.deploymentId)})</li>`,
          ),
        );
      return html(
        200,
        'Suitelets',
        `<ul>${links.join('')}</ul><p>Role: ${escapeHtml(session.user.roleId)}</p>`,
      );
    }
    return html(404, 'Not found', `<p>${escapeHtml(u.pathname)} is not a page of the emulator.</p>`);
  }

  /** A Suitelet request (scriptlet.nl?script=…&deploy=…): run the deployment and send its response. */
  private async suitelet(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    u: URL,
    session: Session,
    html: (s: number, t: string, b: string) => void,
  ): Promise<void> {
    const body = await readBody(req);
    const params: Record<string, string> = {};
    for (const [k, v] of u.searchParams) if (!(k in params)) params[k] = v;
    const type = String(req.headers['content-type'] ?? '');
    if (type.startsWith('application/x-www-form-urlencoded'))
      for (const [k, v] of new URLSearchParams(body)) if (!(k in params)) params[k] = v;
    const script = this.findScript(params.script ?? '');
    if (!script)
      return html(404, 'Error', `<p>INVALID_SCRIPT_ID: no Suitelet ${escapeHtml(params.script ?? '')}.</p>`);
    const deploy = params.deploy ?? '';
    const deployment =
      script.deployments.find((d) => d.deploymentId === deploy.toLowerCase()) ??
      (/^\d+$/.test(deploy) ? script.deployments[Number(deploy) - 1] : undefined);
    if (!deployment)
      return html(404, 'Error', `<p>INVALID_DEPLOYMENT_ID: no deployment ${escapeHtml(deploy)}.</p>`);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const result = runSuitelet(this.account, {
      scriptId: script.scriptId,
      deploymentId: deployment.deploymentId,
      request: {
        method: req.method ?? 'GET',
        url: `${u.pathname}${u.search}`,
        headers,
        body,
        parameters: params,
      },
      user: session.user,
      session: session.store,
      host: u.host,
    });
    this.options.onResult?.(result, { method: req.method ?? 'GET', url: u.pathname + u.search });
    res.statusCode = result.httpStatus;
    for (const [k, v] of Object.entries(result.headers)) res.setHeader(k, v.length === 1 ? v[0] : v);
    if (result.redirect) res.setHeader('location', result.redirect);
    res.end(result.body);
    res.once('finish', () => this.runQueue());
  }

  private findScript(idOrInternal: string) {
    try {
      const s = this.account.script(idOrInternal);
      return s.kind === 'SUITELET' ? s : null;
    } catch {
      return null;
    }
  }

  private customerPage(u: URL, html: (s: number, t: string, b: string) => void): void {
    const id = u.searchParams.get('id') ?? '';
    const rec = /^\d+$/.test(id) ? this.account.records.get('customer', id) : undefined;
    if (!rec) return html(404, 'Customer', `<p>No customer with internal id ${escapeHtml(id)}.</p>`);
    const rows = Object.entries(rec.values)
      .filter(([, v]) => v !== '' && v !== null && v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([k, v]) =>
          `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v instanceof Date ? v.toISOString() : String(v))}</td></tr>`,
      )
      .join('');
    html(
      200,
      `Customer ${rec.id}`,
      `<table class="ns-list" data-record="customer"><thead><tr><th>Field</th><th>Value</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
  }

  /** Runs what pages queued, one task after another, after the response went out. */
  private runQueue(): void {
    if (this.options.runQueuedTasks === false || this.queueRunning) return;
    if (!this.account.tasks.nextPending()) return;
    this.queueRunning = true;
    setImmediate(() => {
      try {
        new Scheduler(this.account, { maxExecutions: 200 }).run();
      } catch {
        // A failing task is recorded on the task (FAILED); the server goes on.
      } finally {
        this.queueRunning = false;
      }
    });
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body over 10 MB'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
