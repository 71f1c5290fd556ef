import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactMap } from './compactMap.ts';
import { CompactSet } from './compactSet.ts';

// Enough distinct keys to cross the linear limit (8) and move to the native collection.
const KEYS = Array.from({ length: 14 }, (_, i) => `k${i}`);
const key = fc.constantFrom(...KEYS);
const probe = fc.constantFrom('k0', 'k7', 'k13', 'absent');

describe('CompactMap', () => {
  it('behaves as a Map for any sequence of sets, deletes and clears, below and past the linear limit', () => {
    const op = fc.oneof(
      { arbitrary: fc.record({ kind: fc.constant('set' as const), key, value: fc.integer() }), weight: 6 },
      { arbitrary: fc.record({ kind: fc.constant('delete' as const), key, value: fc.constant(0) }), weight: 3 },
      { arbitrary: fc.record({ kind: fc.constant('clear' as const), key, value: fc.constant(0) }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), probe, (ops, p) => {
        const compact = new CompactMap<number>();
        const map = new Map<string, number>();
        for (const o of ops) {
          if (o.kind === 'set') expect(compact.set(o.key, o.value)).toBe(compact);
          else if (o.kind === 'delete') expect(compact.delete(o.key)).toBe(map.delete(o.key));
          else compact.clear();
          if (o.kind === 'set') map.set(o.key, o.value);
          else if (o.kind === 'clear') map.clear();
          expect(compact.get(p)).toBe(map.get(p));
          expect(compact.size).toBe(map.size);
        }
        expect(compact.has(p)).toBe(map.has(p));
        expect([...compact]).toEqual([...map]);
        expect([...compact.keys()]).toEqual([...map.keys()]);
        expect([...compact.values()]).toEqual([...map.values()]);
        expect([...compact.entries()]).toEqual([...map.entries()]);
        const seen: [string, number][] = [];
        compact.forEach((v, k, m) => {
          expect(m).toBe(compact);
          seen.push([k, v]);
        });
        expect(seen).toEqual([...map]);
        // Keys equal by value but not the same string object are found too.
        expect(compact.get(['k', '7'].join(''))).toBe(map.get('k7'));
        expect(new CompactMap(map).size).toBe(map.size);
      }),
      { numRuns: 500 },
    );
  });

  it('serialises and describes itself like a Map', () => {
    const m = new CompactMap<number>([['a', 1]]);
    expect(JSON.stringify({ m })).toBe(JSON.stringify({ m: new Map([['a', 1]]) }));
    expect(Object.prototype.toString.call(m)).toBe('[object CompactMap]');
  });
});

describe('CompactSet', () => {
  it('behaves as a Set for any sequence of adds, deletes and clears, below and past the linear limit', () => {
    const op = fc.oneof(
      { arbitrary: fc.record({ kind: fc.constant('add' as const), key }), weight: 6 },
      { arbitrary: fc.record({ kind: fc.constant('delete' as const), key }), weight: 3 },
      { arbitrary: fc.record({ kind: fc.constant('clear' as const), key }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), probe, (ops, p) => {
        const compact = new CompactSet();
        const set = new Set<string>();
        for (const o of ops) {
          if (o.kind === 'add') expect(compact.add(o.key)).toBe(compact);
          else if (o.kind === 'delete') expect(compact.delete(o.key)).toBe(set.delete(o.key));
          else compact.clear();
          if (o.kind === 'add') set.add(o.key);
          else if (o.kind === 'clear') set.clear();
          expect(compact.has(p)).toBe(set.has(p));
          expect(compact.size).toBe(set.size);
        }
        expect([...compact]).toEqual([...set]);
        expect([...compact.keys()]).toEqual([...set.keys()]);
        expect([...compact.values()]).toEqual([...set.values()]);
        expect([...compact.entries()]).toEqual([...set.entries()]);
        const seen: string[] = [];
        compact.forEach((v, v2, s) => {
          expect(v2).toBe(v);
          expect(s).toBe(compact);
          seen.push(v);
        });
        expect(seen).toEqual([...set]);
        // Below the linear limit the values are readable in order without an iterator.
        const items = compact.linearItems();
        if (items !== undefined) expect(items.slice(0, compact.size)).toEqual([...set]);
        else expect(set.size).toBeGreaterThan(0);
        expect(compact.has(['k', '7'].join(''))).toBe(set.has('k7'));
        expect(new CompactSet(set).size).toBe(set.size);
      }),
      { numRuns: 500 },
    );
  });

  it('serialises like a Set', () => {
    expect(JSON.stringify({ s: new CompactSet(['a']) })).toBe(JSON.stringify({ s: new Set(['a']) }));
  });
});
