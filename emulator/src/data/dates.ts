/**
 * Date handling shared by the data layer: NetSuite shows and parses dates in the user's
 * preferences (Set Preferences > Date Format / Time Format / Time Zone). Stored values are
 * absolute instants (JavaScript Dates); these helpers convert them to and from the user's
 * wall clock.
 */

export interface DatePreferences {
  dateFormat: string;
  timeFormat: string;
  timeZone: string;
}

interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock of instant `d` in `timeZone`. */
export function wallClock(d: Date, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(d);
  const out: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        out.year = Number(p.value);
        break;
      case 'month':
        out.month = Number(p.value);
        break;
      case 'day':
        out.day = Number(p.value);
        break;
      case 'hour':
        out.hour = Number(p.value) % 24;
        break;
      case 'minute':
        out.minute = Number(p.value);
        break;
      case 'second':
        out.second = Number(p.value);
        break;
      default:
        break;
    }
  }
  return out;
}

/** The instant at which the wall clock in `timeZone` shows the given time. */
export function instantOf(w: WallClock, timeZone: string): Date {
  const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const offsetAt = (t: number): number => {
    const c = wallClock(new Date(t), timeZone);
    return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - t;
  };
  let t = guess - offsetAt(guess);
  const again = guess - offsetAt(t);
  if (again !== t) t = again;
  return new Date(t);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Formats the date part in the user's date format (tokens YYYY, YY, MM, M, DD, D, Mon, MON, Month, MONTH). */
export function formatDate(d: Date, prefs: DatePreferences): string {
  const w = wallClock(d, prefs.timeZone);
  return formatDateParts(w, prefs.dateFormat);
}

function formatDateParts(w: WallClock, fmt: string): string {
  return fmt.replace(/YYYY|YY|MONTH|Month|MON|Mon|MM|M|DD|D/g, (tok) => {
    switch (tok) {
      case 'YYYY':
        return String(w.year);
      case 'YY':
        return pad(w.year % 100);
      case 'MONTH':
        return MONTHS_LONG[w.month - 1].toUpperCase();
      case 'Month':
        return MONTHS_LONG[w.month - 1];
      case 'MON':
        return MONTHS[w.month - 1].toUpperCase();
      case 'Mon':
        return MONTHS[w.month - 1];
      case 'MM':
        return pad(w.month);
      case 'M':
        return String(w.month);
      case 'DD':
        return pad(w.day);
      default:
        return String(w.day);
    }
  });
}

/** Formats the time part in the user's time format (tokens HH, H, hh, h, mm, ss, a). */
export function formatTime(d: Date, prefs: DatePreferences, withSeconds = false): string {
  const w = wallClock(d, prefs.timeZone);
  let fmt = prefs.timeFormat;
  if (withSeconds && !/ss/.test(fmt)) fmt = fmt.replace('mm', 'mm:ss');
  return fmt.replace(/HH|H|hh|h|mm|ss|a/g, (tok) => {
    const h12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
    switch (tok) {
      case 'HH':
        return pad(w.hour);
      case 'H':
        return String(w.hour);
      case 'hh':
        return pad(h12);
      case 'h':
        return String(h12);
      case 'mm':
        return pad(w.minute);
      case 'ss':
        return pad(w.second);
      default:
        return w.hour < 12 ? 'am' : 'pm';
    }
  });
}

/** Date and time as NetSuite shows a date/time field in search results: "1/31/2024 3:04 pm". */
export function formatDateTime(d: Date, prefs: DatePreferences): string {
  return `${formatDate(d, prefs)} ${formatTime(d, prefs)}`;
}

const parserCache = new Map<string, { re: RegExp; order: string[] }>();

function dateParser(fmt: string): { re: RegExp; order: string[] } {
  let p = parserCache.get(fmt);
  if (p) return p;
  const order: string[] = [];
  const src = fmt.replace(/YYYY|YY|MONTH|Month|MON|Mon|MM|M|DD|D|[.*+?^${}()|[\]\\/-]/g, (tok) => {
    switch (tok) {
      case 'YYYY':
        order.push('Y');
        return '(\\d{4})';
      case 'YY':
        order.push('y');
        return '(\\d{2})';
      case 'MONTH':
      case 'Month':
        order.push('N');
        return '([A-Za-z]+)';
      case 'MON':
      case 'Mon':
        order.push('N');
        return '([A-Za-z]{3})';
      case 'MM':
      case 'M':
        order.push('M');
        return '(\\d{1,2})';
      case 'DD':
      case 'D':
        order.push('D');
        return '(\\d{1,2})';
      default:
        return '\\' + tok;
    }
  });
  p = {
    re: new RegExp(`^\\s*${src}(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?)?\\s*$`),
    order,
  };
  parserCache.set(fmt, p);
  return p;
}

export interface ParsedDate {
  /** First instant covered (start of the day when no time was given). */
  start: Date;
  /** Last instant covered (end of the day when no time was given; the minute's end otherwise). */
  end: Date;
  hasTime: boolean;
}

/**
 * Parses "1/31/2024" or "1/31/2024 3:04 pm" in the user's date format and time zone.
 * Returns null when the string does not match the format.
 */
export function parseUserDate(text: string, prefs: DatePreferences): ParsedDate | null {
  const { re, order } = dateParser(prefs.dateFormat);
  const m = re.exec(text);
  if (!m) return null;
  let year = 0;
  let month = 0;
  let day = 0;
  order.forEach((kind, i) => {
    const v = m[i + 1];
    if (kind === 'Y') year = Number(v);
    else if (kind === 'y') year = 2000 + Number(v);
    else if (kind === 'M') month = Number(v);
    else if (kind === 'D') day = Number(v);
    else if (kind === 'N') {
      const k = v.slice(0, 3).toLowerCase();
      month = MONTHS.findIndex((x) => x.toLowerCase() === k) + 1;
    }
  });
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null;
  const n = order.length;
  const hh = m[n + 1];
  if (hh === undefined) {
    const start = instantOf({ year, month, day, hour: 0, minute: 0, second: 0 }, prefs.timeZone);
    const next = new Date(Date.UTC(year, month - 1, day + 1));
    const nextStart = instantOf(
      {
        year: next.getUTCFullYear(),
        month: next.getUTCMonth() + 1,
        day: next.getUTCDate(),
        hour: 0,
        minute: 0,
        second: 0,
      },
      prefs.timeZone,
    );
    return { start, end: new Date(nextStart.getTime() - 1), hasTime: false };
  }
  let hour = Number(hh);
  const minute = Number(m[n + 2]);
  const second = m[n + 3] === undefined ? 0 : Number(m[n + 3]);
  const ampm = m[n + 4];
  if (ampm) {
    const pm = ampm.toLowerCase() === 'pm';
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  const start = instantOf({ year, month, day, hour, minute, second }, prefs.timeZone);
  const span = m[n + 3] === undefined ? 60_000 : 1000;
  return { start, end: new Date(start.getTime() + span - 1), hasTime: true };
}

/** Start and end of the user's current day, used by relative date filters ("today"). */
export function dayRange(d: Date, prefs: DatePreferences, offsetDays = 0): ParsedDate {
  const w = wallClock(d, prefs.timeZone);
  const base = new Date(Date.UTC(w.year, w.month - 1, w.day + offsetDays));
  const text = formatDateParts(
    {
      year: base.getUTCFullYear(),
      month: base.getUTCMonth() + 1,
      day: base.getUTCDate(),
      hour: 0,
      minute: 0,
      second: 0,
    },
    prefs.dateFormat,
  );
  const r = parseUserDate(text, prefs);
  if (!r) throw new Error(`date format ${prefs.dateFormat} cannot round-trip ${text}`);
  return r;
}
