// The RFM a developer writes by hand without memberkit: totals in a Map keyed by the customer-id
// string, then three sorts for the NTILE(5) scores. The issue quotes 8.3 s for this on its machine
// (10M orders, 1M customers), so its time here also tells how fast this machine runs JavaScript
// compared with the one the targets were measured on. Same rules as DuckDB's query in rfm.bench.ts:
// NTILE(5) over (measure, customer_id), recency scored on the last order time.
const DAY = 86_400_000;

interface NaiveRow { customerId: string; last: number; recencyDays: number; frequency: number; monetary: number; r: number; f: number; m: number; score: number }

/** NTILE(5) over `rows` ordered by `key`, then customer id: the first n % 5 tiles get one row more, as in SQL. */
function ntile(rows: NaiveRow[], key: (r: NaiveRow) => number, set: (r: NaiveRow, tile: number) => void): void {
  const sorted = rows.slice().sort((a, b) => key(a) - key(b) || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  const n = sorted.length;
  const base = Math.floor(n / 5);
  const extra = n % 5;
  let i = 0;
  for (let tile = 1; tile <= 5; tile++) {
    const size = base + (tile <= extra ? 1 : 0);
    for (let k = 0; k < size; k++) set(sorted[i++] as NaiveRow, tile);
  }
}

/** Scores `orders` (at in epoch ms) as of `asOf`, one row per customer. */
export function naiveMapRfm(orders: readonly { customerId: string; at: unknown; amount: number }[], asOf: number): NaiveRow[] {
  const totals = new Map<string, { last: number; count: number; sum: number }>();
  for (const o of orders) {
    const at = o.at as number;
    let t = totals.get(o.customerId);
    if (t === undefined) {
      t = { last: at, count: 0, sum: 0 };
      totals.set(o.customerId, t);
    }
    if (at > t.last) t.last = at;
    t.count += 1;
    t.sum += o.amount;
  }
  const rows: NaiveRow[] = [];
  for (const [customerId, t] of totals) {
    rows.push({ customerId, last: t.last, recencyDays: Math.floor((asOf - t.last) / DAY), frequency: t.count, monetary: t.sum, r: 0, f: 0, m: 0, score: 0 });
  }
  ntile(rows, (r) => r.last, (r, s) => (r.r = s));
  ntile(rows, (r) => r.frequency, (r, s) => (r.f = s));
  ntile(rows, (r) => r.monetary, (r, s) => (r.m = s));
  for (const r of rows) r.score = 100 * r.r + 10 * r.f + r.m;
  return rows;
}
