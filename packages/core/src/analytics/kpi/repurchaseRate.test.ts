import { describe, expect, it } from 'vitest';
import { cdnowOrders } from '../../../test/fixtures/cdnow.ts';
import { repurchaseRate } from './repurchaseRate.ts';

describe('repurchaseRate', () => {
  it('on CDNOW to 1997-09-30 equals the share of customers with frequency > 0 in the published calibration summary', () => {
    // cdnow_customers_summary.csv (Hardie): 1,411 of the 2,357 customers have x = 0 repeat purchase days
    // by 1997-09-30, so 946 made a repeat purchase.
    const r = repurchaseRate(cdnowOrders(), { to: Date.UTC(1997, 9, 1) });
    expect(r.customers).toBe(2357);
    expect(r.repeatCustomers).toBe(946);
  });

  it('does not count two orders on the same day as a repurchase', () => {
    expect(repurchaseRate([{ customerId: 'a', at: 1, amount: 1 }, { customerId: 'a', at: 2, amount: 1 }]).repeatCustomers).toBe(0);
  });
});
