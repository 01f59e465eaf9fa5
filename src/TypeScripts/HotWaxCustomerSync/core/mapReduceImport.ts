/**
 * HC_MR_ImportCustomer as HC_SC_ImportCustomer knows it: the handoff's sizes (its ids: IMPORT_CUSTOMER_MR,
 * core/scriptIds.ts).
 * The map/reduce's own code is in sync/customerImportMapReduce.ts, shipped in its own library module
 * (lib/HC_CustomerImportMapReduceLib.js), which only HC_MR_ImportCustomer loads.
 */
/**
 * Default of custscript_hc_imp_mr_min_rows: one 10,000-unit scheduled execution creates about 636
 * customers (15.6 units each, bench/README.md), so a backlog of 600 rows or more would need a second
 * execution on the scheduled path.
 */
export const DEFAULT_HANDOFF_ROWS = 600;
/**
 * Feeds one handoff takes: summarize writes each one's reports and archive move (about 150 units for a
 * feed with errors), well inside its 10,000 units; getInputData downloads each (100) and searches 500
 * rows at a time (10 units per 1,000 matches).
 */
export const MAX_HANDOFF_FEEDS = 25;
