import { z } from 'zod';
import { EVENT_TYPES } from '../events/eventTypes.ts';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * A relative time window: the last N minutes, hours or days before "now".
 *
 * @example
 * ```ts
 * import { windowSchema } from '@memberkit/core';
 * windowSchema.safeParse({ last: 7, unit: 'day' }).success;
 * //=> true
 * ```
 */
export const windowSchema = z.object({
  last: z.number().positive(),
  unit: z.enum(['minute', 'hour', 'day']),
});

const comparison = z.object({ op: z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte']), value: z.number() });

/**
 * Compares a profile field: `traits.*`, `attributes.*`, `stats.*` (order
 * statistics, plus `daysSinceLastOrder` / `daysSinceFirstOrder`),
 * `identities.<kind>` or `createdDaysAgo`.
 *
 * @example
 * ```ts
 * import { fieldConditionSchema } from '@memberkit/core';
 * fieldConditionSchema.safeParse({ field: 'stats.daysSinceLastOrder', op: 'gte', value: 30 }).success;
 * //=> true
 * ```
 */
export const fieldConditionSchema = z
  .object({
    field: z.string().regex(/^(traits|attributes|stats|identities)\.[\w.]+$|^createdDaysAgo$/, 'field must start with traits., attributes., stats. or identities.'),
    op: z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'exists', 'notExists', 'contains']),
    value: z.union([scalar, z.array(scalar)]).optional(),
  })
  .strict()
  .refine((c) => c.op === 'exists' || c.op === 'notExists' || c.value !== undefined, { message: 'value is required for this op', path: ['value'] })
  .refine((c) => !['in', 'nin'].includes(c.op) || Array.isArray(c.value), { message: 'in / nin need an array value', path: ['value'] });

/**
 * Matches events: how many (or the sum of a property) within a window, with
 * property filters, optionally "not followed by" another event in time.
 *
 * @example
 * ```ts
 * import { eventConditionSchema } from '@memberkit/core';
 * eventConditionSchema.safeParse({ event: 'order_completed', within: { last: 90, unit: 'day' }, sum: { property: 'total', op: 'gte', value: 100000 } }).success;
 * //=> true
 * ```
 */
export const eventConditionSchema = z
  .object({
    event: z.enum(EVENT_TYPES),
    /** Property filters; a dotted path reaches into line items (`products.category`), matching if any item matches. */
    where: z.record(z.string(), z.union([scalar, z.array(scalar)])).optional(),
    within: windowSchema.optional(),
    /** Default: at least one. */
    count: comparison.optional(),
    sum: comparison.extend({ property: z.string() }).optional(),
    /** "Cart added and no order within 1 hour": some matching event was not followed by this one within the window. */
    notFollowedBy: z.object({ event: z.enum(EVENT_TYPES), where: z.record(z.string(), z.union([scalar, z.array(scalar)])).optional(), within: windowSchema }).strict().optional(),
  })
  .strict()
  .refine((c) => !(c.count && c.sum), { message: 'use either count or sum', path: ['sum'] });

/**
 * A segment or rule-tag condition: AND / OR / NOT trees over profile fields,
 * tags and event counts or sums within relative windows (R-TAG-3).
 *
 * @example
 * ```ts
 * import type { Condition } from '@memberkit/core';
 * const babyBrowser: Condition = {
 *   event: 'product_viewed', where: { category: 'baby' }, within: { last: 7, unit: 'day' }, count: { op: 'gte', value: 3 },
 * };
 * ```
 */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly hasTag: string }
  | z.input<typeof fieldConditionSchema>
  | z.input<typeof eventConditionSchema>;

/**
 * The zod schema of a {@link Condition}, for validating rule definitions.
 *
 * @example
 * ```ts
 * import { conditionSchema } from '@memberkit/core';
 * conditionSchema.safeParse({ all: [{ field: 'attributes.tier', op: 'eq', value: 'gold' }] }).success;
 * //=> true
 * ```
 */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    z.object({ hasTag: z.string().min(1) }).strict(),
    fieldConditionSchema,
    eventConditionSchema,
  ]),
) as z.ZodType<Condition>;
