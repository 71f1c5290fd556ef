import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRfm, computeRfmColumns, isMemberkitError, type MemberkitError, readRfmCsv, type RfmOrder, type RfmRow } from '../index.ts';

// A global in every runtime core supports; core's typings leave out DOM and Node, so declare it for the tests.
declare const TextEncoder: { new (): { encode(s: string): Uint8Array } };

const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 0, 31);

const orderArb = fc.record({
  customerId: fc.constantFrom('c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c09', 'c10', 'c11', 'c12', 'x', 'é', '会员'),
  at: fc.integer({ min: AS_OF - 400 * DAY, max: AS_OF }),
  amount: fc.integer({ min: 0, max: 100_000 }),
});
const ordersArb = fc.array(orderArb, { minLength: 1, maxLength: 120 });

function expectError(fn: () => unknown, code: string, field: string): void {
  try {
    fn();
  } catch (e) {
    expect(isMemberkitError(e)).toBe(true);
    expect((e as MemberkitError).code).toBe(code);
    expect((e as MemberkitError).field).toBe(field);
    expect((e as MemberkitError).issues[0]?.field).toBe(field);
    return;
  }
  throw new Error('expected a MemberkitError');
}

function csvOf(orders: readonly RfmOrder[]): string {
  return 'customer_id,at,amount\n' + orders.map((o) => `"${o.customerId}",${new Date(o.at as number).toISOString()},${o.amount}`).join('\n');
}

