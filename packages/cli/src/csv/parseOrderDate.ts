const DATE_RE = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Parses an order date as merchants' exports write it — `2026-03-01`,
 * `2026/3/1`, `20260301`, `2026-03-01 14:05:09`, ISO 8601 with `Z` or an
 * offset — into epoch milliseconds, or `undefined` when the text is not a
 * real calendar date (so `2026-02-30` is refused instead of rolling over).
 * Times without an offset are read as UTC wall-clock: the report works in
 * whole days, so only the calendar date matters.
 *
 * @example
 * ```ts
 * import { parseOrderDate } from '@memberkit/cli';
 * parseOrderDate('1997-01-18');
 * //=> 853545600000
 * parseOrderDate('2026-02-30');
 * //=> undefined
 * ```
 */
export function parseOrderDate(text: string): number | undefined {
  const s = text.trim();
  const m = COMPACT_RE.exec(s) ?? DATE_RE.exec(s);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2026-02-30 over to March: check the day survived.
  if (new Date(ms).getUTCDate() !== day) return undefined;
  const zone = m[7];
  if (zone === undefined || zone === 'Z') return ms;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return ms - sign * offsetMinutes * 60_000;
}
