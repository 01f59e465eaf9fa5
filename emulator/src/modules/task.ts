/**
 * N/task (NetSuite help "N/task Module", "task.create(options)", "ScheduledScriptTask.submit()",
 * "MapReduceScriptTask.submit()", "task.CsvImportTask", "CsvImportTask.submit()", "task.SearchTask",
 * "task.checkStatus(options)", "MapReduceScriptTaskStatus", "CsvImportTaskStatus", "SearchTaskStatus"):
 * - task.create({ taskType, ...properties }) (0 units); properties can also be set after.
 * - Script tasks: submit() queues the deployment by the rules of core/tasks.ts (per deployment status,
 *   one unfinished task per deployment); 20 units (stubs' @governance). A map/reduce script resubmitting
 *   itself gets null ("no task ID is returned").
 * - CsvImportTask: importFile (a file.File or CSV text), mappingId (script id of a savedcsvimport of the
 *   SDF project, or its index), name, queueId; submit() validates before queueing (no mapping, no file:
 *   FAILED_TO_SUBMIT_JOB_REQUEST_1 / SSS_MISSING_REQD_ARGUMENT) and costs 100 units (help page).
 *   linkedFiles (multi-file imports) are not emulated.
 * - SearchTask: savedSearchId, fileId or filePath (mutually exclusive); submit() costs 100 units
 *   (as QueryTask.submit and CsvImportTask.submit, whose pages say 100; SearchTask's own figure unverified).
 * - task.checkStatus({ taskId }) (0 units) → the status object of the task's type: status PENDING |
 *   PROCESSING | COMPLETE | FAILED; map/reduce adds stage and the counters; search adds savedSearchId
 *   and fileId. Other task types throw SSS_NOT_YET_SUPPORTED.
 */
import type * as taskTypes from 'N/task';
import type { ExecutionContext } from '../core/context';
import { SuiteScriptError } from '../core/errors';
import { submitTask, type TaskAccount, type TaskEntry } from '../core/tasks';
import type { SavedCsvImport } from '../data/savedCsvImports';

export const TaskType = {
  SCHEDULED_SCRIPT: 'SCHEDULED_SCRIPT',
  MAP_REDUCE: 'MAP_REDUCE',
  CSV_IMPORT: 'CSV_IMPORT',
  ENTITY_DEDUPLICATION: 'ENTITY_DEDUPLICATION',
  WORKFLOW_TRIGGER: 'WORKFLOW_TRIGGER',
  SEARCH: 'SEARCH',
  RECORD_ACTION: 'RECORD_ACTION',
  SUITE_QL: 'SUITE_QL',
  QUERY: 'QUERY',
  DOCUMENT_CAPTURE: 'DOCUMENT_CAPTURE',
} as const;
export const TaskStatus = {
  PENDING: 'PENDING',
  PROCESSING: 'PROCESSING',
  COMPLETE: 'COMPLETE',
  FAILED: 'FAILED',
} as const;
export const MapReduceStage = {
  GET_INPUT: 'GET_INPUT',
  MAP: 'MAP',
  SHUFFLE: 'SHUFFLE',
  REDUCE: 'REDUCE',
  SUMMARIZE: 'SUMMARIZE',
} as const;

/** What N/task needs from the account: the queue and scripts, and the saved CSV import maps. */
interface TaskModuleAccount extends TaskAccount {
  savedCsvImport(id: string | number): SavedCsvImport | undefined;
}

function accountOf(ctx: ExecutionContext): TaskModuleAccount {
  const a = ctx.account as unknown as Partial<TaskModuleAccount>;
  if (!a.tasks || !a.script)
    throw new SuiteScriptError('SSS_NOT_YET_SUPPORTED', 'N/task needs an emulator Account');
  return a as TaskModuleAccount;
}

function statusOf(t: TaskEntry) {
  const mr = t.result?.mapReduce;
  const base = {
    taskId: t.taskId,
    scriptId: t.scriptId,
    deploymentId: t.deploymentId,
    status: t.status,
    toString: () =>
      `${t.taskType === 'MAP_REDUCE' ? 'MapReduceScriptTaskStatus' : 'ScheduledScriptTaskStatus'}`,
    toJSON: () => ({
      taskId: t.taskId,
      scriptId: t.scriptId,
      deploymentId: t.deploymentId,
      status: t.status,
      stage: t.stage,
    }),
  };
  if (t.taskType === 'CSV_IMPORT') {
    return {
      taskId: t.taskId,
      status: t.status,
      toString: () => 'CsvImportTaskStatus',
      toJSON: () => ({ taskId: t.taskId, status: t.status }),
    };
  }
  if (t.taskType === 'SEARCH') {
    const fileId = (t.payload?.resolvedFileId ?? t.payload?.fileId ?? null) as number | null;
    return {
      taskId: t.taskId,
      status: t.status,
      savedSearchId: t.payload?.savedSearchId,
      fileId,
      toString: () => 'SearchTaskStatus',
      toJSON: () => ({ taskId: t.taskId, status: t.status, savedSearchId: t.payload?.savedSearchId, fileId }),
    };
  }
  if (t.taskType !== 'MAP_REDUCE') return base;
  const done = t.status === 'COMPLETE' || t.status === 'FAILED';
  return {
    ...base,
    stage: done ? null : (t.stage ?? null),
    getPercentageCompleted: () => (done ? 100 : 0),
    getTotalMapCount: () => mr?.mapKeys ?? 0,
    getTotalReduceCount: () => mr?.reduceKeys ?? 0,
    getTotalOutputCount: () => mr?.output.length ?? 0,
    getPendingMapCount: () => (done ? 0 : (mr?.mapKeys ?? 0)),
    getPendingReduceCount: () => (done ? 0 : (mr?.reduceKeys ?? 0)),
    getPendingOutputCount: () => 0,
    getPendingMapSize: () => 0,
    getPendingReduceSize: () => 0,
    getPendingOutputSize: () => 0,
    getCurrentTotalSize: () => 0,
  };
}

