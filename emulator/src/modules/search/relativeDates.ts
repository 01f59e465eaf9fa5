/**
 * Date filter values: dates in the user's format, Date objects, and NetSuite's relative date
 * keywords, each turned into the span of time it covers on the user's wall clock.
 *
 * Keywords (the SuiteScript search date values, the same set as SuiteTalk's SearchDate enumeration
 * — lowercased, e.g. lastMonthToDate → lastmonthtodate):
 * - today, yesterday, tomorrow; this|last|next + day|week|businessweek|month|quarter|year|
 *   fiscalquarter|fiscalhalf|fiscalyear, each optionally + "todate" (start of the period up to
 *   the same point of it, today for "this…");
 * - startof|endof + this|last|next + week|businessweek|month|quarter|year|fiscal…;
 * - daysago N, daysfromnow N, weeksago N, monthsago N, quartersago N, yearsago N (and …fromnow):
 *   the day that far away; hoursago N / minutesago N (and …fromnow): that instant;
 * - previousone|nextone + day|week|month|quarter|half|year (rolling: the last day / 7 days /
 *   1 month … up to today), previousrolling… the same span ending yesterday;
 * - word counts: threedaysago, tendaysfromnow, thirtydaysago, threemonthsago(todate),
 *   threefiscalyearsago…; weekbeforelast, monthafternext(todate), fiscalyearbeforelast,
 *   oneyearbeforelast; lastmonthoneyearago, lastquartertwoyearsago…; this|lastrolling +
 *   half|quarter|year (approximated as a span of that length ending today / a period earlier);
 *   nextfourweeks, fourweeksstartingthisweek, todaytoendofthismonth;
 * - samedaylast|sameweeklast|samemonthlast|samequarterlast + week|month|quarter|year|fiscal….
 * Weeks start on Sunday (NetSuite's default First Day of Week); business weeks run Monday to
 * Sunday (help "Behavior Descriptors for Selectors": D, W, BW, M, Q). Fiscal periods are taken
 * as calendar periods (the emulated account's fiscal year starts in January: an assumption).
 *
 * `within` with one value: a keyword that is a span (thismonth) gives that span; a single day or
 * instant (daysago7, a date) makes a span between it and today, the rule NetSuite documents for
 * WITHIN with one relative date in N/query (help "Relative Dates in the N/query Module"); applying
 * it to N/search is unverified.
 */
import { nsError } from '../../core/errors';
import { instantOf, parseUserDate, wallClock, type DatePreferences, type ParsedDate } from '../../data/dates';

interface Day {
  y: number;
  m: number; // 1-12
  d: number;
}

/** Calendar arithmetic on plain days (UTC is only the calculator here). */
function day(y: number, m: number, d: number): Day {
  const t = new Date(Date.UTC(y, m - 1, d));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
const addDays = (x: Day, n: number): Day => day(x.y, x.m, x.d + n);
const weekday = (x: Day): number => new Date(Date.UTC(x.y, x.m - 1, x.d)).getUTCDay();
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
function addMonths(x: Day, n: number): Day {
  const first = day(x.y, x.m + n, 1);
  return { ...first, d: Math.min(x.d, daysIn(first.y, first.m)) };
}

type Unit = 'day' | 'week' | 'businessweek' | 'month' | 'quarter' | 'half' | 'year';

const UNITS: Record<string, Unit> = {
  day: 'day',
  week: 'week',
  businessweek: 'businessweek',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
  fiscalquarter: 'quarter',
  fiscalhalf: 'half',
  fiscalyear: 'year',
};

/** First day of the period holding `x`, and the period `k` periods away. */
function periodStart(x: Day, unit: Unit, k = 0): Day {
  switch (unit) {
    case 'day':
      return addDays(x, k);
    case 'week':
      return addDays(x, -weekday(x) + 7 * k);
    case 'businessweek':
      return addDays(x, -((weekday(x) + 6) % 7) + 7 * k);
    case 'month':
      return day(x.y, x.m + k, 1);
    case 'quarter':
      return day(x.y, Math.floor((x.m - 1) / 3) * 3 + 1 + 3 * k, 1);
    case 'half':
      return day(x.y, Math.floor((x.m - 1) / 6) * 6 + 1 + 6 * k, 1);
    case 'year':
      return day(x.y + k, 1, 1);
  }
}

function periodEnd(x: Day, unit: Unit, k = 0): Day {
  return addDays(periodStart(x, unit, k + 1), -1);
}

function shift(x: Day, unit: Unit, k: number): Day {
  switch (unit) {
    case 'day':
      return addDays(x, k);
    case 'week':
    case 'businessweek':
      return addDays(x, 7 * k);
    case 'month':
      return addMonths(x, k);
    case 'quarter':
      return addMonths(x, 3 * k);
    case 'half':
      return addMonths(x, 6 * k);
    case 'year':
      return addMonths(x, 12 * k);
  }
}

const UNIT_RE = 'day|week|businessweek|month|quarter|year|fiscalquarter|fiscalhalf|fiscalyear';
const OFFSET: Record<string, number> = { this: 0, last: -1, next: 1 };
const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};
const WORDS_RE = Object.keys(WORDS).join('|');

