import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groceryBaskets } from '../../../test/fixtures/groceries.ts';
import { associationRules, type AssociationRule } from './associationRules.ts';
import { filterRedundantRules } from './filterRedundantRules.ts';

const rule = (antecedent: string[], consequent: string, confidence: number): AssociationRule => ({
  antecedent,
  consequent: [consequent],
  support: 0.1,
  confidence,
  lift: 1,
  count: 1,
});

describe('filterRedundantRules', () => {
  it('drops a specific rule when a general one with the same consequent is at least as confident', () => {
    const rules = [rule(['a'], 'y', 0.8), rule(['a', 'b'], 'y', 0.8), rule(['a', 'c'], 'y', 0.9), rule(['a', 'b'], 'z', 0.5)];
    expect(filterRedundantRules(rules)).toEqual([rules[0], rules[2], rules[3]]);
  });

  it('counts the empty antecedent as more general, and compares only rules in the set', () => {
    expect(filterRedundantRules([rule([], 'y', 0.6), rule(['a'], 'y', 0.55)])).toEqual([rule([], 'y', 0.6)]);
    // {a, b} ⇒ y is kept: its generalisation {a} ⇒ y is not in the set.
    expect(filterRedundantRules([rule(['a', 'b'], 'y', 0.1)])).toHaveLength(1);
  });

  it('agrees with a brute-force reading of the definition on mined rules', () => {
    const basketArb = fc.array(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 5 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(basketArb, (baskets) => {
        const { rules } = associationRules(baskets, { minSupport: 0.1, minConfidence: 0.2 });
        const kept = filterRedundantRules(rules);
        const expected = rules.filter(
          (r) =>
            !rules.some(
              (g) =>
                g.consequent[0] === r.consequent[0] &&
                g.antecedent.length < r.antecedent.length &&
                g.antecedent.every((x) => r.antecedent.includes(x)) &&
                g.confidence >= r.confidence,
            ),
        );
        expect(kept).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('prunes the 410 Groceries rules but keeps the top-lift rule, which has no generalisation', () => {
    const { rules } = associationRules(groceryBaskets(), { minSupport: 0.001, minConfidence: 0.8 });
    const kept = filterRedundantRules(rules);
    expect(kept.length).toBeLessThan(rules.length);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept[0]).toBe(rules[0]);
  });
});
