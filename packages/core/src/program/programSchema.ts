import { z } from 'zod';
import { couponTemplateSchema } from '../coupons/couponTemplate.ts';
import { currencySchema } from '../money/currency.ts';

const id = z.string().trim().min(1).max(100);
const count = z.number().int().positive().safe();
const nonNeg = z.number().nonnegative('must be at least 0').finite();
const nonNegInt = z.number().int().nonnegative('must be at least 0').safe();

/**
 * Bonus actions that can earn points or growth value (R-LOY-3).
 *
 * @example
 * ```ts
 * import { LOYALTY_ACTIONS } from '@memberkit/core';
 * LOYALTY_ACTIONS.includes('check_in');
 * //=> true
 * ```
 */
export const LOYALTY_ACTIONS = ['sign_up', 'birthday', 'review', 'check_in'] as const;

/**
 * One bonus action name.
 *
 * @example
 * ```ts
 * import type { LoyaltyAction } from '@memberkit/core';
 * const a: LoyaltyAction = 'check_in';
 * ```
 */
export type LoyaltyAction = (typeof LOYALTY_ACTIONS)[number];

const caps = { maxPerDay: count.optional(), maxPerYear: count.optional() };
const pointsAction = z.object({ points: nonNegInt, ...caps }).strict();
const growthAction = z.object({ value: nonNegInt, ...caps }).strict();
const actionsOf = <T extends z.ZodType>(rule: T) => z.object({ sign_up: rule.optional(), birthday: rule.optional(), review: rule.optional(), check_in: rule.optional() }).strict().default({});

/**
 * What a tier gives its members (权益, R-LOY-4).
 *
 * @example
 * ```ts
 * import { tierBenefitsSchema } from '@memberkit/core';
 * tierBenefitsSchema.parse({ freeShipping: true }).pointsMultiplier;
 * //=> 1
 * ```
 */
export const tierBenefitsSchema = z
  .object({
    /** Points earned on orders are multiplied by this (1.5 = 50 % more). */
    pointsMultiplier: nonNeg.default(1),
    freeShipping: z.boolean().default(false),
    priorityService: z.boolean().default(false),
    /** Coupon template issued on the member's birthday. */
    birthdayCouponTemplateId: id.optional(),
    /** Free-text perks shown in the growth tree (专属客服, 生日礼). */
    perks: z.array(z.string().max(200)).max(50).default([]),
  })
  .strict();

const tierLevelSchema = z
  .object({
    id,
    name: z.string().trim().min(1).max(100),
    /** Qualifying value (growth, minor units of spend, or orders) to reach this tier. The first tier needs 0. */
    threshold: nonNegInt,
    /** Value needed at period end to stay (保级); defaults to `threshold`. */
    keep: nonNegInt.optional(),
    benefits: tierBenefitsSchema.default({ pointsMultiplier: 1, freeShipping: false, priorityService: false, perks: [] }),
  })
  .strict();

const windowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lifetime') }).strict(),
  z.object({ kind: z.literal('rolling_months'), months: count.max(120) }).strict(),
  z.object({ kind: z.literal('calendar_year') }).strict(),
]);

const expirySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('never') }).strict(),
  /** N days after the points were earned. */
  z.object({ kind: z.literal('days'), days: count.max(36_600) }).strict(),
  /** At the end of the month N months after the month they were earned (0 = this month). */
  z.object({ kind: z.literal('end_of_month'), months: nonNegInt.max(1200) }).strict(),
  /** At the end of the year N years after the year they were earned (0 = this year). */
  z.object({ kind: z.literal('end_of_year'), years: nonNegInt.max(100) }).strict(),
]);

/**
 * The zod schema of a loyalty program (R-LOY, R-CPN). Cross-field rules
 * (ladder order, keep ≤ threshold, known coupon ids) are checked by
 * `defineProgram`, which reports them together with these field issues.
 *
 * @example
 * ```ts
 * import { programSchema } from '@memberkit/core';
 * programSchema.safeParse({ currency: 'CNY', tiers: { metric: 'growth', levels: [{ id: 'basic', name: '普通', threshold: 0 }] } }).success;
 * //=> true
 * ```
 */
export const programSchema = z
  .object({
    id: id.default('default'),
    currency: currencySchema,
    /** Minutes east of UTC where the merchant's days, months and years start (480 = China). */
    timeZoneOffsetMinutes: z.number().int().min(-720).max(840).default(0),
    tiers: z
      .object({
        metric: z.enum(['growth', 'spend', 'orders']),
        window: windowSchema.default({ kind: 'lifetime' }),
        /** How long a tier lasts before the keep check (lifetime and rolling windows). Calendar-year programs check at year end. */
        validityMonths: count.max(120).default(12),
        /** Days after period end during which a member who missed `keep` still holds the tier. */
        graceDays: nonNegInt.max(3660).default(0),
        levels: z.array(tierLevelSchema).min(1).max(50),
      })
      .strict(),
    growth: z.object({ perCurrencyUnit: nonNeg.default(1), actions: actionsOf(growthAction) }).strict().default({ perCurrencyUnit: 1, actions: {} }),
    points: z
      .object({
        /** Points per major currency unit (per ¥1) of paid amount after discounts. */
        perCurrencyUnit: nonNeg.default(1),
        excludeShipping: z.boolean().default(true),
        actions: actionsOf(pointsAction),
      })
      .strict()
      .default({ perCurrencyUnit: 1, excludeShipping: true, actions: {} }),
    expiry: expirySchema.default({ kind: 'never' }),
    /** Days an order's points stay pending before they can be spent (退货期). */
    returnWindowDays: nonNegInt.max(365).default(7),
    refundPolicy: z
      .object({
        /** What to do when a refund reverses points the member already spent. */
        whenSpent: z.enum(['pending_only', 'within_balance', 'allow_negative']).default('within_balance'),
        /** Lowest balance `allow_negative` may leave (0 or below). */
        negativeFloor: z.number().int().max(0, 'must be 0 or below').safe().default(0),
      })
      .strict()
      .default({ whenSpent: 'within_balance', negativeFloor: 0 }),
    coupons: z.array(couponTemplateSchema).max(1000).default([]),
  })
  .strict();

/**
 * What a caller writes to define a program: defaults may be omitted.
 *
 * @example
 * ```ts
 * import type { LoyaltyProgramInput } from '@memberkit/core';
 * const p: LoyaltyProgramInput = { currency: 'CNY', tiers: { metric: 'spend', levels: [{ id: 'basic', name: '普通', threshold: 0 }] } };
 * ```
 */
export type LoyaltyProgramInput = z.input<typeof programSchema>;

/**
 * A validated program with every default filled in.
 *
 * @example
 * ```ts
 * import type { LoyaltyProgram } from '@memberkit/core';
 * const multiplierOf = (p: LoyaltyProgram, tier: number) => p.tiers.levels[tier]?.benefits.pointsMultiplier ?? 1;
 * ```
 */
export type LoyaltyProgram = z.output<typeof programSchema>;

/**
 * The benefits of one tier, defaults filled in.
 *
 * @example
 * ```ts
 * import type { TierBenefits } from '@memberkit/core';
 * const shipsFree = (b: TierBenefits) => b.freeShipping;
 * ```
 */
export type TierBenefits = z.output<typeof tierBenefitsSchema>;
