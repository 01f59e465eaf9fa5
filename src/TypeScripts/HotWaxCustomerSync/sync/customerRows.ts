/**
 * One HotWax customer feed row (docs/CONTRACTS.md §2a) → the customer NetSuite should have.
 * Pure: validation and mapping only, no NetSuite calls.
 */

import { SyncError, SYNC_ERROR_CODES } from '../core/errors';
import type { CustomerFeedColumn } from '../core/hotwaxFiles';

export const CUSTOMER_FIELDS = {
  hcCustomerId: 'custentity_hc_customer_id',
  shopifyCustomerId: 'custentity_hc_shop_cust_id',
  syncStamp: 'custentity_hc_sync_stamp',
} as const;

/** A feed row's values by the columns' canonical (2025+) names (core/hotwaxFiles.ts). */
export type FeedValues = Partial<Record<CustomerFeedColumn, string>>;

export interface NewCustomer {
  hcCustomerId: string;
  shopifyCustomerId: string;
  externalId: string;
  isPerson: boolean;
  firstName: string;
  lastName: string;
  companyName: string;
  email: string;
  phone: string;
  statusName: string;
  subsidiary: string;
  leadSource: string;
  taxable: boolean | null;
  defaultOrderPriority: number | null;
  /** Further columns mapped to customer fields by the field map parameter. */
  extraFields: Record<string, string>;
}

export interface RowProblem {
  code: string;
  message: string;
  /** Rows missing required data also go to required_fields_missing/ so they can be fixed and dropped again. */
  missingRequired: boolean;
}

/** A row that cannot be imported: every problem it has (never only the first), and their codes joined. */
export interface RowRejection extends RowProblem {
  problems: RowProblem[];
}

export interface RowOptions {
  oneWorld: boolean;
  defaultSubsidiary: string;
  fieldMap: Record<string, string>;
}

/**
 * NetSuite's limits for the customer fields the import sets (SuiteScript Records Browser, customer;
 * the same limits the emulator enforces on save), in characters as NetSuite counts them (UTF-16 code
 * units: an emoji is 2). Free-form text custom fields (custentity_hc_customer_id,
 * custentity_hc_shop_cust_id) hold 300. Over-long values are refused, never cut (docs/ARCHITECTURE.md
 * "Row validation"): a cut HC id or Shopify id would be another customer's, a cut name a silent change.
 */
export const FIELD_LIMITS = {
  firstname: 32,
  lastname: 32,
  companyname: 83,
  email: 254,
  phone: 32,
  externalid: 255,
  [CUSTOMER_FIELDS.hcCustomerId]: 300,
  [CUSTOMER_FIELDS.shopifyCustomerId]: 300,
} as const;

/**
 * NetSuite's email field rule as this project models it (the emulator applies the same rule on save,
 * emulator/src/data/fieldRules.ts): one `@`; a local part of RFC 5322 atom characters and dots (no
 * leading, trailing or double dot); a domain of at least two dot-separated labels of letters, digits
 * and inner hyphens; at most 254 characters. No spaces, quotes, commas, brackets or non-ASCII.
 */
const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
const EMAIL_DOMAIN = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
export function isNetSuiteEmail(email: string): boolean {
  if (email.length > FIELD_LIMITS.email) return false;
  const at = email.indexOf('@');
  if (at <= 0 || at !== email.lastIndexOf('@')) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!EMAIL_LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return false;
  return EMAIL_DOMAIN.test(domain) && !domain.split('.').some((l) => l.startsWith('-') || l.endsWith('-'));
}

/**
 * The first character NetSuite cannot store as text, or null: U+FFFD (bytes that were not UTF-8), NUL
 * and the other C0 controls except tab, CR and LF, DEL, and a lone surrogate (half of an emoji).
 */
export function invalidCharacter(value: string): { index: number; what: string } | null {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0xfffd) return { index: i, what: 'U+FFFD (bytes that are not UTF-8)' };
    if (c === 0) return { index: i, what: 'NUL' };
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f)
      return { index: i, what: `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}` };
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, what: 'a lone surrogate (half a character)' };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { index: i, what: 'a lone surrogate (half a character)' };
  }
  return null;
}

/** HotWax sends `X` when a name is empty (and cuts names to 13 characters). */
function name(v: string | undefined): string {
  const t = (v ?? '').trim();
  return t === 'X' ? '' : t;
}

function parseBoolean(v: string): boolean | null | undefined {
  const t = v.trim().toLowerCase();
  if (!t) return null;
  if (['t', 'true', 'y', 'yes', '1'].includes(t)) return true;
  if (['f', 'false', 'n', 'no', '0'].includes(t)) return false;
  return undefined;
}

/** The parameter a OneWorld account needs when a feed has no subsidiary column. */
export const DEFAULT_SUBSIDIARY_PARAM = 'custscript_hc_imp_default_subsidiary';

