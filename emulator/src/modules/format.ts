/**
 * N/format (NetSuite help "N/format Module"; enums and doc comments of @hitc/netsuite-types N/format):
 * format({ value, type, timezone? }) → string and parse({ value, type, timezone? }) → Date | number | boolean
 * | string, following the user's preferences (account.preferences: date format, time format, time zone).
 * - DATE "1/31/2024"; DATETIME "1/31/2024 3:04 pm"; DATETIMETZ "1/31/2024 3:04:05 pm" (seconds: "If parsing
 *   a string to a timezone, the string must include seconds"); TIMEOFDAY/TIME "3:04 pm".
 * - "If a time zone is not specified, the time zone is set based on user preference. If the time zone is
 *   invalid, the time zone is set to GMT." (FormatDateTimeOptions.timezone).
 * - Parsing DATE gives the first instant of that day in the time zone; a value that does not parse is
 *   returned unchanged (emulator choice, documented in the README).
 * - Numbers: INTEGER, FLOAT, CURRENCY (2 decimals), PERCENT ("12.5%"), CHECKBOX ('T'/'F' ⇄ boolean).
 * No units (format has no governance).
 */
import type * as formatTypes from 'N/format';
import type { ExecutionContext, UserPreferences } from '../core/context';
import { SuiteScriptError } from '../core/errors';
import { formatDate, formatTime, parseUserDate, wallClock, instantOf } from '../data/dates';

export const FormatType = {
  ADDRESS: 'address',
  CCEXPDATE: 'ccexpdate',
  CCNUMBER: 'ccnumber',
  CCVALIDFROM: 'ccvalidfrom',
  CHECKBOX: 'checkbox',
  CLOBTEXT: 'clobtext',
  COLOR: 'color',
  CURRENCY: 'currency',
  CURRENCY2: 'currency2',
  DATE: 'date',
  DATETIME: 'datetime',
  DATETIMETZ: 'datetimetz',
  DOCUMENT: 'document',
  DYNAMICPRECISION: 'dynamicprecision',
  EMAIL: 'email',
  EMAILS: 'emails',
  FLOAT: 'float',
  FULLPHONE: 'fullphone',
  FUNCTION: 'function',
  FURIGANA: 'furigana',
  IDENTIFIER: 'identifier',
  IDENTIFIERANYCASE: 'identifieranycase',
  INTEGER: 'integer',
  MMYYDATE: 'mmyydate',
  MULTISELECT: 'multiselect',
  NONNEGCURRENCY: 'nonnegcurrency',
  NONNEGFLOAT: 'nonnegfloat',
  PACKAGE: 'package',
  PERCENT: 'percent',
  PHONE: 'phone',
  POSCURRENCY: 'poscurrency',
  POSFLOAT: 'posfloat',
  POSINTEGER: 'posinteger',
  QUOTEDFUNCTION: "'function'",
  RADIO: 'radio',
  RATE: 'rate',
  RATEHIGHPRECISION: 'ratehighprecision',
  SELECT: 'select',
  SUBRECORD_FIELD_TYPE: 'summary',
  TEXT: 'text',
  TEXTAREA: 'textarea',
  TIME: 'time',
  TIMEOFDAY: 'timeofday',
  TIMETRACK: 'timetrack',
  URL: 'url',
} as const;

const ZONES: string[] = (() => {
  const f = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf;
  return f
    ? f('timeZone')
    : ['America/Los_Angeles', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'UTC'];
})();

/** format.Timezone: AMERICA_LOS_ANGELES → 'America/Los_Angeles', ETC_GMT_PLUS_12 → 'Etc/GMT+12', ... */
export const Timezone: Record<string, string> = (() => {
  const out: Record<string, string> = { GMT: 'GMT', UTC: 'UTC' };
  for (const z of ZONES) {
    const key = z
      .replace(/\+/g, '_PLUS_')
      .replace(/-(?=\d)/g, '_MINUS_')
      .replace(/[/-]/g, '_')
      .toUpperCase();
    out[key.replace(/__+/g, '_')] = z;
  }
  return out;
})();

const zoneByLower = new Map(ZONES.map((z) => [z.toLowerCase(), z]));

function resolveZone(tz: unknown, prefs: UserPreferences): string {
  if (tz === undefined || tz === null || tz === '') return prefs.timeZone;
  const s = String(tz);
  if (s in Timezone) return Timezone[s];
  const z = zoneByLower.get(s.toLowerCase());
  if (z) return z;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: s });
    return s;
  } catch {
    return 'GMT';
  }
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

function toDate(v: unknown): Date | null {
  if (isDate(v)) return v;
  if (typeof v === 'number') return new Date(v);
  return null;
}

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  const s = String(v)
    .trim()
    .replace(/,/g, '')
    .replace(/^[$€£¥]/, '')
    .replace(/%$/, '');
  return s === '' ? NaN : Number(s);
}

function needType(options: { type?: unknown } | undefined, fn: string): string {
  if (!options || typeof options !== 'object') {
    throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `${fn}: Missing a required argument: options`);
  }
  if (options.type === undefined || options.type === null || options.type === '') {
    throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `${fn}: Missing a required argument: type`);
  }
  return String(options.type).toLowerCase();
}

