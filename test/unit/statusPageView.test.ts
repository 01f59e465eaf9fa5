/**
 * The status page's view model on its own (sync/statusPage/*): what the page says is text and
 * pieces, never HTML, and only the rendering (sync/statusPage/html.ts) escapes; each flow's state is
 * decided in one order from plain inputs; the import's line counts feeds and rejected rows.
 */
import type { RunEntry } from '../../src/TypeScripts/HotWaxCustomerSync/sync/ports';
import type { ImportState } from '../../src/TypeScripts/HotWaxCustomerSync/sync/importTypes';
import { status, SC, NOW, MIN, entry, sources } from './statusPageFixtures';
import { IMPORT_CUSTOMER } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const env = {
  now: NOW,
  time: (ms: number) => new Date(ms).toISOString(),
  pageUrl: (p: Record<string, string>) => `/page?${new URLSearchParams(p).toString()}`,
  customerUrl: (id: string) => `/customer/${id}`,
};
const FEED = 'a<b>&"c".csv';

function deps(runs: RunEntry[]) {
  return {
    sources: sources({ runs, instances: [], state: null, calls: [] }),
    env,
    listWaiting: () => [{ name: FEED, size: 1, lastModified: NOW }],
    readReport: () => '',
    parseCsv: () => [],
    csrf: 'token',
  };
}