type Fail = (code: string, message: string, missingRequired?: boolean) => void;
type TooLong = (column: string, value: string, field: keyof typeof FIELD_LIMITS, label: string) => void;

const lengthCheck =
  (fail: Fail): TooLong =>
  (column, value, field, label) => {
    if (value.length > FIELD_LIMITS[field])
      fail(
        'FIELD_TOO_LONG',
        `${column} is ${value.length} characters; NetSuite's ${label} (${field}) holds at most ${FIELD_LIMITS[field]}`,
      );
  };

/** Characters NetSuite cannot store in any cell; in an identifier also a tab, a line break or whitespace around it. */
function checkCharacters(
  values: FeedValues,
  extra: Record<string, string>,
  fail: Fail,
  fields?: readonly string[],
  headerNames?: readonly string[],
): void {
  const cells =
    fields ??
    [...Object.values(values), ...Object.values(extra)].filter((x): x is string => typeof x === 'string');
  cells.forEach((cell, i) => {
    const bad = invalidCharacter(cell);
    if (bad)
      fail(
        'INVALID_CHARACTER',
        `${headerNames?.[i] !== undefined ? `column "${headerNames[i]}"` : `field ${i + 1}`} holds ${bad.what} at character ${bad.index + 1}`,
      );
  });
  // Identifiers are matched exactly: a tab or line break in one, or a space at either end, would be
  // another customer's key (or a status or subsidiary NetSuite lacks), so the row fails, never trimmed.
  for (const k of ['HCCustomerId', 'HCShopifyCustomerId', 'externalId', 'subsidiary', 'status'] as const) {
    const raw = values[k] ?? '';
    const at = raw.search(/[\t\n\r]/);
    if (at >= 0 && !invalidCharacter(raw))
      fail('INVALID_CHARACTER', `${k} holds a tab or line break at character ${at + 1}`);
    else if (at < 0 && raw.trim() && raw !== raw.trim())
      fail(
        'SURROUNDING_WHITESPACE',
        `${k} ${JSON.stringify(raw)} has whitespace around it (ids are matched exactly)`,
      );
  }
}

/** A person's two names, or a company's name (companyName, else firstName and lastName). */
function namesOf(
  values: FeedValues,
  isPerson: boolean,
  fail: Fail,
  tooLong: TooLong,
): { firstName: string; lastName: string; companyName: string } {
  // NetSuite requires both names on a person: keep HotWax's own placeholder for a missing one.
  const firstName = name(values.firstName) || (isPerson ? 'X' : '');
  const lastName = name(values.lastName) || (isPerson ? 'X' : '');
  const given = (values.companyName ?? '').trim();
  const companyName = given || [name(values.firstName), name(values.lastName)].filter(Boolean).join(' ');
  if (isPerson) {
    tooLong('firstName', firstName, 'firstname', 'First Name');
    tooLong('lastName', lastName, 'lastname', 'Last Name');
    return { firstName, lastName, companyName: '' };
  }
  if (!companyName)
    fail(
      'MISSING_COMPANY_NAME',
      'individual is F but there is no company name (companyName, or firstName/lastName)',
      true,
    );
  tooLong(given ? 'companyName' : 'firstName + lastName', companyName, 'companyname', 'Company Name');
  return { firstName: '', lastName: '', companyName };
}

/** Email and phone as NetSuite takes them. */
function contactOf(
  email: string,
  rawPhone: string,
  fail: Fail,
  tooLong: TooLong,
): { email: string; phone: string } {
  if (email && !isNetSuiteEmail(email))
    fail(
      'INVALID_EMAIL',
      email.length > FIELD_LIMITS.email
        ? `email is ${email.length} characters; NetSuite's Email holds at most ${FIELD_LIMITS.email}`
        : `email "${email}" is not an address NetSuite accepts`,
    );
  const phone = rawPhone.replace(/\s+/g, ' ');
  if (phone && phone.replace(/\D/g, '').length < 7)
    fail('INVALID_PHONE', `phone "${phone}" has fewer than 7 digits (NetSuite's minimum)`);
  tooLong('phone', phone, 'phone', 'Phone');
  return { email, phone };
}

/**
 * The columns set on a new customer as they are, once checked (lead source, taxable, order priority),
 * and the field map parameter's columns. A new column of this kind is checked and returned here, in
 * NewCustomer's order; adapters/customers.ts sets it on the record.
 */
