/**
 * Calendar days in an IANA time zone, for the day-based StrategyContent rules.
 *
 * Why: the loop-push window is counted in days — start and end not before 0:00 of the current
 * day, end at most 180 days after it — and the day that matters is the caller's
 * (`options.timeZone`), not the function's UTC clock: at 2026-11-26T17:30Z it is already
 * 27 November in Asia/Shanghai. We compare civil dates (year-month-day as `Intl.DateTimeFormat`
 * reports them in the zone) instead of adding 24-hour multiples to a midnight instant, which keeps
 * the rules right in zones with daylight saving time, where a day can last 23 or 25 hours or begin
 * at 01:00 because midnight is skipped. "Not before 0:00 of day D" is then simply "on day D or
 * later".
 */

/** A date on the Gregorian calendar, as seen in some time zone. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

let canonicalZones: ReadonlySet<string> | undefined;

/**
 * `MPAAS_TIME_ZONE`'s default: the zone of mPaaS's China regions, whose consoles show schedules in
 * China Standard Time. Every ICU that Node ships knows it, so it is not asked of ICU: listing the
 * zones costs a process about 1.5 ms on its first push (#11), which a function on the default
 * then never pays.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * True when the runtime knows the IANA zone (Node's full ICU knows them all).
 *
 * Why the list first: every invocation checks `MPAAS_TIME_ZONE`, and the first
 * `Intl.DateTimeFormat` of a process costs 10–20 ms of ICU start-up (a fifth of a bare `node`
 * process, measured 2026-12-02), while `Intl.supportedValuesOf('timeZone')`, ICU's canonical
 * zones, costs about 1 ms. An immediate push then never builds a formatter; a name the list lacks
 * (an alias such as `UTC` or `Asia/Calcutta`, or a typo) is still asked of the formatter itself.
 *
 * @example
 * isTimeZone('Asia/Shanghai'); // true
 */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone === DEFAULT_TIME_ZONE) return true;
  canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonicalZones.has(timeZone)) return true;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date of an instant in a time zone.
 *
 * @example
 * civilDate(Date.parse('2026-11-26T17:30:00Z'), 'Asia/Shanghai'); // { year: 2026, month: 11, day: 27 }
 */
export function civilDate(epochMs: number, timeZone: string): CivilDate {
  const parts = formatterFor(timeZone).formatToParts(epochMs);
  const pick = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value);
  return { year: pick('year'), month: pick('month'), day: pick('day') };
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier), independent of any zone.
 *
 * @example
 * daysBetween({ year: 2026, month: 11, day: 27 }, { year: 2027, month: 5, day: 26 }); // 180
 */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  const epochDay = (d: CivilDate): number => Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
  return epochDay(to) - epochDay(from);
}

/**
 * The date `days` days after `date`.
 *
 * @example
 * addDays({ year: 2026, month: 11, day: 27 }, 180); // { year: 2027, month: 5, day: 26 }
 */
export function addDays(date: CivilDate, days: number): CivilDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/**
 * ISO 8601 calendar date, for messages.
 *
 * @example
 * formatDate({ year: 2027, month: 5, day: 26 }); // '2027-05-26'
 */
export function formatDate(date: CivilDate): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}
