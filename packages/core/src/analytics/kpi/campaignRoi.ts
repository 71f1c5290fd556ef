import { z } from 'zod';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { parseOrThrow } from '../../errors/parseOrThrow.ts';
import { minorUnitsSchema } from '../../money/currency.ts';
import { orderReader } from '../orderReader.ts';
import type { OrderRecord } from '../orderRecord.ts';
import type { TimeWindow } from '../timeWindow.ts';

/**
 * A campaign to evaluate: who was targeted, who was held out, what it cost.
 *
 * @example
 * ```ts
 * import type { CampaignInput } from '@memberkit/core';
 * const c: CampaignInput = { cost: 50_000, treated: ['a', 'b'], control: ['c'], window: { from: 0, to: 1e10 }, margin: 0.4 };
 * ```
 */
export interface CampaignInput {
  /** What the campaign cost (coupons honoured, messages, gifts), minor units, > 0. */
  readonly cost: number;
  readonly treated: Iterable<string>;
  /** A random holdout that was not contacted (R-MKT-4); without it all treated revenue counts. */
  readonly control?: Iterable<string>;
  /** Orders in this window are attributed. */
  readonly window: TimeWindow;
  /** Gross margin rate (0..1] applied to revenue, default 1 (revenue ROI). */
  readonly margin?: number;
}

/**
 * Campaign ROI (R-ANA-1): `(incremental revenue × margin − cost) / cost`.
 * With a control group, incremental revenue is the treated group's revenue
 * minus what the same number of customers spent in the control group (revenue
 * per control customer × treated size): the uplift the campaign caused, not
 * the revenue it happened to precede.
 *
 * @example
 * ```ts
 * import { campaignRoi } from '@memberkit/core';
 * const r = campaignRoi(
 *   [{ customerId: 'a', at: 5, amount: 30_000 }, { customerId: 'b', at: 5, amount: 10_000 }, { customerId: 'c', at: 5, amount: 10_000 }],
 *   { cost: 10_000, treated: ['a', 'b'], control: ['c', 'd'], window: { from: 0, to: 10 } },
 * );
 * [r.incrementalRevenue, r.roi];
 * //=> [30000, 2]
 * ```
 */
export function campaignRoi(
  orders: Iterable<OrderRecord>,
  campaign: CampaignInput,
): { treatedCustomers: number; controlCustomers: number; treatedRevenue: number; controlRevenue: number; incrementalRevenue: number; cost: number; roi: number } {
  const { cost, margin } = parseOrThrow(
    z.object({ cost: minorUnitsSchema.positive(), margin: z.number().gt(0).max(1).default(1) }),
    { cost: campaign.cost, margin: campaign.margin },
    'invalid_input',
    'campaign',
  );
  const reader = orderReader(campaign.window);
  const treated = new Set(campaign.treated);
  const control = new Set(campaign.control ?? []);
  if (treated.size === 0) throw new MemberkitError('insufficient_data', 'no treated customers', { field: 'treated' });
  for (const id of treated) if (control.has(id)) throw new MemberkitError('invalid_input', `customer ${id} is in both groups`, { field: 'control' });
  let treatedRevenue = 0;
  let controlRevenue = 0;
  for (const o of orders) {
    if (reader.read(o) === undefined) continue;
    if (treated.has(o.customerId)) treatedRevenue += o.amount;
    else if (control.has(o.customerId)) controlRevenue += o.amount;
  }
  const baseline = control.size === 0 ? 0 : (controlRevenue / control.size) * treated.size;
  const incrementalRevenue = Math.round(treatedRevenue - baseline);
  return {
    treatedCustomers: treated.size,
    controlCustomers: control.size,
    treatedRevenue,
    controlRevenue,
    incrementalRevenue,
    cost,
    roi: (incrementalRevenue * margin - cost) / cost,
  };
}
