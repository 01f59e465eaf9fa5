/**
 * Every script of the bundle with its name and ids (core/scriptIds.ts), by the key the simulation, the
 * command line and the tests use. Apart from scriptIds.ts so that no script's library carries it.
 */
import {
  GENERATE_HISTORICAL_CSV,
  UPLOAD_HISTORICAL_CSV,
  IMPORT_CUSTOMER,
  EXPORT_CUSTOMER_IDS,
  IMPORT_CUSTOMER_MR,
  CUSTOMER_SYNC_PAGE,
} from './scriptIds';

/** Every script of the bundle, by the key the simulation and the tests use. */
export const SCRIPT_IDS = {
  generate: { name: 'HC_SC_GenerateHistoricalCustomerCSV', ...GENERATE_HISTORICAL_CSV },
  upload: { name: 'HC_SC_UploadHistoricalCustomerCSV', ...UPLOAD_HISTORICAL_CSV },
  import: { name: 'HC_SC_ImportCustomer', ...IMPORT_CUSTOMER },
  export: { name: 'HC_MR_ExportedCustomerCSV', ...EXPORT_CUSTOMER_IDS },
  importMr: { name: 'HC_MR_ImportCustomer', ...IMPORT_CUSTOMER_MR },
  page: { name: 'HC_SL_CustomerSync', ...CUSTOMER_SYNC_PAGE },
} as const;
