import { describe, expect, it } from 'vitest';
import { StringIdInterner } from './stringIdInterner.ts';

describe('StringIdInterner', () => {
  it('numbers ids in order of first appearance across table growth, and finds them again', () => {
    const interner = new StringIdInterner(4);
    const n = 50_000;
    // Each id twice, the second time in reverse order, so lookups happen after many growths.
    const batch: string[] = [];
    for (let i = 0; i < n; i++) batch.push(`c${String(i).padStart(7, '0')}`);
    for (let i = n - 1; i >= 0; i--) batch.push(`c${String(i).padStart(7, '0')}`);
    const out = new Int32Array(2 * n);
    for (let from = 0; from < 2 * n; from += 4096) {
      const slice = batch.slice(from, from + 4096);
      expect(interner.intern(slice, slice.length, out, from)).toBe(-1);
    }
    expect(interner.size).toBe(n);
    for (let i = 0; i < n; i++) {
      expect(out[i]).toBe(i);
      expect(out[2 * n - 1 - i]).toBe(i);
    }
    expect(interner.ids[12_345]).toBe('c0012345');
  });

  it('reports the first id that is not a non-empty string', () => {
    const interner = new StringIdInterner();
    const out = new Int32Array(3);
    expect(interner.intern(['a', 7, ''], 3, out)).toBe(1);
    expect(interner.intern(['a', 'b', ''], 3, out)).toBe(2);
  });
});
