import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SmallMap } from './smallMap.ts';

describe('SmallMap', () => {
  it('behaves as a Map for any sequence of sets and reads, below and past the linear limit', () => {
    const op = fc.record({ key: fc.constantFrom(...Array.from({ length: 14 }, (_, i) => `k${i}`)), value: fc.integer() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.constantFrom('k0', 'k5', 'k13', 'absent'), (ops, probe) => {
        const small = new SmallMap<number>();
        const map = new Map<string, number>();
        for (const { key, value } of ops) {
          small.set(key, value);
          map.set(key, value);
          expect(small.get(probe)).toBe(map.get(probe));
        }
        expect(small.size).toBe(map.size);
        expect(small.has(probe)).toBe(map.has(probe));
        expect(small.values()).toEqual([...map.values()]);
        expect(small.entries()).toEqual([...map.entries()]);
        // Keys equal by value but not the same string object are found too.
        expect(small.get(['k', '0'].join(''))).toBe(map.get('k0'));
      }),
      { numRuns: 500 },
    );
  });

  it('is empty after clear, and works as new after it', () => {
    const small = new SmallMap<number>();
    for (let i = 0; i < 12; i++) small.set(`k${i}`, i);
    small.clear();
    expect(small.size).toBe(0);
    expect(small.get('k0')).toBeUndefined();
    expect(small.get('k11')).toBeUndefined();
    small.set('k3', 30);
    small.set('k4', 40);
    expect(small.entries()).toEqual([['k3', 30], ['k4', 40]]);
  });
});
