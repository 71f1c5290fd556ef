import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDateTime19, parseIsoTime, parseIsoTimeString } from './parseIsoTime.ts';

describe('parseIsoTimeString', () => {
  it('agrees with Date.parse on dates and date-times with Z or an offset (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }), fc.integer({ min: -14 * 60, max: 14 * 60 }), (d, offsetMin) => {
        const iso = d.toISOString();
        expect(parseIsoTimeString(iso)).toBe(d.getTime());
        expect(parseIsoTimeString(iso.slice(0, 10))).toBe(Date.parse(iso.slice(0, 10)));
        const sign = offsetMin < 0 ? '-' : '+';
        const abs = Math.abs(offsetMin);
        const withOffset = `${iso.slice(0, 19)}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(parseIsoTimeString(withOffset)).toBe(Date.parse(withOffset));
      }),
    );
  });

  it('reads a date-time without offset as UTC, on any machine', () => {
    expect(parseIsoTimeString('2026-03-08 14:30:00')).toBe(Date.UTC(2026, 2, 8, 14, 30));
    expect(parseIsoTimeString('2026-03-08T14:30')).toBe(Date.UTC(2026, 2, 8, 14, 30));
  });

  it('rejects what is not a valid ISO date', () => {
    for (const bad of ['', '2026-13-01', '2026-02-29', '2024-02-30', '2026-1-01', '2026-01-01T25:00', '2026-01-01Z', '01/02/2026', '2026-01-01T10:00:00+0800', '2026-01-01T10:00:00.']) {
      expect(parseIsoTimeString(bad)).toBeNaN();
    }
    expect(parseIsoTimeString('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });
});

describe('parseIsoDateTime19', () => {
  it('gives what the general parser gives for every YYYY-MM-DD HH:MM:SS, valid or not (property)', () => {
    const two = (x: number): string => String(x).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })),
        fc.boolean(),
        (y, mo, d, [h, mi, s], t) => {
          const text = `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}${t ? 'T' : ' '}${two(h)}:${two(mi)}:${two(s)}${t ? 'Z' : ''}`;
          const b = Uint8Array.from(text, (c) => c.charCodeAt(0));
          const fast = parseIsoDateTime19(b, 0, b.length);
          const general = parseIsoTime(b, 0, b.length);
          // NaN from the fast path means "not valid", never "not handled", for this shape.
          expect(Number.isNaN(fast) ? Number.isNaN(general) : fast === general).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
