import { describe, expect, it } from 'vitest';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { couponRedemptionRate } from './couponRedemptionRate.ts';

describe('couponRedemptionRate', () => {
  it('counts each issued code once however often it appears, and unknown codes apart', () => {
    const r = couponRedemptionRate(
      ['A', 'B', 'C', 'D', 'E'],
      [
        { customerId: 'x', at: 1, amount: 100, coupons: ['A'] },
        { customerId: 'y', at: 2, amount: 100, coupons: ['A', 'B'] },
        { customerId: 'z', at: 3, amount: 100, coupons: ['Q'] },
        { customerId: 'z', at: 4, amount: 100 },
      ],
    );
    expect(r).toEqual({ issued: 5, redeemed: 2, rate: 0.4, unknownRedemptions: 1 });
  });

  it('needs issued coupons', () => {
    expect(() => couponRedemptionRate([], [])).toThrow(MemberkitError);
  });
});
