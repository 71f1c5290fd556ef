import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRfm, type MemberkitError, readRfmCsv } from '../index.ts';

// A global in every runtime core supports; core's typings leave out DOM and Node, so declare it for the tests.
declare const TextEncoder: { new (): { encode(s: string): Uint8Array } };

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

async function fails(csv: string, field: string, line: number): Promise<void> {
  try {
    await readRfmCsv([enc(csv)]);
  } catch (e) {
    expect((e as MemberkitError).code).toBe('invalid_csv');
    expect((e as MemberkitError).field).toBe(field);
    expect((e as MemberkitError).details['line']).toBe(line);
    return;
  }
  throw new Error('expected invalid_csv');
}

describe('readRfmCsv', () => {
  it('reads quoted ids, CRLF, a BOM, extra columns, epoch ms and decimal amounts', async () => {
    const csv = '\uFEFFshop,customer_id,at,amount\r\n1,"Zhang, San",2026-01-30,99.5\r\ns2,"say ""hi""",1767225600000,100\r\n\r\n3,Zhang,2026-01-01T08:00:00+08:00,0\r\n1,"Zhang, San",2025-12-01 10:00:00,0.5';
    const t = await readRfmCsv([enc(csv)]);
    expect(t.customerIds).toEqual(['Zhang, San', 'say "hi"', 'Zhang']);
    expect([...t.frequency]).toEqual([2, 1, 1]);
    expect([...t.monetary]).toEqual([100, 100, 0]);
    expect([...t.lastAt]).toEqual([Date.UTC(2026, 0, 30), 1767225600000, Date.UTC(2026, 0, 1)]);
  });

  it('accepts custom column names, a delimiter and an async iterable of chunks', async () => {
    async function* chunks(): AsyncGenerator<Uint8Array> {
      yield enc('member;paid;fen\n会员1;2026-01-0');
      yield enc('2;1200\n会员1;2026-01-03;800\n');
    }
    const t = await readRfmCsv(chunks(), { columns: { customerId: 'member', at: 'paid', amount: 'fen' }, delimiter: ';' });
    expect(computeRfm(t, { asOf: '2026-01-31' }).map((r) => [r.customerId, r.frequency, r.monetary, r.recencyDays])).toEqual([['会员1', 2, 2000, 28]]);
  });

  it('gives the same totals however the bytes are split into chunks (property)', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `"c${i % 7}${i % 3 === 0 ? ',x' : ''}",2025-0${1 + (i % 9)}-1${i % 10},${i * 13}`);
    const bytes = enc('customer_id,at,amount\r\n' + rows.join('\r\n') + '\r\n');
    const whole = await readRfmCsv([bytes]);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const chunks = points.slice(1).map((end, i) => bytes.slice(points[i], end));
        expect(await readRfmCsv(chunks)).toEqual(whole);
      }),
    );
  });

  it('reports bad rows with invalid_csv, the column and the line', async () => {
    await fails('customer_id,at,amount\nc1,2026-01-01,-5\n', 'amount', 2);
    await fails('customer_id,at,amount\nc1,2026-01-01,10\nc2,01/02/2026,10\n', 'at', 3);
    await fails('customer_id,at,amount\n,2026-01-01,10\n', 'customer_id', 2);
    await fails('customer_id,at,amount\nc1,2026-01-01\n', 'csv', 2);
    await fails('customer_id,when,amount\nc1,2026-01-01,1\n', 'at', 1);
    await fails('customer_id,at,amount\n"c1,2026-01-01,1\n', 'csv', 2);
    await fails('customer_id,at,amount\n"c1"x,2026-01-01,1\n', 'csv', 2);
    await fails('', 'csv', 0);
  });

  it('rejects a bad delimiter and non-byte chunks with invalid_input', async () => {
    await expect(readRfmCsv([enc('a')], { delimiter: '"' })).rejects.toMatchObject({ code: 'invalid_input', field: 'delimiter' });
    await expect(readRfmCsv(['text' as never])).rejects.toMatchObject({ code: 'invalid_input', field: 'chunks' });
  });

  it('reads every mix of the fast-path and general line shapes like the order iterable (property)', async () => {
    const two = (x: number): string => String(x).padStart(2, '0');
    const orderArb = fc.record({
      id: fc.constantFrom('c0000001', 'c0000002', 'a', 'a,b', 'say "hi"', '会员'),
      ms: fc.integer({ min: 0, max: 4_000_000_000 }).map((s) => s * 1000),
      shape: fc.constantFrom('space', 'T', 'TZ', 'iso', 'epoch'),
      cents: fc.integer({ min: 0, max: 1_000_000 }),
      decimal: fc.boolean(),
      crlf: fc.boolean(),
      extra: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(orderArb, { minLength: 1, maxLength: 40 }), async (orders) => {
        const lines = orders.map((o) => {
          const d = new Date(o.ms);
          const date = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
          const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
          const at = { space: `${date} ${time}`, T: `${date}T${time}`, TZ: `${date}T${time}Z`, iso: d.toISOString(), epoch: String(o.ms) }[o.shape];
          const id = /[",]/.test(o.id) ? `"${o.id.replaceAll('"', '""')}"` : o.id;
          const amount = o.decimal ? `${o.cents}.50` : String(o.cents);
          return `${id},${at},${amount}${o.extra ? ',x' : ''}${o.crlf ? '\r\n' : '\n'}`;
        });
        const totals = await readRfmCsv([enc('customer_id,at,amount\n' + lines.join(''))]);
        const asOf = 5e12;
        const want = computeRfm(orders.map((o) => ({ customerId: o.id, at: o.ms, amount: o.decimal ? o.cents + 0.5 : o.cents })), { asOf });
        expect(computeRfm(totals, { asOf })).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });
});
