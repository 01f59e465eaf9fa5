/**
 * N/url (NetSuite help "N/url Module"): resolveScript gives a Suitelet's URL
 * (/app/site/hosting/scriptlet.nl?script=<script id>&deploy=<deployment id>; NetSuite writes internal
 * ids there and accepts script ids too), resolveRecord a record's page (customers at
 * /app/common/entity/custjob.nl?id=N, custom records at /app/common/custom/custrecordentry.nl),
 * format a domain and parameters, resolveDomain the emulator's host. No units.
 */
import { SuiteScriptError } from '../core/errors';

export const HostType = {
  APPLICATION: 'APPLICATION',
  CUSTOMER_CENTER: 'CUSTOMERCENTER',
  RESTLET: 'RESTLETS',
  SUITETALK: 'SUITETALK',
  FORM: 'FORMS',
} as const;

function query(params: Record<string, unknown> | undefined): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {}))
    if (v !== undefined && v !== null) q.append(k, String(v));
  const s = q.toString();
  return s;
}

export function suiteletPath(
  scriptId: string,
  deploymentId: string,
  params?: Record<string, unknown>,
): string {
  const rest = query(params);
  return `/app/site/hosting/scriptlet.nl?script=${encodeURIComponent(scriptId)}&deploy=${encodeURIComponent(deploymentId)}${rest ? `&${rest}` : ''}`;
}

export function recordPath(
  type: string,
  id: string | number,
  edit = false,
  params?: Record<string, unknown>,
): string {
  const t = String(type).toLowerCase();
  const rest = query({ ...(params ?? {}), ...(edit ? { e: 'T' } : {}) });
  const tail = rest ? `&${rest}` : '';
  if (t === 'customer') return `/app/common/entity/custjob.nl?id=${encodeURIComponent(String(id))}${tail}`;
  if (t.startsWith('customrecord'))
    return `/app/common/custom/custrecordentry.nl?rectype=${encodeURIComponent(t)}&id=${encodeURIComponent(String(id))}${tail}`;
  return `/app/common/record.nl?type=${encodeURIComponent(t)}&id=${encodeURIComponent(String(id))}${tail}`;
}

export function createUrlModule(host: () => string): unknown {
  return {
    HostType,
    resolveScript(o: {
      scriptId: string;
      deploymentId: string;
      params?: Record<string, unknown>;
      returnExternalUrl?: boolean;
    }) {
      if (!o?.scriptId || !o?.deploymentId)
        throw new SuiteScriptError(
          'SSS_MISSING_REQD_ARGUMENT',
          'url.resolveScript: Missing a required argument: scriptId, deploymentId',
        );
      const p = suiteletPath(
        String(o.scriptId).toLowerCase(),
        String(o.deploymentId).toLowerCase(),
        o.params,
      );
      return o.returnExternalUrl
        ? `http://${host()}${p.replace('/app/site/hosting/scriptlet.nl', '/app/site/hosting/scriptlet.nl')}&ns-at=external`
        : p;
    },
    resolveRecord(o: {
      recordType: string;
      recordId?: string | number;
      isEditMode?: boolean;
      params?: Record<string, unknown>;
    }) {
      if (!o?.recordType)
        throw new SuiteScriptError(
          'SSS_MISSING_REQD_ARGUMENT',
          'url.resolveRecord: Missing a required argument: recordType',
        );
      return recordPath(o.recordType, o.recordId ?? '', !!o.isEditMode, o.params);
    },
    resolveDomain(_o: { hostType: string; accountId?: string }) {
      return host();
    },
    resolveTaskLink(o: { id: string; params?: Record<string, unknown> }) {
      const rest = query(o.params);
      return `/app/center/card.nl?sc=${encodeURIComponent(o.id)}${rest ? `&${rest}` : ''}`;
    },
    format(o: { domain: string; params?: Record<string, unknown> }) {
      const rest = query(o.params);
      return rest ? `${o.domain}${o.domain.includes('?') ? '&' : '?'}${rest}` : o.domain;
    },
  };
}
