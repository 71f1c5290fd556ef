import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DigitIdIndex } from './digitIdIndex.ts';
import { StringIdInterner } from './stringIdInterner.ts';

/** Interns `ids` with the interner, in batches of `batch`, and returns the customer numbers. */
function intern(ids: readonly string[], batch: number): { out: number[]; interner: StringIdInterner } {
  const interner = new StringIdInterner(4);
  const out = new Int32Array(ids.length);
  for (let from = 0; from < ids.length; from += batch) {
    const slice = ids.slice(from, from + batch);
    expect(interner.intern(slice, slice.length, out, from)).toBe(-1);
  }
  return { out: [...out], interner };
}

/** The reference: numbers in order of first appearance, by a plain Map. */
function reference(ids: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    if (!seen.has(id)) seen.set(id, seen.size);
    return seen.get(id) as number;
  });
}

describe('DigitIdIndex', () => {
  it('reads zero-padded ids of the learned width only', () => {
    const index = new DigitIdIndex();
    index.learn('c0000123');
    expect([index.valueOf('c0000000'), index.valueOf('c9999999'), index.valueOf('c000012'), index.valueOf('c00000123'), index.valueOf('d0000123'), index.valueOf('c00x0123')]).toEqual([0, 9_999_999, -1, -1, -1, -1]);
  });

  it('reads numbers without a leading zero when the first id has none', () => {
    const index = new DigitIdIndex();
    index.learn('1234');
    expect([index.valueOf('0'), index.valueOf('7'), index.valueOf('07'), index.valueOf('16777215'), index.valueOf('16777216'), index.valueOf('123456789')]).toEqual([0, 7, -1, 16_777_215, -1, -1]);
  });

  it('learns from the first id only, and never from ids with too many digits', () => {
    const index = new DigitIdIndex();
    index.learn('vip-07');
    index.learn('c1');
    expect([index.valueOf('vip-42'), index.valueOf('c1')]).toEqual([42, -1]);
    const guest = new DigitIdIndex();
    guest.learn('guest');
    guest.learn('c1');
    expect(guest.valueOf('c1')).toBe(-1);
    const phones = new DigitIdIndex();
    phones.learn('13800001234');
    phones.learn('c1');
    expect(phones.valueOf('c1')).toBe(-1);
  });

  it('interns mixed id shapes exactly as a Map does, in order of first appearance, in any batch size', () => {
    const id = fc.oneof(
      fc.integer({ min: 0, max: 300 }).map((n) => `c${String(n).padStart(4, '0')}`),
      fc.integer({ min: 0, max: 300 }).map((n) => `c${n}`),
      fc.integer({ min: 0, max: 300 }).map((n) => String(n)),
      fc.integer({ min: 16_777_200, max: 16_777_300 }).map((n) => `c${n}`),
      fc.constantFrom('guest', 'x', 'c', 'c00', '٣', 'c0000x'),
    );
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 400 }), fc.integer({ min: 1, max: 200 }), (ids, batch) => {
        const { out, interner } = intern(ids, batch);
        expect(out).toEqual(reference(ids));
        expect(interner.ids).toEqual([...new Set(ids)]);
      }),
      { numRuns: 500 },
    );
  });
});
