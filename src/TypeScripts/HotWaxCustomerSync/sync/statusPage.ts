/**
 * HC_SL_CustomerSync's logic: the administrator's status and control page of the customer sync.
 * What the page says (its view model: states, causes, fixes, counts, as text and pieces) is built
 * from small sources (run history, deployments, script instances, checkpoints, File Cabinet
 * folders, SFTP on request) by the sections under statusPage/; statusPage/html.ts renders it as
 * the page model (HTML cells, every text escaped there); adapters/statusForm.ts draws that with
 * N/ui/serverWidget. No N/ module here: adapters/statusSources.ts reads NetSuite.
 *
 * statusPage/constants.ts  scripts, deployments, parameters, actions, report folders, settings
 * statusPage/types.ts      sources, view model, page model
 * statusPage/page.ts       one page load: the data read once, the sections in order
 * statusPage/health.ts     the first screen: each flow's state, cause and fix
 * statusPage/*Tab.ts       the tabs
 * statusPage/fixes.ts      what to do per error code
 * statusPage/runs.ts       runs and script instances as the page tells them
 * statusPage/html.ts       the rendering
 * statusPage/actions.ts    run now, dry run, SFTP test
 */
export * from './statusPage/constants';
export * from './statusPage/types';
export { ERROR_FIXES, fixFor } from './statusPage/fixes';
export { outcomeText, instanceRuns, withInstanceFailures } from './statusPage/runs';
export { FLOWS, flowVerdict, healthRows, importLoad } from './statusPage/health';
export { esc, pieceHtml, richHtml, renderPage } from './statusPage/html';
export { buildPage, contentDisposition, pageData, pageView, reportRequest } from './statusPage/page';
export type { ViewDeps, ViewRequest } from './statusPage/page';
export { csrfMatches, refusedForToken, runAction } from './statusPage/actions';
export type { ActionDeps, ActionResult } from './statusPage/actions';
