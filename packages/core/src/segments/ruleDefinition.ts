import { z } from 'zod';
import { parseOrThrow } from '../errors/parseOrThrow.ts';
import { conditionSchema, type Condition } from './condition.ts';

const idSchema = z.string().regex(/^[\w\-:.\u4e00-\u9fff]{1,100}$/, 'use letters, digits, _ - : . or Chinese characters (max 100)');

/**
 * A tag applied automatically while its rule holds (R-TAG-1/2): `static`
 * (attributes such as gender or tier), `dynamic` (recent behaviour such as
 * "viewed baby products in the last 7 days") or `scene` (a context such as
 * "in-store customer").
 *
 * @example
 * ```ts
 * import type { RuleTag } from '@memberkit/core';
 * const t: RuleTag = { id: 'cart-abandoner', kind: 'dynamic', rule: { event: 'product_added', within: { last: 1, unit: 'day' }, notFollowedBy: { event: 'order_completed', within: { last: 1, unit: 'hour' } } } };
 * ```
 */
export interface RuleTag {
  readonly id: string;
  readonly name?: string;
  readonly kind: 'static' | 'dynamic' | 'scene';
  readonly rule: Condition;
}

/**
 * A named audience defined by a rule tree (R-TAG-3).
 *
 * @example
 * ```ts
 * import type { Segment } from '@memberkit/core';
 * const s: Segment = { id: 'gold-mums', name: '金卡宝妈', rule: { all: [{ field: 'attributes.tier', op: 'eq', value: 'gold' }, { hasTag: 'baby-interest' }] } };
 * ```
 */
export interface Segment {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly rule: Condition;
}

const ruleTagSchema = z.object({ id: idSchema, name: z.string().max(200).optional(), kind: z.enum(['static', 'dynamic', 'scene']), rule: conditionSchema }).strict();
const segmentSchema = z.object({ id: idSchema, name: z.string().min(1).max(200), description: z.string().max(2000).optional(), rule: conditionSchema }).strict();

/**
 * Validates a rule tag definition; throws `invalid_config` naming the field.
 *
 * @example
 * ```ts
 * import { defineRuleTag } from '@memberkit/core';
 * const gold = defineRuleTag({ id: 'gold', kind: 'static', rule: { field: 'attributes.tier', op: 'eq', value: 'gold' } });
 * ```
 */
export function defineRuleTag(input: RuleTag): RuleTag {
  return parseOrThrow(ruleTagSchema, input, 'invalid_config', 'rule tag') as RuleTag;
}

/**
 * Validates a segment definition; throws `invalid_config` naming the field.
 *
 * @example
 * ```ts
 * import { defineSegment } from '@memberkit/core';
 * const babyBuyers = defineSegment({ id: 'baby-buyers', name: '母婴买家', rule: { event: 'order_completed', where: { 'products.category': 'baby' } } });
 * ```
 */
export function defineSegment(input: Segment): Segment {
  return parseOrThrow(segmentSchema, input, 'invalid_config', 'segment') as Segment;
}
