/** The page's actions (run now, dry run, SFTP test), each a POST carrying the session's CSRF token. */
import { ACTIONS, ON_DEMAND } from './constants';
import type { MessageModel } from './types';

export interface ActionDeps {
  /** Submits a deployment; returns the task id. Throws what NetSuite throws. */
  submit(kind: 'scheduled' | 'mapreduce', scriptId: string, deploymentId: string): string;
  /** Dry run of one waiting feed: the import's own logic, on that feed only. */
  dryRun(feed: string): {
    checked: boolean;
    counts: Record<string, number>;
    report: string | null;
    note: string;
  };
  /** SFTP connection test: one row per check. */
  testSftp(): { ok: boolean; checks: { what: string; ok: boolean; detail: string }[] };
  describeError(e: unknown): { code: string; message: string };
}

export interface ActionResult {
  message: MessageModel;
  details: string[][] | null;
}

/** True when the posted token is the session's (compared without early exit). */
export function csrfMatches(expected: string, posted: string): boolean {
  if (!expected || !posted || expected.length !== posted.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ posted.charCodeAt(i);
  return diff === 0;
}

export function refusedForToken(): ActionResult {
  return {
    message: {
      kind: 'error',
      title: 'Refused',
      text: 'The request did not carry this page\u2019s security token (it may come from another site, or the page is old). Nothing was done. Open the page again and retry.',
    },
    details: null,
  };
}

const failed = (deps: ActionDeps, title: string, e: unknown): ActionResult => {
  const { code, message } = deps.describeError(e);
  return { message: { kind: 'error', title, text: `${code}: ${message}` }, details: null };
};

function runNow(deps: ActionDeps, action: string): ActionResult {
  const isImport = action === ACTIONS.runImport;
  const which = isImport ? ON_DEMAND.import : ON_DEMAND.export;
  const label = isImport ? 'HC_SC_ImportCustomer' : 'HC_MR_ExportedCustomerCSV';
  try {
    const taskId = deps.submit(isImport ? 'scheduled' : 'mapreduce', which.scriptId, which.deploymentId);
    return {
      message: {
        kind: 'confirmation',
        title: `${label} queued`,
        text: `Submitted ${label} on deployment ${which.deploymentId} (task ${taskId}). It runs when a processor is free; its result appears on the Overview tab.`,
      },
      details: null,
    };
  } catch (e) {
    return failed(deps, `${label} not queued`, e);
  }
}

function dryRun(deps: ActionDeps, feed: string): ActionResult {
  if (!feed)
    return {
      message: {
        kind: 'warning',
        title: 'Choose a feed',
        text: 'List the waiting feeds (Feeds tab), choose one in "Feed", then run the dry run.',
      },
      details: null,
    };
  try {
    const r = deps.dryRun(feed);
    const c = r.counts;
    return {
      message: {
        kind: r.checked ? 'confirmation' : 'warning',
        title: `Dry run of ${feed}`,
        text: `${r.note} Would create ${c.created ?? 0}, link ${c.linked ?? 0}, already linked ${c.alreadyLinked ?? 0}, errors ${c.errors ?? 0}.${r.report ? ` Verdicts: customer/export/dry_run/${r.report}.` : ''} No customer was written.`,
      },
      details: [
        ['Would create', String(c.created ?? 0), ''],
        ['Would link', String(c.linked ?? 0), ''],
        ['Already linked', String(c.alreadyLinked ?? 0), ''],
        ['Errors', String(c.errors ?? 0), r.report ? `customer/export/dry_run/${r.report}` : ''],
      ],
    };
  } catch (e) {
    return failed(deps, `Dry run of ${feed} failed`, e);
  }
}

function testSftp(deps: ActionDeps): ActionResult {
  try {
    const r = deps.testSftp();
    const bad = r.checks.filter((c) => !c.ok);
    return {
      message: {
        kind: r.ok ? 'confirmation' : 'error',
        title: r.ok ? 'SFTP connection works' : 'SFTP connection has problems',
        text: r.ok
          ? `Host key accepted, logged in, every folder of the layout is there and writable (${r.checks.length} checks).`
          : `${bad.length} of ${r.checks.length} checks failed. ${bad
              .slice(0, 3)
              .map((c) => `${c.what}: ${c.detail}`)
              .join(' ')}`,
      },
      details: r.checks.map((c) => [c.what, c.ok ? 'OK' : 'FAILED', c.detail]),
    };
  } catch (e) {
    return failed(deps, 'SFTP test failed', e);
  }
}

export function runAction(deps: ActionDeps, action: string, params: { feed: string }): ActionResult {
  if (action === ACTIONS.runImport || action === ACTIONS.runExport) return runNow(deps, action);
  if (action === ACTIONS.dryRun) return dryRun(deps, params.feed);
  if (action === ACTIONS.testSftp) return testSftp(deps);
  return {
    message: {
      kind: 'warning',
      title: 'No action',
      text: action
        ? `Unknown action "${action}": nothing was done.`
        : 'Choose an action first: nothing was done.',
    },
    details: null,
  };
}
