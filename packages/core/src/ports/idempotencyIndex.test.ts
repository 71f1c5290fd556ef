import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandFingerprint } from '../idempotency/commandFingerprint.ts';
import { IdempotencyIndex } from './idempotencyIndex.ts';

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABC';
// Fingerprints in commandFingerprint's form and near misses: other digits, other lengths, no colon, a last digit above 7.
const fingerprint = fc.oneof(
  fc.integer().map((points) => commandFingerprint.redeem({ points })),
  fc.string({ maxLength: 5 }).map((reason) => commandFingerprint.adjust({ points: 1, reason })),
  fc.tuple(fc.constantFrom('redeem', 'x', '', 'a:b'), fc.array(fc.constantFrom(...DIGITS), { minLength: 9, maxLength: 13 })).map(([op, d]) => `${op}:${d.join('')}`),
  fc.string({ maxLength: 20 }),
);

describe('IdempotencyIndex', () => {
  it('gives back every record as it was last set, whatever the fingerprint looks like', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.constantFrom('k1', 'k2', 'k3', 'k4'), memberId: fc.constantFrom('m1', 'm2'), fingerprint, result: fc.integer() }), { maxLength: 30 }), (records) => {
        const index = new IdempotencyIndex();
        const map = new Map<string, (typeof records)[number]>();
        for (const r of records) {
          index.set(r);
          map.set(r.key, r);
        }
        expect(index.size).toBe(map.size);
        for (const k of ['k1', 'k2', 'k3', 'k4']) expect(index.get(k)).toEqual(map.get(k));
      }),
      { numRuns: 500 },
    );
  });

  it('returns the stored result itself, so a replay gives back the first result object', () => {
    const index = new IdempotencyIndex();
    const result = { points: 5 };
    index.set({ key: 'k', memberId: 'm', fingerprint: commandFingerprint.redeem({ points: 5 }), result });
    expect(index.get('k')?.result).toBe(result);
  });
});
