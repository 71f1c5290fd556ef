import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestFingerprint } from './requestFingerprint.ts';

// The reference the streaming hash must equal: build the canonical JSON, then cyrb53 it.
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const parts = Object.keys(value)
      .sort()
      .flatMap((k) => {
        const v = (value as Record<string, unknown>)[k];
        return v === undefined ? [] : [`${JSON.stringify(k)}:${canonicalJson(v)}`];
      });
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function reference(operation: string, params: unknown): string {
  const text = canonicalJson(params);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${operation}:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

const json = fc.anything({ withNullPrototype: true, withObjectString: true, withSparseArray: true, withBoxedValues: false, withBigInt: false, withMap: false, withSet: false, withTypedArray: false });

describe('requestFingerprint', () => {
  it('equals the hash of the canonical JSON text for any value (strings with escapes and lone surrogates included)', () => {
    fc.assert(
      fc.property(json, (v) => {
        expect(requestFingerprint('op', v)).toBe(reference('op', v));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const v = { [a]: b, [b]: [a, undefined] };
        expect(requestFingerprint('s', v)).toBe(reference('s', v));
      }),
    );
  });

  it('ignores key order and undefined fields, and tells different parameters apart', () => {
    expect(requestFingerprint('x', { a: 1, b: [1, { d: 2, c: 'é"\\' }] })).toBe(requestFingerprint('x', { b: [1, { c: 'é"\\', d: 2 }], a: 1, z: undefined }));
    expect(requestFingerprint('x', { a: 1 })).not.toBe(requestFingerprint('x', { a: '1' }));
    expect(requestFingerprint('x', [undefined])).toBe(requestFingerprint('x', [null]));
    expect(requestFingerprint('x', { n: Number.NaN })).toBe(reference('x', { n: null }));
  });
});
