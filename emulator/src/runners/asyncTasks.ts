/**
 * The task types N/task queues besides scripts: CSV import jobs and search tasks, run by the Scheduler
 * like SuiteCloud Processors run them.
 *
 * CSV import (help "task.CsvImportTask", "CsvImportTask.submit()", "Importing CSV Files with the Import
 * Assistant", "CSV Import Job Status"): each data row of the file is one record, set through N/record as
 * the Import Assistant does (the record's own validation applies: a row that fails is reported with its
 * line number and NetSuite's message and the others go on). Data handling: ADD creates; UPDATE loads the
 * record matched by an `internalid` mapping, else by `externalid`, and fails a row that matches nothing;
 * ADDUPDATE updates a match and adds otherwise. With multi-threading the rows run on several threads
 * (their order of processing interleaves, reproducibly from the account seed; 5 threads, unverified).
 * The job ends COMPLETE with its row results in result.csvImport (FAILED only if the file is unreadable).
 *
 * Search task (help "task.SearchTask", "SearchTask.submit()"): runs a saved search and writes its results
 * as CSV (a header of the column labels, then one line per result, texts where a column has one) to the
 * File Cabinet file given by fileId (overwritten) or filePath (created or replaced).
 */
import type { Account } from '../account';
import { JobClock } from '../core/clock';
import type { CsvImportResult, TaskEntry } from '../core/tasks';
import { parseCsv, type SavedCsvImport } from '../data/savedCsvImports';
import type { ExecutionResult } from './types';
import { Execution, serializeError } from './execution';
import { finish } from './scheduled';
import { seededRandom } from './mapReduce';

const THREADS_WITH_MULTITHREADING = 5;

/** An execution for a task job (no script file); `at`: a row's thread clock, else a new job started now. */
function taskExecution(
  account: Account,
  task: TaskEntry,
  contextType: string,
  name: string,
  at?: JobClock,
  executionId?: string,
): Execution {
  const script = {
    scriptId: name,
    internalId: 0,
    name,
    kind: 'SCHEDULED' as const,
    scriptFile: '',
    params: {},
    deployments: [],
  };
  const exec = new Execution({
    account,
    script,
    deployment: {
      deploymentId: task.taskId.toLowerCase(),
      status: 'NOTSCHEDULED',
      isDeployed: true,
      logLevel: 'DEBUG',
      params: {},
    },
    task,
    limit: Number.MAX_SAFE_INTEGER,
    contextType,
    clock: at ? new JobClock(at.nowMs()) : undefined,
    executionId,
  });
  if (!at) exec.clock.advance(account.overheads.jobStartMs);
  return exec;
}

interface RecordLike {
  setValue(o: { fieldId: string; value: unknown }): unknown;
  setText(o: { fieldId: string; text: string }): unknown;
  save(o?: unknown): number;
}
interface RecordModuleLike {
  create(o: { type: string; isDynamic?: boolean }): RecordLike;
  load(o: { type: string; id: number | string; isDynamic?: boolean }): RecordLike;
}

/** Sets one CSV cell on a record by the field's type, as the Import Assistant reads text. */
function setCell(
  account: Account,
  rec: RecordLike,
  type: string,
  fieldId: string,
  raw: string,
  decimal: string,
): void {
  let fieldType = 'TEXT';
  try {
    const def = account.records.typeDef(type) as unknown as { fields?: Record<string, { type?: string }> };
    fieldType = String(def.fields?.[fieldId]?.type ?? 'TEXT').toUpperCase();
  } catch {
    fieldType = 'TEXT';
  }
  const v = raw.trim();
  if (fieldType === 'CHECKBOX') {
    rec.setValue({ fieldId, value: ['T', 'TRUE', 'YES', 'Y', '1'].includes(v.toUpperCase()) });
  } else if (
    ['INTEGER', 'FLOAT', 'CURRENCY', 'PERCENT', 'POSCURRENCY', 'POSFLOAT', 'POSINTEGER'].includes(fieldType)
  ) {
    const n = Number(decimal === 'COMMA' ? v.replace(/\./g, '').replace(',', '.') : v.replace(/,/g, ''));
    rec.setValue({ fieldId, value: v === '' ? '' : Number.isNaN(n) ? v : n });
  } else if (
    fieldType === 'SELECT' ||
    fieldType === 'DATE' ||
    fieldType === 'DATETIME' ||
    fieldType === 'DATETIMETZ'
  ) {
    if (fieldType === 'SELECT' && /^\d+$/.test(v)) rec.setValue({ fieldId, value: Number(v) });
    else if (v !== '') rec.setText({ fieldId, text: v });
  } else rec.setValue({ fieldId, value: raw });
}