function otherFieldsOf(
  v: (column: CustomerFeedColumn) => string,
  extra: Record<string, string>,
  opts: RowOptions,
  fail: Fail,
): Pick<NewCustomer, 'leadSource' | 'taxable' | 'defaultOrderPriority' | 'extraFields'> {
  const taxable = parseBoolean(v('taxable'));
  if (taxable === undefined) fail('INVALID_TAXABLE', `taxable "${v('taxable')}" is not TRUE or FALSE`);

  const priorityText = v('defaultOrderPriority');
  const defaultOrderPriority = priorityText ? Number(priorityText) : null;
  if (defaultOrderPriority !== null && !Number.isFinite(defaultOrderPriority))
    fail('INVALID_ORDER_PRIORITY', `defaultOrderPriority "${priorityText}" is not a number`);

  const leadSource = v('accountSource');
  if (leadSource && !/^-?\d+$/.test(leadSource))
    fail('INVALID_ACCOUNT_SOURCE', `accountSource "${leadSource}" is not a lead source internal id`);

  const extraFields: Record<string, string> = {};
  for (const [column, fieldId] of Object.entries(opts.fieldMap)) {
    const value = (extra[column] ?? '').trim();
    if (value) extraFields[fieldId] = value;
  }
  return { leadSource, taxable: taxable ?? null, defaultOrderPriority, extraFields };
}

/**
 * A feed row → the customer to create or link, or every reason it cannot be imported. `fields` (every
 * cell of the row, named by `headerNames`) is checked for characters NetSuite cannot store, whatever
 * the column.
 */
export function toNewCustomer(
  values: FeedValues,
  extra: Record<string, string>,
  opts: RowOptions,
  fields?: readonly string[],
  headerNames?: readonly string[],
): NewCustomer | RowRejection {
  const problems: RowProblem[] = [];
  const fail: Fail = (code, message, missingRequired = false) =>
    problems.push({ code, message, missingRequired });
  const v = (k: keyof FeedValues) => (values[k] ?? '').trim();
  const tooLong = lengthCheck(fail);
  checkCharacters(values, extra, fail, fields, headerNames);

  const hcCustomerId = v('HCCustomerId');
  if (!hcCustomerId) fail('MISSING_HC_CUSTOMER_ID', 'HCCustomerId is empty', true);
  tooLong('HCCustomerId', hcCustomerId, CUSTOMER_FIELDS.hcCustomerId, 'HC Customer Id');

  const subsidiary = v('subsidiary') || opts.defaultSubsidiary;
  if (opts.oneWorld && !subsidiary)
    fail(
      'MISSING_SUBSIDIARY',
      `subsidiary is empty and no default subsidiary is set (script parameter ${DEFAULT_SUBSIDIARY_PARAM}); OneWorld needs a primary subsidiary`,
      true,
    );
  if (subsidiary && !/^\d+$/.test(subsidiary))
    fail('INVALID_SUBSIDIARY', `subsidiary "${subsidiary}" is not an internal id`);

  const individual = parseBoolean(v('individual'));
  if (individual === undefined) fail('INVALID_INDIVIDUAL', `individual "${v('individual')}" is not T or F`);
  const isPerson = individual !== false;
  const names = namesOf(values, isPerson, fail, tooLong);
  const { email, phone } = contactOf(v('email'), v('phone'), fail, tooLong);

  const shopifyCustomerId = v('HCShopifyCustomerId');
  tooLong(
    'HCShopifyCustomerId',
    shopifyCustomerId,
    CUSTOMER_FIELDS.shopifyCustomerId,
    'HC Shopify Customer Id',
  );
  const externalId = v('externalId');
  tooLong('externalId', externalId, 'externalid', 'External ID');

  const rest = otherFieldsOf(v, extra, opts, fail);

  if (problems.length > 0) return rejection(problems);
  return {
    hcCustomerId,
    shopifyCustomerId,
    externalId,
    isPerson,
    ...names,
    email,
    phone,
    statusName: v('status'),
    subsidiary,
    ...rest,
  };
}

/** Problems → one rejection: codes joined with ";", messages with "; ". */
export function rejection(problems: RowProblem[]): RowRejection {
  return {
    code: problems.map((p) => p.code).join(';'),
    message: problems.map((p) => p.message).join('; '),
    missingRequired: problems.some((p) => p.missingRequired),
    problems,
  };
}

export function isProblem(x: NewCustomer | RowRejection): x is RowRejection {
  return (x as RowRejection).code !== undefined;
}

/** The field map parameter: JSON `{ "<csv column>": "<customer field id>" }`. */
export function parseFieldMap(param: string, text: string | null | undefined): Record<string, string> {
  const t = (text ?? '').trim();
  if (!t) return {};
  const invalid = (why: string) =>
    new SyncError(SYNC_ERROR_CODES.parameterInvalid, `Script parameter ${param}${why}`);
  const shape = '{"<csv column>": "<customer field id>"}';
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch (e) {
    throw invalid(` is not valid JSON (${(e as Error).message}): expected ${shape}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw invalid(` must be a JSON object ${shape}`);
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof val !== 'string' || !/^[a-z][a-z0-9_]*$/.test(val))
      throw invalid(`: column "${k}" maps to "${String(val)}", which is not a field id`);
    out[k] = val;
  }
  return out;
}
