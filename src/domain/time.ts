import { z } from 'zod';

/**
 * Time in the domain is data: an `Instant` is an ISO 8601 UTC string with milliseconds
 * (`2025-04-16T02:30:00.000Z`), passed in with each command. `Date.now()` never appears here.
 * Civil dates and clock times are read in the fair's zone (EN3, FS3: default Asia/Shanghai).
 */
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const twoDigits = (v: string, at: number): number => (v.charCodeAt(at) - 48) * 10 + v.charCodeAt(at + 1) - 48;

/** A string of INSTANT_PATTERN's shape that names a real moment (proleptic Gregorian, 00:00–23:59:59). */
function isCalendarInstant(v: string): boolean {
  const year = twoDigits(v, 0) * 100 + twoDigits(v, 2);
  const month = twoDigits(v, 5);
  const day = twoDigits(v, 8);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  return day <= days && twoDigits(v, 11) < 24 && twoDigits(v, 14) < 60 && twoDigits(v, 17) < 60;
}

export const Instant = z
  .string()
  .regex(INSTANT_PATTERN, { message: 'INSTANT', abort: true })
  // Every pushed and pulled item carries several instants (SY91): the fields are checked by
  // arithmetic on the digits, which accepts exactly what a Date round trip accepts.
  .refine(isCalendarInstant, { message: 'INSTANT' })
  .brand<'Instant'>();
export type Instant = z.infer<typeof Instant>;

export const CivilDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'CIVIL_DATE', abort: true })
  .refine(
    (v) => {
      const ms = Date.parse(`${v}T00:00:00.000Z`);
      return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(v);
    },
    { message: 'CIVIL_DATE' },
  )
  .brand<'CivilDate'>();
export type CivilDate = z.infer<typeof CivilDate>;

/** A wall-clock time `HH:mm`, 00:00–23:59. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'CLOCK_TIME' });
export type ClockTime = z.infer<typeof ClockTime>;

export const isValidTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const TimeZone = z.string().min(1).max(64).refine(isValidTimeZone, { message: 'TIME_ZONE' });
export type TimeZone = z.infer<typeof TimeZone>;

export const MINUTE_MS = 60_000;

export const instantToMs = (instant: Instant): number => Date.parse(instant);
export const instantFromMs = (ms: number): Instant => new Date(ms).toISOString() as Instant;
export const addMinutes = (instant: Instant, minutes: number): Instant =>
  instantFromMs(instantToMs(instant) + Math.round(minutes * MINUTE_MS));
export const minutesBetween = (from: Instant, to: Instant): number =>
  (instantToMs(to) - instantToMs(from)) / MINUTE_MS;
/** ISO UTC strings of one fixed shape compare correctly as strings. */
export const compareInstants = (a: Instant, b: Instant): number => (a < b ? -1 : a > b ? 1 : 0);
export const maxInstant = (a: Instant, b: Instant): Instant => (a >= b ? a : b);
export const minInstant = (a: Instant, b: Instant): Instant => (a <= b ? a : b);

export interface ZonedParts {
  readonly date: CivilDate;
  readonly time: ClockTime;
  /** Minutes east of UTC, e.g. 480 for UTC+8. */
  readonly offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (zone: string): Intl.DateTimeFormat => {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
};

/** The civil date, clock time and UTC offset of `instant` in `zone`. */
export function zonedParts(instant: Instant, zone: TimeZone): ZonedParts {
  const ms = instantToMs(instant);
  const parts: Record<string, string> = {};
  for (const p of formatterFor(zone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const offsetMinutes = Math.round((asUtc - (ms - (ms % 1000))) / MINUTE_MS);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}` as CivilDate,
    time: `${parts.hour}:${parts.minute}`,
    offsetMinutes,
  };
}

/** The instant at which the wall clock in `zone` shows `date` `time` (earlier one in a DST fold). */
export function zonedToInstant(date: CivilDate, time: ClockTime, zone: TimeZone): Instant {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset even across a DST change.
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const offset = zonedParts(instantFromMs(guess), zone).offsetMinutes;
    guess = wall - offset * MINUTE_MS;
  }
  return instantFromMs(guess);
}

export const formatOffset = (offsetMinutes: number): string => {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}`;
};

/** `2025-04-16 10:30 (UTC+8)`: how every instant is shown (EN2). */
export function formatInZone(instant: Instant, zone: TimeZone): string {
  const p = zonedParts(instant, zone);
  return `${p.date} ${p.time} (${formatOffset(p.offsetMinutes)})`;
}

/** The civil date `days` after `date`. */
export const addDays = (date: CivilDate, days: number): CivilDate =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10) as CivilDate;
