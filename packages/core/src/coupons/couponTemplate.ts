import { z } from 'zod';
import { parseOrThrow } from '../errors/parseOrThrow.ts';
import { currencySchema, minorUnitsSchema } from '../money/currency.ts';
import { timestampSchema } from '../events/eventSchema.ts';

const id = z.string().trim().min(1).max(200);
const positiveMinor = minorUnitsSchema.positive('must be greater than 0');
const positiveInt = z.number().int().positive().safe();
const DAY_MS = 86_400_000;

/** True when `v` has at most two decimals (so `v * 100` is an exact basis-point integer). */
function hasAtMostTwoDecimals(v: number): boolean {
  const scaled = Number((v * 100).toPrecision(15));
  return Number.isInteger(scaled);
}

const percentField = (min: 'open' | 'closed', max: 'open' | 'closed') => {
  let s = z.number();
  s = min === 'open' ? s.gt(0, 'must be greater than 0') : s.gte(0, 'must be at least 0');
  s = max === 'open' ? s.lt(100, 'must be less than 100') : s.lte(100, 'must be at most 100');
  return s.refine(hasAtMostTwoDecimals, 'at most two decimals (basis points)');
};

/** A fixed amount off the eligible lines: 立减 ¥10. */
const fixedBenefit = z.object({ kind: z.literal('fixed'), amount: positiveMinor });

/**
 * A percentage off the eligible lines, optionally capped. Two spellings, never
 * mixed, because "8折" and "8% off" mean opposite things:
 * - `payPercent: 88` is 88折 in Chinese retail: the member pays 88 %;
 * - `offPercent: 12` is "12% off": the member saves 12 %.
 */
const percentageBenefit = z.object({
  kind: z.literal('percentage'),
  payPercent: percentField('closed', 'open').optional(),
  offPercent: percentField('open', 'closed').optional(),
  maxDiscount: positiveMinor.optional(),
});

/** 满减: spend `amount` (or buy `items` pieces), save `discount`; `stepped` repeats it (每满200减30). */
const thresholdBenefit = z.object({
  kind: z.literal('threshold'),
  threshold: z.union([z.object({ amount: positiveMinor }).strict(), z.object({ items: positiveInt }).strict()]),
  discount: positiveMinor,
  stepped: z.boolean().default(false),
  maxDiscount: positiveMinor.optional(),
});

/** Shipping fee waived, optionally only up to `maxDiscount`. */
const freeShippingBenefit = z.object({ kind: z.literal('free_shipping'), maxDiscount: positiveMinor.optional() });

/** A product given with the order (赠品). */
const giftBenefit = z.object({ kind: z.literal('gift'), productId: id, quantity: positiveInt.default(1) });

/** What the coupon gives, discriminated on `kind`. */
const couponBenefitSchema = z.discriminatedUnion('kind', [fixedBenefit, percentageBenefit, thresholdBenefit, freeShippingBenefit, giftBenefit]);

/** Which lines a coupon applies to. Empty include lists mean "every line"; excludes always win. */
const couponScopeSchema = z
  .object({
    products: z.array(id).optional(),
    categories: z.array(id).optional(),
    excludeProducts: z.array(id).optional(),
    excludeCategories: z.array(id).optional(),
  })
  .strict();

/** When a coupon can be used: fixed dates, or relative to the moment it is issued. */
const couponValiditySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('absolute'), startsAt: timestampSchema, endsAt: timestampSchema }).strict(),
  z
    .object({
      type: z.literal('relative'),
      /** Usable from issue time + N days (0 = at once). Days are exact 24-hour spans. */
      startAfterDays: z.number().int().nonnegative().safe().default(0),
      /** Usable for M days from its start. */
      validDays: positiveInt,
      /** Optional hard stop: never usable after this instant, whatever the issue date. */
      notAfter: timestampSchema.optional(),
    })
    .strict(),
]);

/** How a coupon combines with others in one order. */
const couponStackingSchema = z.discriminatedUnion('mode', [
  /** Never combined with any other coupon. */
  z.object({ mode: z.literal('exclusive') }).strict(),
  /** Combined with coupons of other groups; at most `maxPerOrder` from its own group. */
  z.object({ mode: z.literal('stackable'), group: id.default('default'), maxPerOrder: positiveInt.default(1) }).strict(),
]);

/**
 * A coupon template (优惠券模板): what a coupon gives, on which lines, when,
 * to how many members, and how it stacks. Validation reports every problem
 * at once (see {@link parseCouponTemplate}).
 *
 * Money is integer minor units in `currency`. `priority` orders coupons of
 * the same level when several apply (higher first).
 *
 * @example
 * ```ts
 * import { couponTemplateSchema } from '@memberkit/core';
 * const t = couponTemplateSchema.parse({
 *   id: 'spend200save30', name: '满200减30', currency: 'CNY',
 *   benefit: { kind: 'threshold', threshold: { amount: 20000 }, discount: 3000 },
 *   validity: { type: 'relative', validDays: 30 },
 * });
 * t.stacking;
 * //=> { mode: 'exclusive' }
 * ```
 */
