import { MemberkitError } from '../../errors/memberkitError.ts';
import { orderTime, type OrderRecord } from '../orderRecord.ts';

/**
 * Coupon redemption rate (核销率): the share of issued coupons that were
 * redeemed on an order. Codes redeemed but never issued (from another
 * campaign) are counted apart, not in the rate.
 *
 * @example
 * ```ts
 * import { couponRedemptionRate } from '@memberkit/core';
 * couponRedemptionRate(['A1', 'A2', 'A3', 'A4'], [{ customerId: 'c', at: 1, amount: 500, coupons: ['A2', 'X9'] }]);
 * //=> { issued: 4, redeemed: 1, rate: 0.25, unknownRedemptions: 1 }
 * ```
 */
export function couponRedemptionRate(
  issuedCodes: Iterable<string>,
  orders: Iterable<OrderRecord>,
): { issued: number; redeemed: number; rate: number; unknownRedemptions: number } {
  const issued = new Map<string, boolean>();
  for (const code of issuedCodes) {
    if (typeof code !== 'string') throw new MemberkitError('invalid_input', 'coupon codes must be strings', { field: 'issuedCodes' });
    issued.set(code, false);
  }
  if (issued.size === 0) throw new MemberkitError('insufficient_data', 'no coupons issued', { field: 'issuedCodes' });
  let redeemed = 0;
  let unknown = 0;
  let row = 0;
  for (const o of orders) {
    orderTime(o, row++);
    for (const code of o.coupons ?? []) {
      const used = issued.get(code);
      if (used === undefined) unknown++;
      else if (!used) {
        issued.set(code, true);
        redeemed++;
      }
    }
  }
  return { issued: issued.size, redeemed, rate: redeemed / issued.size, unknownRedemptions: unknown };
}
