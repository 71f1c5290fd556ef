import type { MemberkitContext } from '../profile/memberkitContext.ts';
import { orderStats } from '../profile/orderStats.ts';
import { computeRfm, type RfmRow } from './computeRfm.ts';
import { resolveRfmOptions, type RfmOptions } from './rfmOptions.ts';

/**
 * The RFM result kept on a profile (`attributes.rfm`), with the date it was
 * computed for.
 *
 * @example
 * ```ts
 * import type { ProfileRfm } from '@memberkit/core';
 * declare const rfm: ProfileRfm;
 * rfm.segment; // e.g. 'Champions'
 * ```
 */
export type ProfileRfm = Omit<RfmRow, 'customerId'> & { readonly asOf: number };

/**
 * Scores every live profile with orders by RFM over its stored order events
 * (net of refunds, each distinct order id once) and writes the result to
 * `attributes.rfm`, so the 360° view, segments (`attributes.rfm.segment`) and
 * the member API can use it. Profiles without orders get no RFM. Returns the
 * rows, sorted by profile id.
 *
 * @example
 * ```ts
 * import { createMemberkit } from '@memberkit/core';
 * const mk = createMemberkit();
 * // ... ingest order events ...
 * // const rows = await mk.refreshRfm({ asOf: Date.now() });
 * ```
 */
export async function refreshRfm(ctx: MemberkitContext, options: RfmOptions): Promise<RfmRow[]> {
  const orders: Array<{ customerId: string; at: number; amount: number }> = [];
  for await (const id of ctx.store.listProfileIds()) {
    const events = await ctx.store.listEvents(id);
    const seen = new Set<string>();
    const refunds = new Map<string, number>();
    for (const e of events) {
      if (e.type === 'order_refunded') refunds.set(e.properties.orderId, (refunds.get(e.properties.orderId) ?? 0) + (e.properties.total ?? Number.POSITIVE_INFINITY));
    }
    const currency = orderStats(events).currency;
    for (const e of events) {
      if (e.type !== 'order_completed' || seen.has(e.properties.orderId) || e.properties.currency !== currency) continue;
      seen.add(e.properties.orderId);
      const net = e.properties.total - Math.min(e.properties.total, refunds.get(e.properties.orderId) ?? 0);
      // A fully refunded order is no purchase at all.
      if (net > 0 || e.properties.total === 0) orders.push({ customerId: id, at: e.timestamp, amount: net });
    }
  }
  if (orders.length === 0) return [];
  const rows = computeRfm(orders, options);
  // Resolved as computeRfm resolves it (ISO strings without an offset are UTC).
  const asOf = resolveRfmOptions(options).asOf;
  for (const row of rows) {
    await ctx.store.transaction(async (tx) => {
      const p = await tx.getProfile(row.customerId);
      if (!p || p.mergedInto !== undefined) return;
      const { customerId: _id, ...rfm } = row;
      await tx.putProfile({ ...p, attributes: { ...p.attributes, rfm: { ...rfm, asOf } satisfies ProfileRfm } });
    });
  }
  return rows;
}
