/**
 * HC_CustomerExportLib: HC_MR_ExportedCustomerCSV's library (./lib/HC_CustomerExportLib), loaded by
 * that map/reduce only, so that the scripts which load HC_CustomerSyncLib on every execution do not
 * parse its code: the id export's logic and selection as well. What it uses of the main library
 * (checkpoints, SFTP, run history) is imported from that module at run time, never copied (rollup.config.mjs).
 *
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */
export {
  CHECKPOINT_ID_COLUMN,
  CheckpointById,
  cachedCheckpoint,
  withCheckpointColumn,
} from '../adapters/exportCheckpoint';
export { planAndSave, sendExport } from '../sync/idExport';
export type { ExportState, ExportedCustomer } from '../sync/idExport';
export { selectForExport, stampCustomer } from '../adapters/exportedCustomers';
