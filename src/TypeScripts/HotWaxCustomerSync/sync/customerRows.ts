/**
 * One HotWax customer feed row (hotwax-contracts.md 2a) → the customer NetSuite should have.
 * Pure: validation and mapping only, no NetSuite calls.
 */

export const CUSTOMER_FIELDS = {
  hcCustomerId: 'custentity_hc_customer_id',
  shopifyCustomerId: 'custentity_hc_shop_cust_id',
  syncStamp: 'custentity_hc_sync_stamp',
} as const;

/** The feed's columns by their canonical (2025+) names. */
export interface FeedValues {
  HCCustomerId?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  HCShopifyCustomerId?: string;
  externalId?: string;
  individual?: string;
  status?: string;
  taxable?: string;
  defaultOrderPriority?: string;
  subsidiary?: string;
  accountSource?: string;
  companyName?: string;
}

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

export interface RowOptions {
  oneWorld: boolean;
  defaultSubsidiary: string;
  fieldMap: Record<string, string>;
}

/** NetSuite's field lengths (customer record): names 32, company 83, email 254, phone 32. */
const MAX = { name: 32, company: 83, email: 254, phone: 32 };
const EMAIL = /^[^\s@,;"<>]+@[^\s@,;"<>]+\.[^\s@,;"<>]+$/;

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

export function toNewCustomer(
  values: FeedValues,
  extra: Record<string, string>,
  opts: RowOptions,
): NewCustomer | RowProblem {
  const v = (k: keyof FeedValues) => (values[k] ?? '').trim();
  const hcCustomerId = v('HCCustomerId');
  if (!hcCustomerId)
    return { code: 'MISSING_HC_CUSTOMER_ID', message: 'HCCustomerId is empty', missingRequired: true };

  const subsidiary = v('subsidiary') || opts.defaultSubsidiary;
  if (opts.oneWorld && !subsidiary)
    return {
      code: 'MISSING_SUBSIDIARY',
      message:
        'subsidiary is empty and no default subsidiary is set (script parameter custscript_hc_imp_default_subsidiary); OneWorld needs a primary subsidiary',
      missingRequired: true,
    };
  if (subsidiary && !/^\d+$/.test(subsidiary))
    return {
      code: 'INVALID_SUBSIDIARY',
      message: `subsidiary "${subsidiary}" is not an internal id`,
      missingRequired: false,
    };

  const individual = parseBoolean(v('individual'));
  if (individual === undefined)
    return {
      code: 'INVALID_INDIVIDUAL',
      message: `individual "${v('individual')}" is not T or F`,
      missingRequired: false,
    };
  const isPerson = individual !== false;

  let firstName = name(values.firstName);
  let lastName = name(values.lastName);
  const companyName = (v('companyName') || [firstName, lastName].filter(Boolean).join(' ')).slice(
    0,
    MAX.company,
  );
  if (!isPerson && !companyName)
    return {
      code: 'MISSING_COMPANY_NAME',
      message: 'individual is F but there is no company name (companyName, or firstName/lastName)',
      missingRequired: true,
    };
  // NetSuite requires both names on a person: keep HotWax's own placeholder for a missing one.
  if (isPerson) {
    firstName = (firstName || 'X').slice(0, MAX.name);
    lastName = (lastName || 'X').slice(0, MAX.name);
  }

  const email = v('email');
  if (email && (email.length > MAX.email || !EMAIL.test(email)))
    return {
      code: 'INVALID_EMAIL',
      message: `email "${email}" is not a valid address`,
      missingRequired: false,
    };

  const phone = v('phone').replace(/\s+/g, ' ');
  if (phone && phone.replace(/\D/g, '').length < 7)
    return {
      code: 'INVALID_PHONE',
      message: `phone "${phone}" has fewer than 7 digits (NetSuite's minimum)`,
      missingRequired: false,
    };

  const taxable = parseBoolean(v('taxable'));
  if (taxable === undefined)
    return {
      code: 'INVALID_TAXABLE',
      message: `taxable "${v('taxable')}" is not TRUE or FALSE`,
      missingRequired: false,
    };

  const priorityText = v('defaultOrderPriority');
  const defaultOrderPriority = priorityText ? Number(priorityText) : null;
  if (defaultOrderPriority !== null && !Number.isFinite(defaultOrderPriority))
    return {
      code: 'INVALID_ORDER_PRIORITY',
      message: `defaultOrderPriority "${priorityText}" is not a number`,
      missingRequired: false,
    };

  const leadSource = v('accountSource');
  if (leadSource && !/^-?\d+$/.test(leadSource))
    return {
      code: 'INVALID_ACCOUNT_SOURCE',
      message: `accountSource "${leadSource}" is not a lead source internal id`,
      missingRequired: false,
    };

  const extraFields: Record<string, string> = {};
  for (const [column, fieldId] of Object.entries(opts.fieldMap)) {
    const value = (extra[column] ?? '').trim();
    if (value) extraFields[fieldId] = value;
  }

  return {
    hcCustomerId,
    shopifyCustomerId: v('HCShopifyCustomerId'),
    externalId: v('externalId'),
    isPerson,
    firstName: isPerson ? firstName : '',
    lastName: isPerson ? lastName : '',
    companyName: isPerson ? '' : companyName,
    email,
    phone: phone.slice(0, MAX.phone),
    statusName: v('status'),
    subsidiary,
    leadSource,
    taxable,
    defaultOrderPriority,
    extraFields,
  };
}

export function isProblem(x: NewCustomer | RowProblem): x is RowProblem {
  return (x as RowProblem).code !== undefined;
}

/** The field map parameter: JSON `{ "<csv column>": "<customer field id>" }`. */
export function parseFieldMap(param: string, text: string | null | undefined): Record<string, string> {
  const t = (text ?? '').trim();
  if (!t) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch (e) {
    throw new Error(
      `Script parameter ${param} is not valid JSON (${(e as Error).message}): expected {"<csv column>": "<customer field id>"}`,
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(
      `Script parameter ${param} must be a JSON object {"<csv column>": "<customer field id>"}`,
    );
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof val !== 'string' || !/^[a-z][a-z0-9_]*$/.test(val))
      throw new Error(
        `Script parameter ${param}: column "${k}" maps to "${String(val)}", which is not a field id`,
      );
    out[k] = val;
  }
  return out;
}
