/** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Reads `n` ASCII digits at `i`, or -1 when any is not a digit. */
function digits(b: ArrayLike<number>, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = (b[i + k] ?? 0) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Parses an ISO 8601 date or date-time held as ASCII codes in `b[start, end)`
 * into epoch milliseconds, or returns NaN. Accepted: `YYYY-MM-DD`, then
 * optionally `T` or a space, `HH:MM`, `:SS`, `.fraction`, and `Z` or `±HH:MM`.
 * A date-time without an offset is read as UTC, never as the machine's local
 * time, so the same file gives the same answer on every server. Works on bytes
 * so the CSV reader can parse a field without creating a string.
 *
 * @example
 * ```ts
 * parseIsoTime([50, 48, 48, 54, 45, 49, 50, 45, 51, 49], 0, 10); // '2006-12-31'
 * //=> 1167523200000
 * ```
 */
export function parseIsoTime(b: ArrayLike<number>, start: number, end: number): number {
  if (end - start < 10 || b[start + 4] !== 45 || b[start + 7] !== 45) return NaN;
  const y = digits(b, start, 4);
  const mo = digits(b, start + 5, 2);
  const d = digits(b, start + 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return NaN;
  const dim = mo === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[mo - 1] ?? 0);
  if (d > dim) return NaN;
  let ms = daysFromCivil(y, mo, d) * 86_400_000;
  let i = start + 10;
  if (i === end) return ms;
  const sep = b[i];
  if ((sep !== 84 && sep !== 32) || end - i < 6 || b[i + 3] !== 58) return NaN;
  const hh = digits(b, i + 1, 2);
  const mi = digits(b, i + 4, 2);
  if (hh < 0 || hh > 23 || mi < 0 || mi > 59) return NaN;
  ms += hh * 3_600_000 + mi * 60_000;
  i += 6;
  if (i < end && b[i] === 58) {
    const ss = digits(b, i + 1, 2);
    if (ss < 0 || ss > 59) return NaN;
    ms += ss * 1000;
    i += 3;
    if (i < end && b[i] === 46) {
      i++;
      let scale = 100;
      const from = i;
      while (i < end) {
        const c = (b[i] ?? 0) - 48;
        if (c < 0 || c > 9) break;
        ms += c * scale;
        scale /= 10;
        i++;
      }
      if (i === from) return NaN;
      ms = Math.floor(ms);
    }
  }
  if (i === end) return ms;
  const z = b[i];
  if (z === 90) return i + 1 === end ? ms : NaN;
  if ((z === 43 || z === 45) && end - i === 6 && b[i + 3] === 58) {
    const oh = digits(b, i + 1, 2);
    const om = digits(b, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
    const offset = (oh * 60 + om) * 60_000;
    return z === 43 ? ms - offset : ms + offset;
  }
  return NaN;
}

const scratch: number[] = [];

/**
 * {@link parseIsoTime} for a string: epoch milliseconds, or NaN when the
 * string is not one of the accepted ISO 8601 shapes.
 *
 * @example
 * ```ts
 * parseIsoTimeString('2026-01-01T08:00:00+08:00');
 * //=> 1767225600000
 * ```
 */
export function parseIsoTimeString(s: string): number {
  const n = s.length;
  if (n > 40) return NaN;
  for (let i = 0; i < n; i++) scratch[i] = s.charCodeAt(i);
  return parseIsoTime(scratch, 0, n);
}

/** Days before the first of each month, in a common year. */
const MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
/** Day number of each year's January 1st, filled in on first use (NaN = not yet). */
const YEAR_START = new Float64Array(10_000).fill(NaN);

/** Two ASCII digits at `i` as a number, or a negative number if either is not a digit. */
function twoDigits(b: Uint8Array, i: number): number {
  const x = (b[i] as number) - 48;
  const y = (b[i + 1] as number) - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? 10 * x + y : -1;
}

/**
 * {@link parseIsoTime} for the one shape nearly every export uses,
 * `YYYY-MM-DD HH:MM:SS` (or with `T`, optionally `Z`), in straight-line
 * arithmetic on bytes: the CSV reader calls it ten million times. NaN for
 * any other shape or an invalid value (February 30): the caller then tries
 * the general parser, which accepts the other shapes and rejects the rest.
 *
 * @example
 * ```ts
 * const b = Uint8Array.from('2026-01-31 08:00:00', (c) => c.charCodeAt(0));
 * [parseIsoDateTime19(b, 0, b.length), parseIsoDateTime19(b, 0, 10)];
 * //=> [1769846400000, NaN]
 * ```
 */
export function parseIsoDateTime19(b: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (!(len === 19 || (len === 20 && b[s + 19] === 90)) || b[s + 4] !== 45 || b[s + 7] !== 45 || b[s + 13] !== 58 || b[s + 16] !== 58) return NaN;
  const sep = b[s + 10];
  if (sep !== 32 && sep !== 84) return NaN;
  const c = twoDigits(b, s);
  const yy = twoDigits(b, s + 2);
  const mo = twoDigits(b, s + 5);
  const d = twoDigits(b, s + 8);
  const hh = twoDigits(b, s + 11);
  const mi = twoDigits(b, s + 14);
  const ss = twoDigits(b, s + 17);
  if (c < 0 || yy < 0 || mo < 1 || mo > 12 || d < 1 || hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 59) return NaN;
  const y = 100 * c + yy;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (DAYS_IN_MONTH[mo - 1] as number) + (leap && mo === 2 ? 1 : 0)) return NaN;
  // Days from 1970-01-01 to January 1st of year y, computed once per year seen.
  let first = YEAR_START[y] as number;
  if (first !== first) first = YEAR_START[y] = daysFromCivil(y, 1, 1);
  const days = first + (MONTH_START[mo - 1] as number) + (leap && mo > 2 ? 1 : 0) + d - 1;
  return days * 86_400_000 + hh * 3_600_000 + mi * 60_000 + ss * 1000;
}
