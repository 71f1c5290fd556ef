import { describe, expect, it } from 'vitest';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { newCustomerConversion } from './newCustomerConversion.ts';

const day = 86_400_000;

describe('newCustomerConversion', () => {
  it('counts first orders within the window after sign-up, per source', () => {
    const r = newCustomerConversion(
      [
        { customerId: 'a', at: 0, source: 'store_qr' },
        { customerId: 'b', at: 0, source: 'store_qr' },
        { customerId: 'c', at: 10 * day, source: 'douyin_ad' },
        { customerId: 'd', at: 0, source: 'douyin_ad' },
      ],
      [
        { customerId: 'a', at: 2 * day, amount: 100 },
        { customerId: 'b', at: 31 * day, amount: 100 }, // too late
        { customerId: 'c', at: 5 * day, amount: 100 }, // before signing up: not a new-customer conversion
        { customerId: 'd', at: 7 * day, amount: 100 },
        { customerId: 'zz', at: 1, amount: 100 }, // not a new member
      ],
      { withinDays: 30 },
    );
    expect([r.signups, r.converted, r.rate]).toEqual([4, 2, 0.5]);
    expect(r.bySource).toEqual([
      { source: 'douyin_ad', signups: 2, converted: 1, rate: 0.5 },
      { source: 'store_qr', signups: 2, converted: 1, rate: 0.5 },
    ]);
  });

  it('rejects no signups and a bad window', () => {
    expect(() => newCustomerConversion([], [], { withinDays: 30 })).toThrow(MemberkitError);
    expect(() => newCustomerConversion([{ customerId: 'a', at: 0 }], [], { withinDays: 0 })).toThrow(MemberkitError);
  });
});
