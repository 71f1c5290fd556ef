// Ingest and batch-segment benchmark (issue 3): 100,000 events into the memory
// store with identity resolution and 20 rule tags, then batch evaluation of
// segments over 1,000,000 profiles. Run: npx --yes pnpm@10 bench:ingest
import { createMemberkit, manualClock, memoryStore, parseEvent, seededRandom, type RuleTag, type Segment, type StoredEvent } from '@memberkit/core';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const EVENTS = Number(args.get('events') ?? 100_000);
const PROFILES = Number(args.get('profiles') ?? 1_000_000);

const categories = ['baby', 'toys', 'beauty', 'food', 'shoes'];
const ruleTags: RuleTag[] = [];
for (const c of categories) {
  ruleTags.push({ id: `viewed-${c}-7d`, kind: 'dynamic', rule: { event: 'product_viewed', where: { category: c }, within: { last: 7, unit: 'day' }, count: { op: 'gte', value: 3 } } });
  ruleTags.push({ id: `bought-${c}`, kind: 'dynamic', rule: { event: 'order_completed', where: { 'products.category': c } } });
  ruleTags.push({ id: `carted-${c}-1d`, kind: 'dynamic', rule: { event: 'product_added', where: { category: c }, within: { last: 1, unit: 'day' } } });
}
ruleTags.push(
  { id: 'cart-abandoner', kind: 'dynamic', rule: { event: 'product_added', within: { last: 1, unit: 'day' }, notFollowedBy: { event: 'order_completed', within: { last: 1, unit: 'hour' } } } },
  { id: 'big-spender', kind: 'static', rule: { event: 'order_completed', sum: { property: 'total', op: 'gte', value: 100_000 } } },
  { id: 'repeat-buyer', kind: 'static', rule: { field: 'stats.orderCount', op: 'gte', value: 2 } },
  { id: 'female', kind: 'static', rule: { field: 'traits.gender', op: 'eq', value: 'female' } },
  { id: 'searcher', kind: 'dynamic', rule: { event: 'products_searched', within: { last: 7, unit: 'day' } } },
);
const segments: Segment[] = [
  { id: 'baby-prospects', name: 'Baby prospects', rule: { all: [{ hasTag: 'viewed-baby-7d' }, { not: { hasTag: 'bought-baby' } }] } },
  { id: 'vip', name: 'VIP', rule: { any: [{ hasTag: 'big-spender' }, { field: 'attributes.tier', op: 'in', value: ['gold', 'black'] }] } },
];

function makeEvent(rng: { next(): number }, i: number, people: number) {
  const who = Math.floor(rng.next() * people);
  const at = T0 + i * 1_000;
  const category = categories[Math.floor(rng.next() * categories.length)]!;
  const base = { id: `e${i}`, timestamp: at, anonymousId: `dev${who}` };
  const roll = rng.next();
  if (roll < 0.6) return { ...base, type: 'product_viewed', properties: { productId: `p${i % 500}`, category, dwellMs: 3000 } };
  if (roll < 0.75) return { ...base, type: 'product_added', properties: { productId: `p${i % 500}`, category, price: 9900, quantity: 1, currency: 'CNY' } };
  if (roll < 0.85) return { ...base, type: 'products_searched', properties: { query: category } };
  if (roll < 0.93) return { ...base, type: 'signed_in', userId: `u${who}`, identifiers: { phone: `138${String(who).padStart(8, '0')}` }, traits: { gender: who % 2 ? 'female' : 'male' }, properties: {} };
  return { ...base, type: 'order_completed', source: 'server', userId: `u${who}`, properties: { orderId: `o${i}`, currency: 'CNY', total: 19900, products: [{ productId: `p${i % 500}`, category, price: 19900, quantity: 1 }] } };
}

