import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Profile, TagAssignment } from '../profile/profile.ts';
import { applyRules } from './applyRules.ts';
import type { RuleTag } from './ruleDefinition.ts';

describe('applyRules', () => {
  it('enters and leaves rule tags as a rule-by-rule scan would, with any number of rules, shared ids and manual tags of the same name (property)', () => {
    // Up to 40 rules (more than the 31 that get a bit), ids drawn from 36 names so some repeat;
    // each holds when its trait is true. The profile starts with some of those tags, from rules or by hand.
    const arb = fc.record({
      rules: fc.array(fc.record({ name: fc.integer({ min: 0, max: 35 }), trait: fc.integer({ min: 0, max: 7 }) }), { minLength: 1, maxLength: 40 }),
      traits: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      tags: fc.uniqueArray(fc.record({ name: fc.integer({ min: 0, max: 35 }), origin: fc.constantFrom('rule' as const, 'manual' as const) }), { selector: (t) => `${t.name}/${t.origin}`, maxLength: 12 }),
    });
    fc.assert(
      fc.property(arb, ({ rules, traits, tags }) => {
        const ruleTags: RuleTag[] = rules.map((r) => ({ id: `t${r.name}`, kind: 'dynamic', rule: { field: `traits.k${r.trait}`, op: 'eq', value: true } }));
        const start: TagAssignment[] = tags.map((t) => ({ tag: `t${t.name}`, origin: t.origin, at: 0 }));
        const profile: Profile = {
          id: 'p1',
          createdAt: 0,
          updatedAt: 0,
          identities: [],
          traits: Object.fromEntries(traits.map((v, k) => [`k${k}`, v])),
          tags: start,
          segments: [],
          attributes: {},
        };
        // The model: each rule in order checks for a rule-made tag of its id, adds or removes one.
        let model = start.map((t) => ({ tag: t.tag, origin: t.origin }));
        const entered: string[] = [];
        const left: string[] = [];
        for (const r of ruleTags) {
          const holds = traits[Number(r.rule && 'field' in r.rule ? r.rule.field.slice(8) : -1)] === true;
          const i = model.findIndex((t) => t.tag === r.id && t.origin === 'rule');
          if (holds === i >= 0) continue;
          if (holds) {
            model = [...model, { tag: r.id, origin: 'rule' }];
            entered.push(r.id);
          } else {
            model = model.filter((_, k) => k !== i);
            left.push(r.id);
          }
        }
        const out = applyRules(profile, [], 1_000, ruleTags, []);
        expect(out.profile.tags.map((t) => ({ tag: t.tag, origin: t.origin }))).toEqual(model);
        expect(out.changes.tagsEntered).toEqual(entered);
        expect(out.changes.tagsLeft).toEqual(left);
      }),
      { numRuns: 500 },
    );
  });
});
