/**
 * The "Scheduled Script Instance" search type (search.Type.SCHEDULED_SCRIPT_INSTANCE,
 * 'scheduledscriptinstance'; NetSuite help "Scheduled Script Instance"): one row per scheduled-script
 * or map/reduce job instance, as on Customization > Scripting > Scheduled Script Status. Scripts use it
 * to ask whether a deployment is running, e.g.
 *   filters: [['script.scriptid', 'is', id], 'AND', ['scriptdeployment.scriptid', 'is', dep],
 *             'AND', ['status', 'anyof', 'PROCESSING', 'RETRY']]
 * Emulated from the account's task queue: status PENDING | PROCESSING | COMPLETE | FAILED (a crashed
 * execution's instance is FAILED; NetSuite's RETRY, after a server restart, does not occur here),
 * taskid, datecreated, startdate, enddate, percentcomplete, mapreducestage, and the joined
 * script.scriptid / scriptdeployment.scriptid. Rows are read live (never cached).
 */
import type { FieldDef, RecordTypeDef, StoredRecord } from './recordStore';

export const SCRIPT_INSTANCE_TYPE = 'scheduledscriptinstance';

interface TaskLike {
  taskId: string;
  scriptId: string;
  deploymentId: string;
  status: string;
  stage?: string;
  submittedAt: Date;
  result?: { startedAt: Date; endedAt: Date };
}

const field = (id: string, label: string, type: FieldDef['type']): [string, FieldDef] => [
  id,
  { id, label, type } as FieldDef,
];

export const SCRIPT_INSTANCE_SEARCH_DEF: RecordTypeDef = {
  type: SCRIPT_INSTANCE_TYPE,
  label: 'Scheduled Script Instance',
  custom: false,
  fields: Object.fromEntries([
    field('status', 'Status', 'TEXT'),
    field('taskid', 'Task ID', 'TEXT'),
    field('datecreated', 'Date Created', 'DATETIME'),
    field('startdate', 'Start Date', 'DATETIME'),
    field('enddate', 'End Date', 'DATETIME'),
    field('percentcomplete', 'Percent Complete', 'FLOAT'),
    field('mapreducestage', 'Map/Reduce Stage', 'TEXT'),
  ]),
  sublists: {},
  computed: {
    'script.scriptid': {
      def: { id: 'scriptid', label: 'Script ID', type: 'TEXT' } as FieldDef,
      get: (r) => r.values.scriptid,
    },
    'scriptdeployment.scriptid': {
      def: { id: 'scriptid', label: 'Script Deployment ID', type: 'TEXT' } as FieldDef,
      get: (r) => r.values.deploymentid,
    },
  },
  displayText: (r) => String(r.values.taskid ?? ''),
};

/** The instances of the account's tasks, as search rows. */
export function scriptInstanceRows(tasks: readonly TaskLike[]): StoredRecord[] {
  return tasks.map((t, i) => ({
    id: i + 1,
    type: SCRIPT_INSTANCE_TYPE,
    values: {
      status: t.status,
      taskid: t.taskId,
      datecreated: t.submittedAt,
      startdate: t.result?.startedAt ?? (t.status === 'PENDING' ? '' : t.submittedAt),
      enddate: t.result?.endedAt ?? '',
      percentcomplete: t.status === 'COMPLETE' ? 100 : 0,
      mapreducestage: t.stage ?? '',
      scriptid: t.scriptId,
      deploymentid: t.deploymentId,
    },
    sublists: {},
  }));
}
