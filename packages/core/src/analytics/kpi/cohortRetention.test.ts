import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cdnowOrders } from '../../../test/fixtures/cdnow.ts';
import { cohortRetention } from './cohortRetention.ts';

describe('cohortRetention', () => {
  it('puts the CDNOW cohort (first purchases in Q1 1997) into January–March 1997, 2,357 customers, months to June 1998', () => {
    const rows = cohortRetention(cdnowOrders());
    expect(rows.map((r) => r.cohort)).toEqual(['1997-01', '1997-02', '1997-03']);
    expect(rows.reduce((s, r) => s + r.size, 0)).toBe(2357);
    expect(rows[0]!.active).toHaveLength(18); // Jan 1997 … Jun 1998
    expect(rows[2]!.active).toHaveLength(16);
  });

  it('matches a brute-force count and is independent of input order', () => {
    const order = fc.record({
      customerId: fc.constantFrom('a', 'b', 'c', 'd'),
      at: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 5, 30) }),
      amount: fc.constant(100),
    });
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 40 }), (orders) => {
        const rows = cohortRetention(orders);
        const month = (t: number): number => new Date(t).getUTCFullYear() * 12 + new Date(t).getUTCMonth();
        for (const r of rows) {
          const [y, m] = r.cohort.split('-').map(Number);
          const cohortMonth = y! * 12 + m! - 1;
          const members = [...new Set(orders.map((o) => o.customerId))].filter((c) => Math.min(...orders.filter((o) => o.customerId === c).map((o) => month(o.at))) === cohortMonth);
          expect(r.size).toBe(members.length);
          r.active.forEach((a, k) => {
            expect(a).toBe(members.filter((c) => orders.some((o) => o.customerId === c && month(o.at) === cohortMonth + k)).length);
          });
          expect(r.retention[0]).toBe(1);
        }
        expect(cohortRetention([...orders].reverse())).toEqual(rows);
      }),
    );
  });

  it('buckets months in the store time zone', () => {
    const at = Date.UTC(2026, 0, 31, 20); // 04:00 on 1 February in Beijing
    expect(cohortRetention([{ customerId: 'a', at, amount: 1 }])[0]!.cohort).toBe('2026-01');
    expect(cohortRetention([{ customerId: 'a', at, amount: 1 }], { utcOffsetMinutes: 480 })[0]!.cohort).toBe('2026-02');
  });
});
