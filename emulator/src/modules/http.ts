/**
 * N/http as a Suitelet sees it (NetSuite help "http.ServerRequest", "http.ServerResponse"; members
 * as in @hitc/netsuite-types N/http): the request (method, parameters, headers, body, url,
 * clientIpAddress, files, getLineCount / getSublistValue for posted editor sublists) and the
 * response (write, writeLine, writePage of a serverWidget Form or List, setHeader, addHeader,
 * getHeader, sendRedirect). The module's enums; outbound http.get/post/request are not emulated.
 * N/redirect (toSuitelet, toRecord, redirect) sets the running Suitelet's redirect.
 */
import { SuiteScriptError } from '../core/errors';
import { Form, List, renderForm, renderList } from './serverWidget';
import type { PageChrome } from './serverWidget';

export const Method = { DELETE: 'DELETE', GET: 'GET', HEAD: 'HEAD', PUT: 'PUT', POST: 'POST' } as const;
export const RedirectType = {
  MEDIA_ITEM: 'MEDIAITEM',
  RECORD: 'RECORD',
  RESTLET: 'RESTLET',
  SEARCH: 'SEARCH',
  SUITELET: 'SUITELET',
  TASK_LINK: 'TASKLINK',
} as const;
export const CacheDuration = { LONG: 'LONG', MEDIUM: 'MEDIUM', SHORT: 'SHORT', UNIQUE: 'UNIQUE' } as const;

export interface IncomingRequest {
  method: string;
  /** Path and query, e.g. /app/site/hosting/scriptlet.nl?script=...&deploy=1 */
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Query and form parameters (the first value of each name). */
  parameters: Record<string, string>;
  clientIpAddress?: string;
}

export class ServerRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly parameters: Record<string, string>;
  readonly clientIpAddress: string;
  readonly files: Record<string, unknown> = {};

  constructor(r: IncomingRequest, host: string) {
    this.method = r.method.toUpperCase();
    this.url = `http://${host}${r.url}`;
    this.headers = { ...r.headers };
    this.body = r.body;
    this.parameters = { ...r.parameters };
    this.clientIpAddress = r.clientIpAddress ?? '127.0.0.1';
  }

  /** Lines of an editor sublist posted by a form the emulator drew (field `<sublist>_lines`). */
  getLineCount(o: { group: string }): number {
    const n = Number(this.parameters[`${String(o.group).toLowerCase()}_lines`]);
    return Number.isInteger(n) && n >= 0 ? n : -1;
  }

  getSublistValue(o: { group: string; name: string; line: number }): string {
    return (
      this.parameters[`${String(o.group).toLowerCase()}_${String(o.name).toLowerCase()}_${Number(o.line)}`] ??
      ''
    );
  }
}

export class ServerResponse {
  status = 200;
  readonly headers: Record<string, string[]> = {};
  private readonly chunks: string[] = [];
  redirectTo: string | null = null;

  constructor(
    private readonly chrome: () => PageChrome,
    private readonly resolveRedirect: (o: Record<string, unknown>) => string,
  ) {}

  get body(): string {
    return this.chunks.join('');
  }

  write(o: { output: string } | string): void {
    const out = typeof o === 'string' ? o : o?.output;
    if (typeof out !== 'string')
      throw new SuiteScriptError(
        'SSS_MISSING_REQD_ARGUMENT',
        'ServerResponse.write: Missing a required argument: output',
      );
    this.chunks.push(out);
  }

  writeLine(o: { output: string } | string): void {
    this.write(`${typeof o === 'string' ? o : o?.output}\n`);
  }

  writeFile(o: { file: { getContents(): string; fileType?: string } }): void {
    this.chunks.push(o.file.getContents());
  }

  writePage(o: { pageObject: unknown } | unknown): void {
    const page = o instanceof Form || o instanceof List ? o : (o as { pageObject?: unknown })?.pageObject;
    if (page instanceof Form) this.chunks.push(renderForm(page, this.chrome()));
    else if (page instanceof List) this.chunks.push(renderList(page, this.chrome()));
    else
      throw new SuiteScriptError(
        'SSS_INVALID_TYPE_ARG',
        'ServerResponse.writePage: pageObject must be a serverWidget Form, List or Assistant',
      );
    if (!this.getHeader({ name: 'Content-Type' }))
      this.setHeader({ name: 'Content-Type', value: 'text/html; charset=utf-8' });
  }

  setHeader(o: { name: string; value: string }): void {
    if (!o?.name)
      throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'setHeader: Missing a required argument: name');
    this.headers[String(o.name).toLowerCase()] = [String(o.value)];
  }

  addHeader(o: { name: string; value: string }): void {
    const k = String(o.name).toLowerCase();
    this.headers[k] = [...(this.headers[k] ?? []), String(o.value)];
  }

  getHeader(o: { name: string }): string | string[] {
    const v = this.headers[String(o.name).toLowerCase()];
    if (!v) return '';
    return v.length === 1 ? v[0] : v;
  }

  sendRedirect(o: {
    type: string;
    identifier: string;
    id?: string;
    editMode?: boolean;
    parameters?: Record<string, unknown>;
  }): void {
    this.redirectTo = this.resolveRedirect(o as unknown as Record<string, unknown>);
  }

  setCdnCacheable(): void {
    /* no CDN here */
  }

  renderPdf(): void {
    throw new SuiteScriptError('SSS_NOT_YET_SUPPORTED', 'ServerResponse.renderPdf is not emulated');
  }
}

export function createHttpModule(): unknown {
  const notEmulated = (name: string) => () => {
    throw new SuiteScriptError('SSS_NOT_YET_SUPPORTED', `http.${name} (outbound requests) is not emulated`);
  };
  return {
    Method,
    RedirectType,
    CacheDuration,
    get: notEmulated('get'),
    post: notEmulated('post'),
    put: notEmulated('put'),
    delete: notEmulated('delete'),
    request: notEmulated('request'),
  };
}

/** N/redirect bound to the running Suitelet's response. */
export function createRedirectModule(response: () => ServerResponse | null): unknown {
  const set = (o: Record<string, unknown>) => {
    const r = response();
    if (!r)
      throw new SuiteScriptError(
        'SSS_INVALID_SCRIPT_CONTEXT',
        'N/redirect works in Suitelets and user events only',
      );
    r.sendRedirect(o as never);
  };
  return {
    redirect: (o: { url: string; parameters?: Record<string, unknown> }) =>
      set({ type: 'URL', identifier: o.url, parameters: o.parameters }),
    toSuitelet: (o: { scriptId: string; deploymentId: string; parameters?: Record<string, unknown> }) =>
      set({
        type: RedirectType.SUITELET,
        identifier: o.scriptId,
        id: o.deploymentId,
        parameters: o.parameters,
      }),
    toRecord: (o: { type: string; id: string; isEditMode?: boolean; parameters?: Record<string, unknown> }) =>
      set({
        type: RedirectType.RECORD,
        identifier: o.type,
        id: o.id,
        editMode: o.isEditMode,
        parameters: o.parameters,
      }),
    toTaskLink: (o: { id: string; parameters?: Record<string, unknown> }) =>
      set({ type: RedirectType.TASK_LINK, identifier: o.id, parameters: o.parameters }),
  };
}
