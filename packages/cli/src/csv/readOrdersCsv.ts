import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { z } from 'zod';
import { MemberkitError, currencySchema, parseOrThrow } from '@memberkit/core';
import { resolveColumns, type ColumnMapping, type ResolvedColumns } from './columnMapping.ts';
import { parseAmount } from './parseAmount.ts';
import { parseOrderDate } from './parseOrderDate.ts';
import { sniffDelimiter } from './sniffDelimiter.ts';
import { CsvTokenizer } from './csvTokenizer.ts';
import { OrderTableBuilder, type OrderTable } from './orderTable.ts';
import type { BadRow, BadRowKind } from './badRow.ts';

/**
 * Options of {@link readOrdersCsv}.
 *
 * @example
 * ```ts
 * import type { ReadOrdersOptions } from '@memberkit/cli';
 * const options: ReadOrdersOptions = { currency: 'CNY', encoding: 'gbk', columns: { customer: '会员卡号', date: '付款时间', amount: '实付金额' } };
 * ```
 */
export interface ReadOrdersOptions {
  /** Header names for each field; unset fields are guessed from common export headers. */
  readonly columns?: ColumnMapping;
  /** ISO 4217 code of the amounts; default `CNY`. */
  readonly currency?: string;
  /** `major` (`19.90`, default) or `minor` (`1990`). */
  readonly amountUnit?: 'major' | 'minor';
  /** Field delimiter; guessed from the header when unset. */
  readonly delimiter?: string;
  /** Text encoding of the file (`utf-8` default, `gbk` for many Chinese Excel exports). */
  readonly encoding?: string;
  /** How many bad rows to keep with details (all are counted); default 1000. */
  readonly maxBadRowsKept?: number;
  /** Called as bytes are read; `total` is unknown for stdin. */
  readonly onProgress?: (bytesRead: number, total: number | undefined) => void;
}

const optionsSchema = z.object({
  currency: currencySchema.default('CNY'),
  amountUnit: z.enum(['major', 'minor']).default('major'),
  delimiter: z.string().min(1).max(4).optional(),
  encoding: z.string().min(1).default('utf-8'),
  maxBadRowsKept: z.number().int().nonnegative().default(1000),
});

const SNIFF_BYTES = 64 * 1024;

/** The file as raw byte chunks, its size when known, and its first 64 KB decoded for sniffing. */
async function openSource(path: string, encoding: string): Promise<{ chunks: AsyncIterable<Uint8Array>; total: number | undefined; sample: string }> {
  if (path === '-') {
    // stdin cannot be peeked without consuming it: read it whole (stdin is for modest files).
    const parts: Buffer[] = [];
    for await (const chunk of process.stdin) parts.push(chunk as Buffer);
    const all = Buffer.concat(parts);
    return { chunks: [all][Symbol.iterator]() as unknown as AsyncIterable<Uint8Array>, total: undefined, sample: new TextDecoder(encoding).decode(all.subarray(0, SNIFF_BYTES)) };
  }
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new MemberkitError('not_found', `${path} is not a file`, { field: 'file', details: { path } });
    size = info.size;
  } catch (error) {
    if (error instanceof MemberkitError) throw error;
    throw new MemberkitError('not_found', `cannot read ${path}: no such file`, { field: 'file', details: { path }, cause: error });
  }
  const handle = await open(path, 'r');
  const head = Buffer.alloc(Math.min(SNIFF_BYTES, size));
  await handle.read(head, 0, head.length, 0);
  await handle.close();
  return { chunks: createReadStream(path, { highWaterMark: 1 << 20 }), total: size, sample: new TextDecoder(encoding).decode(head) };
}

function clip(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}

/**
 * Streams an order-history CSV into a columnar {@link OrderTable}: one row
 * per order or per order line, columns mapped by name. Rows that cannot be
 * used are never dropped silently: each one is reported with its line
 * number, column and reason. Throws `not_found` for a missing file and
 * `invalid_csv` for missing columns or a file that is not CSV at all.
 *
 * @example
 * ```ts
 * import { readOrdersCsv } from '@memberkit/cli';
 * const table = await readOrdersCsv('examples/orders.csv', { currency: 'USD' });
 * table.badRows.map((r) => `${r.line} ${r.kind}`);
 * //=> ['1001 missing_value', '5001 invalid_date', '9001 invalid_amount']
 * ```
 */
