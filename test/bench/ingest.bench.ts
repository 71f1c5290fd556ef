// Ingest and batch-segment benchmark (issue 3): 100,000 events into the memory
// store with identity resolution and 20 rule tags, then batch evaluation of
// segments over 1,000,000 profiles. Run: npx --yes pnpm@10 bench:ingest
import { createMemberkit, manualClock, memoryStore, parseEvent, seededRandom, type RuleTag, type Segment, type StoredEvent } from '@memberkit/core';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const EVENTS = Number(args.get('events') ?? 100_000);
const PROFILES = Number(args.get('profiles') ?? 1_000_000);
// Each ingest mode runs this many times on a fresh engine (the machine is
// shared): the table shows the median run and the best.
const RUNS = Number(args.get('runs') ?? 3);

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

// Each person browses on two devices (a phone app and a laptop): events from
// the second device start a second anonymous profile, which identity
// resolution merges into the first once a sign-in or an order names the user.
// Events are object literals, as a caller writes them or JSON.parse makes them:
// every event of a type shares one hidden class.
function makeEvent(rng: { next(): number }, i: number, people: number) {
  const who = Math.floor(rng.next() * people);
  const timestamp = T0 + i * 1_000;
  const category = categories[Math.floor(rng.next() * categories.length)]!;
  const anonymousId = rng.next() < 0.7 ? `dev${who}` : `app${who}`;
  const id = `e${i}`;
  const roll = rng.next();
  if (roll < 0.6) return { id, timestamp, anonymousId, type: 'product_viewed', properties: { productId: `p${i % 500}`, category, dwellMs: 3000 } };
  if (roll < 0.75) return { id, timestamp, anonymousId, type: 'product_added', properties: { productId: `p${i % 500}`, category, price: 9900, quantity: 1, currency: 'CNY' } };
  if (roll < 0.85) return { id, timestamp, anonymousId, type: 'products_searched', properties: { query: category } };
  if (roll < 0.93) return { id, timestamp, anonymousId, type: 'signed_in', userId: `u${who}`, identifiers: { phone: `138${String(who).padStart(8, '0')}` }, traits: { gender: who % 2 ? 'female' : 'male' }, properties: {} };
  return { id, timestamp, anonymousId, type: 'order_completed', source: 'server', userId: `u${who}`, properties: { orderId: `o${i}`, currency: 'CNY', total: 19900, products: [{ productId: `p${i % 500}`, category, price: 19900, quantity: 1 }] } };
}

/**
 * The same event built with object spread (`{ ...base, type, properties }`). V8 gives almost every
 * such object a hidden class of its own (8 of 2,000 shared one in a check with %HaveSameMap), so
 * the first walk over each builds fresh key-listing state: the bench shows what that costs.
 */
function spreadEvent(e: ReturnType<typeof makeEvent>) {
  const { id, timestamp, anonymousId, ...rest } = e;
  const base = { id, timestamp, anonymousId };
  return { ...base, ...rest };
}

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

interface IngestRun {
  readonly wall: number;
  readonly cpu: number;
  readonly profiles: number;
  readonly merges: number;
}

