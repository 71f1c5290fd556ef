import { ByteIdInterner } from './byteIdInterner.ts';
import { decodeUtf8 } from './decodeUtf8.ts';
import { parseIsoDateTime19, parseIsoTime } from './parseIsoTime.ts';
import { TotalsAccumulator, type RfmCustomerTotals } from './rfmCustomerTotals.ts';
import { rfmInputError } from './rfmInputError.ts';

/**
 * Options of {@link readRfmCsv}: which header names hold the customer id, the
 * order time and the amount, and the field delimiter.
 *
 * @example
 * ```ts
 * import type { RfmCsvOptions } from '@memberkit/core';
 * const options: RfmCsvOptions = { columns: { customerId: 'member_no', at: 'paid_at', amount: 'total_fen' } };
 * ```
 */
export interface RfmCsvOptions {
  /** Header names; defaults `customer_id`, `at`, `amount`. */
  readonly columns?: { readonly customerId?: string; readonly at?: string; readonly amount?: string } | undefined;
  /** One ASCII character; default `,`. */
  readonly delimiter?: string | undefined;
}

/** Orders accumulated per block: 20 bytes each here, plus 24 of partitioning scratch. */
const BLOCK = 1 << 20;
/** Ids are interned in batches of this many lines (their bytes must stay put until then). */
const BATCH = 256;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Reads a non-negative decimal (`123`, `12.5`) from bytes; NaN if malformed or negative. */
function parseAmount(b: Uint8Array, s: number, e: number): number {
  if (s === e) return NaN;
  let v = 0;
  let i = s;
  for (; i < e; i++) {
    const c = (b[i] as number) - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
  }
  if (i === e) return v;
  if (b[i] !== 46 || i === s) return NaN;
  i++;
  let frac = 0;
  let scale = 1;
  const from = i;
  for (; i < e; i++) {
    const c = (b[i] as number) - 48;
    if (c < 0 || c > 9) return NaN;
    frac = frac * 10 + c;
    scale *= 10;
  }
  return i === from ? NaN : v + frac / scale;
}

/** Epoch ms from an integer field, or an ISO 8601 date / date-time; NaN otherwise. */
function parseTime(b: Uint8Array, s: number, e: number): number {
  const fast = parseIsoDateTime19(b, s, e);
  if (fast === fast) return fast;
  let i = s;
  const negative = b[i] === 45;
  if (negative) i++;
  let v = 0;
  const from = i;
  for (; i < e; i++) {
    const c = (b[i] as number) - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
  }
  if (i === e && i > from) return negative ? -v : v;
  return parseIsoTime(b, s, e);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Copies a quoted field's content with `""` collapsed to `"`, into `out`; returns its length. */
function unescapeQuoted(b: Uint8Array, s: number, e: number, out: Uint8Array): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    out[n++] = b[i] as number;
    if (b[i] === QUOTE) i++;
  }
  return n;
}

/**
 * Streams order CSV bytes into per-customer totals for `computeRfm`, so a
 * file of ten million orders never becomes ten million objects or strings:
 * fields are parsed straight from the bytes, customer ids are interned by a
 * hash of their bytes, and only the distinct ids become strings at the end.
 * Memory grows with customers, not orders.
 *
 * The CSV needs a header row naming the columns (RFC 4180 quoting, `\n` or
 * `\r\n`). `at` is epoch milliseconds or an ISO 8601 date / date-time (UTC
 * unless it carries an offset); `amount` a non-negative decimal in minor
 * units. Feed it an (async) iterable of byte chunks, e.g. a file stream in
 * Node or `response.body` in a browser; chunks may split rows anywhere.
 * A malformed file throws `MemberkitError` with code `invalid_csv`, the
 * column as `field` and the 1-based `line` in `details`.
 *
 * @example
 * ```ts
 * import { computeRfm, readRfmCsv } from '@memberkit/core';
 * const csv = 'customer_id,at,amount\nc1,2026-01-30,9900\nc2,2025-12-01,4500\nc1,2026-01-02,1200\n';
 * const totals = await readRfmCsv([new TextEncoder().encode(csv)]);
 * computeRfm(totals, { asOf: '2026-01-31' }).map((row) => [row.customerId, row.frequency, row.monetary]);
 * //=> [['c1', 2, 11100], ['c2', 1, 4500]]
 * ```
 */
