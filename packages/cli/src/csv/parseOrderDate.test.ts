import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseOrderDate } from './parseOrderDate.ts';

describe('parseOrderDate', () => {
  it('reads the formats merchants export', () => {
    const day = Date.UTC(2026, 2, 1);
    expect(parseOrderDate('2026-03-01')).toBe(day);
    expect(parseOrderDate('2026/3/1')).toBe(day);
    expect(parseOrderDate('20260301')).toBe(day);
    expect(parseOrderDate(' 2026.03.01 ')).toBe(day);
    expect(parseOrderDate('2026-03-01 14:05:09')).toBe(Date.UTC(2026, 2, 1, 14, 5, 9));
    expect(parseOrderDate('2026-03-01T14:05:09.123Z')).toBe(Date.UTC(2026, 2, 1, 14, 5, 9));
    expect(parseOrderDate('2026-03-01T08:00:00+08:00')).toBe(Date.UTC(2026, 2, 1, 0, 0, 0));
  });

  it('refuses what is not a calendar date', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-00-10', '01/03/2026', 'yesterday', '', '2026-03-01 25:00']) {
      expect(parseOrderDate(bad)).toBeUndefined();
    }
  });

  it('round-trips every day of four centuries in ISO form', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / 864e5, max: Date.UTC(2299, 11, 31) / 864e5 }), (days) => {
        const ms = days * 864e5;
        expect(parseOrderDate(new Date(ms).toISOString().slice(0, 10))).toBe(ms);
      }),
    );
  });
});
