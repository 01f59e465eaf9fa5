/**
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */
import { stringify } from 'csv-stringify/browser/esm/sync';

export {
  CSV_EOL,
  PARTY_IDENTIFICATION_HEADER,
  HISTORICAL_CUSTOMER_HEADER,
  ERROR_REPORT_HEADER,
  CUSTOMER_FEED_COLUMNS,
  toCsv,
  csvLine,
  parseCsvRecords,
  readCsv,
  normalizeHeaderName,
} from './csv';
export type {
  CsvCell,
  ColumnSpec,
  CustomerFeedColumn,
  ToCsvOptions,
  CsvProblemCode,
  CsvProblem,
  CsvRecord,
  ParsedCsv,
  ReadCsvOptions,
  CsvRow,
  ReadCsvResult,
} from './csv';

/** Placeholder used by the entry points until their logic lands. */
export function hello(x: string): string {
  return stringify([[x, 'a,b']]);
}
