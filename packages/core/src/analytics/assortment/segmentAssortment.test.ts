import { describe, expect, it } from 'vitest';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { segmentAssortment } from './segmentAssortment.ts';

describe('segmentAssortment', () => {
  const line = (customerId: string, segment: string, category: string, amount: number, at: number) => ({ customerId, segment, category, amount, at });
  const lines = [
    // previous period (at < 0)
    line('p1', 'new parents', 'baby food', 5_000, -5),
    line('o1', 'office', 'coffee', 8_000, -5),
    line('o2', 'office', 'snacks', 2_000, -5),
    // current period
    line('p1', 'new parents', 'baby food', 6_000, 5),
    line('p2', 'new parents', 'baby food', 3_000, 5),
    line('p3', 'new parents', 'snacks', 1_000, 5),
    line('o1', 'office', 'coffee', 6_000, 5),
    line('o2', 'office', 'snacks', 4_000, 5),
  ];
  const r = segmentAssortment(lines, { current: { from: 0, to: 10 }, previous: { from: -10, to: 0 } });

  it('shows which segments grow', () => {
    expect(r.segments.map((s) => [s.segment, s.customers, s.previousCustomers, s.customerGrowth])).toEqual([
      ['new parents', 3, 1, 2],
      ['office', 2, 2, 0],
    ]);
    expect(r.segments[0]!.revenueGrowth).toBeCloseTo(10_000 / 5_000 - 1, 12);
  });

  it('finds the categories a segment under-buys by lift of category share, with the revenue missed', () => {
    const gap = r.gaps.find((g) => g.segment === 'new parents' && g.category === 'coffee')!;
    expect(gap.segmentShare).toBe(0);
    expect(gap.othersShare).toBeCloseTo(0.6, 12);
    expect(gap.lift).toBe(0);
    expect(gap.missedRevenue).toBe(6_000);
    const snacks = r.gaps.find((g) => g.segment === 'new parents' && g.category === 'snacks')!;
    expect(snacks.lift).toBeCloseTo(0.1 / 0.4, 12);
    // office buys no baby food, which only new parents buy
    expect(r.gaps.find((g) => g.segment === 'office' && g.category === 'baby food')?.lift).toBe(0);
    for (let i = 1; i < r.gaps.length; i++) expect(r.gaps[i - 1]!.missedRevenue).toBeGreaterThanOrEqual(r.gaps[i]!.missedRevenue);
  });

  it('rejects negative amounts and empty input', () => {
    expect(() => segmentAssortment([line('a', 's', 'c', -1, 5)], { current: { from: 0, to: 10 }, previous: { from: -10, to: 0 } })).toThrow(MemberkitError);
    expect(() => segmentAssortment([], { current: { from: 0, to: 10 }, previous: { from: -10, to: 0 } })).toThrow(MemberkitError);
  });
});
