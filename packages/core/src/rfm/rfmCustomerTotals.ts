import { accumulateOrderBlock, type OrderBlockScratch, type TotalsColumns } from './accumulateOrderBlock.ts';

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
 * Accumulates blocks of orders (customer number, epoch ms, amount) into
 * per-customer totals held as three columns, growing by doubling when
 * customers are interned on the fly. Each block goes through
 * {@link accumulateOrderBlock}, which keeps the random updates inside the
 * cache. Internal.
 *
 * @example
 * ```ts
 * const acc = new TotalsAccumulator(2);
 * acc.add(Int32Array.of(1, 1), Float64Array.of(3, 9), Float64Array.of(5, 7), 0, 2); // two orders of 'b', none of 'a'
 * [...acc.finish(['a', 'b']).monetary];
 * //=> [12]
 * ```
 */
export class TotalsAccumulator {
  readonly totals: TotalsColumns;
  private readonly work: OrderBlockScratch;

  /** `heap`: keep the scratch on the JS heap (see {@link OrderBlockScratch.heap}). */
  constructor(capacity: number, heap = false) {
    this.work = { orders: heap ? [] : new Float64Array(0), buckets: new Int32Array(0), heap };
    const n = Math.max(16, capacity);
    this.totals = { lastAt: new Float64Array(n).fill(-Infinity), count: new Float64Array(n), sum: new Float64Array(n) };
  }

  /** Makes room for customer numbers below `customers`. */
  ensure(customers: number): void {
    const t = this.totals;
    if (customers <= t.lastAt.length) return;
    let capacity = t.lastAt.length;
    while (capacity < customers) capacity *= 2;
    const lastAt = new Float64Array(capacity).fill(-Infinity);
    lastAt.set(t.lastAt);
    const count = new Float64Array(capacity);
    count.set(t.count);
    const sum = new Float64Array(capacity);
    sum.set(t.sum);
    t.lastAt = lastAt;
    t.count = count;
    t.sum = sum;
  }

  /** Adds orders `start..end-1`; customer numbers must be below the capacity ({@link ensure}). */
  add(customer: Uint32Array | Int32Array, at: Float64Array | number[], amount: Float64Array | Int32Array | Uint32Array | number[], start: number, end: number): void {
    accumulateOrderBlock(this.totals, this.work, customer, at, amount, start, end);
  }

  /** The totals of the customers that have at least one order (`customerIds[i]` names customer number `i`). */
  finish(customerIds: readonly string[]): RfmCustomerTotals {
    // Lets the scratch go before the rows are built.
    this.work.orders = this.work.heap === true ? [] : new Float64Array(0);
    const { lastAt: last, count, sum } = this.totals;
    const n = customerIds.length;
    let withOrders = 0;
    for (let i = 0; i < n; i++) if ((count[i] as number) > 0) withOrders++;
    if (withOrders === n) {
      // Views, not copies: the common case costs no memory.
      return { kind: 'totals', customerIds, lastAt: last.subarray(0, n), frequency: count.subarray(0, n), monetary: sum.subarray(0, n) };
    }
    const ids: string[] = [];
    const lastAt = new Float64Array(withOrders);
    const frequency = new Float64Array(withOrders);
    const monetary = new Float64Array(withOrders);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const c = count[i] as number;
      if (c === 0) continue;
      ids.push(customerIds[i] as string);
      lastAt[k] = last[i] as number;
      frequency[k] = c;
      monetary[k] = sum[i] as number;
      k++;
    }
    return { kind: 'totals', customerIds: ids, lastAt, frequency, monetary };
  }
}
