/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 */
import type { EntryPoints } from 'N/types';
import * as log from 'N/log';

export function getInputData(): unknown[] {
  return [];
}
export function map(_context: EntryPoints.MapReduce.mapContext): void {}
export function reduce(_context: EntryPoints.MapReduce.reduceContext): void {}
export function summarize(_context: EntryPoints.MapReduce.summarizeContext): void {
  log.audit({ title: 'HC_MR_ExportedCustomerCSV', details: 'placeholder' });
}
