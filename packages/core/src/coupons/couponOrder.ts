import { z } from 'zod';
import { lineItemSchema } from '../events/eventSchema.ts';
import { currencySchema, minorUnitsSchema } from '../money/currency.ts';

const id = z.string().trim().min(1).max(200);

/**
 * The order a quote or redemption prices coupons against. Lines are the
 * canonical event line items: `price` is the unit price and `discount` what
 * other promotions already took off the line, both in minor units, so a
 * line's payable base is `price × quantity − discount`. `shipping` is the
 * shipping fee before coupons.
 *
 * @example
 * ```ts
 * import { couponOrderSchema } from '@memberkit/core';
 * couponOrderSchema.parse({ memberId: 'm1', currency: 'CNY', lines: [{ productId: 'p1', price: 19900, quantity: 1 }] }).shipping;
 * //=> 0
 * ```
 */
export const couponOrderSchema = z
  .object({
    orderId: id.optional(),
    memberId: id,
    currency: currencySchema,
    lines: z.array(lineItemSchema).min(1).max(10_000),
    shipping: minorUnitsSchema.nonnegative().default(0),
  })
  .superRefine((order, ctx) => {
    order.lines.forEach((line, i) => {
      const gross = line.price * line.quantity;
      if (!Number.isSafeInteger(gross)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'quantity'], message: 'price × quantity is too large' });
      else if ((line.discount ?? 0) > gross) ctx.addIssue({ code: 'custom', path: ['lines', i, 'discount'], message: 'discount exceeds price × quantity' });
    });
  });

/**
 * A validated order for coupon pricing (output of {@link couponOrderSchema}).
 *
 * @example
 * ```ts
 * import type { CouponOrder } from '@memberkit/core';
 * const order: CouponOrder = { memberId: 'm1', currency: 'CNY', shipping: 1000, lines: [{ productId: 'p1', price: 19900, quantity: 1 }] };
 * ```
 */
export type CouponOrder = z.output<typeof couponOrderSchema>;

/**
 * What a caller passes as an order (input of {@link couponOrderSchema}).
 *
 * @example
 * ```ts
 * import type { CouponOrderInput } from '@memberkit/core';
 * const order: CouponOrderInput = { memberId: 'm1', currency: 'CNY', lines: [{ productId: 'p1', price: 100, quantity: 2 }] };
 * ```
 */
export type CouponOrderInput = z.input<typeof couponOrderSchema>;