type Span = { from: Day; to: Day; point: boolean } | { at: Date; point: true };

/**
 * The span a relative keyword covers as calendar days [from, to] (or instants for hours/minutes),
 * or null when `kw` is not a keyword. `point` tells whether it names one day/instant (within
 * then spans to today).
 */
function keywordSpan(kw: string, today: Day, now: Date): Span | null {
  return periodSpan(kw, today, now) ?? rollingSpan(kw, today);
}

/** today / yesterday / tomorrow, this|last|next + period (todate), startof|endof, …ago / …fromnow. */
function periodSpan(kw: string, today: Day, now: Date): Span | null {
  if (kw === 'today') return { from: today, to: today, point: true };
  if (kw === 'yesterday') return { from: addDays(today, -1), to: addDays(today, -1), point: true };
  if (kw === 'tomorrow') return { from: addDays(today, 1), to: addDays(today, 1), point: true };

  let m = new RegExp(`^(this|last|next)(${UNIT_RE})(todate)?$`).exec(kw);
  if (m) {
    const unit = UNITS[m[2]];
    const k = OFFSET[m[1]];
    const from = periodStart(today, unit, k);
    const to = m[3] ? shift(today, unit, k) : periodEnd(today, unit, k);
    return { from, to, point: false };
  }
  m = new RegExp(`^(startof|endof)(this|last|next)(${UNIT_RE})$`).exec(kw);
  if (m) {
    const unit = UNITS[m[3]];
    const k = OFFSET[m[2]];
    const d = m[1] === 'startof' ? periodStart(today, unit, k) : periodEnd(today, unit, k);
    return { from: d, to: d, point: true };
  }
  m =
    /^(day|week|month|quarter|year|hour|minute)sago(\d+)$/.exec(kw) ??
    /^(day|week|month|quarter|year|hour|minute)sfromnow(\d+)$/.exec(kw);
  if (m) {
    const n = Number(m[2]) * (kw.includes('ago') ? -1 : 1);
    if (m[1] === 'hour' || m[1] === 'minute') {
      return { at: new Date(now.getTime() + n * (m[1] === 'hour' ? 3_600_000 : 60_000)), point: true };
    }
    const d = shift(today, m[1] as Unit, n);
    return { from: d, to: d, point: true };
  }
  m = new RegExp(
    `^(${WORDS_RE})(day|week|month|quarter|fiscalquarter|year|fiscalyear)s(ago|fromnow)(todate)?$`,
  ).exec(kw);
  if (m) {
    const unit = UNITS[m[2]];
    const k = WORDS[m[1]] * (m[3] === 'ago' ? -1 : 1);
    if (unit === 'day') {
      const d = addDays(today, k);
      return { from: d, to: d, point: true };
    }
    // threemonthsago: that calendar month (as lastmonth is one month ago); …todate: up to the same point.
    const from = periodStart(today, unit, k);
    return { from, to: m[4] ? shift(today, unit, k) : periodEnd(today, unit, k), point: false };
  }
  return null;
}

