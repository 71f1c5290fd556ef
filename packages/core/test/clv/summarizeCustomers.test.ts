import { describe, expect, it } from 'vitest';
import { summarizeCustomers } from '../../src/clv/summarizeCustomers.ts';
import { cdnowSummary, cdnowTransactions } from './cdnowFixture.ts';

const calibrationEnd = Date.UTC(1997, 8, 30);
const observationEnd = Date.UTC(1998, 5, 30);

describe('summarizeCustomers on the CDNOW sample', () => {
  const summary = summarizeCustomers(cdnowTransactions(), { calibrationEnd, observationEnd, unit: 'week' });
  const byId = new Map(summary.map((s) => [s.customerId, s]));

  it("reproduces Hardie's calibration summary for all 2,357 customers", () => {
    // The published file rounds weeks to 2 dp, so recency and T must agree to 0.005.
    const published = cdnowSummary();
    expect(summary).toHaveLength(2357);
    for (const row of published) {
      const mine = byId.get(row.id)!;
      expect(mine.frequency).toBe(row.frequency);
      expect(Math.abs(mine.recency - row.recency)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(mine.T - row.T)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it("reproduces lifetimes' zbar (mean repeat-purchase value, dollars to 2 dp)", () => {
    for (const row of cdnowSummary()) {
      const mine = byId.get(row.id)!;
      expect(Math.abs(mine.monetary / 100 - row.monetary)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });
});

describe('summarizeCustomers rules and errors', () => {
  const day = (d: number): number => Date.UTC(2024, 0, d);
  it('merges same-day purchases, measures in days, and leaves out customers first seen after calibration', () => {
    const out = summarizeCustomers(
      [
        { customerId: 'a', at: day(1), amount: 100 },
        { customerId: 'b', at: day(2), amount: 50 },
        { customerId: 'a', at: day(3), amount: 200 },
        { customerId: 'a', at: day(3), amount: 100 },
        { customerId: 'a', at: new Date(day(6)), amount: 60 },
        { customerId: 'late', at: day(12), amount: 10 },
        { customerId: 'b', at: day(12), amount: 10 },
        { customerId: 'b', at: day(12), amount: 30 },
        { customerId: 'b', at: day(19), amount: 10 },
      ],
      { calibrationEnd: day(10), unit: 'day', observationEnd: day(20) },
    );
    expect(out).toEqual([
      { customerId: 'a', frequency: 2, recency: 5, T: 9, monetary: 180, holdoutFrequency: 0 },
      { customerId: 'b', frequency: 0, recency: 0, T: 8, monetary: 0, holdoutFrequency: 2 },
    ]);
  });
  it('applies the merchant time zone to day boundaries', () => {
    // 20:00 UTC on Jan 1 and 01:00 UTC on Jan 2 are both Jan 2 in Beijing (UTC+8).
    const rows = [
      { customerId: 'a', at: Date.UTC(2024, 0, 1, 20), amount: 1 },
      { customerId: 'a', at: Date.UTC(2024, 0, 2, 1), amount: 1 },
    ];
    expect(summarizeCustomers(rows, { calibrationEnd: day(5), unit: 'day', utcOffsetMinutes: 480 })[0]?.frequency).toBe(0);
    expect(summarizeCustomers(rows, { calibrationEnd: day(5), unit: 'day' })[0]?.frequency).toBe(1);
  });
  it.each([
    [[] as { customerId: string; at: number; amount: number }[], 'transactions'],
    [[{ customerId: 'a', at: day(1), amount: -5 }], 'transactions[0].amount'],
    [[{ customerId: 'a', at: day(30), amount: 5 }], 'transactions[0].at'],
    [[{ customerId: '', at: day(1), amount: 5 }], 'transactions[0].customerId'],
    [[{ customerId: 'a', at: Number.NaN, amount: 5 }], 'transactions[0].at'],
    [
      [
        { customerId: 'a', at: day(3), amount: 5 },
        { customerId: 'a', at: day(2), amount: 5 },
      ],
      'transactions[1].at',
    ],
  ])('refuses bad input %# naming the field %j', (rows, field) => {
    expect(() => summarizeCustomers(rows, { calibrationEnd: day(10), unit: 'day' })).toThrow(expect.objectContaining({ field }));
  });
});
