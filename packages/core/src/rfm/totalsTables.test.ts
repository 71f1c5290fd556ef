import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteIdInterner } from './byteIdInterner.ts';
import { readRfmCsv } from './readRfmCsv.ts';
import { TotalsAccumulator } from './rfmCustomerTotals.ts';
import { aggregateOrders } from './aggregateOrders.ts';

declare const TextEncoder: { new (): { encode(s: string): Uint8Array } };

type Order = [id: string, at: number, amount: number];

/** The obvious Map-based reduction, in first-appearance order. */
function reference(orders: Order[]): { customerIds: string[]; lastAt: number[]; frequency: number[]; monetary: number[] } {
  const m = new Map<string, [number, number, number]>();
  for (const [id, at, amount] of orders) {
    const t = m.get(id) ?? [-Infinity, 0, 0];
    m.set(id, [Math.max(t[0], at), t[1] + 1, t[2] + amount]);
  }
  const v = [...m.values()];
  return { customerIds: [...m.keys()], lastAt: v.map((x) => x[0]), frequency: v.map((x) => x[1]), monetary: v.map((x) => x[2]) };
}

function viaBytes(orders: Order[]): ReturnType<typeof reference> {
  // Ids in one buffer, each between '>' and '<', interned in one call (several batches).
  const interner = new ByteIdInterner(4);
  const enc = new TextEncoder();
  const parts = orders.map(([id]) => enc.encode(`>${id}<`));
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  const starts = new Int32Array(orders.length);
  const ends = new Int32Array(orders.length);
  let at = 0;
  parts.forEach((p, k) => {
    bytes.set(p, at);
    starts[k] = at + 1;
    ends[k] = at + p.length - 1;
    at += p.length;
  });
  const customers = new Int32Array(orders.length);
  interner.intern(bytes, starts, ends, orders.length, customers, 0);
  const acc = new TotalsAccumulator(4);
  acc.ensure(interner.size);
  acc.add(customers, Float64Array.from(orders, (o) => o[1]), Float64Array.from(orders, (o) => o[2]), 0, orders.length);
  const t = acc.finish(interner.ids());
  return { customerIds: [...t.customerIds], lastAt: [...t.lastAt], frequency: [...t.frequency], monetary: [...t.monetary] };
}

function viaStrings(orders: Order[]): ReturnType<typeof reference> {
  const t = aggregateOrders(
    orders.map(([customerId, at, amount]) => ({ customerId, at, amount })),
    Infinity,
  );
  return { customerIds: [...t.customerIds], lastAt: [...t.lastAt], frequency: [...t.frequency], monetary: [...t.monetary] };
}

// Ids that stress the tables: long shared prefixes (equal first 8 bytes), non-ASCII, a newline.
const idArb = fc.oneof(
  fc.integer({ min: 0, max: 60 }).map((i) => `customer-${i}`),
  fc.integer({ min: 0, max: 30 }).map((i) => `c${String(i).padStart(7, '0')}`),
  fc.constantFrom('会员', '会员1', 'a\nb', 'x'),
);
const ordersArb = fc.array(fc.tuple(idArb, fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e5 })), { minLength: 1, maxLength: 300 });

describe('customer totals tables', () => {
  it('the byte and string interners with block accumulation reduce orders exactly like a Map, in first-appearance order (property)', () => {
    fc.assert(
      fc.property(ordersArb, (orders) => {
        const want = reference(orders);
        expect(viaBytes(orders)).toEqual(want);
        expect(viaStrings(orders)).toEqual(want);
      }),
    );
  });

  it('keep every customer through many table growths', () => {
    const orders: Order[] = [];
    for (let i = 0; i < 60_000; i++) orders.push([`c${String((i * 7919) % 40_000).padStart(7, '0')}`, i, i % 100]);
    const want = reference(orders);
    expect(want.customerIds).toHaveLength(40_000);
    expect(viaBytes(orders)).toEqual(want);
    expect(viaStrings(orders)).toEqual(want);
  });

  it('keep every customer past the 2^17 mark, where index arrays and the slot table grow at different times', () => {
    const orders: Order[] = [];
    for (let i = 0; i < 140_000; i++) orders.push([`k${i}`, i, 1]);
    orders.push(['k131072', 1e6, 5], ['k0', 1e6, 5]);
    const bytes = viaBytes(orders);
    const strings = viaStrings(orders);
    for (const t of [bytes, strings]) {
      expect(t.customerIds).toHaveLength(140_000);
      expect(t.frequency.every((f) => f >= 1)).toBe(true);
      expect([t.frequency[131_072], t.monetary[131_072], t.lastAt[131_072]]).toEqual([2, 6, 1e6]);
    }
  });

  it('the string path keeps totals exact across many id batches and the bucketed accumulation', () => {
    const orders: Order[] = [];
    for (let i = 0; i < 600_000; i++) orders.push([`c${(i * 7919) % 150_000}`, (i * 31) % 1_000_003, i % 1000]);
    expect(viaStrings(orders)).toEqual(reference(orders));
  });

  it('the string path and the CSV reader stay exact past one block of 2^20 orders', async () => {
    const n = (1 << 20) + 50_000;
    const orders: Order[] = [];
    for (let i = 0; i < n; i++) orders.push([`c${(i * 7919) % 90_001}`, (i * 31) % 1_000_003, i % 1000]);
    const want = reference(orders);
    expect(viaStrings(orders)).toEqual(want);
    const csv = 'customer_id,at,amount\n' + orders.map(([id, at, amount]) => `${id},${at},${amount}\n`).join('');
    const t = await readRfmCsv([new TextEncoder().encode(csv)]);
    expect({ customerIds: [...t.customerIds], lastAt: [...t.lastAt], frequency: [...t.frequency], monetary: [...t.monetary] }).toEqual(want);
  });
});
