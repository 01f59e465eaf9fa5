/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 */
import type { EntryPoints } from 'N/types';
import * as log from 'N/log';
import * as runtime from 'N/runtime';
import { hello } from '../lib/HC_CustomerSyncLib';

/** Script parameters, declared in src/Objects/customscript_upload_hist_shop_customer.xml. */
const PARAMS = {
  sftpConfig: 'custscript_hc_uhc_sftp_config',
  sftpDirectory: 'custscript_hc_uhc_sftp_directory',
  sourceFolder: 'custscript_hc_uhc_source_folder',
  archiveFolder: 'custscript_hc_uhc_archive_folder',
} as const;

export function execute(_context: EntryPoints.Scheduled.executeContext): void {
  const script = runtime.getCurrentScript();
  const values = Object.entries(PARAMS).map(([key, name]) => [key, script.getParameter({ name })]);
  log.debug({ title: 'HC_SC_UploadHistoricalCustomerCSV parameters', details: JSON.stringify(values) });
  log.audit({ title: 'HC_SC_UploadHistoricalCustomerCSV', details: hello(script.id) });
}
