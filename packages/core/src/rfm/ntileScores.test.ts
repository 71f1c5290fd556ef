import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ntileScores } from '../index.ts';

/** SQL NTILE(t) OVER (ORDER BY key, id) written the obvious way: sort, then deal rows out. */
function referenceNtile(keys: number[], ids: string[], t = 5): number[] {
  const n = keys.length;
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a]! - keys[b]! !== 0 ? keys[a]! - keys[b]! : ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  const out = new Array<number>(n);
  const size = Math.floor(n / t);
  const extra = n % t;
  let pos = 0;
  for (let tile = 1; tile <= t; tile++) {
    const rows = size + (tile <= extra ? 1 : 0);
    for (let k = 0; k < rows; k++) out[order[pos++]!] = tile;
  }
  return out;
}

const distinctIds = (n: number): string[] => Array.from({ length: n }, (_, i) => `id${((i * 7919) % 10007).toString(36)}-${i}`);

describe('ntileScores', () => {
  it('deals rows like SQL NTILE(5): the first n mod 5 tiles get one row more', () => {
    const scores = ntileScores(Float64Array.from([1, 2, 3, 4, 5, 6, 7]), distinctIds(7));
    expect([...scores]).toEqual([1, 1, 2, 2, 3, 4, 5]);
  });

  it('splits a tie group that straddles a boundary by customer id', () => {
    expect([...ntileScores(Float64Array.of(1, 1, 1, 1, 1), ['e', 'd', 'c', 'b', 'a'])]).toEqual([5, 4, 3, 2, 1]);
  });

  it('uses only the lower tiles when there are fewer customers than tiles', () => {
    expect([...ntileScores(Float64Array.of(30, 10, 20), ['x', 'y', 'z'])]).toEqual([3, 1, 2]);
  });

  it('matches a sort-based reference NTILE on random data with many ties', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 2, max: 7 }), (keys, tiles) => {
        const ids = distinctIds(keys.length);
        expect([...ntileScores(Float64Array.from(keys), ids, tiles)]).toEqual(referenceNtile(keys, ids, tiles));
      }),
      { numRuns: 300 },
    );
  });

  it('matches the reference on continuous keys and large n', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 500, maxLength: 3000 }), (keys) => {
        const ids = distinctIds(keys.length);
        expect([...ntileScores(Float64Array.from(keys), ids)]).toEqual(referenceNtile(keys, ids));
      }),
      { numRuns: 40 },
    );
  });

  it('with idsAscending, breaks ties by index and still matches the reference on ascending ids (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 2, max: 7 }), (keys, tiles) => {
        const ids = keys.map((_, i) => `c${String(i).padStart(5, '0')}`);
        expect([...ntileScores(Float64Array.from(keys), ids, tiles, true)]).toEqual(referenceNtile(keys, ids, tiles));
      }),
      { numRuns: 200 },
    );
  });

  it('matches the reference above the bucket-selection threshold, with large tie groups, either way of breaking ties', () => {
    const n = 9_001;
    const keys = Array.from({ length: n }, (_, i) => ((i * 7919) % 13) ** 2);
    const ascending = keys.map((_, i) => `c${String(i).padStart(5, '0')}`);
    const shuffled = distinctIds(n);
    expect([...ntileScores(Float64Array.from(keys), ascending, 5, true)]).toEqual(referenceNtile(keys, ascending));
    expect([...ntileScores(Float64Array.from(keys), shuffled)]).toEqual(referenceNtile(keys, shuffled));
  });
});