export async function readOrdersCsv(path: string, options: ReadOrdersOptions = {}): Promise<OrderTable> {
  const opts = parseOrThrow(optionsSchema, { ...options, columns: undefined, onProgress: undefined }, 'invalid_input', 'report options');
  try {
    new TextDecoder(opts.encoding);
  } catch {
    throw new MemberkitError('invalid_input', `unknown text encoding "${opts.encoding}" (try utf-8 or gbk)`, { field: 'encoding' });
  }
  const { chunks, total, sample } = await openSource(path, opts.encoding);
  const delimiter = opts.delimiter ?? sniffDelimiter(sample.replace(/^\uFEFF/, ''));
  const builder = new OrderTableBuilder();
  const badRows: BadRow[] = [];
  let badRowCount = 0;
  let rowsRead = 0;
  let columns: ResolvedColumns | undefined;
  let header: string[] = [];

  const reject = (line: number, kind: BadRowKind, message: string, column?: number, value?: string) => {
    badRowCount++;
    if (badRows.length < opts.maxBadRowsKept) {
      const name = column === undefined ? undefined : header[column];
      badRows.push({ line, kind, message, ...(name === undefined ? {} : { column: name }), ...(value === undefined ? {} : { value: clip(value) }) });
    }
  };

  // Dates repeat a lot in order exports: parse each distinct text once.
  const dateCache = new Map<string, number | undefined>();
  const onRecord = (record: string[], line: number) => {
    if (columns === undefined) {
      header = record.map((h) => h.trim());
      columns = resolveColumns(header, options.columns ?? {});
      return;
    }
    rowsRead++;
    if (record.length !== header.length) {
      reject(line, 'column_count', `expected ${header.length} fields, found ${record.length}`, undefined, record.join(delimiter));
      return;
    }
    const customer = (record[columns.customer] ?? '').trim();
    if (customer === '') {
      reject(line, 'missing_value', 'customer id is empty', columns.customer, '');
      return;
    }
    const dateText = record[columns.date] ?? '';
    let time = dateCache.get(dateText);
    if (time === undefined && !dateCache.has(dateText)) {
      time = parseOrderDate(dateText);
      if (dateCache.size < 100_000) dateCache.set(dateText, time);
    }
    if (time === undefined) {
      if (dateText.trim() === '') reject(line, 'missing_value', 'date is empty', columns.date, '');
      else reject(line, 'invalid_date', 'not a calendar date (expected e.g. 2026-03-01 or 20260301)', columns.date, dateText);
      return;
    }
    const amountText = record[columns.amount] ?? '';
    const amount = parseAmount(amountText, opts.amountUnit, opts.currency);
    if (amount === undefined) {
      if (amountText.trim() === '') reject(line, 'missing_value', 'amount is empty', columns.amount, '');
      else reject(line, 'invalid_amount', opts.amountUnit === 'minor' ? 'not an integer amount in minor units' : 'not a number', columns.amount, amountText);
      return;
    }
    if (amount < 0) {
      reject(line, 'negative_amount', 'negative amount: refunds are not analysed, net them into the order', columns.amount, amountText);
      return;
    }
    const product = columns.product === undefined ? undefined : (record[columns.product] ?? '').trim();
    let orderKey: string | undefined;
    if (columns.order !== undefined) {
      orderKey = (record[columns.order] ?? '').trim();
      if (orderKey === '') {
        reject(line, 'missing_value', 'order id is empty', columns.order, '');
        return;
      }
      const owner = builder.ownerOf(orderKey);
      if (owner !== undefined && owner !== customer) {
        reject(line, 'order_customer_conflict', `order ${orderKey} already belongs to customer ${owner}`, columns.customer, customer);
        return;
      }
    } else if (product !== undefined) {
      // Without an order id, the lines a customer bought on one timestamp form one basket.
      orderKey = `${customer}\u0001${dateText.trim()}`;
    }
    builder.add(customer, orderKey, time, amount, product);
  };
  const tokenizer = new CsvTokenizer(delimiter, onRecord, (message, line, raw) => {
    rowsRead++;
    reject(line, 'malformed', message, undefined, raw.trim());
  });

  // Decode in streaming mode so a multi-byte character split across chunks survives.
  const decoder = new TextDecoder(opts.encoding);
  let bytes = 0;
  for await (const chunk of chunks) {
    tokenizer.feed(decoder.decode(chunk, { stream: true }));
    bytes += chunk.length;
    options.onProgress?.(bytes, total);
  }
  tokenizer.feed(decoder.decode());
  tokenizer.end();
  if (columns === undefined) {
    throw new MemberkitError('invalid_csv', `${path} is empty: expected a header line and order rows`, { field: 'file', details: { path } });
  }
  return builder.build({ currency: opts.currency, columns, rowsRead, badRows, badRowCount });
}
