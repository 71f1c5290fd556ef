import type { EventType } from '../events/eventTypes.ts';
import type { MemberkitEvent } from '../events/memberkitEvent.ts';
import { compileCondition, type CompiledCondition } from './compileCondition.ts';
import type { EventMatch } from './eventMatcher.ts';
import { ruleAffectedBy, ruleAffectedTypes } from './ruleAffectedBy.ts';
import type { RuleTag, Segment } from './ruleDefinition.ts';
import { ruleTriggers } from './ruleTriggers.ts';

/**
 * One rule tag or segment, compiled: its test, and which events can change
 * its answer (`null`: any event).
 *
 * @example
 * ```ts
 * import { compileRules, type CompiledRule } from '@memberkit/core';
 * const [gold]: readonly CompiledRule[] = compileRules([{ id: 'gold', kind: 'static', rule: { field: 'attributes.tier', op: 'eq', value: 'gold' } }], []).tags;
 * ```
 */
export interface CompiledRule {
  readonly id: string;
  readonly test: CompiledCondition;
  readonly affectedBy: EventMatch | null;
  /** Event types `affectedBy` can accept; `null`: any. */
  readonly affectedTypes: ReadonlySet<EventType> | null;
  readonly triggers: ReadonlySet<EventType> | null;
}

/**
 * Rule tags and segments compiled once for repeated evaluation.
 *
 * @example
 * ```ts
 * import { compileRules, type CompiledRules } from '@memberkit/core';
 * const rules: CompiledRules = compileRules([], [{ id: 'buyers', name: 'Buyers', rule: { event: 'order_completed' } }]);
 * rules.segments.length;
 * //=> 1
 * ```
 */
export interface CompiledRules {
  readonly tags: readonly CompiledRule[];
  readonly segments: readonly CompiledRule[];
  /** The rules (in order) an event of this type may affect. */
  forType(type: EventType): { readonly tags: readonly CompiledRule[]; readonly segments: readonly CompiledRule[] };
}

const cache = new WeakMap<readonly RuleTag[], WeakMap<readonly Segment[], CompiledRules>>();

const compileOne = (r: RuleTag | Segment): CompiledRule => ({
  id: r.id,
  test: compileCondition(r.rule),
  affectedBy: ruleAffectedBy(r.rule),
  affectedTypes: ruleAffectedTypes(r.rule),
  triggers: ruleTriggers(r.rule),
});

const mayAffect = (type: EventType) => (r: CompiledRule) => r.affectedTypes === null || r.affectedTypes.has(type);

function build(ruleTags: readonly RuleTag[], segments: readonly Segment[]): CompiledRules {
  const tags = ruleTags.map(compileOne);
  const segs = segments.map(compileOne);
  const byType = new Map<EventType, { tags: CompiledRule[]; segments: CompiledRule[] }>();
  return {
    tags,
    segments: segs,
    forType(type) {
      let found = byType.get(type);
      if (!found) {
        found = { tags: tags.filter(mayAffect(type)), segments: segs.filter(mayAffect(type)) };
        byType.set(type, found);
      }
      return found;
    },
  };
}

/**
 * Compiles rule tags and segments (cached per pair of arrays, so the engine's
 * rules are compiled once, not per event or per profile).
 *
 * @example
 * ```ts
 * import { compileRules } from '@memberkit/core';
 * compileRules([{ id: 'gold', kind: 'static', rule: { field: 'attributes.tier', op: 'eq', value: 'gold' } }], []).tags[0]?.id;
 * //=> 'gold'
 * ```
 */
export function compileRules(ruleTags: readonly RuleTag[], segments: readonly Segment[]): CompiledRules {
  let bySegments = cache.get(ruleTags);
  if (!bySegments) {
    bySegments = new WeakMap();
    cache.set(ruleTags, bySegments);
  }
  let compiled = bySegments.get(segments);
  if (!compiled) {
    compiled = build(ruleTags, segments);
    bySegments.set(segments, compiled);
  }
  return compiled;
}

/**
 * Whether a compiled rule must be re-evaluated for a trigger: always without
 * one; by {@link ruleTriggers} for an event type; by the finer
 * {@link ruleAffectedBy} for the event itself.
 *
 * @example
 * ```ts
 * import { compileRules, ruleNeedsEvaluation } from '@memberkit/core';
 * const [rule] = compileRules([{ id: 'buyer', kind: 'dynamic', rule: { event: 'order_completed' } }], []).tags;
 * ruleNeedsEvaluation(rule!, 'product_viewed');
 * //=> false
 * ```
 */
export function ruleNeedsEvaluation(rule: CompiledRule, trigger: EventType | MemberkitEvent | undefined): boolean {
  if (trigger === undefined) return true;
  if (typeof trigger === 'string') return rule.triggers === null || rule.triggers.has(trigger);
  return rule.affectedBy === null || rule.affectedBy(trigger);
}