async function benchIngest() {
  const rng = seededRandom(7);
  const events = Array.from({ length: EVENTS }, (_, i) => makeEvent(rng, i, EVENTS / 10));
  const clock = manualClock(T0 + EVENTS * 1_000);
  const mk = createMemberkit({ store: memoryStore(), clock, ruleTags, segments });
  const c0 = process.cpuUsage();
  const t = performance.now();
  for (const e of events.slice(0, EVENTS / 2)) await mk.ingest(e);
  const single = (performance.now() - t) / 1000;
  const c1 = process.cpuUsage(c0);
  console.error(`cpu single ${((c1.user + c1.system) / 1e6).toFixed(2)} s`);
  // The collector's path: batches of 100 as a tracker sends them.
  const t2 = performance.now();
  for (let i = EVENTS / 2; i < EVENTS; i += 100) await mk.ingestBatch(events.slice(i, i + 100));
  const batched = (performance.now() - t2) / 1000;
  const c2 = process.cpuUsage(c0);
  console.error(`cpu batched ${((c2.user + c2.system - c1.user - c1.system) / 1e6).toFixed(2)} s`);
  return { single, batched, profiles: await mk.context.store.countProfiles() };
}

async function benchBatch() {
  // 1,000,000 profiles with one to three events each, written straight through
  // the store port (bulk load), then one batch pass over everyone.
  const store = memoryStore();
  const clock = manualClock(T0);
  const mk = createMemberkit({ store, clock, ruleTags, segments });
  const rng = seededRandom(11);
  let eventNo = 0;
  const CHUNK = 10_000;
  for (let start = 0; start < PROFILES; start += CHUNK) {
    await store.transaction(async (tx) => {
      for (let p = start; p < Math.min(PROFILES, start + CHUNK); p++) {
        const id = `prof_${p}`;
        await tx.putProfile({ id, createdAt: T0, updatedAt: T0, identities: [{ kind: 'anonymousId', value: `dev${p}`, linkedAt: T0 }], traits: { gender: p % 2 ? 'female' : 'male' }, tags: [], segments: [], attributes: p % 10 === 0 ? { tier: 'gold' } : {} });
        await tx.linkIdentifier('anonymousId', `dev${p}`, id);
        const count = 1 + Math.floor(rng.next() * 3);
        for (let k = 0; k < count; k++) {
          const e = parseEvent(makeEvent(rng, eventNo++, 1));
          await tx.appendEvent({ ...e, anonymousId: `dev${p}`, profileId: id } as StoredEvent);
        }
      }
    });
  }
  clock.advance(2 * 86_400_000);
  const c0 = process.cpuUsage();
  const t = performance.now();
  const result = await mk.evaluateAll();
  const s = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(c0);
  console.error(`evaluateAll cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`);
  const entered = Object.values(result.segments).reduce((n, x) => n + x.entered.length, 0);
  return { s, evaluated: result.evaluated, events: eventNo, entered, rssMb: Math.round(process.memoryUsage().rss / 1e6) };
}

const ingest = await benchIngest();
console.log(`\n## Ingest (${EVENTS.toLocaleString('en')} events, 20 rule tags, 2 segments, memory store)\n`);
const half = EVENTS / 2;
console.log('| what | events | time | rate |');
console.log('|---|---:|---:|---:|');
console.log(`| ingest(), one event per call | ${half.toLocaleString('en')} | ${ingest.single.toFixed(2)} s | ${Math.round(half / ingest.single).toLocaleString('en')} events/s |`);
console.log(`| ingestBatch(), 100 per call | ${half.toLocaleString('en')} | ${ingest.batched.toFixed(2)} s | ${Math.round(half / ingest.batched).toLocaleString('en')} events/s |`);
console.log(`\n${ingest.profiles.toLocaleString('en')} profiles. Target ≥ 100,000 events/s (batched): ${half / ingest.batched >= 100_000 ? 'met' : 'NOT met'}`);

const batch = await benchBatch();
console.log(`\n## Batch evaluation (${batch.evaluated.toLocaleString('en')} profiles, ${batch.events.toLocaleString('en')} events, 20 rule tags + 2 segments)\n`);
console.log('| what | time | profiles/s | segment entries | RSS after |');
console.log('|---|---:|---:|---:|---:|');
console.log(`| memberkit evaluateAll() | ${batch.s.toFixed(2)} s | ${Math.round(batch.evaluated / batch.s).toLocaleString('en')} | ${batch.entered.toLocaleString('en')} | ${batch.rssMb} MB |`);