type CsvImportOutcome = Pick<CsvImportResult, 'records' | 'added' | 'updated'>;

/** One data row: matched by internal or external id (UPDATE, ADDUPDATE), its cells set, saved. */
function importRow(
  account: Account,
  map: SavedCsvImport,
  rec: RecordModuleLike,
  values: Map<string, string>,
  line: number,
  result: CsvImportOutcome,
): void {
  const internalId = values.get('internalid')?.trim();
  const externalId = values.get('externalid')?.trim();
  let matchId: number | undefined;
  if (map.dataHandling !== 'ADD') {
    if (internalId)
      matchId = account.records.get(map.recordType, internalId) ? Number(internalId) : undefined;
    else if (externalId) matchId = account.records.findByExternalId(map.recordType, externalId)?.id;
  }
  if (map.dataHandling === 'UPDATE' && matchId === undefined) {
    throw new Error(
      internalId || externalId
        ? `No ${map.recordType} record matches ${internalId ? `internal id ${internalId}` : `external id ${externalId}`}`
        : 'An update needs the internal id or the external id mapped',
    );
  }
  const r =
    matchId === undefined
      ? rec.create({ type: map.recordType })
      : rec.load({ type: map.recordType, id: matchId });
  for (const [fieldId, raw] of values) {
    if (fieldId === 'internalid') continue;
    setCell(account, r, map.recordType, fieldId, raw, map.decimalDelimiter);
  }
  const id = r.save();
  const action = matchId === undefined ? 'ADD' : 'UPDATE';
  result.records.push({ line, id, action });
  if (action === 'ADD') result.added += 1;
  else result.updated += 1;
}

export function runCsvImport(account: Account, task: TaskEntry): ExecutionResult {
  task.status = 'PROCESSING';
  const exec = taskExecution(account, task, 'CSVIMPORT', 'csvimport');
  const logStart = account.logs.length;
  const map = task.payload?.mapping as SavedCsvImport;
  const csv = String(task.payload?.csv ?? '');
  const result = {
    mappingId: map.scriptId,
    recordType: map.recordType,
    dataHandling: map.dataHandling,
    total: 0,
    added: 0,
    updated: 0,
    failed: [] as Array<{ line: number; error: string }>,
    records: [] as Array<{ line: number; id: number; action: 'ADD' | 'UPDATE' }>,
    threads: map.multithreading ? THREADS_WITH_MULTITHREADING : 1,
  };
  let status: 'COMPLETE' | 'FAILED' = 'COMPLETE';
  let error: unknown;
  let endMs = exec.clock.nowMs();
  try {
    const rows = parseCsv(csv, map.columnDelimiter);
    const header = (rows.shift() ?? []).map((h) => h.trim());
    const main = map.records.find((r) => !r.record.includes(':')) ?? map.records[0];
    if (!main) throw new Error(`saved CSV import ${map.scriptId} maps no record`);
    // threads: each its own clock; rows dealt to the thread that is free first (ties: seeded)
    const random = seededRandom(account.seed);
    const threads = Array.from({ length: result.threads }, () => new JobClock(exec.clock.nowMs()));
    const rowsWithLine = rows.map((cells, i) => ({ cells, line: i + 2 }));
    result.total = rowsWithLine.length;
    const order = result.threads > 1 ? shuffleBy(rowsWithLine, random) : rowsWithLine;
    for (const { cells, line } of order) {
      const thread = threads.reduce((a, b) => (b.nowMs() < a.nowMs() ? b : a));
      // the row runs on its thread's clock, with the job's execution id for its logs
      const rowExec = taskExecution(account, task, 'CSVIMPORT', 'csvimport', thread, exec.executionId);
      const rec = rowExec.module('N/record') as RecordModuleLike;
      const values = new Map<string, string>();
      for (const f of main.fields) {
        if (f.column !== undefined) {
          const i = header.findIndex((h) => h.toLowerCase() === f.column!.toLowerCase());
          values.set(f.field, i >= 0 ? (cells[i] ?? '') : '');
        } else values.set(f.field, f.value ?? '');
      }
      try {
        rowExec.run(() => importRow(account, map, rec, values, line, result));
      } catch (e) {
        result.failed.push({ line, error: serializeError(e).message });
      }
      thread.advance(rowExec.clock.elapsedMs);
    }
    result.failed.sort((a, b) => a.line - b.line);
    result.records.sort((a, b) => a.line - b.line);
    endMs = Math.max(endMs, ...threads.map((t) => t.nowMs()));
  } catch (e) {
    status = 'FAILED';
    error = e;
  }
  return finish(account, exec, task, logStart, status, error, {
    kind: 'CSV_IMPORT',
    csvImport: result,
    modeledMs: endMs - exec.clock.startMs,
    endedAt: new Date(endMs),
  });
}

