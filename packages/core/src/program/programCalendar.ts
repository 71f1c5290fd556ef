/**
 * Calendar arithmetic in a program's fixed UTC offset. Day caps, "end of
 * month" expiry and calendar-year windows depend on where the merchant's day
 * starts (a CNY shop's day starts at 00:00 +08:00, not UTC), and the core may
 * not read the host time zone, so the offset is part of the program.
 *
 * @example
 * ```ts
 * import { programCalendar } from '@memberkit/core';
 * const cal = programCalendar(480);
 * cal.dayKey(Date.UTC(2026, 0, 1, 17)); // 01:00 on 2 Jan in Beijing
 * //=> '2026-01-02'
 * ```
 */
export interface ProgramCalendar {
  /** The local date `YYYY-MM-DD` of an instant. */
  dayKey(ms: number): string;
  /** The local year of an instant. */
  year(ms: number): number;
  /** The instant the local month starts, `months` months after the month of `ms` (0 = this month). */
  monthStart(ms: number, months: number): number;
  /** The instant the local year starts, `years` years after the year of `ms` (0 = this year). */
  yearStart(ms: number, years: number): number;
  /** The same local wall time `months` later, clamped to the end of shorter months. */
  addMonths(ms: number, months: number): number;
}

/**
 * A {@link ProgramCalendar} for a fixed offset in minutes east of UTC.
 *
 * @example
 * ```ts
 * import { programCalendar } from '@memberkit/core';
 * new Date(programCalendar(0).monthStart(Date.UTC(2026, 0, 31), 1)).toISOString();
 * //=> '2026-02-01T00:00:00.000Z'
 * ```
 */
export function programCalendar(offsetMinutes: number): ProgramCalendar {
  // One calendar per offset: callers ask for it on hot paths (every order, every expiry).
  let cal = calendars.get(offsetMinutes);
  if (cal === undefined) {
    cal = makeCalendar(offsetMinutes);
    calendars.set(offsetMinutes, cal);
  }
  return cal;
}

const calendars = new Map<number, ProgramCalendar>();
const DAY_MS = 86_400_000;

function makeCalendar(offsetMinutes: number): ProgramCalendar {
  const shift = offsetMinutes * 60_000;
  const local = (ms: number): Date => new Date(ms + shift);
  // Every bonus action asks for its day and year; most calls fall on the same local day as the last one.
  let cachedDay = Number.NaN;
  let cachedKey = '';
  let cachedYear = 0;
  const remember = (ms: number): void => {
    const day = Math.floor((ms + shift) / DAY_MS);
    if (day === cachedDay) return;
    const d = local(ms);
    cachedKey = d.toISOString().slice(0, 10);
    cachedYear = d.getUTCFullYear();
    cachedDay = day;
  };
  return {
    dayKey: (ms) => {
      remember(ms);
      return cachedKey;
    },
    year: (ms) => {
      remember(ms);
      return cachedYear;
    },
    monthStart: (ms, months) => {
      const d = local(ms);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1) - shift;
    },
    yearStart: (ms, years) => Date.UTC(local(ms).getUTCFullYear() + years, 0, 1) - shift,
    addMonths: (ms, months) => {
      const d = local(ms);
      const y = d.getUTCFullYear();
      const m = d.getUTCMonth() + months;
      const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
      const timeOfDay = ms + shift - Date.UTC(y, d.getUTCMonth(), d.getUTCDate());
      return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)) + timeOfDay - shift;
    },
  };
}
