import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMemberkitError } from '@memberkit/core';
import { readOrdersCsv } from './readOrdersCsv.ts';

const dir = mkdtempSync(join(tmpdir(), 'memberkit-csv-'));
let n = 0;
function csvFile(text: string | Uint8Array): string {
  const path = join(dir, `orders-${++n}.csv`);
  writeFileSync(path, text);
  return path;
}

describe('readOrdersCsv', () => {
  it('reads orders with guessed columns, interning customers and summing order lines', async () => {
    const path = csvFile('order_id,customer_id,order_date,product,amount\nA1,c1,2026-01-05,milk powder,99.90\nA1,c1,2026-01-05,diapers,59.10\nA2,c2,2026-01-06,bread,5\nA3,c1,20260201,milk powder,99.90\n');
    const table = await readOrdersCsv(path, { currency: 'CNY' });
    expect(table.customers).toEqual(['c1', 'c2']);
    expect(table.orderCount).toBe(3);
    expect([...table.orderAmount]).toEqual([15900, 500, 9990]);
    expect([...table.orderTime]).toEqual([Date.UTC(2026, 0, 5), Date.UTC(2026, 0, 6), Date.UTC(2026, 1, 1)]);
    expect(table.lineCount).toBe(4);
    expect(table.products).toEqual(['milk powder', 'diapers', 'bread']);
    expect(table.badRowCount).toBe(0);
    expect(table.rowsRead).toBe(4);
  });

  it('reports every bad row with its line number, column and reason, and keeps the good ones', async () => {
    const path = csvFile(
      [
        'customer,date,amount', // line 1
        'c1,2026-01-05,10.00', // 2 ok
        ',2026-01-05,10.00', // 3 missing customer
        'c2,2026-02-30,10.00', // 4 not a date
        'c3,2026-01-07,ten', // 5 not a number
        '', // 6 blank: skipped, still counted as a line
        'c4,2026-01-08,-3.00', // 7 negative
        'c5,2026-01-09', // 8 too few fields
        'c6,2026-01-10,"7.50"', // 9 ok (quoted)
      ].join('\n'),
    );
    const table = await readOrdersCsv(path, { currency: 'CNY' });
    expect(table.orderCount).toBe(2);
    expect(table.customers).toEqual(['c1', 'c6']);
    expect(table.badRowCount).toBe(5);
    expect(table.badRows.map((b) => [b.line, b.kind, b.column])).toEqual([
      [3, 'missing_value', 'customer'],
      [4, 'invalid_date', 'date'],
      [5, 'invalid_amount', 'amount'],
      [7, 'negative_amount', 'amount'],
      [8, 'column_count', undefined],
    ]);
    expect(table.badRows[1]?.value).toBe('2026-02-30');
    expect(table.rowsRead).toBe(7);
  });

  it('gives the right line number after a quoted field that spans lines', async () => {
    const path = csvFile('customer,date,amount,note\nc1,2026-01-05,10,"two\nlines"\nc2,2026-13-01,10,x\n');
    const table = await readOrdersCsv(path);
    expect(table.badRows).toMatchObject([{ line: 4, kind: 'invalid_date' }]);
  });

  it('refuses an order id that two customers share instead of merging their baskets', async () => {
    const path = csvFile('order_id,customer_id,date,amount\nA1,c1,2026-01-05,10\nA1,c2,2026-01-05,10\n');
    const table = await readOrdersCsv(path);
    expect(table.orderCount).toBe(1);
    expect(table.badRows).toMatchObject([{ line: 3, kind: 'order_customer_conflict' }]);
  });

  it('uses mapped columns, minor units, semicolons and a BOM as spreadsheets write them', async () => {
    const path = csvFile('\uFEFF会员卡号;下单时间;实付(分)\nM1;2026/3/1 14:05:09;1990\n');
    const table = await readOrdersCsv(path, { columns: { amount: '实付(分)' }, amountUnit: 'minor' });
    expect(table.customers).toEqual(['M1']);
    expect([...table.orderAmount]).toEqual([1990]);
    expect(table.columns.names).toEqual({ customer: '会员卡号', date: '下单时间', amount: '实付(分)' });
  });

  it('decodes GBK files when told the encoding', async () => {
    // "会员" in GBK, then ",date,amount" and a row: GBK bytes for the header's first field.
    const header = Uint8Array.from([0xbb, 0xe1, 0xd4, 0xb1]);
    const rest = new TextEncoder().encode(',date,amount\n张三,2026-01-05,10\n'.replace('张三', 'z3'));
    const path = csvFile(Uint8Array.from([...header, ...rest]));
    const table = await readOrdersCsv(path, { encoding: 'gbk' });
    expect(table.columns.names.customer).toBe('会员');
    expect(table.customers).toEqual(['z3']);
  });

  it('groups lines into baskets by customer and date when there is no order id', async () => {
    const path = csvFile('customer,date,product,amount\nc1,2026-01-05,a,1\nc1,2026-01-05,b,2\nc1,2026-01-06,a,1\n');
    const table = await readOrdersCsv(path);
    expect(table.orderCount).toBe(2);
    expect([...table.orderAmount]).toEqual([300, 100]);
    expect([...table.lineOrder]).toEqual([0, 0, 1]);
  });

  it('throws not_found for a missing file and invalid_csv naming missing columns', async () => {
    await expect(readOrdersCsv(join(dir, 'nope.csv'))).rejects.toSatisfy((e) => isMemberkitError(e, 'not_found'));
    const path = csvFile('who,when\nc1,2026-01-05\n');
    const error = await readOrdersCsv(path).catch((e: unknown) => e);
    expect(isMemberkitError(error, 'invalid_csv')).toBe(true);
    expect((error as Error).message).toContain('no customer column found (pass --customer-col NAME)');
    expect((error as Error).message).toContain('"who", "when"');
  });

  it('reports an unclosed quote as a malformed row at its line, and refuses an empty file', async () => {
    const table = await readOrdersCsv(csvFile('customer,date,amount\nc1,2026-01-05,10\nc2,"2026-01-05,10\n'));
    expect(table.orderCount).toBe(1);
    expect(table.badRows).toMatchObject([{ line: 3, kind: 'malformed' }]);
    expect(table.badRows[0]?.message).toContain('quote not closed');
    await expect(readOrdersCsv(csvFile(''))).rejects.toSatisfy((e) => isMemberkitError(e, 'invalid_csv'));
  });

  it('reports progress in bytes up to the file size', async () => {
    const body = Array.from({ length: 2000 }, (_, i) => `c${i % 50},2026-01-${String((i % 28) + 1).padStart(2, '0')},${i}.5`).join('\n');
    const path = csvFile(`customer,date,amount\n${body}\n`);
    const seen: [number, number | undefined][] = [];
    const table = await readOrdersCsv(path, { onProgress: (done, total) => seen.push([done, total]) });
    expect(table.orderCount).toBe(2000);
    const last = seen[seen.length - 1];
    expect(last?.[0]).toBe(last?.[1]);
    expect(seen.every(([d, t]) => t !== undefined && d <= t)).toBe(true);
  });
});
