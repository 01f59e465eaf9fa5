/**
 * HC_CustomerExportLib: HC_MR_ExportedCustomerCSV's library (./lib/HC_CustomerExportLib), loaded by
 * that map/reduce only, so that the scripts which load HC_CustomerSyncLib on every execution do not
 * parse its code. What it uses of the main library (CheckpointStore) is imported from that module at
 * run time, never copied (rollup.config.mjs).
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