export function formatValue(
  options: { value: unknown; type: string; timezone?: unknown },
  preferences: UserPreferences,
): string {
  const type = needType(options, 'format.format');
  const v = options.value;
  const prefs = { ...preferences, timeZone: resolveZone(options.timezone, preferences) };
  switch (type) {
    case 'date':
    case 'datetime':
    case 'datetimetz':
    case 'timeofday':
    case 'time':
    case 'mmyydate': {
      const d = toDate(v);
      if (!d) return v === undefined || v === null ? '' : String(v);
      if (Number.isNaN(d.getTime())) {
        throw new SuiteScriptError('INVALID_DATE_OBJECT', 'format.format: the value is an invalid Date');
      }
      if (type === 'date') return formatDate(d, prefs);
      if (type === 'datetime') return `${formatDate(d, prefs)} ${formatTime(d, prefs)}`;
      if (type === 'datetimetz') return `${formatDate(d, prefs)} ${formatTime(d, prefs, true)}`;
      if (type === 'mmyydate') {
        const w = wallClock(d, prefs.timeZone);
        return `${String(w.month).padStart(2, '0')}/${w.year}`;
      }
      return formatTime(d, prefs);
    }
    case 'integer':
    case 'posinteger': {
      const n = toNumber(v);
      return Number.isNaN(n) ? String(v) : String(Math.trunc(n));
    }
    case 'float':
    case 'posfloat':
    case 'nonnegfloat':
    case 'rate':
    case 'ratehighprecision':
    case 'dynamicprecision': {
      const n = toNumber(v);
      return Number.isNaN(n) ? String(v) : String(n);
    }
    case 'currency':
    case 'currency2':
    case 'poscurrency':
    case 'nonnegcurrency': {
      const n = toNumber(v);
      return Number.isNaN(n) ? String(v) : n.toFixed(2);
    }
    case 'percent': {
      const n = toNumber(v);
      return Number.isNaN(n) ? String(v) : `${n}%`;
    }
    case 'checkbox':
      return v === true || v === 'T' || v === 'true' ? 'T' : 'F';
    default:
      if (!Object.values(FormatType).includes(type as never)) {
        throw new SuiteScriptError('SSS_INVALID_FORMAT_TYPE', `format.format: invalid type ${options.type}`);
      }
      return v === undefined || v === null ? '' : String(v);
  }
}

export function parseValue(
  options: { value: unknown; type: string; timezone?: unknown },
  preferences: UserPreferences,
  now: () => Date,
): unknown {
  const type = needType(options, 'format.parse');
  const v = options.value;
  const prefs = { ...preferences, timeZone: resolveZone(options.timezone, preferences) };
  if (v === undefined || v === null) return v;
  switch (type) {
    case 'date':
    case 'datetime':
    case 'datetimetz': {
      if (isDate(v)) return v;
      const p = parseUserDate(String(v), prefs);
      return p ? p.start : v;
    }
    case 'timeofday':
    case 'time': {
      if (isDate(v)) return v;
      const m = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?\s*$/.exec(String(v));
      if (!m) return v;
      let hour = Number(m[1]);
      if (m[4]) {
        const pm = m[4].toLowerCase() === 'pm';
        hour = hour === 12 ? (pm ? 12 : 0) : pm ? hour + 12 : hour;
      }
      const today = wallClock(now(), prefs.timeZone);
      return instantOf({ ...today, hour, minute: Number(m[2]), second: Number(m[3] ?? 0) }, prefs.timeZone);
    }
    case 'integer':
    case 'posinteger': {
      const n = toNumber(v);
      return Number.isNaN(n) ? v : Math.trunc(n);
    }
    case 'float':
    case 'posfloat':
    case 'nonnegfloat':
    case 'rate':
    case 'ratehighprecision':
    case 'dynamicprecision':
    case 'currency':
    case 'currency2':
    case 'poscurrency':
    case 'nonnegcurrency':
    case 'percent': {
      const n = toNumber(v);
      return Number.isNaN(n) ? v : n;
    }
    case 'checkbox':
      return v === true || v === 'T' || v === 'true';
    default:
      if (!Object.values(FormatType).includes(type as never)) {
        throw new SuiteScriptError('SSS_INVALID_FORMAT_TYPE', `format.parse: invalid type ${options.type}`);
      }
      return v;
  }
}

export function createFormatModule(ctx: ExecutionContext): typeof formatTypes {
  const now = () => ctx.account.now();
  return {
    Type: FormatType,
    Timezone,
    format: (options: { value: unknown; type: string; timezone?: unknown }) =>
      formatValue(options, ctx.account.preferences),
    parse: (options: { value: unknown; type: string; timezone?: unknown }) => {
      const v = parseValue(options, ctx.account.preferences, now);
      // a parsed date is a Date of the script's realm (a Date passed in comes back as it was)
      return v instanceof Date && v !== options?.value ? ctx.scriptDate(v) : v;
    },
  } as unknown as typeof formatTypes;
}
