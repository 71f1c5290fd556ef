import { describe, expect, it } from 'vitest';
import { OrderTableBuilder } from '../../csv/orderTable.ts';
import { resolveColumns } from '../../csv/columnMapping.ts';
import { rulesSection } from './rulesSection.ts';

function table(baskets: string[][], header = ['order', 'customer', 'date', 'amount', 'product']) {
  const b = new OrderTableBuilder();
  baskets.forEach((items, i) => {
    for (const item of items) b.add(`c${i % 7}`, `o${i}`, Date.UTC(2026, 0, 1 + (i % 28)), 100, item);
  });
  return b.build({ currency: 'CNY', columns: resolveColumns(header, {}), rowsRead: 0, badRows: [], badRowCount: 0 });
}

describe('rulesSection', () => {
  it('mines rules from the order lines, with counts that match the baskets', () => {
    const baskets = [
      ...Array.from({ length: 30 }, () => ['milk powder', 'diapers']),
      ...Array.from({ length: 10 }, () => ['milk powder']),
      ...Array.from({ length: 60 }, (_, i) => [`other ${i % 12}`]),
    ];
    const s = rulesSection(table(baskets), { minSupport: 0.1, minConfidence: 0.5, top: 10 });
    if (!s.ok) throw new Error(s.reason);
    expect(s.data.baskets).toBe(100);
    const rule = s.data.rules.find((r) => r.antecedent.join() === 'diapers');
    expect(rule).toMatchObject({ consequent: ['milk powder'], count: 30, support: 0.3, confidence: 1 });
    expect(rule?.lift).toBeCloseTo(1 / 0.4, 12);
    // Only rules with something on the left: `{} ⇒ item` tells a merchant nothing.
    for (const r of s.data.rules) expect(r.antecedent.length).toBeGreaterThan(0);
  });

  it('explains what to do when there is no product column or no rule', () => {
    const noProducts = rulesSection(table([['a']], ['order', 'customer', 'date', 'amount']), { minSupport: 0.1, minConfidence: 0.5, top: 10 });
    expect(noProducts).toEqual({ ok: false, reason: 'the file has no product column (pass --product-col NAME)' });
    const none = rulesSection(table([['a'], ['b'], ['c']]), { minSupport: 0.5, minConfidence: 0.5, top: 10 });
    expect(none.ok).toBe(false);
    expect(!none.ok && none.reason).toContain('try lower --min-support');
  });
});