/** A ScheduledScriptTask or MapReduceScriptTask (task.create): submit() once, by NetSuite's rules (core/tasks.ts). */
function scriptTask(
  ctx: ExecutionContext,
  taskType: string,
  options: { scriptId?: string | number; deploymentId?: string; params?: unknown },
) {
  let submitted: string | null = null;
  const t = {
    scriptId: options.scriptId as string | number | undefined,
    deploymentId: options.deploymentId as string | undefined,
    params: options.params ?? {},
    id: null as string | null,
    submit(): string {
      if (submitted) {
        throw new SuiteScriptError(
          'FAILED_TO_SUBMIT_JOB_REQUEST_1',
          `Failed to submit job request: task already submitted (${submitted})`,
        );
      }
      ctx.charge(
        `task.${taskType === 'MAP_REDUCE' ? 'MapReduceScriptTask' : 'ScheduledScriptTask'}.submit`,
        20,
      );
      const entry = submitTask(
        accountOf(ctx),
        taskType as 'SCHEDULED_SCRIPT' | 'MAP_REDUCE',
        t.scriptId,
        t.deploymentId,
        t.params,
        {
          scriptId: ctx.script.scriptId,
          deploymentId: ctx.script.deploymentId,
          executionId: ctx.executionId,
        },
      );
      submitted = entry.taskId;
      t.id = entry.taskId;
      // "if a map/reduce script uses the submit() method to resubmit itself ... no task ID is returned"
      const self =
        entry.scriptId === ctx.script.scriptId.toLowerCase() &&
        entry.deploymentId === ctx.script.deploymentId.toLowerCase();
      if (taskType === 'MAP_REDUCE' && self) return null as unknown as string;
      return entry.taskId;
    },
    addInboundDependency() {
      throw new SuiteScriptError('SSS_NOT_YET_SUPPORTED', 'addInboundDependency is not emulated');
    },
    toString: () => (taskType === 'MAP_REDUCE' ? 'MapReduceScriptTask' : 'ScheduledScriptTask'),
  };
  return t;
}

export function createTaskModule(ctx: ExecutionContext): typeof taskTypes {
  const create = (options: {
    taskType?: string;
    scriptId?: string | number;
    deploymentId?: string;
    params?: unknown;
  }) => {
    if (!options || typeof options !== 'object' || !options.taskType) {
      throw new SuiteScriptError(
        'SSS_MISSING_REQD_ARGUMENT',
        'task.create: Missing a required argument: taskType',
      );
    }
    const taskType = String(options.taskType).toUpperCase();
    if (!(taskType in TaskType)) {
      throw new SuiteScriptError('INVALID_TASK_TYPE', `task.create: invalid task type ${options.taskType}`);
    }
    if (taskType === 'CSV_IMPORT') {
      ctx.charge('task.create', 0);
      return createCsvImportTask(ctx, options as Record<string, unknown>);
    }
    if (taskType === 'SEARCH') {
      ctx.charge('task.create', 0);
      return createSearchTask(ctx, options as Record<string, unknown>);
    }
    if (taskType !== 'SCHEDULED_SCRIPT' && taskType !== 'MAP_REDUCE') {
      throw new SuiteScriptError('SSS_NOT_YET_SUPPORTED', `task type ${taskType} is not emulated`);
    }
    ctx.charge('task.create', 0);
    return scriptTask(ctx, taskType, options);
  };

  const checkStatus = (options: { taskId: string }) => {
    const id = typeof options === 'string' ? options : options?.taskId;
    if (!id)
      throw new SuiteScriptError(
        'SSS_MISSING_REQD_ARGUMENT',
        'task.checkStatus: Missing a required argument: taskId',
      );
    ctx.charge('task.checkStatus', 0);
    const t = accountOf(ctx).tasks.get(String(id));
    if (!t) throw new SuiteScriptError('INVALID_TASK_ID', `task.checkStatus: no task with id ${id}`);
    return statusOf(t);
  };

  return { create, checkStatus, TaskType, TaskStatus, MapReduceStage } as unknown as typeof taskTypes;
}

