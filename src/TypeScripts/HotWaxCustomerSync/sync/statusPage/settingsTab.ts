/** The Settings tab (the import's company preferences) and the Actions tab (how to act, an action's result). */
import { IMPORT_COMPANY_SETTINGS, SETTINGS_WHERE } from './constants';
import type { MessageModel, StatusSources, TabView } from './types';

export function settingsTab(src: StatusSources): TabView {
  let values: Record<string, string> | null = null;
  let problem = '';
  try {
    values = src.importSettings();
  } catch (e) {
    problem = `Cannot read the company preferences: ${(e as Error)?.message ?? String(e)}`;
  }
  return {
    id: 'custpage_tab_settings',
    label: 'Settings',
    blocks: [
      {
        kind: 'fields',
        id: 'custpage_grp_settings',
        label: 'Customer import settings, in effect for every deployment',
        fields: [
          { id: 'custpage_set_where', label: 'Where to change them', value: SETTINGS_WHERE },
          ...(problem ? [{ id: 'custpage_set_problem', label: 'Problem', value: problem }] : []),
          ...IMPORT_COMPANY_SETTINGS.map((x) => {
            const v = values?.[x.id] ?? '';
            const shown = x.id.endsWith('match_by_email')
              ? v === 'T'
                ? 'Yes'
                : 'No'
              : v || `(empty: ${x.empty})`;
            return {
              id: `custpage_set_${x.id.split('_imp_')[1]}`,
              label: `${x.label} (${x.id})`,
              value: shown,
            };
          }),
        ],
      },
    ],
  };
}

/** How the actions work; constant markup (its quotes stay as written). */
const ACTIONS_HELP =
  'Choose an action (and, for a dry run, a waiting feed: list them on the Feeds tab first), then "Run the action chosen on the Actions tab"; ' +
  'the same actions sit beside what they act on: Run now on the Overview, Dry run in each waiting feed\u2019s row. ' +
  'The import and the id export run on their on-demand deployments, as HotWax starts them. ' +
  'HC_MR_ImportCustomer has no action: only HC_SC_ImportCustomer starts it, when it hands over a backlog ' +
  '(run the import now and it decides). A dry run ' +
  'checks one feed and writes customer/export/dry_run/&lt;feed&gt;-dry-run.csv, nothing else. The SFTP ' +
  'test connects with the HC SFTP Configuration record, as the scripts do.';

export function actionsTab(message: MessageModel | null, details: string[][] | null): TabView {
  const blocks: TabView['blocks'] = [
    {
      kind: 'fields',
      id: 'custpage_grp_actions_help',
      label: 'Actions',
      fields: [{ id: 'custpage_actions_help', label: 'How', value: [{ markup: ACTIONS_HELP }] }],
    },
  ];
  if (details)
    blocks.push({
      kind: 'table',
      id: 'custpage_action_details',
      label: message ? `Result: ${message.title}` : 'Result',
      columns: [
        { id: 'what', label: 'Check' },
        { id: 'result', label: 'Result' },
        { id: 'detail', label: 'Detail' },
      ],
      rows: details,
      empty: '',
    });
  return { id: 'custpage_tab_actions', label: 'Actions', blocks };
}
