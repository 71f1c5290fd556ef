import { describe, expect, it } from 'vitest';
import { accumulateOrderBlock } from './accumulateOrderBlock.ts';

function blank(n: number): { lastAt: Float64Array; count: Float64Array; sum: Float64Array } {
  return { lastAt: new Float64Array(n).fill(-Infinity), count: new Float64Array(n), sum: new Float64Array(n) };
}

describe('accumulateOrderBlock', () => {
  it('gives the same totals through the partitioned path as a plain loop, over several blocks', () => {
    // Enough customers and orders per block to take the bucketed path (> 65,536 customers, > 262,144 orders).
    const customers = 150_001;
    const n = 700_000;
    const customer = Uint32Array.from({ length: n }, (_, i) => (i * 2_654_435_761) % customers);
    const at = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 100_003) * 1000);
    const amount = Uint32Array.from({ length: n }, (_, i) => (i * 31) % 997);
    const want = blank(customers);
    for (let i = 0; i < n; i++) {
      const c = customer[i]!;
      want.lastAt[c] = Math.max(want.lastAt[c]!, at[i]!);
      want.count[c]! += 1;
      want.sum[c]! += amount[i]!;
    }
    const got = blank(customers);
    const work = { orders: new Float64Array(0), buckets: new Int32Array(0) };
    accumulateOrderBlock(got, work, customer, at, amount, 0, 400_000);
    accumulateOrderBlock(got, work, customer, at, amount, 400_000, n);
    expect(work.orders.length).toBeGreaterThan(0);
    expect(got).toEqual(want);
  });
});
