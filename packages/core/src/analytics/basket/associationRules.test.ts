import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groceryBaskets } from '../../../test/fixtures/groceries.ts';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { associationRules, type AssociationRule } from './associationRules.ts';

const groceries = groceryBaskets();
const key = (r: AssociationRule): string => `${r.antecedent.join('|')}=>${r.consequent[0]}`;
const find = (rules: readonly AssociationRule[], lhs: string[], rhs: string): AssociationRule | undefined =>
  rules.find((r) => key(r) === `${[...lhs].sort().join('|')}=>${rhs}`);

// Published arules figures are printed to 4–7 significant digits, so each
// value is compared to half a unit in the last printed digit; counts are exact.
describe('associationRules on Groceries (arules reference figures)', () => {
  it('reads the data set as arules does: 9,835 baskets, 169 items, density 0.02609146', () => {
    const r = associationRules(groceries, { minSupport: 1e-9, minConfidence: 1, maxLength: 1, itemsets: true });
    expect(r.transactionCount).toBe(9835);
    expect(r.itemsets).toHaveLength(169);
    const cells = r.itemsets!.reduce((s, x) => s + x.count, 0);
    expect(Math.abs(cells / (9835 * 169) - 0.02609146)).toBeLessThan(5e-9);
  });

  it('counts the most frequent items as summary(Groceries) prints them', () => {
    const top = associationRules(groceries, { minSupport: 0.1, minConfidence: 1, maxLength: 1, itemsets: true }).itemsets!;
    expect(top.slice(0, 5).map((s) => [s.items[0], s.count])).toEqual([
      ['whole milk', 2513],
      ['other vegetables', 1903],
      ['rolls/buns', 1809],
      ['soda', 1715],
      ['yogurt', 1372],
    ]);
  });

  it('finds 410 rules at support 0.001, confidence 0.8, the top-lift one {liquor, red/blush wine} ⇒ {bottled beer}', () => {
    const { rules, minCount } = associationRules(groceries, { minSupport: 0.001, minConfidence: 0.8 });
    expect(minCount).toBe(10);
    expect(rules).toHaveLength(410);
    const top = rules[0]!;
    expect(top.antecedent).toEqual(['liquor', 'red/blush wine']);
    expect(top.consequent).toEqual(['bottled beer']);
    expect(top.count).toBe(19);
    expect(Math.abs(top.support - 0.001932)).toBeLessThan(5e-7);
    expect(Math.abs(top.confidence - 0.9048)).toBeLessThan(5e-5);
    expect(Math.abs(top.lift - 11.235)).toBeLessThan(5e-4);
  });

  it('finds 5,668 rules at support 0.001, confidence 0.5 with the arulesViz top three by lift', () => {
    const { rules } = associationRules(groceries, { minSupport: 0.001, minConfidence: 0.5 });
    expect(rules).toHaveLength(5668);
    const expected: [string[], string, number, number, number][] = [
      [['Instant food products', 'soda'], 'hamburger meat', 0.001220132, 0.6315789, 18.99565],
      [['soda', 'popcorn'], 'salty snack', 0.001220132, 0.6315789, 16.69779],
      [['flour', 'baking powder'], 'sugar', 0.001016777, 0.5555556, 16.40807],
    ];
    expected.forEach(([lhs, rhs, support, confidence, lift], i) => {
      const r = rules[i]!;
      expect(key(r)).toBe(`${[...lhs].sort().join('|')}=>${rhs}`);
      expect(Math.abs(r.support - support)).toBeLessThan(5e-10);
      expect(Math.abs(r.confidence - confidence)).toBeLessThan(5e-8);
      expect(Math.abs(r.lift - lift)).toBeLessThan(5e-6);
    });
  });

  it('finds 2,918 rules at support 0.001, confidence 0.6', () => {
    expect(associationRules(groceries, { minSupport: 0.001, minConfidence: 0.6 }).rules).toHaveLength(2918);
  });

  it('finds 15 rules at support 0.01, confidence 0.5, led by {citrus fruit, root vegetables} ⇒ {other vegetables}', () => {
    const { rules } = associationRules(groceries, { minSupport: 0.01, minConfidence: 0.5 });
    expect(rules).toHaveLength(15);
    expect(key(rules[0]!)).toBe('citrus fruit|root vegetables=>other vegetables');
    expect(Math.abs(rules[0]!.lift - 3.029608)).toBeLessThan(5e-6);
  });

  it('finds 463 rules at support 0.006, confidence 0.25, minlen 2 (Lantz, Machine Learning with R) led by {herbs} ⇒ {root vegetables}', () => {
    const { rules } = associationRules(groceries, { minSupport: 0.006, minConfidence: 0.25, minLength: 2 });
    expect(rules).toHaveLength(463);
    const bySize = [2, 3, 4].map((n) => rules.filter((r) => r.antecedent.length + 1 === n).length);
    expect(bySize).toEqual([150, 297, 16]);
    const herbs = find(rules, ['herbs'], 'root vegetables')!;
    expect(rules[0]).toBe(herbs);
    expect(Math.abs(herbs.support - 0.007015760)).toBeLessThan(5e-10);
    expect(Math.abs(herbs.confidence - 0.43125)).toBeLessThan(5e-8);
    expect(Math.abs(herbs.lift - 3.956477)).toBeLessThan(5e-6);
  });
});