/** …beforelast / …afternext, rolling and previous-one periods, the next four weeks, same…last…. */
function rollingSpan(kw: string, today: Day): Span | null {
  let m =
    new RegExp(`^(${UNIT_RE})(beforelast|afternext)(todate)?$`).exec(kw) ??
    /^(year)(beforelast)()$/.exec(kw.replace(/^oneyear/, 'year'));
  if (m) {
    const unit = UNITS[m[1]];
    const k = m[2] === 'beforelast' ? -2 : 2;
    return {
      from: periodStart(today, unit, k),
      to: m[3] ? shift(today, unit, k) : periodEnd(today, unit, k),
      point: false,
    };
  }
  m = new RegExp(`^last(month|quarter|fiscalquarter|fiscalhalf)(one|two)(quarter|year)sago$`).exec(kw);
  if (m) {
    const unit = UNITS[m[1]];
    const base = shift(periodStart(today, unit, -1), UNITS[m[3]], -WORDS[m[2]]);
    return { from: periodStart(base, unit), to: periodEnd(base, unit), point: false };
  }
  m = /^(this|last)rolling(half|quarter|year)$/.exec(kw);
  if (m) {
    // A span of that length ending today (this…) or just before it (last…): an approximation.
    const unit: Unit = m[2] === 'half' ? 'half' : (m[2] as Unit);
    const end = m[1] === 'this' ? today : addDays(shift(today, unit, -1), 0);
    return { from: addDays(shift(end, unit, -1), 1), to: end, point: false };
  }
  if (kw === 'nextfourweeks') return { from: today, to: addDays(today, 27), point: false };
  if (kw === 'fourweeksstartingthisweek') {
    const from = periodStart(today, 'week');
    return { from, to: addDays(from, 27), point: false };
  }
  if (kw === 'todaytoendofthismonth') return { from: today, to: periodEnd(today, 'month'), point: false };
  m = /^(previousone|previousrolling|nextone)(day|week|month|quarter|halfyear|half|year)$/.exec(kw);
  if (m) {
    const unit: Unit = m[2] === 'halfyear' || m[2] === 'half' ? 'half' : (m[2] as Unit);
    if (m[1] === 'nextone') return { from: today, to: shift(today, unit, 1), point: false };
    const end = m[1] === 'previousrolling' ? addDays(today, -1) : today;
    return { from: addDays(shift(end, unit, -1), 1), to: end, point: false };
  }
  m = new RegExp(`^same(day|week|month|quarter)last(${UNIT_RE})$`).exec(kw);
  if (m) {
    const of = UNITS[m[2]];
    const d = shift(today, of, -1);
    if (m[1] === 'day') return { from: d, to: d, point: true };
    const unit = UNITS[m[1]];
    return { from: periodStart(d, unit), to: periodEnd(d, unit), point: false };
  }
  return null;
}

function startOfDay(x: Day, prefs: DatePreferences): Date {
  return instantOf({ year: x.y, month: x.m, day: x.d, hour: 0, minute: 0, second: 0 }, prefs.timeZone);
}

function dayBounds(from: Day, to: Day, prefs: DatePreferences): ParsedDate {
  const end = startOfDay(addDays(to, 1), prefs);
  return { start: startOfDay(from, prefs), end: new Date(end.getTime() - 1), hasTime: false };
}

/** The span a filter value covers; `point` when it names one day or instant. */
export function filterDateRange(
  v: unknown,
  fieldId: string,
  prefs: DatePreferences,
  now: Date,
): ParsedDate & { point: boolean } {
  if (v instanceof Date) return { start: v, end: v, hasTime: true, point: true };
  const s = String(v).trim();
  const w = wallClock(now, prefs.timeZone);
  const today: Day = { y: w.year, m: w.month, d: w.day };
  const span = keywordSpan(s.toLowerCase(), today, now);
  if (span && 'at' in span) return { start: span.at, end: span.at, hasTime: true, point: true };
  if (span) return { ...dayBounds(span.from, span.to, prefs), point: span.point };
  const p = parseUserDate(s, prefs);
  if (!p) {
    throw nsError(
      'SSS_INVALID_SRCH_FILTER',
      `Invalid date value ${s} for filter ${fieldId}: dates must follow the user's date format (${prefs.dateFormat}${s.includes(':') ? ' ' + prefs.timeFormat : ''}) or be a relative date keyword.`,
    );
  }
  return { ...p, point: true };
}

/** `within`: two values are the span's ends; one point value spans to today (see above). */
export function withinRange(
  values: unknown[],
  fieldId: string,
  prefs: DatePreferences,
  now: Date,
): ParsedDate {
  const a = filterDateRange(values[0], fieldId, prefs, now);
  if (values.length > 1) {
    const b = filterDateRange(values[1], fieldId, prefs, now);
    return { start: a.start, end: b.end, hasTime: a.hasTime || b.hasTime };
  }
  if (!a.point) return a;
  const t = filterDateRange('today', fieldId, prefs, now);
  return a.start.getTime() <= t.start.getTime()
    ? { start: a.start, end: t.end, hasTime: a.hasTime }
    : { start: t.start, end: a.end, hasTime: a.hasTime };
}
