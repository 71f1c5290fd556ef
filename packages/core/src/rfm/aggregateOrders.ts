import type { MemberkitError } from '../errors/memberkitError.ts';
import { heapNumbers } from './heapNumbers.ts';
import { parseIsoTimeString } from './parseIsoTime.ts';
import { TotalsAccumulator, type RfmCustomerTotals } from './rfmCustomerTotals.ts';
import { rfmInputError } from './rfmInputError.ts';
import { StringIdInterner } from './stringIdInterner.ts';

/**
 * One order as `computeRfm` reads it. `at` is a Date, an ISO 8601 string
 * (date-only or date-time; without an offset it is read as UTC) or epoch
 * milliseconds; `amount` is the order value in minor units (分 / cents),
 * never negative.
 *
 * @example
 * ```ts
 * import type { RfmOrder } from '@memberkit/core';
 * const order: RfmOrder = { customerId: 'c0000123', at: '2026-03-08T14:30:00+08:00', amount: 12_900 };
 * ```
 */
export interface RfmOrder {
  readonly customerId: string;
  readonly at: Date | string | number;
  readonly amount: number;
}

function toMs(at: unknown): number {
  if (typeof at === 'number') return at;
  if (typeof at === 'string') return parseIsoTimeString(at);
  if (at instanceof Date) return at.getTime();
  return NaN;
}

/**
 * Orders are validated into blocks of this many (customer numbers, times,
 * amounts) and accumulated a block at a time. Large, because the bucketed
 * accumulation only saves memory traffic when it updates each customer's
 * totals several times per block: with a million customers, 2^18 orders left
 * it missing the cache on most updates, 2^21 made (c) of the benchmark about
 * a fifth faster. The times, amounts and partitioning scratch (16 + 16 + 48
 * MB) are {@link heapNumbers}, not typed arrays, so they do not count towards
 * V8's 64 MB of external memory between full collections (see
 * EXPECTED_CUSTOMERS); the customer numbers (8 MB) are an `Int32Array`.
 */
const BLOCK = 1 << 21;
/**
 * Tables are sized up front for at most this many customers (24 MB of totals,
 * 24 MB of id table), when an array of at least that many orders comes in.
 * Why: the totals are typed arrays, that is external memory, and V8 runs a
 * full garbage collection once 64 MB of it has been allocated since the last
 * one; growing them by doubling leaves as much garbage as the final size.
 * With millions of order objects alive that collection costs over a second.
 */
const EXPECTED_CUSTOMERS = 1 << 20;
/** Ids are interned every this many orders, so the array holding them stays small. */
const ID_BATCH = 4096;

/**
 * The first block's size, in whole id batches: what an array of orders needs
 * (a small history gets small buffers), or for an iterable of unknown length
 * 16 batches, doubling at each full block up to {@link BLOCK}.
 */
function firstBlock(list: readonly unknown[] | null): number {
  return list === null ? 16 * ID_BATCH : Math.min(BLOCK, Math.max(ID_BATCH, Math.ceil(list.length / ID_BATCH) * ID_BATCH));
}

/**
 * Reduces an iterable of orders to per-customer totals in one pass,
 * validating each order with plain comparisons. Orders are copied into a
 * block of columns (no object survives the loop), whose ids are then
 * interned into customer numbers in batches ({@link StringIdInterner}) and
 * whose totals are accumulated by {@link TotalsAccumulator}. Throws
 * `invalid_input` naming `orders.<i>.<field>` for the first bad order.
 * Internal: call `computeRfm`.
 *
 * @example
 * ```ts
 * aggregateOrders([{ customerId: 'a', at: 0, amount: 5 }, { customerId: 'a', at: 9, amount: 7 }], 10).monetary[0];
 * //=> 12
 * ```
 */
export function aggregateOrders(orders: Iterable<RfmOrder>, asOf: number): RfmCustomerTotals {
  const list = Array.isArray(orders) ? (orders as readonly RfmOrder[]) : null;
  // An array says how many orders there are: size the tables for that many
  // customers, up to a million, so that they do not grow during the pass (see
  // EXPECTED_CUSTOMERS).
  const expected = Math.min(EXPECTED_CUSTOMERS, list === null ? 1 << 15 : list.length);
  const interner = new StringIdInterner(expected);
  const acc = new TotalsAccumulator(expected, true);
  // Ids are checked by the interner, in batches (see there); everything else here.
  const ids: unknown[] = [];
  let times = heapNumbers(firstBlock(list));
  let amounts = heapNumbers(times.length);
  let customers = new Int32Array(times.length);
  // Orders k - pending … k - 1 of the block have ids in `ids` not interned yet.
  let k = 0;
  let pending = 0;
  let blockStart = 0;
  const badId = (j: number): MemberkitError =>
    rfmInputError(['orders', blockStart + k - pending + j, 'customerId'], 'expected a non-empty string', ids[j]);
  const internPending = (): void => {
    const bad = interner.intern(ids, pending, customers, k - pending);
    if (bad >= 0) throw badId(bad);
    pending = 0;
  };
  const flush = (): void => {
    internPending();
    acc.ensure(interner.size);
    acc.add(customers, times, amounts, 0, k);
    blockStart += k;
    k = 0;
    if (times.length < BLOCK) {
      // An iterable of unknown length that filled its block: the next one is twice as big.
      times = heapNumbers(2 * times.length);
      amounts = heapNumbers(times.length);
      customers = new Int32Array(times.length);
    }
  };
  /** Throws for order `i`, unless an order before it has a bad id (reported first, as in input order). */
  const fail = (error: MemberkitError): never => {
    for (let j = 0; j < pending; j++) {
      const id = ids[j];
      if (typeof id !== 'string' || id.length === 0) throw badId(j);
    }
    throw error;
  };
  let i = 0;
  const take = (order: RfmOrder): void => {
    if (typeof order !== 'object' || order === null) fail(rfmInputError(['orders', i], 'expected an order object', order));
    const at = order.at;
    const t = typeof at === 'number' ? at : toMs(at);
    if (!(t <= asOf && t > -Infinity)) {
      fail(
        Number.isNaN(t)
          ? rfmInputError(['orders', i, 'at'], 'expected a Date, an ISO 8601 string or epoch milliseconds', at)
          : rfmInputError(['orders', i, 'at'], 'order is after asOf', at, 'invalid_input', { asOf }),
      );
    }
    const amount = order.amount;
    if (!(amount >= 0 && amount < Infinity)) {
      fail(rfmInputError(['orders', i, 'amount'], 'expected a non-negative finite number (minor units)', amount));
    }
    ids[pending++] = order.customerId;
    times[k] = t;
    amounts[k] = amount;
    k++;
    i++;
    if (pending === ID_BATCH) internPending();
    if (k === times.length) flush();
  };
  if (list !== null) {
    // Indexed access: no iterator protocol. The length is read each time, as for-of would.
    while (i < list.length) take(list[i] as RfmOrder);
  } else {
    for (const order of orders) take(order);
  }
  flush();
  return acc.finish(interner.ids);
}