/** Brute force: count every itemset by scanning all baskets. */
function countOf(baskets: readonly (readonly string[])[], items: readonly string[]): number {
  return baskets.filter((b) => items.every((i) => b.includes(i))).length;
}

describe('associationRules properties', () => {
  const basketArb = fc.array(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 5 }), { minLength: 1, maxLength: 40 });

  it('support, confidence, lift and count agree with brute-force counts', () => {
    fc.assert(
      fc.property(basketArb, fc.double({ min: 0.05, max: 0.6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (baskets, minSupport, minConfidence) => {
        const n = baskets.length;
        const { rules } = associationRules(baskets, { minSupport, minConfidence });
        for (const r of rules) {
          const all = [...r.antecedent, ...r.consequent];
          expect(r.count).toBe(countOf(baskets, all));
          expect(r.count).toBeGreaterThanOrEqual(Math.ceil(minSupport * n - 1e-9));
          expect(r.support).toBeCloseTo(r.count / n, 12);
          const body = countOf(baskets, r.antecedent);
          expect(r.confidence).toBeCloseTo(r.count / body, 12);
          expect(r.confidence).toBeGreaterThanOrEqual(minConfidence);
          expect(r.lift).toBeCloseTo(r.confidence / (countOf(baskets, r.consequent) / n), 9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('finds every rule brute force finds (complete) and is independent of basket order', () => {
    fc.assert(
      fc.property(basketArb, (baskets) => {
        const options = { minSupport: 0.1, minConfidence: 0.3, maxLength: 3 };
        const { rules } = associationRules(baskets, options);
        const minCount = Math.ceil(0.1 * baskets.length - 1e-9);
        const labels = [...new Set(baskets.flat())].sort();
        const expected = new Set<string>();
        const subsets: string[][] = [[]];
        for (const l of labels) for (const s of [...subsets]) if (s.length < 3) subsets.push([...s, l]);
        for (const set of subsets) {
          if (set.length === 0 || countOf(baskets, set) < minCount) continue;
          for (const head of set) {
            const body = set.filter((x) => x !== head);
            if (countOf(baskets, set) / countOf(baskets, body) >= 0.3) expected.add(`${body.join('|')}=>${head}`);
          }
        }
        expect(new Set(rules.map(key))).toEqual(expected);
        expect(associationRules([...baskets].reverse(), options).rules).toEqual(rules);
      }),
      { numRuns: 100 },
    );
  });
});

describe('associationRules input', () => {
  it('streams any iterable, e.g. a generator', () => {
    function* gen(): Generator<string[]> {
      yield ['a', 'b'];
      yield ['a', 'b'];
      yield ['a'];
    }
    expect(associationRules(gen(), { minSupport: 0.5, minConfidence: 0.9, minLength: 2 }).rules.map(key)).toEqual(['b=>a']);
  });

  it('treats a repeated item as bought once and counts empty baskets in N', () => {
    const r = associationRules([['a', 'a'], []], { minSupport: 0.5, minConfidence: 0, itemsets: true });
    expect(r.itemsets).toEqual([{ items: ['a'], count: 1, support: 0.5 }]);
    expect(r.rules).toEqual([{ antecedent: [], consequent: ['a'], support: 0.5, confidence: 0.5, lift: 1, count: 1 }]);
  });

  it('rejects empty input, bad thresholds and non-string items with a MemberkitError naming the field', () => {
    const fail = (f: () => unknown): MemberkitError => {
      try {
        f();
      } catch (e) {
        if (e instanceof MemberkitError) return e;
      }
      throw new Error('expected a MemberkitError');
    };
    expect(fail(() => associationRules([], { minSupport: 0.1, minConfidence: 0.5 })).code).toBe('insufficient_data');
    expect(fail(() => associationRules([['a']], { minSupport: 0, minConfidence: 0.5 })).field).toBe('minSupport');
    expect(fail(() => associationRules([['a']], { minSupport: 0.1, minConfidence: 1.5 })).field).toBe('minConfidence');
    expect(fail(() => associationRules([['a']], { minSupport: 0.1, minConfidence: 0.5, minLength: 3, maxLength: 2 })).field).toBe('minLength');
    expect(fail(() => associationRules([['a', 3 as unknown as string]], { minSupport: 0.1, minConfidence: 0.5 })).field).toBe('baskets.0.1');
    expect(fail(() => associationRules(null as unknown as string[][], { minSupport: 0.1, minConfidence: 0.5 })).field).toBe('baskets');
    // support 1e-9 on Groceries: every co-occurring set is frequent; the guard stops it early
    expect(fail(() => associationRules(groceries, { minSupport: 1e-9, minConfidence: 0.5, maxItemsets: 100_000 })).field).toBe('minSupport');
  });
});
