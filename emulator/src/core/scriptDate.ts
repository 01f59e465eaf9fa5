/**
 * The `Date` a script sees. NetSuite help "format.parse(options)": "For server scripts, the string
 * returned is based on the current time in the Pacific Time Zone. Daylight Savings Time does apply."
 * So on NetSuite's servers a script's local time zone is Pacific time whatever the user's preference,
 * and `new Date()` / `Date.now()` are the account's (here: modeled) time.
 *
 * This constructor is a subclass of the host Date: no-argument construction and `Date.now()` read the
 * execution's modeled clock; local-time getters, setters, the component constructor, `Date.parse` of a
 * string without a zone and `toString`/`toDateString`/`toTimeString`/`toLocale*String` work in the
 * server zone (default America/Los_Angeles). `x instanceof Date` also holds for host dates the N/
 * modules return. The N/ modules hand the script dates of this constructor (ExecutionContext.scriptDate).
 */

const HostDate = Date;

/** Offset of `zone` from UTC at instant `ms`, in minutes (positive east of Greenwich). */
function zoneOffsetMinutes(zone: string, ms: number, cache: Map<string, Intl.DateTimeFormat>): number {
  let f = cache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    cache.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new HostDate(ms))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = HostDate.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  return Math.round((asUtc - (ms - (((ms % 1000) + 1000) % 1000))) / 60000);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** Fields that have a local and a UTC variant. */
const LOCAL_FIELDS = ['FullYear', 'Month', 'Date', 'Hours', 'Minutes', 'Seconds', 'Milliseconds'] as const;

export interface ScriptDateOptions {
  /** The current modeled account time in ms since the epoch. */
  now: () => number;
  /** The server's IANA zone (default America/Los_Angeles). */
  zone?: string;
}

/** Conversions between instants and wall-clock time in one zone. */
interface Zone {
  zone: string;
  offsetAt(ms: number): number;
  /** Wall-clock fields (as if UTC) → instant: the offset at the wall time, corrected once for DST edges. */
  fromWall(wallMs: number): number;
  /** The instant's wall-clock time as a host Date whose UTC fields are the zone's local fields. */
  wall(d: Date): Date;
  zoneName(ms: number): string;
  /** Date.parse with strings without a zone read in this zone. */
  parse(s: string): number;
}

function zoneOf(zone: string): Zone {
  const cache = new Map<string, Intl.DateTimeFormat>();
  const offsetAt = (ms: number) => zoneOffsetMinutes(zone, ms, cache);
  const fromWall = (wallMs: number): number => {
    let t = wallMs - offsetAt(wallMs) * 60000;
    t = wallMs - offsetAt(t) * 60000;
    return t;
  };
  const nameFormat = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'long' });
  const hasZone = (s: string) =>
    /(Z|[+-]\d\d:?\d\d|\bGMT\b|\bUTC\b|\b[ECMP][SD]T\b)\s*(\(.*\))?$/i.test(s.trim()) ||
    /^\d{4}(-\d\d){0,2}$/.test(s.trim());
  return {
    zone,
    offsetAt,
    fromWall,
    wall: (d) => new HostDate(d.getTime() + offsetAt(d.getTime()) * 60000),
    zoneName: (ms) =>
      nameFormat.formatToParts(new HostDate(ms)).find((p) => p.type === 'timeZoneName')?.value ?? zone,
    parse: (s) => {
      const h = HostDate.parse(s);
      if (Number.isNaN(h) || hasZone(s)) return h;
      // the host read the string in its own zone: take its wall fields and read them in the server zone
      return fromWall(h - new HostDate(h).getTimezoneOffset() * -60000);
    },
  };
}

/** The local getters and setters (getHours, setDate, …), getDay, getYear and getTimezoneOffset in the zone. */
function addLocalFields(proto: Record<string, unknown>, z: Zone): void {
  for (const f of LOCAL_FIELDS) {
    proto[`get${f}`] = function (this: Date) {
      return (z.wall(this) as unknown as Record<string, () => number>)[`getUTC${f}`]();
    };
    proto[`set${f}`] = function (this: Date, ...a: number[]) {
      const w = z.wall(this);
      (w as unknown as Record<string, (...x: number[]) => number>)[`setUTC${f}`](...a);
      return this.setTime(z.fromWall(w.getTime()));
    };
  }
  proto.getDay = function (this: Date) {
    return z.wall(this).getUTCDay();
  };
  proto.getYear = function (this: Date) {
    return z.wall(this).getUTCFullYear() - 1900;
  };
  proto.getTimezoneOffset = function (this: Date) {
    return -z.offsetAt(this.getTime());
  };
}

/** toString, toDateString, toTimeString and the toLocale… strings in the zone. */
function addStrings(proto: Record<string, unknown>, z: Zone): void {
  const gmt = (ms: number) => {
    const off = z.offsetAt(ms);
    return `GMT${off >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
  };
  const dateString = (d: Date) => {
    const w = z.wall(d);
    return `${DAYS[w.getUTCDay()]} ${MONTHS[w.getUTCMonth()]} ${pad(w.getUTCDate())} ${w.getUTCFullYear()}`;
  };
  const timeString = (d: Date) => {
    const w = z.wall(d);
    return `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())} ${gmt(d.getTime())} (${z.zoneName(d.getTime())})`;
  };
  const invalid = (d: Date) => Number.isNaN(d.getTime());
  proto.toString = function (this: Date) {
    return invalid(this) ? 'Invalid Date' : `${dateString(this)} ${timeString(this)}`;
  };
  proto.toDateString = function (this: Date) {
    return invalid(this) ? 'Invalid Date' : dateString(this);
  };
  proto.toTimeString = function (this: Date) {
    return invalid(this) ? 'Invalid Date' : timeString(this);
  };
  for (const m of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'] as const) {
    proto[m] = function (this: Date, locales?: string | string[], o?: Intl.DateTimeFormatOptions) {
      return HostDate.prototype[m].call(this, locales, { timeZone: z.zone, ...(o ?? {}) });
    };
  }
}

export function createScriptDate(opts: ScriptDateOptions): DateConstructor {
  const z = zoneOf(opts.zone ?? 'America/Los_Angeles');

  class ScriptDate extends HostDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(opts.now());
      else if (args.length === 1) {
        const a = args[0];
        super(typeof a === 'string' ? z.parse(a) : (a as number));
      } else {
        const n = args.map(Number);
        const y = n[0] >= 0 && n[0] <= 99 ? 1900 + n[0] : n[0];
        super(z.fromWall(HostDate.UTC(y, n[1], n[2] ?? 1, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0, n[6] ?? 0)));
      }
    }
    static now(): number {
      return opts.now();
    }
    static parse(s: string): number {
      return z.parse(String(s));
    }
    static [Symbol.hasInstance](v: unknown): boolean {
      return v instanceof HostDate;
    }
  }
  const proto = ScriptDate.prototype as unknown as Record<string, unknown>;
  addLocalFields(proto, z);
  addStrings(proto, z);
  // `Date()` called without new gives the current time as a string.
  return new Proxy(ScriptDate, {
    apply: () => new ScriptDate().toString(),
  }) as unknown as DateConstructor;
}
