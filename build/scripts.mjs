// The SuiteScript files this project ships: shared by the build, the SDF validator and the tests.
export const SRC_DIR = 'src/TypeScripts/HotWaxCustomerSync';
export const OUT_DIR = 'src/FileCabinet/SuiteScripts/HotWaxCustomerSync';
export const FILE_CABINET_PATH = '/SuiteScripts/HotWaxCustomerSync';

/** The library every script loads (CSV, SFTP, configuration, governance, checkpoints, each script's logic). */
export const LIBRARY = { source: 'lib/HC_CustomerSyncLib.ts', output: 'lib/HC_CustomerSyncLib.js' };
/** The status page's code, loaded by the Suitelet only; it loads LIBRARY for the rest. */
export const STATUS_LIBRARY = {
  source: 'lib/HC_CustomerSyncStatusLib.ts',
  output: 'lib/HC_CustomerSyncStatusLib.js',
};
/** HC_MR_ImportCustomer's code, loaded by that map/reduce only; it loads LIBRARY for the rest. */
export const IMPORT_MR_LIBRARY = {
  source: 'lib/HC_CustomerImportMapReduceLib.ts',
  output: 'lib/HC_CustomerImportMapReduceLib.js',
};
/** HC_MR_ExportedCustomerCSV's code, loaded by that map/reduce only; it loads LIBRARY for the rest. */
export const EXPORT_LIBRARY = {
  source: 'lib/HC_CustomerExportLib.ts',
  output: 'lib/HC_CustomerExportLib.js',
};
/** Every library module the build ships, LIBRARY first (the others are built against it). */
export const LIBRARIES = [LIBRARY, STATUS_LIBRARY, IMPORT_MR_LIBRARY, EXPORT_LIBRARY];
/** The size the main library must stay under (test/lib/librarySize.test.ts): every execution parses it. */
export const LIBRARY_MAX_BYTES = 150_000;

export const SCRIPTS = [
  {
    name: 'HC_SC_GenerateHistoricalCustomerCSV',
    scriptId: 'customscript_generate_hist_shop_customer',
    type: 'ScheduledScript',
  },
  {
    name: 'HC_SC_UploadHistoricalCustomerCSV',
    scriptId: 'customscript_upload_hist_shop_customer',
    type: 'ScheduledScript',
  },
  { name: 'HC_SC_ImportCustomer', scriptId: 'customscript_imp_customer', type: 'ScheduledScript' },
  { name: 'HC_MR_ExportedCustomerCSV', scriptId: 'customscript_export_customer', type: 'MapReduceScript' },
  { name: 'HC_MR_ImportCustomer', scriptId: 'customscript_hc_mr_import_customer', type: 'MapReduceScript' },
  { name: 'HC_SL_CustomerSync', scriptId: 'customscript_hc_sl_customer_sync', type: 'Suitelet' },
].map((s) => ({ ...s, source: `scripts/${s.name}.ts`, output: `${s.name}.js` }));
