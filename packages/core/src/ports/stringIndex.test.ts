import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringIndex } from './stringIndex.ts';

describe('StringIndex', () => {
  it('answers as a Map does for any sequence of sets and reads', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'binary', maxLength: 6 }), fc.integer()), { maxLength: 400 }), fc.string({ maxLength: 6 }), (ops, probe) => {
        const index = new StringIndex<number>();
        const map = new Map<string, number>();
        for (const [k, v] of ops) {
          index.set(k, v);
          map.set(k, v);
        }
        expect(index.size).toBe(map.size);
        expect(index.get(probe)).toBe(map.get(probe));
        for (const k of map.keys()) expect(index.get(k)).toBe(map.get(k));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every key through many doublings, and finds keys equal by value but built apart', () => {
    const index = new StringIndex<number>();
    for (let i = 0; i < 200_000; i++) index.set(`key-${i}`, i);
    expect(index.size).toBe(200_000);
    // Every key: the one whose set doubles the table is placed by the doubling itself.
    let lost = 0;
    for (let i = 0; i < 200_000; i++) if (index.get(['key', String(i)].join('-')) !== i) lost += 1;
    expect(lost).toBe(0);
    expect(index.get('key-200000')).toBeUndefined();
    expect(index.get('')).toBeUndefined();
  });
});