describe('computeRfm', () => {
  it('aggregates recency (whole days), frequency (order count) and monetary (sum)', () => {
    const rows = computeRfm(
      [
        { customerId: 'amy', at: '2026-01-28T23:00:00Z', amount: 30_000 },
        { customerId: 'amy', at: new Date('2026-01-10'), amount: 12_000 },
        { customerId: 'bob', at: Date.UTC(2025, 9, 1), amount: 5_000 },
      ],
      { asOf: '2026-01-31' },
    );
    expect(rows.map((r) => [r.customerId, r.recencyDays, r.frequency, r.monetary])).toEqual([
      ['amy', 2, 2, 42_000],
      ['bob', 122, 1, 5_000],
    ]);
  });

  it('scores recency reversed: the most recent fifth gets r = 5', () => {
    const orders = Array.from({ length: 10 }, (_, i) => ({ customerId: `c${i}`, at: AS_OF - i * DAY, amount: 100 * (i + 1) }));
    const byId = new Map(computeRfm(orders, { asOf: AS_OF }).map((r) => [r.customerId, r]));
    expect([byId.get('c0')!.r, byId.get('c9')!.r]).toEqual([5, 1]);
    expect([byId.get('c0')!.m, byId.get('c9')!.m]).toEqual([1, 5]);
    expect(byId.get('c0')!.score).toBe(100 * 5 + 10 * byId.get('c0')!.f + 1);
  });

  it('names segments from the table, first match wins, fallback otherwise', () => {
    const orders = [
      { customerId: 'a', at: AS_OF, amount: 1 },
      { customerId: 'b', at: AS_OF - DAY, amount: 2 },
    ];
    const rows = computeRfm(orders, { asOf: AS_OF, segments: [{ name: 'Top', r: [2, 5], f: [1, 5], m: [1, 5] }], fallback: 'Rest' });
    expect(rows.map((r) => r.segment)).toEqual(['Top', 'Rest']);
  });

  it('scores are always 1..5 and score = 100r + 10f + m, for both methods (property)', () => {
    fc.assert(
      fc.property(ordersArb, fc.constantFrom('ntile' as const, 'breaks' as const), (orders, method) => {
        for (const row of computeRfm(orders, { asOf: AS_OF, method })) {
          for (const s of [row.r, row.f, row.m]) expect(s >= 1 && s <= 5 && Number.isInteger(s)).toBe(true);
          expect(row.score).toBe(100 * row.r + 10 * row.f + row.m);
        }
      }),
    );
  });

  it('gives an identical result for the same orders in any order (property)', () => {
    fc.assert(
      fc.property(
        ordersArb.chain((orders) => fc.tuple(fc.constant(orders), fc.shuffledSubarray(orders, { minLength: orders.length, maxLength: orders.length }))),
        fc.constantFrom('ntile' as const, 'breaks' as const),
        ([orders, shuffled], method) => {
          expect(computeRfm(shuffled, { asOf: AS_OF, method })).toEqual(computeRfm(orders, { asOf: AS_OF, method }));
        },
      ),
    );
  });

  it('the iterable, columnar, totals and CSV forms agree (property)', async () => {
    await fc.assert(
      fc.asyncProperty(ordersArb, fc.integer({ min: 1, max: 64 }), async (orders, chunk) => {
        const expected = computeRfm(orders, { asOf: AS_OF });
        const ids = [...new Set(orders.map((o) => o.customerId))];
        const columns = {
          kind: 'columns' as const,
          customerIds: ids,
          customerIndex: Uint32Array.from(orders.map((o) => ids.indexOf(o.customerId))),
          at: Float64Array.from(orders.map((o) => o.at)),
          amount: Float64Array.from(orders.map((o) => o.amount)),
        };
        expect(computeRfm(columns, { asOf: AS_OF })).toEqual(expected);
        const bytes = new TextEncoder().encode(csvOf(orders));
        const chunks = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk));
        const totals = await readRfmCsv(chunks);
        expect(computeRfm(totals, { asOf: AS_OF })).toEqual(expected);
        const last = ids.map((id) => Math.max(...orders.filter((o) => o.customerId === id).map((o) => o.at)));
        const count = ids.map((id) => orders.filter((o) => o.customerId === id).length);
        const sum = ids.map((id) => orders.filter((o) => o.customerId === id).reduce((a, o) => a + o.amount, 0));
        const byHand = { kind: 'totals' as const, customerIds: ids, lastAt: Float64Array.from(last), frequency: Uint32Array.from(count), monetary: Float64Array.from(sum) };
        const rebuilt: RfmRow[] = computeRfm(byHand, { asOf: AS_OF });
        expect(rebuilt).toEqual(expected);
        expect(computeRfmColumns(orders, { asOf: AS_OF }).customerIds).toEqual(ids);
      }),
      { numRuns: 60 },
    );
  });

  it('an iterable of unknown length spanning several growing blocks gives the same rows as the columns', () => {
    // 300,000 orders: a generator's blocks start at 65,536 orders and double, so this fills three
    // and part of a fourth; 70,000 customers with digit ids, plus some other ids (both interner paths).
    const n = 300_000;
    const idOf = (i: number): string => (i % 97 === 0 ? `guest-${(i * 7) % 500}x` : `c${String((i * 7_919) % 70_000).padStart(6, '0')}`);
    const atOf = (i: number): number => AS_OF - ((i * 104_729) % (400 * DAY));
    const amountOf = (i: number): number => (i * 31) % 10_000;
    function* orders(): Generator<RfmOrder> {
      for (let i = 0; i < n; i++) yield { customerId: idOf(i), at: atOf(i), amount: amountOf(i) };
    }
    const ids: string[] = [];
    const index = new Map<string, number>();
    const customerIndex = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const id = idOf(i);
      if (!index.has(id)) {
        index.set(id, ids.length);
        ids.push(id);
      }
      customerIndex[i] = index.get(id) as number;
    }
    const columns = { kind: 'columns' as const, customerIds: ids, customerIndex, at: Float64Array.from({ length: n }, (_, i) => atOf(i)), amount: Float64Array.from({ length: n }, (_, i) => amountOf(i)) };
    const expected = computeRfm(columns, { asOf: AS_OF, order: 'input' });
    expect(computeRfm(orders(), { asOf: AS_OF, order: 'input' })).toEqual(expected);
    expect(computeRfm([...orders()], { asOf: AS_OF, order: 'input' })).toEqual(expected);
    // A bad order in a later block is named by its position in the whole input.
    function* withBad(): Generator<RfmOrder> {
      let i = 0;
      for (const o of orders()) yield i++ === 250_001 ? { ...o, amount: -1 } : o;
    }
    expectError(() => computeRfm(withBad(), { asOf: AS_OF }), 'invalid_input', 'orders.250001.amount');
  });

  it('order objects with numbered and other ids agree with the columns in first-appearance order (property)', () => {
    // Ids like c042 are looked up by their number (DigitIdIndex), others by the hash table: mixed
    // in any order, both must give the columns' rows, for an array and for an iterator.
    const idArb = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 999 }).map((k) => `c${String(k).padStart(3, '0')}`) },
      { weight: 1, arbitrary: fc.constantFrom('x', 'c1', 'c0001', 'guest-7', '会员') },
    );
    const arb = fc.array(fc.record({ customerId: idArb, at: fc.integer({ min: AS_OF - 400 * DAY, max: AS_OF }), amount: fc.integer({ min: 0, max: 100_000 }) }), { minLength: 1, maxLength: 400 });
    fc.assert(
      fc.property(arb, (orders) => {
        const ids = [...new Set(orders.map((o) => o.customerId))];
        const index = new Map(ids.map((id, i) => [id, i]));
        const columns = {
          kind: 'columns' as const,
          customerIds: ids,
          customerIndex: Uint32Array.from(orders, (o) => index.get(o.customerId) as number),
          at: Float64Array.from(orders, (o) => o.at),
          amount: Float64Array.from(orders, (o) => o.amount),
        };
        const expected = computeRfm(columns, { asOf: AS_OF, order: 'input' });
        expect(computeRfm(orders, { asOf: AS_OF, order: 'input' })).toEqual(expected);
        expect(computeRfm(orders.values(), { asOf: AS_OF, order: 'input' })).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("order: 'input' keeps first-appearance order and the same rows", () => {
    const orders = [
      { customerId: 'z', at: AS_OF, amount: 1 },
      { customerId: 'a', at: AS_OF, amount: 1 },
    ];
    expect(computeRfm(orders, { asOf: AS_OF, order: 'input' }).map((r) => r.customerId)).toEqual(['z', 'a']);
    expect(computeRfm(orders, { asOf: AS_OF }).map((r) => r.customerId)).toEqual(['a', 'z']);
  });
});

describe('computeRfm bad input', () => {
  const ok = { customerId: 'a', at: AS_OF - DAY, amount: 100 };
  it('requires asOf and a valid method', () => {
    expectError(() => computeRfm([ok], {} as never), 'invalid_input', 'asOf');
    expectError(() => computeRfm([ok], { asOf: 'yesterday' }), 'invalid_input', 'asOf');
    expectError(() => computeRfm([ok], { asOf: AS_OF, method: 'kmeans' as never }), 'invalid_input', 'method');
  });
  it('rejects empty input', () => {
    expectError(() => computeRfm([], { asOf: AS_OF }), 'invalid_input', 'orders');
    expectError(() => computeRfm(null as never, { asOf: AS_OF }), 'invalid_input', 'orders');
  });
  it('names the bad order and field', () => {
    expectError(() => computeRfm([ok, { ...ok, amount: -5 }], { asOf: AS_OF }), 'invalid_input', 'orders.1.amount');
    expectError(() => computeRfm([ok, { ...ok, amount: Number.NaN }], { asOf: AS_OF }), 'invalid_input', 'orders.1.amount');
    expectError(() => computeRfm([{ ...ok, at: 'not a date' }], { asOf: AS_OF }), 'invalid_input', 'orders.0.at');
    expectError(() => computeRfm([{ ...ok, at: new Date('x') }], { asOf: AS_OF }), 'invalid_input', 'orders.0.at');
    expectError(() => computeRfm([{ ...ok, at: '2026-02-30' }], { asOf: AS_OF }), 'invalid_input', 'orders.0.at');
    expectError(() => computeRfm([ok, { ...ok, customerId: '' }], { asOf: AS_OF }), 'invalid_input', 'orders.1.customerId');
    expectError(() => computeRfm([ok, { ...ok, customerId: 42 as never }], { asOf: AS_OF }), 'invalid_input', 'orders.1.customerId');
    expectError(() => computeRfm([ok, null as never], { asOf: AS_OF }), 'invalid_input', 'orders.1');
    // Ids are checked in batches, later than the other fields: the first bad order still wins.
    expectError(() => computeRfm([ok, { ...ok, customerId: '' }, ok, { ...ok, amount: -1 }], { asOf: AS_OF }), 'invalid_input', 'orders.1.customerId');
    expectError(() => computeRfm([ok, { ...ok, amount: -1 }, { ...ok, customerId: '' }], { asOf: AS_OF }), 'invalid_input', 'orders.1.amount');
    const many = Array.from({ length: 9_000 }, (_, i) => ({ ...ok, customerId: `c${i % 700}` }));
    expectError(() => computeRfm(many.map((o, i) => (i === 8_500 ? { ...o, customerId: '' } : o)), { asOf: AS_OF }), 'invalid_input', 'orders.8500.customerId');
    expectError(() => computeRfm(many.map((o, i) => (i === 8_500 ? { ...o, customerId: '' } : i === 8_600 ? { ...o, at: 'x' } : o)), { asOf: AS_OF }), 'invalid_input', 'orders.8500.customerId');
  });
  it('rejects an order after asOf', () => {
    try {
      computeRfm([ok, { ...ok, at: AS_OF + 1 }], { asOf: AS_OF });
      expect.unreachable();
    } catch (e) {
      expect((e as MemberkitError).field).toBe('orders.1.at');
      expect((e as MemberkitError).details['asOf']).toBe(AS_OF);
    }
  });
  it('checks columns and totals too', () => {
    const base = { kind: 'columns' as const, customerIds: ['a'], customerIndex: Uint32Array.of(0), at: Float64Array.of(0), amount: Float64Array.of(1) };
    expectError(() => computeRfm({ ...base, customerIndex: Uint32Array.of(1) }, { asOf: AS_OF }), 'invalid_input', 'columns.customerIndex.0');
    expectError(() => computeRfm({ ...base, amount: Float64Array.of(-1) }, { asOf: AS_OF }), 'invalid_input', 'columns.amount.0');
    expectError(() => computeRfm({ ...base, at: Float64Array.of(AS_OF + 1) }, { asOf: AS_OF }), 'invalid_input', 'columns.at.0');
    expectError(() => computeRfm({ ...base, at: Float64Array.of(0, 1) }, { asOf: AS_OF }), 'invalid_input', 'columns');
    const totals = { kind: 'totals' as const, customerIds: ['a'], lastAt: Float64Array.of(0), frequency: Float64Array.of(0), monetary: Float64Array.of(1) };
    expectError(() => computeRfm(totals, { asOf: AS_OF }), 'invalid_input', 'totals.frequency.0');
  });
  it('rejects a malformed segment table with invalid_config', () => {
    expectError(() => computeRfm([ok], { asOf: AS_OF, segments: [{ name: '', r: [1, 5], f: [1, 5], m: [1, 5] }] }), 'invalid_config', '0.name');
  });
});
