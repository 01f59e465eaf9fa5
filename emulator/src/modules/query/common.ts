/**
 * What the Query objects of N/query share: the enums the module exposes (help "query.Operator",
 * "query.Aggregate", "query.ReturnType", "query.FieldContext") and the argument checks and errors.
 */
import type { ExecutionContext } from '../../core/context';
import { SuiteScriptError } from '../../core/errors';
import type { RecordStore } from '../../data/recordStore';

export const Operator = {
  AFTER: 'AFTER',
  AFTER_NOT: 'AFTER_NOT',
  ANY_OF: 'ANY_OF',
  ANY_OF_NOT: 'ANY_OF_NOT',
  BEFORE: 'BEFORE',
  BEFORE_NOT: 'BEFORE_NOT',
  BETWEEN: 'BETWEEN',
  BETWEEN_NOT: 'BETWEEN_NOT',
  CONTAIN: 'CONTAIN',
  CONTAIN_NOT: 'CONTAIN_NOT',
  EMPTY: 'EMPTY',
  EMPTY_NOT: 'EMPTY_NOT',
  ENDWITH: 'ENDWITH',
  ENDWITH_NOT: 'ENDWITH_NOT',
  EQUAL: 'EQUAL',
  EQUAL_NOT: 'EQUAL_NOT',
  EXCLUDE_ALL: 'MN_EXCLUDE',
  EXCLUDE_ANY: 'MN_EXCLUDE_ALL',
  EXCLUDE_EXACTLY: 'MN_EXCLUDE_EXACTLY',
  GREATER: 'GREATER',
  GREATER_NOT: 'GREATER_NOT',
  GREATER_OR_EQUAL: 'GREATER_OR_EQUAL',
  GREATER_OR_EQUAL_NOT: 'GREATER_OR_EQUAL_NOT',
  INCLUDE_ALL: 'MN_INCLUDE_ALL',
  INCLUDE_ANY: 'MN_INCLUDE',
  INCLUDE_EXACTLY: 'MN_INCLUDE_EXACTLY',
  IS: 'IS',
  IS_NOT: 'IS_NOT',
  LESS: 'LESS',
  LESS_NOT: 'LESS_NOT',
  LESS_OR_EQUAL: 'LESS_OR_EQUAL',
  LESS_OR_EQUAL_NOT: 'LESS_OR_EQUAL_NOT',
  ON: 'ON',
  ON_NOT: 'ON_NOT',
  ON_OR_AFTER: 'ON_OR_AFTER',
  ON_OR_AFTER_NOT: 'ON_OR_AFTER_NOT',
  ON_OR_BEFORE: 'ON_OR_BEFORE',
  ON_OR_BEFORE_NOT: 'ON_OR_BEFORE_NOT',
  START_WITH: 'START_WITH',
  START_WITH_NOT: 'START_WITH_NOT',
  WITHIN: 'WITHIN',
  WITHIN_NOT: 'WITHIN_NOT',
} as const;

export const Aggregate = {
  AVERAGE: 'AVERAGE',
  AVERAGE_DISTINCT: 'AVERAGE_DISTINCT',
  COUNT: 'COUNT',
  COUNT_DISTINCT: 'COUNT_DISTINCT',
  MAXIMUM: 'MAXIMUM',
  MAXIMUM_DISTINCT: 'MAXIMUM_DISTINCT',
  MEDIAN: 'MEDIAN',
  MINIMUM: 'MINIMUM',
  MINIMUM_DISTINCT: 'MINIMUM_DISTINCT',
  SUM: 'SUM',
  SUM_DISTINCT: 'SUM_DISTINCT',
} as const;

export const ReturnType = {
  ANY: 'ANY',
  BOOLEAN: 'BOOLEAN',
  CURRENCY: 'CURRENCY',
  DATE: 'DATE',
  DATETIME: 'DATETIME',
  DURATION: 'DURATION',
  FLOAT: 'FLOAT',
  INTEGER: 'INTEGER',
  KEY: 'KEY',
  RELATIONSHIP: 'RELATIONSHIP',
  STRING: 'STRING',
  UNKNOWN: 'UNKNOWN',
} as const;

export const FieldContext = {
  SIGN_CONSOLIDATED: 'SIGN_CONSOLIDATED',
  CONVERTED: 'CONVERTED',
  CURRENCY_CONSOLIDATED: 'CURRENCY_CONSOLIDATED',
  DISPLAY: 'DISPLAY',
  HIERARCHY: 'HIERARCHY',
  HIERARCHY_IDENTIFIER: 'HIERARCHY_IDENTIFIER',
  RAW: 'RAW',
} as const;

export const OPERATORS = new Set<string>(Object.values(Operator));
export const AGGREGATES = new Set<string>(Object.values(Aggregate));

export type Opts = Record<string, unknown>;
export const err = (code: string, msg: string) => new SuiteScriptError(code, msg);
export const unsupported = (what: string) => err('SSS_NOT_YET_SUPPORTED', `N/query: ${what} is not emulated`);
export const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length);

export function options(api: string, o: unknown): Opts {
  if (o === undefined || o === null)
    throw err('MISSING_REQD_ARGUMENT', `${api}: Missing a required argument: options`);
  if (typeof o !== 'object') throw err('WRONG_PARAMETER_TYPE', `${api}: options must be an object`);
  return o as Opts;
}

export interface QueryHost {
  ctx: ExecutionContext;
  store: RecordStore;
}
