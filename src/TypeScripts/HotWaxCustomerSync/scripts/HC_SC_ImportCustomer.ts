/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 */
import type { EntryPoints } from 'N/types';
import * as log from 'N/log';
import * as runtime from 'N/runtime';
import { hello } from '../lib/HC_CustomerSyncLib';

/** Script parameters, declared in src/Objects/customscript_imp_customer.xml. */
const PARAMS = {
  sftpConfig: 'custscript_hc_imp_sftp_config',
  sftpDirectory: 'custscript_hc_imp_sftp_directory',
  defaultSubsidiary: 'custscript_hc_imp_default_subsidiary',
  matchByEmail: 'custscript_hc_imp_match_by_email',
  fieldMap: 'custscript_hc_imp_field_map',
  dryRun: 'custscript_hc_imp_dry_run',
} as const;

export function execute(_context: EntryPoints.Scheduled.executeContext): void {
  const script = runtime.getCurrentScript();
  const values = Object.entries(PARAMS).map(([key, name]) => [key, script.getParameter({ name })]);
  log.debug({ title: 'HC_SC_ImportCustomer parameters', details: JSON.stringify(values) });
  log.audit({ title: 'HC_SC_ImportCustomer', details: hello(script.id) });
}
