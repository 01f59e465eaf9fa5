/**
 * Value rules NetSuite applies when a record is saved, beyond lengths and references (which
 * recordStore.ts checks): the email format and the phone minimum. Kept apart so the product's own
 * pre-validation (src/TypeScripts/HotWaxCustomerSync/sync/customerRows.ts, `isNetSuiteEmail`) and this
 * model of NetSuite can be compared rule for rule (test/lib/rows.test.ts checks they agree).
 *
 * Sources and what is unverified:
 * - Email: NetSuite refuses an address it cannot parse with INVALID_FLD_VALUE ("You have entered an
 *   Invalid Field Value ... for the following field: email"). Oracle documents no grammar; the rule
 *   here is the RFC 5322 dot-atom subset mail systems accept: one `@`; a local part of atom
 *   characters and single inner dots; a domain of two or more dot-separated labels of letters,
 *   digits and inner hyphens; at most 254 characters (RFC 5321 path limit, NetSuite's field length).
 *   No quoted local parts, IP-literal domains, spaces or non-ASCII (unverified: NetSuite may accept
 *   internationalised addresses).
 * - Phone: NetSuite's UI and SOAP refuse a phone number with fewer than seven digits ("Phone number
 *   should have seven digits or more"; code unverified, INVALID_PHONE used here).
 */
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
const DOMAIN = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export const EMAIL_MAX = 254;

export function isValidEmail(email: string): boolean {
  if (email.length > EMAIL_MAX) return false;
  const at = email.indexOf('@');
  if (at <= 0 || at !== email.lastIndexOf('@')) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return false;
  return DOMAIN.test(domain) && !domain.split('.').some((l) => l.startsWith('-') || l.endsWith('-'));
}

export const PHONE_MIN_DIGITS = 7;

export function isValidPhone(phone: string): boolean {
  return phone.replace(/\D/g, '').length >= PHONE_MIN_DIGITS;
}