export const couponTemplateSchema = z
  .object({
    id,
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).optional(),
    currency: currencySchema,
    benefit: couponBenefitSchema,
    /** Usable only when the eligible lines add up to at least this (not for `threshold`, which has its own). */
    minSpend: positiveMinor.optional(),
    /** Usable only with at least this many eligible pieces. */
    minItems: positiveInt.optional(),
    scope: couponScopeSchema.default({}),
    validity: couponValiditySchema,
    limits: z.object({ perMember: positiveInt.optional(), total: positiveInt.optional() }).strict().default({}),
    stacking: couponStackingSchema.default({ mode: 'exclusive' }),
    priority: z.number().int().safe().default(0),
  })
  .strict()
  .superRefine((t, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const b = t.benefit;
    if (b.kind === 'percentage') {
      if (b.payPercent === undefined && b.offPercent === undefined) issue(['benefit'], 'give payPercent (88 = 88折, pay 88%) or offPercent (12 = 12% off)');
      if (b.payPercent !== undefined && b.offPercent !== undefined) issue(['benefit'], 'give payPercent or offPercent, not both');
    }
    if (b.kind === 'threshold') {
      if ('amount' in b.threshold && b.discount > b.threshold.amount) issue(['benefit', 'discount'], 'discount exceeds the spend threshold');
      if (b.maxDiscount !== undefined && !b.stepped) issue(['benefit', 'maxDiscount'], 'maxDiscount applies only to stepped thresholds');
      if (b.maxDiscount !== undefined && b.maxDiscount < b.discount) issue(['benefit', 'maxDiscount'], 'maxDiscount is below one step discount');
      if (t.minSpend !== undefined) issue(['minSpend'], 'a threshold coupon takes its spend from benefit.threshold');
      if (t.minItems !== undefined) issue(['minItems'], 'a threshold coupon takes its item count from benefit.threshold');
    }
    if (b.kind === 'fixed' && t.minSpend !== undefined && b.amount > t.minSpend) issue(['benefit', 'amount'], 'amount exceeds minSpend');
    const s = t.scope;
    for (const p of s.products ?? []) if (s.excludeProducts?.includes(p)) issue(['scope', 'excludeProducts'], `product ${p} is both applicable and excluded`);
    for (const c of s.categories ?? []) if (s.excludeCategories?.includes(c)) issue(['scope', 'excludeCategories'], `category ${c} is both applicable and excluded`);
    const v = t.validity;
    if (v.type === 'absolute' && !(v.endsAt > v.startsAt)) issue(['validity', 'endsAt'], 'endsAt must be after startsAt');
    if (v.type === 'relative' && (v.startAfterDays + v.validDays) * DAY_MS > Number.MAX_SAFE_INTEGER / 2) issue(['validity', 'validDays'], 'validity too long');
    const { perMember, total } = t.limits;
    // Only compare limits that are themselves valid, so one bad value gives one issue.
    if (perMember !== undefined && total !== undefined && total > 0 && perMember > total) {
      issue(['limits', 'perMember'], 'perMember exceeds the total issue limit');
    }
  });

/**
 * A validated coupon template (output of {@link couponTemplateSchema}); dates
 * are epoch milliseconds and defaults are filled in.
 *
 * @example
 * ```ts
 * import type { CouponTemplate } from '@memberkit/core';
 * const isShipping = (t: CouponTemplate) => t.benefit.kind === 'free_shipping';
 * ```
 */
export type CouponTemplate = z.output<typeof couponTemplateSchema>;

/**
 * What a caller writes to define a template (input of {@link couponTemplateSchema}):
 * dates may be ISO strings, defaults may be omitted.
 *
 * @example
 * ```ts
 * import type { CouponTemplateInput } from '@memberkit/core';
 * const free: CouponTemplateInput = { id: 'ship', name: '包邮券', currency: 'CNY', benefit: { kind: 'free_shipping' }, validity: { type: 'relative', validDays: 7 } };
 * ```
 */
export type CouponTemplateInput = z.input<typeof couponTemplateSchema>;

/**
 * What a coupon gives (the `benefit` of a template).
 *
 * @example
 * ```ts
 * import type { CouponBenefit } from '@memberkit/core';
 * const b: CouponBenefit = { kind: 'fixed', amount: 1000 };
 * ```
 */
export type CouponBenefit = CouponTemplate['benefit'];

/**
 * Validates a coupon template, throwing `MemberkitError('invalid_config')`
 * that lists every problem found (a negative cap, a percentage out of range,
 * an end before the start …) in `issues`.
 *
 * @example
 * ```ts
 * import { parseCouponTemplate, isMemberkitError } from '@memberkit/core';
 * let fields: string[] = [];
 * try {
 *   parseCouponTemplate({ id: 'x', name: 'x', currency: 'CNY', benefit: { kind: 'percentage', payPercent: 120, maxDiscount: -1 }, validity: { type: 'relative', validDays: 7 } });
 * } catch (e) {
 *   if (isMemberkitError(e, 'invalid_config')) fields = e.issues.map((i) => i.field);
 * }
 * fields;
 * //=> ['benefit.payPercent', 'benefit.maxDiscount']
 * ```
 */
export function parseCouponTemplate(input: unknown): CouponTemplate {
  return parseOrThrow(couponTemplateSchema, input, 'invalid_config', 'coupon template');
}

/**
 * The discount rate of a percentage benefit in basis points of the price
 * (1 % = 100), whichever spelling the template used: 88折 (`payPercent: 88`)
 * and "12% off" (`offPercent: 12`) both give 1200.
 *
 * @example
 * ```ts
 * import { percentOffBasisPoints } from '@memberkit/core';
 * percentOffBasisPoints({ payPercent: 85 });
 * //=> 1500
 * ```
 */
export function percentOffBasisPoints(benefit: { payPercent?: number | undefined; offPercent?: number | undefined }): number {
  if (benefit.offPercent !== undefined) return Math.round(benefit.offPercent * 100);
  return 10_000 - Math.round((benefit.payPercent ?? 100) * 100);
}
