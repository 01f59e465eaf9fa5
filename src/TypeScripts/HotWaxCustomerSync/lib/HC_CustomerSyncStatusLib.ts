/**
 * HC_CustomerSyncStatusLib: the status page's library (./lib/HC_CustomerSyncStatusLib), loaded by
 * the Suitelet HC_SL_CustomerSync only, so that the scheduled and map/reduce scripts, which load
 * HC_CustomerSyncLib on every execution, do not parse the page's code. What it uses of the main
 * library (checkpoints, run history, SFTP, the import's dry run) is imported from that module at run
 * time, never copied: the build (rollup.config.mjs) resolves those imports to ./HC_CustomerSyncLib.
 *
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */

export {
  NetSuiteStatusSources,
  listWaitingFeeds,
  importSettings,
  dryRunOneFeed,
} from '../adapters/statusSources';
export { testSftpConnection } from '../adapters/sftpTest';
export { renderStatusForm } from '../adapters/statusForm';
export {
  SYNC_SCRIPTS,
  ON_DEMAND,
  PARAM,
  ACTIONS,
  ACTION_LABELS,
  REPORT_FOLDERS,
  buildPage,
  pageView,
  renderPage,
  pieceHtml,
  FLOWS,
  flowVerdict,
  importLoad,
  contentDisposition,
  fixFor,
  ERROR_FIXES,
  runAction,
  csrfMatches,
  refusedForToken,
  reportRequest,
  outcomeText,
  instanceRuns,
  esc,
} from '../sync/statusPage';
export type { PageModel, PageView, StatusSources, ActionResult } from '../sync/statusPage';
