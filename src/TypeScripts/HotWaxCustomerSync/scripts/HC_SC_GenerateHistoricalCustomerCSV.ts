/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 */
import type { EntryPoints } from 'N/types';
import * as log from 'N/log';
import * as runtime from 'N/runtime';
import { hello } from '../lib/HC_CustomerSyncLib';

export function execute(_context: EntryPoints.Scheduled.executeContext): void {
  log.audit({ title: 'HC_SC_GenerateHistoricalCustomerCSV', details: hello(runtime.getCurrentScript().id) });
}
