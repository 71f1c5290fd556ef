import { z } from 'zod';
import { parseOrThrow } from '../../errors/parseOrThrow.ts';
import type { AssociationRule } from './associationRules.ts';

/**
 * One cross-sell suggestion: an item not in the basket, with the rule that
 * suggests it most strongly.
 *
 * @example
 * ```ts
 * import type { Recommendation } from '@memberkit/core';
 * const r: Recommendation = { item: 'diapers', confidence: 0.8, lift: 2, support: 0.2, rule: { antecedent: ['milk powder'], consequent: ['diapers'], support: 0.2, confidence: 0.8, lift: 2, count: 20 } };
 * ```
 */
export interface Recommendation {
  readonly item: string;
  readonly confidence: number;
  readonly lift: number;
  readonly support: number;
  readonly rule: AssociationRule;
}

/**
 * Options of {@link recommend}.
 *
 * @example
 * ```ts
 * import type { RecommendOptions } from '@memberkit/core';
 * const options: RecommendOptions = { limit: 3, minLift: 1.2 };
 * ```
 */
export interface RecommendOptions {
  /** Most suggestions to return (default 5). */
  readonly limit?: number;
  /** Ignore rules with a lower lift (default 1: only items the basket makes more likely). */
  readonly minLift?: number;
}

const optionsSchema = z.object({
  limit: z.number().int().min(1).default(5),
  minLift: z.number().min(0).default(1),
});

/**
 * Cross-sell (R-ANA-3, 关联推荐): the items a basket's rules point to. A rule
 * fires when its whole antecedent is in the basket and its consequent is
 * not; each item is scored by its best firing rule, ranked by confidence,
 * then lift, then support, then label, so the answer is deterministic.
 *
 * @example
 * ```ts
 * import { recommend } from '@memberkit/core';
 * const rules = [{ antecedent: ['milk powder'], consequent: ['diapers'], support: 0.2, confidence: 0.8, lift: 2, count: 20 }];
 * recommend(['milk powder'], rules).map((r) => r.item);
 * //=> ['diapers']
 * ```
 */
export function recommend(basket: Iterable<string>, rules: readonly AssociationRule[], options: RecommendOptions = {}): Recommendation[] {
  const opts = parseOrThrow(optionsSchema, options, 'invalid_input', 'recommend options');
  const have = new Set(basket);
  const best = new Map<string, AssociationRule>();
  for (const rule of rules) {
    const item = rule.consequent[0];
    if (item === undefined || have.has(item) || rule.lift < opts.minLift) continue;
    if (!rule.antecedent.every((x) => have.has(x))) continue;
    const prev = best.get(item);
    if (!prev || rule.confidence > prev.confidence || (rule.confidence === prev.confidence && (rule.lift > prev.lift || (rule.lift === prev.lift && rule.support > prev.support)))) {
      best.set(item, rule);
    }
  }
  return [...best.entries()]
    .map(([item, rule]) => ({ item, confidence: rule.confidence, lift: rule.lift, support: rule.support, rule }))
    .sort((x, y) => y.confidence - x.confidence || y.lift - x.lift || y.support - x.support || (x.item < y.item ? -1 : x.item > y.item ? 1 : 0))
    .slice(0, opts.limit);
}