test('the view says a feed name as it is; only the rendering escapes it, in every cell and link', () => {
  const run = entry(SC, NOW - 10 * MIN, [{ name: FEED, created: 1, errors: 1 }]);
  const request = { code: '', listFeeds: true, report: null };
  const view = plain(status.pageView(deps([run]), request, null));
  const tables = view.tabs.flatMap((t) => t.blocks).filter((b) => b.kind === 'table');
  const waiting = tables.find((b) => b.id === 'custpage_waiting')!;
  expect(waiting.rows[0][0]).toBe(FEED);
  expect(waiting.rows[0][3]).toEqual({
    button: { name: 'custpage_dryrun_feed', value: FEED, label: 'Dry run' },
  });
  const errors = tables.find((b) => b.id === 'custpage_errors')!;
  expect(errors.rows[0][0]).toEqual({
    link: '/page?custpage_report=a%3Cb%3E%26%22c%22-T1-errors.csv&selectedtab=custpage_tab_errors',
    text: FEED,
  });
  // No HTML in what the page says (the Actions tab's help is constant markup).
  const said = view.tabs.filter((t) => t.id !== 'custpage_tab_actions');
  expect(JSON.stringify(said)).not.toMatch(/&lt;|&amp;|&quot;|&#39;|<a |<span|<br>|<button/);

  const page = plain(status.renderPage(view));
  const cells = page.tabs.flatMap((t) => t.blocks).flatMap((b) => (b.kind === 'table' ? b.rows.flat() : []));
  const escaped = 'a&lt;b&gt;&amp;&quot;c&quot;.csv';
  expect(cells).toContain(escaped);
  expect(cells).toContain(
    `<button type="submit" class="hc-btn" name="custpage_dryrun_feed" value="${escaped}">Dry run</button>`,
  );
  expect(cells.join('\n')).not.toContain(FEED);
  // buildPage is pageView rendered.
  expect(plain(status.buildPage(deps([run]), request, null))).toEqual(page);
});

test('each piece is drawn with its text escaped; constant markup stays as written', () => {
  expect(status.pieceHtml('<x> & "y"')).toBe('&lt;x&gt; &amp; &quot;y&quot;');
  expect(status.pieceHtml({ link: '/p?a=1&b="2"', text: "it's" })).toBe(
    '<a href="/p?a=1&amp;b=&quot;2&quot;">it&#39;s</a>',
  );
  expect(status.pieceHtml({ strong: 'All (3)' })).toBe('<b>All (3)</b>');
  expect(status.pieceHtml({ bad: 'failed <now>' })).toBe('<span class="hc-bad">failed &lt;now&gt;</span>');
  expect(status.pieceHtml({ br: true })).toBe('<br>');
  expect(status.pieceHtml({ markup: 'a &lt;feed&gt; "as is"' })).toBe('a &lt;feed&gt; "as is"');
});

test('a flow is failing, paused, not run yet, late, rejecting rows or healthy, in that order', () => {
  const [importFlow, exportFlow] = plain(status.FLOWS);
  const ok = entry(SC, NOW - 10 * MIN, []);
  const failed: RunEntry = {
    ...ok,
    outcome: 'failed',
    summary: { error: { code: 'FTP_CANNOT_ESTABLISH_CONNECTION', message: 'refused' } },
  };
  const scheduled = {
    scriptId: SC,
    deploymentId: IMPORT_CUSTOMER.deploymentId,
    title: 'x',
    status: 'SCHEDULED',
    isDeployed: true,
  };
  const paused = { ...scheduled, status: 'NOTSCHEDULED' };
  const none = '0 rejected rows in the last 24 hours';
  const verdict = (flow: typeof importFlow, runs: RunEntry[], d = [scheduled], errors = none) =>
    plain(status.flowVerdict(flow, runs, d, errors, env));

  expect(verdict(importFlow, [failed], [paused]).state).toBe('failing');
  expect(verdict(importFlow, [failed]).fix).toMatch(/password secret/);
  expect(verdict(importFlow, [ok], [paused])).toMatchObject({
    state: 'attention',
    cause: `${IMPORT_CUSTOMER.deploymentId} is not scheduled: no run starts by itself`,
  });
  expect(verdict(importFlow, [])).toMatchObject({ state: 'not run yet' });
  expect(verdict(exportFlow, [])).toMatchObject({ state: 'not run yet' });
  // Three missed 15-minute runs and a quarter hour of grace: late.
  const late = { ...ok, ended: NOW - 61 * MIN };
  expect(verdict(importFlow, [late]).cause).toMatch(/^No run recorded since .*every 15 minutes$/);
  expect(verdict(importFlow, [{ ...ok, ended: NOW - 59 * MIN }]).state).toBe('healthy');
  expect(verdict(importFlow, [ok], [scheduled], '3 rejected rows in the last 24 hours')).toMatchObject({
    state: 'attention',
    fix: 'Open the Errors tab: each error code says what to fix.',
  });
  expect(
    verdict(importFlow, [ok], [scheduled], '0 rejected rows, 1 failed feed in the last 24 hours').state,
  ).toBe('attention');
  expect(verdict(importFlow, [ok])).toEqual({
    state: 'healthy',
    cause: `Last run ${env.time(ok.ended)}: complete`,
    fix: 'Nothing to do.',
  });
});

test("the import's line: the feed in progress, those handed over and waiting, the last day's rejected rows", () => {
  const counted = entry(SC, NOW - 5 * MIN, [
    { name: 'bad.csv', created: 0, errors: 2 },
    { name: 'ok.csv', created: 1, errors: 0 },
  ]);
  counted.summary.waiting = 3;
  (counted.summary.fileResults as { outcome: string }[])[0].outcome = 'failed';
  const older = entry(SC, NOW - 25 * 60 * MIN, [{ name: 'old.csv', created: 0, errors: 9 }]);
  older.summary.waiting = 7;
  const state = {
    file: 'now.csv',
    line: 42,
    handoff: { feeds: [{ name: 'h1.csv' }, { name: 'h2.csv' }], done: ['h1.csv'], attempts: 1 },
  } as unknown as ImportState;
  expect(plain(status.importLoad(state, [counted, older], env))).toEqual({
    feeds: `1 in progress (now.csv, line 42); 1 handed to the map/reduce import; 3 waiting in customer/export/ when the last run ended (${env.time(counted.ended)}); live list: "List the waiting feeds" (Feeds tab)`,
    errors: '2 rejected rows, 1 failed feed in the last 24 hours',
  });
  expect(plain(status.importLoad(null, [], env))).toEqual({
    feeds: 'none in progress; live list: "List the waiting feeds" (Feeds tab)',
    errors: '0 rejected rows in the last 24 hours',
  });
});