// A fresh engine per mode, so that each ingests the same 100,000 events
// into an empty store: identity resolution, merges and all 20 rule tags.
async function benchIngest(batchSize: number, input: 'literal' | 'spread' = 'literal'): Promise<IngestRun> {
  const rng = seededRandom(7);
  const events = Array.from({ length: EVENTS }, (_, i) => (input === 'spread' ? spreadEvent(makeEvent(rng, i, EVENTS / 10)) : makeEvent(rng, i, EVENTS / 10)));
  const clock = manualClock(T0 + EVENTS * 1_000);
  const mk = createMemberkit({ store: memoryStore(), clock, ruleTags, segments });
  let merges = 0;
  const c0 = process.cpuUsage();
  const t = performance.now();
  if (batchSize === 1) {
    for (const e of events) merges += (await mk.ingest(e)).merges.length;
  } else {
    for (let i = 0; i < EVENTS; i += batchSize) {
      for (const r of await mk.ingestBatch(events.slice(i, i + batchSize))) {
        if (r.status === 'rejected') throw r.error;
        merges += r.merges.length;
      }
    }
  }
  const wall = (performance.now() - t) / 1000;
  return { wall, cpu: cpuSeconds(c0), profiles: await mk.context.store.countProfiles(), merges };
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
  // "Now" is an hour after the last event: windows hold the recent days.
  clock.set(T0 + eventNo * 1_000 + 3_600_000);
  const rssBefore = process.memoryUsage().rss;
  const c0 = process.cpuUsage();
  const t = performance.now();
  const result = await mk.evaluateAll();
  const s = (performance.now() - t) / 1000;
  const cpu = cpuSeconds(c0);
  const entered = Object.values(result.segments).reduce((n, x) => n + x.entered.length, 0);
  const tagged = Object.values(result.tags).reduce((n, x) => n + x.entered.length, 0);
  const mb = (bytes: number): number => Math.round(bytes / 1e6);
  return { s, cpu, evaluated: result.evaluated, events: eventNo, entered, tagged, rssBeforeMb: mb(rssBefore), rssMb: mb(process.memoryUsage().rss), peakMb: mb(process.resourceUsage().maxRSS * 1024) };
}

async function runs(batchSize: number, input: 'literal' | 'spread' = 'literal'): Promise<{ median: IngestRun; best: IngestRun }> {
  const all: IngestRun[] = [];
  for (let i = 0; i < RUNS; i++) all.push(await benchIngest(batchSize, input));
  all.sort((a, b) => a.wall - b.wall);
  return { median: all[Math.floor((all.length - 1) / 2)]!, best: all[0]! };
}
const single = await runs(1);
const batched = await runs(100);
const spread = await runs(100, 'spread');
console.log(`\n## Ingest (${EVENTS.toLocaleString('en')} events per run, 20 rule tags, 2 segments, memory store; median of ${RUNS} runs)\n`);
console.log('| what | events | wall | CPU | rate (wall) | best run | profiles | merges |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
const rate = (r: IngestRun): string => `${Math.round(EVENTS / r.wall).toLocaleString('en')} events/s`;
for (const [what, { median: r, best }] of [['ingest(), one event per call', single], ['ingestBatch(), 100 per call', batched], ['ingestBatch(), 100 per call, events built with object spread (a hidden class each)', spread]] as const) {
  console.log(`| ${what} | ${EVENTS.toLocaleString('en')} | ${r.wall.toFixed(2)} s | ${r.cpu.toFixed(2)} s | ${rate(r)} | ${rate(best)} | ${r.profiles.toLocaleString('en')} | ${r.merges.toLocaleString('en')} |`);
}
const met = (r: IngestRun): string => (EVENTS / r.wall >= 100_000 ? 'met' : 'NOT met');
console.log(`\nTarget ≥ 100,000 events/s (median): one per call ${met(single.median)}, batched ${met(batched.median)}.`);

const batch = await benchBatch();
console.log(`\n## Batch evaluation (${batch.evaluated.toLocaleString('en')} profiles, ${batch.events.toLocaleString('en')} events, 20 rule tags + 2 segments)\n`);
console.log('| what | wall | CPU | profiles/s | tag entries | segment entries | RSS before → after | peak RSS |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
console.log(`| memberkit evaluateAll() | ${batch.s.toFixed(2)} s | ${batch.cpu.toFixed(2)} s | ${Math.round(batch.evaluated / batch.s).toLocaleString('en')} | ${batch.tagged.toLocaleString('en')} | ${batch.entered.toLocaleString('en')} | ${batch.rssBeforeMb} → ${batch.rssMb} MB | ${batch.peakMb} MB |`);
