/** The Feeds tab: the feed in progress or handed over, the waiting feeds on request, the last finished feeds. */
import type { FileResult, ImportState } from '../importTypes';
import type { RunEntry } from '../ports';
import { PARAM, scriptName } from './constants';
import { handedFeeds } from './runs';
import type {
  BlockView,
  Cell,
  FieldView,
  PageData,
  PageEnv,
  RemoteFileInfo,
  TableView,
  TabView,
} from './types';

function inProgressFields(state: ImportState | null, env: PageEnv): FieldView[] {
  const lease = state?.lease;
  const leaseText = lease
    ? `${lease.deploymentId}${lease.scriptId ? ` (${scriptName(lease.scriptId)})` : ''} (lease until ${env.time(lease.until)})`
    : 'none (the next run continues)';
  const fields: FieldView[] = state?.file
    ? [
        { id: 'custpage_feed_current', label: 'Feed in progress', value: state.file },
        { id: 'custpage_feed_line', label: 'Last line handled', value: String(state.line) },
        {
          id: 'custpage_feed_counts',
          label: 'So far',
          value: `${state.counts.created} created, ${state.counts.linked} linked, ${state.counts.alreadyLinked} already linked, ${state.counts.errors} errors`,
        },
        { id: 'custpage_feed_lease', label: 'Importing deployment', value: leaseText },
      ]
    : [
        {
          id: 'custpage_feed_current',
          label: 'Feed in progress',
          value: state?.handoff?.feeds.length
            ? 'None on the scheduled path: the feeds below are handed to HC_MR_ImportCustomer'
            : 'None: every feed read so far is finished',
        },
      ];
  if (state?.handoff?.feeds.length) {
    fields.push({
      id: 'custpage_feed_handoff',
      label: 'Handed to HC_MR_ImportCustomer',
      value: handedFeeds(state.handoff),
    });
    if (!state.file)
      fields.push({ id: 'custpage_feed_lease', label: 'Importing deployment', value: leaseText });
  }
  return fields;
}

/** The waiting feeds: listed live from SFTP only when asked (a listing costs units and time). */
function waitingBlock(
  env: PageEnv,
  waiting: RemoteFileInfo[] | null,
  waitingError: string | null,
): BlockView {
  const listUrl = env.pageUrl({ [PARAM.listFeeds]: 'T', selectedtab: 'custpage_tab_feeds' });
  if (waiting === null) {
    return {
      kind: 'fields',
      id: 'custpage_grp_waiting',
      label: 'Waiting in customer/export/',
      fields: [
        {
          id: 'custpage_waiting_link',
          label: 'Waiting feeds',
          value: [
            ...(waitingError ? [{ bad: waitingError }, { br: true as const }] : []),
            'Read live from the SFTP server on request: ',
            { link: listUrl, text: 'List the waiting feeds' },
          ],
        },
      ],
    };
  }
  return {
    kind: 'table',
    id: 'custpage_waiting',
    label: `Waiting in customer/export/ (listed ${env.time(env.now)})`,
    columns: [
      { id: 'name', label: 'Feed' },
      { id: 'size', label: 'Bytes' },
      { id: 'modified', label: 'Last modified' },
      { id: 'check', label: 'Check it' },
    ],
    rows: waiting.map((w) => [
      w.name,
      w.size.toLocaleString('en-US'),
      env.time(w.lastModified),
      { button: { name: PARAM.dryRunFeed, value: w.name, label: 'Dry run' } },
    ]),
    empty: 'No feed is waiting.',
  };
}

interface Finished {
  when: number;
  f: FileResult;
  by: string;
}

/** Feeds archived or failed by the recorded runs (dry runs left out), newest first. */
export function finishedFeeds(importRuns: RunEntry[]): Finished[] {
  const finished: Finished[] = [];
  for (const r of importRuns) {
    if (r.summary.dryRun) continue;
    const files = Array.isArray(r.summary.fileResults) ? (r.summary.fileResults as FileResult[]) : [];
    for (const f of files)
      if (f.outcome === 'archived' || f.outcome === 'failed')
        finished.push({ when: r.ended, f, by: scriptName(r.scriptId) });
  }
  return finished;
}

/** A feed's error count, linked to its report, every part of a large one (the import splits reports into parts). */
function errorsCell(env: PageEnv, f: FileResult): Cell {
  if (!f.counts?.errors || !f.errorReports?.length) return '0';
  return f.errorReports.flatMap((r, i, all) => [
    ...(i ? [' '] : []),
    {
      link: env.pageUrl({ [PARAM.report]: r, selectedtab: 'custpage_tab_errors' }),
      text:
        all.length === 1
          ? `${f.counts.errors} (report)`
          : i === 0
            ? `${f.counts.errors} (report part 1)`
            : `part ${i + 1}`,
    },
  ]);
}

const FINISHED_COLUMNS = [
  { id: 'name', label: 'Feed' },
  { id: 'when', label: 'Finished' },
  { id: 'moved', label: 'Moved as' },
  { id: 'created', label: 'Created' },
  { id: 'linked', label: 'Linked' },
  { id: 'already', label: 'Already linked' },
  { id: 'errors', label: 'Errors' },
  { id: 'by', label: 'Imported by' },
];

function finishedTable(env: PageEnv, finished: Finished[], outcome: 'archived' | 'failed'): TableView {
  return {
    kind: 'table',
    id: `custpage_${outcome}`,
    label:
      outcome === 'archived'
        ? 'Last archived feeds (customer/export/archive/)'
        : 'Last failed feeds (customer/export/failed/)',
    columns: FINISHED_COLUMNS,
    rows: finished
      .filter((x) => x.f.outcome === outcome)
      .slice(0, 10)
      .map(({ when, f, by }) => [
        f.name,
        env.time(when),
        f.movedTo ?? '',
        String(f.counts?.created ?? 0),
        String(f.counts?.linked ?? 0),
        String(f.counts?.alreadyLinked ?? 0),
        errorsCell(env, f),
        by,
      ]),
    empty: `No feed ${outcome} in the recorded runs.`,
  };
}

export function feedsTab(
  { src, env, importRuns }: PageData,
  waiting: RemoteFileInfo[] | null,
  waitingError: string | null,
): TabView {
  const finished = finishedFeeds(importRuns);
  const blocks: BlockView[] = [
    {
      kind: 'fields',
      id: 'custpage_grp_inprogress',
      label: 'In progress (import checkpoint)',
      fields: inProgressFields(src.importState(), env),
    },
    waitingBlock(env, waiting, waitingError),
    finishedTable(env, finished, 'archived'),
    finishedTable(env, finished, 'failed'),
  ];
  return { id: 'custpage_tab_feeds', label: 'Feeds', blocks };
}
