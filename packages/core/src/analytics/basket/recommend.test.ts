import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groceryBaskets } from '../../../test/fixtures/groceries.ts';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { associationRules } from './associationRules.ts';
import { recommend } from './recommend.ts';

const { rules } = associationRules(groceryBaskets(), { minSupport: 0.001, minConfidence: 0.5 });

describe('recommend', () => {
  it('suggests bottled beer to a basket of liquor and red/blush wine (the top Groceries rule)', () => {
    const [first] = recommend(['liquor', 'red/blush wine'], rules);
    expect(first?.item).toBe('bottled beer');
    expect(first?.confidence).toBeCloseTo(0.9048, 4);
  });

  it('never suggests what is in the basket, only from rules that fire, best first, at most limit', () => {
    const labels = [...new Set(rules.flatMap((r) => [...r.antecedent, ...r.consequent]))].sort();
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...labels), { maxLength: 6 }), fc.integer({ min: 1, max: 8 }), (basket, limit) => {
        const recs = recommend(basket, rules, { limit });
        expect(recs.length).toBeLessThanOrEqual(limit);
        for (const r of recs) {
          expect(basket).not.toContain(r.item);
          expect(r.rule.antecedent.every((x) => basket.includes(x))).toBe(true);
          expect(r.lift).toBeGreaterThanOrEqual(1);
        }
        for (let i = 1; i < recs.length; i++) expect(recs[i - 1]!.confidence).toBeGreaterThanOrEqual(recs[i]!.confidence);
        // each item is scored by its best firing rule
        for (const r of recs) {
          const firing = rules.filter((x) => x.consequent[0] === r.item && x.antecedent.every((a) => basket.includes(a)));
          expect(r.confidence).toBe(Math.max(...firing.map((x) => x.confidence)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a bad limit', () => {
    expect(() => recommend(['a'], rules, { limit: 0 })).toThrow(MemberkitError);
  });
});
