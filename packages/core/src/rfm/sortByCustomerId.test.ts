import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByCustomerId } from './sortByCustomerId.ts';

describe('sortByCustomerId', () => {
  it('orders like JavaScript string comparison, for any strings (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('c0000001', 'c0000010', 'c000001')), { maxLength: 200 }), (ids) => {
        const perm = sortByCustomerId(ids);
        expect([...perm].map((i) => ids[i])).toEqual([...ids].sort());
      }),
    );
  });

  it('handles large buckets of ids with a common prefix', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `c${String((i * 7919) % 5000).padStart(7, '0')}`);
    const sorted = [...sortByCustomerId(ids)].map((i) => ids[i]);
    expect(sorted).toEqual([...ids].sort());
  });
});
