// The SuiteScript files this project ships: shared by the build, the SDF validator and the tests.
export const SRC_DIR = 'src/TypeScripts/HotWaxCustomerSync';
export const OUT_DIR = 'src/FileCabinet/SuiteScripts/HotWaxCustomerSync';
export const FILE_CABINET_PATH = '/SuiteScripts/HotWaxCustomerSync';

export const LIBRARY = { source: 'lib/HC_CustomerSyncLib.ts', output: 'lib/HC_CustomerSyncLib.js' };

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
