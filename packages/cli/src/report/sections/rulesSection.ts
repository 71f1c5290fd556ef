import { associationRules, filterRedundantRules } from '@memberkit/core';
import type { OrderTable } from '../../csv/orderTable.ts';
import type { RulesData, Section } from '../reportData.ts';
import { orderBaskets } from './tableIterables.ts';

/**
 * The basket section: `associationRules` over the orders' product sets
 * (rules with at least one item on the left), redundant rules removed, the
 * strongest by lift first.
 *
 * @example
 * ```ts
 * import { readOrdersCsv } from '@memberkit/cli';
 * import { rulesSection } from './rulesSection.ts';
 * const table = await readOrdersCsv('examples/orders.csv', { currency: 'USD' });
 * const s = rulesSection(table, { minSupport: 0.005, minConfidence: 0.2, top: 15 });
 * s.ok && s.data.rules[0].lift > 1;
 * //=> true
 * ```
 */
export function rulesSection(table: OrderTable, options: { minSupport: number; minConfidence: number; top: number }): Section<RulesData> {
  if (table.columns.product === undefined) return { ok: false, reason: 'the file has no product column (pass --product-col NAME)' };
  const result = associationRules(orderBaskets(table), { minSupport: options.minSupport, minConfidence: options.minConfidence, minLength: 2 });
  const rules = filterRedundantRules(result.rules);
  if (rules.length === 0) {
    return { ok: false, reason: `no rule reaches support ${options.minSupport} and confidence ${options.minConfidence} (try lower --min-support / --min-confidence)` };
  }
  return {
    ok: true,
    data: {
      rules: rules.slice(0, options.top),
      totalRules: rules.length,
      baskets: result.transactionCount,
      minSupport: options.minSupport,
      minConfidence: options.minConfidence,
    },
  };
}
