/**
 * N/search enums, limits and error codes.
 *
 * Limits (NetSuite help, N/search module pages; docs/CONTRACTS.md §6-7):
 * - ResultSet.each iterates at most 4,000 results; ResultSet.getRange returns at most 1,000 per call
 *   ("you can only return 1,000 at a time", help page "ResultSet.getRange(options)").
 * - Search.runPaged: pageSize 5–1,000 (default 50), at most 1,000 pages (help page
 *   "Search.runPaged(options)"); PagedData.fetch with a bad index throws INVALID_PAGE_RANGE
 *   "Invalid page range." (help page "PagedData.fetch(options)").
 * - Unverified codes (kept in ERROR_CODES so they are easy to correct): the getRange over 1,000 and
 *   the runPaged page size errors.
 */

export const ERROR_CODES = {
  /** getRange asked for more than 1,000 rows (code unverified). */
  rangeTooLarge: 'SSS_INVALID_SEARCH_RANGE',
  /** runPaged pageSize outside 5–1,000 (code unverified). */
  pageSize: 'INVALID_PAGE_SIZE',
  /** PagedData.fetch index (help page "PagedData.fetch(options)"). */
  pageRange: 'INVALID_PAGE_RANGE',
};

export const LIMITS = {
  each: 4000,
  getRange: 1000,
  minPageSize: 5,
  maxPageSize: 1000,
  maxPages: 1000,
} as const;

const OPERATORS = [
  'AFTER',
  'ALLOF',
  'ANY',
  'ANYOF',
  'BEFORE',
  'BETWEEN',
  'CONTAINS',
  'DOESNOTCONTAIN',
  'DOESNOTSTARTWITH',
  'EQUALTO',
  'GREATERTHAN',
  'GREATERTHANOREQUALTO',
  'HASKEYWORDS',
  'IS',
  'ISEMPTY',
  'ISNOT',
  'ISNOTEMPTY',
  'LESSTHAN',
  'LESSTHANOREQUALTO',
  'NONEOF',
  'NOTAFTER',
  'NOTALLOF',
  'NOTBEFORE',
  'NOTBETWEEN',
  'NOTEQUALTO',
  'NOTGREATERTHAN',
  'NOTGREATERTHANOREQUALTO',
  'NOTLESSTHAN',
  'NOTLESSTHANOREQUALTO',
  'NOTON',
  'NOTONORAFTER',
  'NOTONORBEFORE',
  'NOTWITHIN',
  'ON',
  'ONORAFTER',
  'ONORBEFORE',
  'STARTSWITH',
  'WITHIN',
];
export const Operator = Object.freeze(Object.fromEntries(OPERATORS.map((o) => [o, o.toLowerCase()])));
export const OPERATOR_SET = new Set(OPERATORS.map((o) => o.toLowerCase()));
export const Summary = Object.freeze({
  GROUP: 'group',
  COUNT: 'count',
  SUM: 'sum',
  AVG: 'avg',
  MIN: 'min',
  MAX: 'max',
});
export const Sort = Object.freeze({ ASC: 'ASC', DESC: 'DESC', NONE: 'NONE' });
export const SearchType = Object.freeze({
  CUSTOMER: 'customer',
  CUSTOMER_STATUS: 'customerstatus',
  SUBSIDIARY: 'subsidiary',
  EMPLOYEE: 'employee',
  FOLDER: 'folder',
  FILE: 'file',
  SAVED_SEARCH: 'savedsearch',
  CUSTOM_RECORD: 'customrecord',
  CAMPAIGN: 'campaign',
  ENTITY: 'entity',
  TRANSACTION: 'transaction',
  SALES_ORDER: 'salesorder',
});

export type Opts = Record<string, unknown>;
