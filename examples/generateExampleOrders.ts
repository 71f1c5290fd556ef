// Writes examples/orders.csv: the CDNOW 1/10 sample (Fader, Hardie & Lee 2005;
// 2,357 customers, 6,919 purchases, 1997-01-01 .. 1998-06-30, redistributed
// in lifetimes and BTYD) turned into an order-lines export with product
// genres added, so the report has real BTYD behaviour and baskets to mine.
//
// - customer_id, order_date and the order's dollar value are CDNOW's own;
// - each order's number_of_cds becomes up to 3 lines of distinct genres,
//   drawn by a seeded generator: every customer has a favourite genre family
//   (classical+opera, jazz+blues, ...), which plants association rules;
// - the order value is split over its lines in cents (sums are exact);
// - three deliberately bad rows show how the report reports them.
//
// Run: npx tsx --conditions=source examples/generateExampleOrders.ts [path/to/CDNOW_sample.txt]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { seededRandom } from '@memberkit/core';

const candidates = [process.argv[2], '../shared/data/CDNOW_sample.txt', '/work/shared/data/CDNOW_sample.txt'].filter((p): p is string => p !== undefined);
const source = candidates.find((p) => existsSync(p));
if (source === undefined) throw new Error(`CDNOW_sample.txt not found in ${candidates.join(', ')}`);

const families: readonly (readonly string[])[] = [
  ['classical', 'opera', 'baroque'],
  ['jazz', 'blues', 'soul'],
  ['hip-hop', 'r&b', 'soul'],
  ['rock', 'alternative', 'metal'],
  ['soundtrack', 'musical', 'pop'],
  ['country', 'folk', 'bluegrass'],
  ['dance', 'electronic', 'pop'],
  ['latin', 'world', 'reggae'],
];
const popular = ['pop', 'rock', 'pop', 'rock', 'country', 'r&b', 'alternative', 'jazz', 'classical', 'soundtrack', 'kids', 'gospel', 'comedy', 'new age'];

const random = seededRandom(1997);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random.next() * xs.length)] as T;
const favourite = new Map<string, readonly string[]>();

const rows: string[] = ['order_id,customer_id,order_date,product,amount'];
const bad = new Map([
  [1000, 'O900001,,1997-03-05,jazz,12.99'],
  [5000, 'O900002,C0042,1997-02-30,rock,15.49'],
  [9000, 'O900003,C0077,1997-05-11,pop,n/a'],
]);
let orderNo = 0;
for (const line of readFileSync(source, 'utf8').split('\n')) {
  const f = line.trim().split(/\s+/);
  if (f.length < 5) continue;
  const [, sampleId, ymd, cds, dollars] = f as [string, string, string, string, string];
  const customer = `C${sampleId.padStart(4, '0')}`;
  let fav = favourite.get(customer);
  if (fav === undefined) {
    fav = pick(families);
    favourite.set(customer, fav);
  }
  const date = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
  const lines = Math.max(1, Math.min(3, Number(cds)));
  const items = new Set<string>();
  while (items.size < lines) items.add(random.next() < 0.7 ? pick(fav) : pick(popular));
  const cents = Math.round(Number(dollars) * 100);
  const share = Math.floor(cents / items.size);
  const order = `O${String(++orderNo).padStart(6, '0')}`;
  [...items].forEach((item, i) => {
    const c = i === 0 ? cents - share * (items.size - 1) : share;
    rows.push(`${order},${customer},${date},${item},${(c / 100).toFixed(2)}`);
    const planted = bad.get(rows.length);
    if (planted !== undefined) rows.push(planted);
  });
}
writeFileSync(new URL('./orders.csv', import.meta.url), `${rows.join('\n')}\n`);
console.log(`wrote examples/orders.csv: ${rows.length - 1} rows, ${orderNo} orders from ${source}`);