function shuffleBy<T>(xs: T[], random: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function runSearchTask(account: Account, task: TaskEntry): ExecutionResult {
  task.status = 'PROCESSING';
  const exec = taskExecution(account, task, 'SCHEDULED', 'searchtask');
  const logStart = account.logs.length;
  let status: 'COMPLETE' | 'FAILED' = 'COMPLETE';
  let error: unknown;
  try {
    exec.run(() => {
      const search = exec.module('N/search') as {
        load(o: { id: unknown }): {
          columns: Array<{ name: string; label?: string; join?: string; summary?: string }>;
          runPaged(o: { pageSize: number }): {
            pageRanges: Array<{ index: number }>;
            fetch(o: { index: number }): {
              data: Array<{ getValue(c: unknown): unknown; getText(c: unknown): unknown }>;
            };
          };
        };
      };
      const s = search.load({ id: task.payload?.savedSearchId });
      const cols = s.columns ?? [];
      const lines = [cols.map((c) => csvCell(String(c.label || c.name))).join(',')];
      const paged = s.runPaged({ pageSize: 1000 });
      for (const range of paged.pageRanges) {
        for (const r of paged.fetch({ index: range.index }).data) {
          lines.push(
            cols
              .map((c) => {
                let t: unknown = null;
                try {
                  t = r.getText(c);
                } catch {
                  t = null;
                }
                const v = t !== null && t !== undefined && t !== '' ? t : r.getValue(c);
                return csvCell(v === null || v === undefined ? '' : String(v));
              })
              .join(','),
          );
        }
      }
      const contents = lines.join('\r\n') + '\r\n';
      const fileId = task.payload?.fileId;
      if (fileId !== undefined && fileId !== null && fileId !== '') {
        const f = account.files.get(fileId as number);
        if (!f) throw new Error(`No File Cabinet file with id ${String(fileId)}`);
        account.files.save({ ...f, contents, id: f.id });
        task.payload = { ...task.payload, resolvedFileId: f.id };
      } else {
        const id = account.files.putText(String(task.payload?.filePath), contents, 'CSV');
        task.payload = { ...task.payload, resolvedFileId: id };
      }
      exec.clock.advance(account.latency['File.save'] ?? 200);
    });
  } catch (e) {
    status = 'FAILED';
    error = e;
  }
  exec.addUsage(exec.meter);
  return finish(account, exec, task, logStart, status, error, { kind: 'SEARCH' });
}
