// Seeded order history for the RFM benchmark: N orders of C customers (ids
// c0000000…), two years of timestamps in whole seconds, integer cents. Every
// customer orders at least once; the rest is skewed so that low ids buy more.
import { createWriteStream, existsSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from '@memberkit/core';

export interface RfmBenchData {
  readonly customerIds: string[];
  readonly customerIndex: Uint32Array;
  readonly at: Float64Array;
  /** Integer cents (Uint32Array: 40 MB for 10M orders instead of 80). */
  readonly amount: Uint32Array;
}

export const BENCH_START = Date.UTC(2024, 0, 1);
export const BENCH_AS_OF = Date.UTC(2026, 0, 1);

export function customerIdOf(i: number): string {
  return 'c' + String(i).padStart(7, '0');
}

export function generateRfmBenchData(orders: number, customers: number, seed = 20260101): RfmBenchData {
  const rnd = seededRandom(seed);
  const customerIds = Array.from({ length: customers }, (_, i) => customerIdOf(i));
  const customerIndex = new Uint32Array(orders);
  const at = new Float64Array(orders);
  const amount = new Uint32Array(orders);
  const first = new Uint32Array(customers);
  for (let i = 0; i < customers; i++) first[i] = i;
  for (let i = customers - 1; i > 0; i--) {
    const j = Math.floor(rnd.next() * (i + 1));
    const t = first[i] as number;
    first[i] = first[j] as number;
    first[j] = t;
  }
  const spanSeconds = (BENCH_AS_OF - BENCH_START) / 1000;
  for (let i = 0; i < orders; i++) {
    const u = rnd.next();
    customerIndex[i] = i < customers ? (first[i] as number) : Math.floor(customers * u * u);
    at[i] = BENCH_START + Math.floor(rnd.next() * spanSeconds) * 1000;
    const v = rnd.next();
    amount[i] = 500 + Math.floor(v * v * v * 100_000);
  }
  return { customerIds, customerIndex, at, amount };
}

/** Writes the data as `customer_id,at,amount` CSV (at as `YYYY-MM-DD HH:MM:SS`, UTC) unless the file exists. */
export async function writeRfmBenchCsv(path: string, data: RfmBenchData): Promise<void> {
  if (existsSync(path)) return;
  const tmp = `${path}.part`;
  const out = createWriteStream(tmp);
  out.write('customer_id,at,amount\n');
  const n = data.at.length;
  let buf = '';
  for (let i = 0; i < n; i++) {
    const ts = new Date(data.at[i] as number).toISOString();
    buf += `${data.customerIds[data.customerIndex[i] as number]},${ts.slice(0, 10)} ${ts.slice(11, 19)},${data.amount[i]}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  renameSync(tmp, path);
}