const once = (ctx: ExecutionContext, what: string, submitted: string | null) => {
  void ctx;
  if (submitted) {
    throw new SuiteScriptError(
      'FAILED_TO_SUBMIT_JOB_REQUEST_1',
      `Failed to submit job request: ${what} already submitted (${submitted})`,
    );
  }
};

/** CSV text of an importFile: a file.File (getContents) or the raw CSV string. */
function csvText(importFile: unknown): string | undefined {
  if (typeof importFile === 'string') return importFile;
  if (
    importFile &&
    typeof importFile === 'object' &&
    typeof (importFile as { getContents?: unknown }).getContents === 'function'
  ) {
    return String((importFile as { getContents(): unknown }).getContents());
  }
  return undefined;
}

function createCsvImportTask(ctx: ExecutionContext, options: Record<string, unknown>) {
  let submitted: string | null = null;
  const t = {
    id: null as string | null,
    importFile: options.importFile as unknown,
    mappingId: options.mappingId as string | number | undefined,
    linkedFiles: options.linkedFiles as unknown,
    name: options.name as string | undefined,
    queueId: options.queueId as number | undefined,
    submit(): string {
      once(ctx, 'CSV import task', submitted);
      ctx.charge('task.CsvImportTask.submit', 100);
      if (t.mappingId === undefined || t.mappingId === null || t.mappingId === '') {
        throw new SuiteScriptError(
          'SSS_MISSING_REQD_ARGUMENT',
          'CsvImportTask.submit: Missing a required argument: mappingId',
        );
      }
      const csv = csvText(t.importFile);
      if (csv === undefined) {
        throw new SuiteScriptError(
          'SSS_MISSING_REQD_ARGUMENT',
          'CsvImportTask.submit: Missing a required argument: importFile',
        );
      }
      if (t.linkedFiles && Object.keys(t.linkedFiles as object).length > 0) {
        throw new SuiteScriptError(
          'SSS_NOT_YET_SUPPORTED',
          'CsvImportTask.linkedFiles (multi-file imports) are not emulated',
        );
      }
      const account = accountOf(ctx);
      const mapping = account.savedCsvImport(t.mappingId);
      if (!mapping) {
        throw new SuiteScriptError(
          'FAILED_TO_SUBMIT_JOB_REQUEST_1',
          `Failed to submit job request: no saved CSV import ${String(t.mappingId)}`,
        );
      }
      const entry = account.tasks.add({
        taskType: 'CSV_IMPORT',
        scriptId: '',
        deploymentId: '',
        params: {},
        status: 'PENDING',
        submittedAt: account.now(),
        submittedBy: ctx.executionId,
        payload: { mapping, csv, name: t.name ?? mapping.name },
      });
      submitted = entry.taskId;
      t.id = entry.taskId;
      return entry.taskId;
    },
    toString: () => 'CsvImportTask',
  };
  return t;
}

function createSearchTask(ctx: ExecutionContext, options: Record<string, unknown>) {
  let submitted: string | null = null;
  const t = {
    id: null as string | null,
    savedSearchId: options.savedSearchId as string | number | undefined,
    fileId: options.fileId as number | undefined,
    filePath: options.filePath as string | undefined,
    submit(): string {
      once(ctx, 'search task', submitted);
      ctx.charge('task.SearchTask.submit', 100);
      if (t.savedSearchId === undefined || t.savedSearchId === null || t.savedSearchId === '') {
        throw new SuiteScriptError(
          'SSS_MISSING_REQD_ARGUMENT',
          'SearchTask.submit: Missing a required argument: savedSearchId',
        );
      }
      const hasId = t.fileId !== undefined && t.fileId !== null && String(t.fileId) !== '';
      const hasPath = t.filePath !== undefined && t.filePath !== null && t.filePath !== '';
      if (hasId && hasPath) {
        throw new SuiteScriptError(
          'MUTUALLY_EXCLUSIVE_ARGUMENTS',
          'SearchTask: fileId and filePath are mutually exclusive',
        );
      }
      if (!hasId && !hasPath) {
        throw new SuiteScriptError(
          'SSS_MISSING_REQD_ARGUMENT',
          'SearchTask.submit: Missing a required argument: fileId or filePath',
        );
      }
      const account = accountOf(ctx);
      const entry = account.tasks.add({
        taskType: 'SEARCH',
        scriptId: '',
        deploymentId: '',
        params: {},
        status: 'PENDING',
        submittedAt: account.now(),
        submittedBy: ctx.executionId,
        payload: {
          savedSearchId: t.savedSearchId,
          fileId: hasId ? t.fileId : undefined,
          filePath: hasPath ? t.filePath : undefined,
        },
      });
      submitted = entry.taskId;
      t.id = entry.taskId;
      return entry.taskId;
    },
    addInboundDependency() {
      throw new SuiteScriptError('SSS_NOT_YET_SUPPORTED', 'addInboundDependency is not emulated');
    },
    toString: () => 'SearchTask',
  };
  return t;
}
