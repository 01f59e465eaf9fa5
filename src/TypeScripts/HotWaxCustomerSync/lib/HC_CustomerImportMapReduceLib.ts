/**
 * HC_CustomerImportMapReduceLib: HC_MR_ImportCustomer's library (./lib/HC_CustomerImportMapReduceLib),
 * loaded by that map/reduce only, so that the scripts which load HC_CustomerSyncLib on every execution
 * do not parse its code. What it uses of the main library (the scheduled path's feed and row code,
 * checkpoints, SFTP) is imported from that module at run time, never copied: the build
 * (rollup.config.mjs) resolves those imports to ./HC_CustomerSyncLib.
 *
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */
export {
  ROWS_PER_KEY,
  MAX_GROUP_ROWS,
  batchKey,
  handoffOptions,
  heldHandoff,
  planHandoff,
  reduceBatch,
  giveBackFromPlan,
  feedTexts,
  isTextKey,
  textKey,
} from '../sync/customerImportMapReduce';
export { finishHandoff } from '../sync/customerImportSummarize';
export type { ReduceBatch, KeyOutcome, HandoffPlan, FeedTextPiece } from '../sync/customerImportMapReduce';
export { referenceAnswers, answeringFrom } from '../sync/referenceAnswers';
export type { ReferenceAnswers } from '../sync/referenceAnswers';
