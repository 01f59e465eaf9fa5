/** The Id export and historical export tab: the id export's cursor and files, the historical export's parts. */
import { EXPORT_CUSTOMER_IDS, GENERATE_HISTORICAL_CSV } from '../../core/scriptIds';
import { outcomeText } from './runs';
import type { FieldView, HistoricalInfo, PageData, PageEnv, TabView } from './types';
import { n } from './words';

function cursorFields({ src, env }: PageData): FieldView[] {
  const state = src.exportState();
  const cursor = state?.committed;
  const pending = Object.entries(state?.pending ?? {});
  return [
    {
      id: 'custpage_exp_stamp',
      label: 'Customers stamped after',
      value: cursor
        ? cursor.stampAfter
          ? env.time(cursor.stampAfter)
          : 'the beginning'
        : 'No export has run yet',
    },
    {
      id: 'custpage_exp_pending',
      label: 'Runs selecting now',
      value: pending.length
        ? pending
            .map(([d, p]) => `${d} (started ${env.time(p.startedAt)}, up to ${env.time(p.stampUpTo)})`)
            .join('; ')
        : 'none',
    },
  ];
}

export function historicalStatus(h: HistoricalInfo): string {
  if (h.status === null) return 'Not run yet (no "Historical Shopify Customer CSV" folder)';
  if (!h.state) return h.status || 'Folder created, no export recorded';
  return h.state.done
    ? `Finished: ${h.state.exported.toLocaleString('en-US')} customers in ${h.state.nextPart - 1} part(s)`
    : `In progress: ${h.state.exported.toLocaleString('en-US')} customers exported, next part ${h.state.nextPart}`;
}

function historicalFields({ runsByScript, env }: PageData, h: HistoricalInfo): FieldView[] {
  const genRuns = runsByScript.get(GENERATE_HISTORICAL_CSV.scriptId) ?? [];
  const fields: FieldView[] = [
    { id: 'custpage_hist_status', label: 'Historical export', value: historicalStatus(h) },
    {
      id: 'custpage_hist_parts',
      label: 'Parts',
      value: `${h.waiting.length} waiting for upload, ${h.archived.length} uploaded (archived)`,
    },
  ];
  if (genRuns[0])
    fields.push({
      id: 'custpage_hist_last',
      label: 'Last run',
      value: `${env.time(genRuns[0].ended)}: ${outcomeText('generate', genRuns[0].summary)}`,
    });
  return fields;
}

const sentFiles = ({ runsByScript }: PageData, env: PageEnv): string[][] =>
  (runsByScript.get(EXPORT_CUSTOMER_IDS.scriptId) ?? []).flatMap((r) =>
    (Array.isArray(r.summary.files) ? (r.summary.files as string[]) : []).map((f) => [
      f,
      env.time(r.ended),
      String(n(r.summary.exported)),
    ]),
  );

export function exportsTab(d: PageData): TabView {
  const fields = cursorFields(d);
  const h = d.src.historical();
  const parts = [
    ...h.waiting.map((f) => ({ ...f, where: 'waiting for upload' })),
    ...h.archived.map((f) => ({ ...f, where: 'uploaded, archived' })),
  ].sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    id: 'custpage_tab_exports',
    label: 'Id export and historical export',
    blocks: [
      {
        kind: 'fields',
        id: 'custpage_grp_cursor',
        label: 'Id export cursor (checkpoint "id-export")',
        fields,
      },
      {
        kind: 'table',
        id: 'custpage_sent',
        label: 'Last files sent to customer/import/',
        columns: [
          { id: 'file', label: 'File' },
          { id: 'when', label: 'Sent' },
          { id: 'ids', label: 'Customer ids in the run' },
        ],
        rows: sentFiles(d, d.env).slice(0, 10),
        empty: 'No file sent in the recorded runs.',
      },
      { kind: 'fields', id: 'custpage_grp_hist', label: 'Historical export', fields: historicalFields(d, h) },
      {
        kind: 'table',
        id: 'custpage_parts',
        label: 'Historical export parts',
        columns: [
          { id: 'name', label: 'File' },
          { id: 'size', label: 'Bytes' },
          { id: 'where', label: 'Where' },
          { id: 'created', label: 'Written' },
        ],
        rows: parts.map((p) => [
          p.name,
          p.size.toLocaleString('en-US'),
          p.where,
          p.created ? d.env.time(p.created) : '',
        ]),
        empty: 'No part written yet.',
      },
    ],
  };
}
