import { describe, expect, it } from 'vitest';
import { isMemberkitError } from '@memberkit/core';
import { resolveColumns } from './columnMapping.ts';

describe('resolveColumns', () => {
  it('guesses common English and Chinese headers', () => {
    expect(resolveColumns(['Order ID', 'Member ID', 'Paid At', 'Total', 'SKU'], {})).toMatchObject({ order: 0, customer: 1, date: 2, amount: 3, product: 4 });
    expect(resolveColumns(['订单号', '会员ID', '下单时间', '实付金额', '商品名称'], {})).toMatchObject({ order: 0, customer: 1, date: 2, amount: 3, product: 4 });
  });

  it('lets an explicit mapping win over a guess', () => {
    const c = resolveColumns(['customer_id', 'buyer', 'date', 'amount', 'net'], { customer: 'buyer', amount: 'net' });
    expect([c.customer, c.amount]).toEqual([1, 4]);
  });

  it('names every missing column and the mapped ones that do not exist', () => {
    try {
      resolveColumns(['when', 'amount'], { customer: 'member' });
      expect.unreachable();
    } catch (e) {
      expect(isMemberkitError(e, 'invalid_csv')).toBe(true);
      expect((e as Error).message).toBe('--customer-col "member" is not a column; no date column found (pass --date-col NAME). The header has: "when", "amount"');
    }
  });
});
