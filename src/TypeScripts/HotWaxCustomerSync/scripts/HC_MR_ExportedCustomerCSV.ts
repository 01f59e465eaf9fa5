/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 */
import type { EntryPoints } from 'N/types';
import * as log from 'N/log';
import * as runtime from 'N/runtime';

/** Script parameters, declared in src/Objects/customscript_export_customer.xml. */
const PARAMS = {
  sftpConfig: 'custscript_hc_exp_sftp_config',
  sftpDirectory: 'custscript_hc_exp_sftp_directory',
  maxRowsPerFile: 'custscript_hc_exp_max_rows_per_file',
  settleSeconds: 'custscript_hc_exp_settle_seconds',
  legacyCursorField: 'custscript_hc_exp_legacy_cursor_field',
} as const;

export function getInputData(): unknown[] {
  const script = runtime.getCurrentScript();
  const values = Object.entries(PARAMS).map(([key, name]) => [key, script.getParameter({ name })]);
  log.debug({ title: 'HC_MR_ExportedCustomerCSV parameters', details: JSON.stringify(values) });
  return [];
}
export function map(_context: EntryPoints.MapReduce.mapContext): void {}
export function reduce(_context: EntryPoints.MapReduce.reduceContext): void {}
export function summarize(_context: EntryPoints.MapReduce.summarizeContext): void {
  log.audit({ title: 'HC_MR_ExportedCustomerCSV', details: 'placeholder' });
}
