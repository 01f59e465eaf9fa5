/**
 * The HotWax file contracts (docs/CONTRACTS.md, "Files"): the headers of the files the sync writes
 * and the customer feed's column table. Constants only (the command line reads the dry-run report
 * with the same header); customerFeed.ts reads a feed through them.
 */
import type { ColumnSpec } from './csv';

/** 2b: NETSUITE_CUSTOMER_ID identifications sent back to HotWax (`customer/import/`). */
export const PARTY_IDENTIFICATION_HEADER = ['partyId', 'partyIdentificationTypeId', 'idValue'] as const;

/** 2c: historical customers for HotWax's party import (`historicalshopifycustomer/csv/`). */
export const HISTORICAL_CUSTOMER_HEADER = [
  'first-name',
  'last-name',
  'external-id',
  'party-identifications',
] as const;

/** 2d: per-row error report written next to a failed or partly failed feed (read by people). */
export const ERROR_REPORT_HEADER = [
  'fileName',
  'lineNumber',
  'HCCustomerId',
  'errorCode',
  'errorMessage',
] as const;

/** The dry run's per-row verdicts (customer/export/dry_run/<feed>-<modified UTC>-dry-run.csv, read by people and check-feed). */
export const DRY_RUN_REPORT_HEADER = [
  'fileName',
  'lineNumber',
  'HCCustomerId',
  'outcome',
  'customerId',
  'errorCode',
  'errorMessage',
] as const;

/**
 * The customer feed (2a): THE header alias table. HotWax builds the header from a map's keys, so order
 * is not fixed. Header names are compared ignoring case, spaces, underscores and dashes
 * (`normalizeHeaderName`), so "First Name", "first_name" and "FIRST-NAME" are one name; the aliases
 * list every other spelling HotWax is known to have sent (docs/CONTRACTS.md §2a: the pre-2025 Title
 * Case headers; "Subsdiary" is HotWax's own misspelling, seen in merchants' feeds). docs/ARCHITECTURE.md
 * "Feed headers" documents the same table.
 *
 * The key column: `HCCustomerId`. A legacy Title Case feed has none and carries HotWax's customer id
 * in its "External Id" column (written with a space): see `readCustomerFeed`.
 */
export const CUSTOMER_FEED_COLUMNS = [
  { name: 'HCCustomerId', aliases: ['HC Customer Id', 'HC Customer ID'], required: true },
  { name: 'firstName', aliases: ['First Name'] },
  { name: 'lastName', aliases: ['Last Name'] },
  { name: 'email', aliases: ['Email'] },
  { name: 'phone', aliases: ['Phone'] },
  { name: 'HCShopifyCustomerId', aliases: ['HC Shopify Customer Id', 'HC Shopify Customer ID'] },
  { name: 'externalId', aliases: ['External Id', 'External ID'] },
  { name: 'individual', aliases: ['Individual'] },
  { name: 'status', aliases: ['Status'] },
  { name: 'subsidiary', aliases: ['Subsidiary', 'Subsdiary'] },
  { name: 'taxable', aliases: ['Taxable'] },
  { name: 'defaultOrderPriority', aliases: ['Default Order Priority'] },
  { name: 'accountSource', aliases: ['Account Origin'] },
  { name: 'companyName', aliases: ['Company Name'] },
] as const satisfies readonly ColumnSpec[];

export type CustomerFeedColumn = (typeof CUSTOMER_FEED_COLUMNS)[number]['name'];

/**
 * 2a: the header HotWax's generate_CustomerFeed writes today, in its map's key order. The import never
 * relies on it (columns are matched by name through CUSTOMER_FEED_COLUMNS); the simulated HotWax and
 * the tests write their feeds with it, and test/lib/csv.test.ts pins it to the contract.
 */
export const HOTWAX_FEED_HEADER = [
  'HCCustomerId',
  'firstName',
  'lastName',
  'email',
  'phone',
  'HCShopifyCustomerId',
  'externalId',
  'individual',
  'status',
  'taxable',
  'defaultOrderPriority',
  'subsidiary',
] as const satisfies readonly CustomerFeedColumn[];