export async function readRfmCsv(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: RfmCsvOptions = {}): Promise<RfmCustomerTotals> {
  const names = {
    customerId: options.columns?.customerId ?? 'customer_id',
    at: options.columns?.at ?? 'at',
    amount: options.columns?.amount ?? 'amount',
  };
  const delimiter = (options.delimiter ?? ',').charCodeAt(0);
  if ((options.delimiter ?? ',').length !== 1 || delimiter > 127 || delimiter === QUOTE || delimiter === LF || delimiter === CR) {
    throw rfmInputError(['delimiter'], 'expected one ASCII character other than a quote or line break', options.delimiter);
  }
  const interner = new ByteIdInterner();
  const acc = new TotalsAccumulator(1 << 16);
  // A block of parsed orders: customer numbers (filled in batches by the interner), times, amounts.
  const customers = new Int32Array(BLOCK);
  const times = new Float64Array(BLOCK);
  const amounts = new Float64Array(BLOCK);
  let filled = 0;
  // The batch of ids not yet interned: their bytes in the current buffer, rows filled - pending… filled - 1.
  const idStarts = new Int32Array(BATCH);
  const idEnds = new Int32Array(BATCH);
  let pending = 0;
  let pendingBytes: Uint8Array = new Uint8Array(0);
  const internPending = (): void => {
    if (pending > 0) interner.intern(pendingBytes, idStarts, idEnds, pending, customers, filled - pending);
    pending = 0;
  };
  /** Adds one parsed order whose id is `bytes[is, ie)`. */
  const record = (bytes: Uint8Array, is: number, ie: number, t: number, amount: number): void => {
    if (bytes !== pendingBytes) internPending();
    pendingBytes = bytes;
    idStarts[pending] = is;
    idEnds[pending] = ie;
    pending++;
    times[filled] = t;
    amounts[filled] = amount;
    filled++;
    if (pending === BATCH) internPending();
    if (filled === BLOCK) flushBlock();
  };
  const flushBlock = (): void => {
    internPending();
    acc.ensure(interner.size);
    acc.add(customers, times, amounts, 0, filled);
    filled = 0;
  };
  let idCol = -1;
  let atCol = -1;
  let amountCol = -1;
  let header = true;
  let line = 0;
  let scratch = new Uint8Array(256);
  const starts = new Int32Array(64);
  const ends = new Int32Array(64);
  const quoted = new Uint8Array(64);

  // The fast path reads a 19-byte timestamp without looking for delimiters inside it: only
  // safe when the delimiter cannot occur in one.
  const fastTime = !'0123456789-: TZ'.includes(String.fromCharCode(delimiter));

  const fail = (column: string, message: string, b: Uint8Array, s: number, e: number): never => {
    throw rfmInputError([column], `line ${line}: ${message}`, decodeUtf8(b, s, Math.min(e, s + 200)), 'invalid_csv', { line });
  };

  /** Parses complete lines of `b` from 0; returns where the unfinished last line starts. */
  const parse = (b: Uint8Array, final: boolean): number => {
    const n = b.length;
    let p = 0;
    let idC = idCol;
    let atC = atCol;
    let amountC = amountCol;
    let lastC = Math.max(idC, atC, amountC);
    while (p < n) {
      const lineStart = p;
      if (!header) {
        // Fast path for the usual line: unquoted fields, `at` as YYYY-MM-DD HH:MM:SS, an integer
        // amount, LF or CRLF inside this buffer. Anything else (or anything wrong) falls through
        // to the general scanner below, which parses the line again and reports errors.
        let q = p;
        let f = 0;
        let is = 0;
        let ie = 0;
        let t = NaN;
        let amount = NaN;
        let ok = true;
        for (;;) {
          const fs = q;
          if (b[q] === QUOTE) {
            ok = false;
            break;
          }
          if (f === atC && fastTime && q + 19 < n) {
            const c = b[q + 19];
            if (c === delimiter || c === LF || c === CR) {
              t = parseIsoDateTime19(b, q, q + 19);
              if (t === t) q += 19;
            }
          } else if (f === amountC) {
            let v = 0;
            for (; q < n; q++) {
              const d = (b[q] as number) - 48;
              if (d < 0 || d > 9) break;
              v = v * 10 + d;
            }
            const c = b[q];
            if (q > fs && (c === delimiter || c === LF || c === CR)) amount = v;
          }
          while (q < n) {
            const c = b[q];
            if (c === delimiter || c === LF || c === CR) break;
            q++;
          }
          if (q >= n) {
            ok = false;
            break;
          }
          if (f === idC) {
            is = fs;
            ie = q;
          } else if (f === atC && t !== t) t = parseTime(b, fs, q);
          else if (f === amountC && amount !== amount) amount = parseAmount(b, fs, q);
          f++;
          const c = b[q];
          if (c === delimiter) {
            q++;
            continue;
          }
          if (c === LF) q++;
          else if (q + 1 < n && b[q + 1] === LF) q += 2;
          else ok = false;
          break;
        }
        if (ok && f > lastC && ie > is && t === t && amount === amount) {
          line++;
          record(b, is, ie, t, amount);
          p = q;
          continue;
        }
      }
      let field = 0;
      let complete = false;
      // Scan one record into starts/ends (only the first 64 fields are kept).
      for (;;) {
        let s: number;
        let e: number;
        let q = 0;
        if (b[p] === QUOTE) {
          p++;
          s = p;
          for (;;) {
            while (p < n && b[p] !== QUOTE) p++;
            if (p + 1 < n && b[p + 1] === QUOTE) {
              q = 2;
              p += 2;
              continue;
            }
            break;
          }
          if (p >= n) break;
          e = p;
          p++;
          q = q || 1;
        } else {
          s = p;
          while (p < n) {
            const c = b[p];
            if (c === delimiter || c === LF || c === CR) break;
            p++;
          }
          e = p;
        }
        if (field < 64) {
          starts[field] = s;
          ends[field] = e;
          quoted[field] = q;
        }
        field++;
        if (p >= n) {
          complete = final;
          break;
        }
        const c = b[p];
        if (c === delimiter) {
          p++;
          continue;
        }
        if (c === CR) {
          if (p + 1 >= n && !final) break;
          p += b[p + 1] === LF ? 2 : 1;
          complete = true;
          break;
        }
        if (c === LF) {
          p++;
          complete = true;
          break;
        }
        line++;
        fail('csv', 'unexpected character after a quoted field', b, s, p + 1);
      }
      if (!complete) {
        if (final) {
          line++;
          fail('csv', 'unterminated quoted field', b, lineStart, n);
        }
        internPending();
        return lineStart;
      }
      line++;
      if (field === 1 && ends[0] === starts[0] && quoted[0] === 0) continue;
      if (header) {
        header = false;
        for (let k = 0; k < Math.min(field, 64); k++) {
          const name = decodeUtf8(b, starts[k] as number, ends[k] as number).trim();
          if (name === names.customerId) idCol = k;
          else if (name === names.at) atCol = k;
          else if (name === names.amount) amountCol = k;
        }
        for (const [col, name] of [[idCol, names.customerId], [atCol, names.at], [amountCol, names.amount]] as const) {
          if (col < 0) fail(name, `header has no column "${name}"`, b, lineStart, p);
        }
        idC = idCol;
        atC = atCol;
        amountC = amountCol;
        lastC = Math.max(idC, atC, amountC);
        continue;
      }
      if (field <= lastC) fail('csv', `expected at least ${lastC + 1} fields`, b, lineStart, p);
      let idBytes = b;
      let is = starts[idCol] as number;
      let ie = ends[idCol] as number;
      if (quoted[idCol] === 2) {
        if (scratch.length < ie - is) scratch = new Uint8Array(2 * (ie - is));
        ie = unescapeQuoted(b, is, ie, scratch);
        is = 0;
        idBytes = scratch;
      }
      if (ie === is) fail(names.customerId, 'empty customer id', b, lineStart, p);
      const t = parseTime(b, starts[atCol] as number, ends[atCol] as number);
      if (Number.isNaN(t)) fail(names.at, 'expected epoch milliseconds or an ISO 8601 date', b, starts[atCol] as number, ends[atCol] as number);
      const amount = parseAmount(b, starts[amountCol] as number, ends[amountCol] as number);
      if (Number.isNaN(amount)) fail(names.amount, 'expected a non-negative decimal amount', b, starts[amountCol] as number, ends[amountCol] as number);
      record(idBytes, is, ie, t, amount);
      // An unescaped id lives in a scratch buffer that the next quoted id overwrites: intern it now.
      if (idBytes !== b) internPending();
    }
    // The batch refers to bytes of `b`, which the next chunk may replace.
    internPending();
    return n;
  };

  let carry: Uint8Array | null = null;
  for await (const raw of chunks) {
    if (!(raw instanceof Uint8Array)) throw rfmInputError(['chunks'], 'expected Uint8Array chunks', typeof raw);
    // A plain Uint8Array view (Node hands out Buffers): one array type keeps the byte loops monomorphic.
    const chunk = raw.constructor === Uint8Array ? raw : new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
    let b = chunk;
    if (carry !== null) {
      // Finish the line carried over with this chunk's head in a small buffer, then parse the
      // rest of the chunk where it is: no copy of each megabyte chunk.
      const lf = chunk.indexOf(LF);
      if (lf < 0) {
        carry = concat(carry, chunk);
        continue;
      }
      const head = concat(carry, chunk.subarray(0, lf + 1));
      const done = parse(head, false);
      b = done < head.length ? concat(head.subarray(done), chunk.subarray(lf + 1)) : chunk.subarray(lf + 1);
    }
    const rest = parse(b, false);
    carry = rest < b.length ? b.slice(rest) : null;
  }
  if (carry !== null) parse(carry, true);
  if (header) throw rfmInputError(['csv'], 'no header row', '', 'invalid_csv', { line: 0 });
  flushBlock();
  return acc.finish(interner.ids());
}
