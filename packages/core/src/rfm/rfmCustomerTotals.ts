/**
 * Per-customer totals, the columnar middle of every RFM computation: what the
 * order iterable, the order columns and the CSV reader all reduce to, and
 * what a caller with totals already computed (e.g. in SQL) can pass straight
 * to `computeRfm`. Index `i` of every array describes `customerIds[i]`.
 *
 * @example
 * ```ts
 * import { computeRfm, type RfmCustomerTotals } from '@memberkit/core';
 * const totals: RfmCustomerTotals = {
 *   kind: 'totals',
 *   customerIds: ['a', 'b'],
 *   lastAt: Float64Array.of(Date.UTC(2026, 0, 30), Date.UTC(2025, 11, 1)),
 *   frequency: Float64Array.of(4, 1),
 *   monetary: Float64Array.of(52_000, 9_900),
 * };
 * computeRfm(totals, { asOf: '2026-01-31' }).map((row) => row.recencyDays);
 * //=> [1, 61]
 * ```
 */
export interface RfmCustomerTotals {
  readonly kind: 'totals';
  readonly customerIds: readonly string[];
  /** Epoch milliseconds of each customer's latest order. */
  readonly lastAt: Float64Array;
  /** Number of orders (a positive integer). */
  readonly frequency: Float64Array | Uint32Array | Int32Array;
  /** Sum of the order amounts, in minor units. */
  readonly monetary: Float64Array;
}

/**
 * Accumulates orders into per-customer totals held interleaved in one
 * Float64Array (`[lastAt, count, sum]` per customer), so each order touches
 * one cache line instead of three; grows by doubling when customers are
 * interned on the fly. Internal.
 *
 * @example
 * ```ts
 * const acc = new TotalsAccumulator(2);
 * acc.ensure(1); acc.data[3 * 1 + 1] += 1; // one order for customer 1 ('b'), none for 'a'
 * acc.finish(['a', 'b']).customerIds;
 * //=> ['b']
 * ```
 */
export class TotalsAccumulator {
  data: Float64Array;

  constructor(capacity: number) {
    this.data = TotalsAccumulator.blank(Math.max(16, capacity));
  }

  private static blank(capacity: number): Float64Array {
    const data = new Float64Array(3 * capacity);
    for (let i = 0; i < data.length; i += 3) data[i] = -Infinity;
    return data;
  }

  /** Makes room for customer index `customer`. */
  ensure(customer: number): void {
    if (3 * customer < this.data.length) return;
    let capacity = this.data.length / 3;
    while (capacity <= customer) capacity *= 2;
    const next = TotalsAccumulator.blank(capacity);
    next.set(this.data);
    this.data = next;
  }

  /** The totals of the customers that have at least one order. */
  finish(customerIds: readonly string[]): RfmCustomerTotals {
    const data = this.data;
    const n = customerIds.length;
    let withOrders = 0;
    for (let i = 0; i < n; i++) if ((data[3 * i + 1] ?? 0) > 0) withOrders++;
    const ids: string[] = withOrders === n ? (customerIds as string[]) : [];
    const lastAt = new Float64Array(withOrders);
    const frequency = new Float64Array(withOrders);
    const monetary = new Float64Array(withOrders);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const count = data[3 * i + 1] ?? 0;
      if (count === 0) continue;
      if (withOrders !== n) ids.push(customerIds[i] ?? '');
      lastAt[k] = data[3 * i] ?? 0;
      frequency[k] = count;
      monetary[k] = data[3 * i + 2] ?? 0;
      k++;
    }
    return { kind: 'totals', customerIds: ids, lastAt, frequency, monetary };
  }
}
