// Loyalty ledger benchmark: `pnpm bench:loyalty` (add `--quick` for a small run).
// 1. Ledger operations per second on the memory store with 100,000 members.
// 2. balance / explainBalance latency for one member with 10,000 ledger entries.
// The peer is what a hand-rolled ledger usually does: keep the entries and sum
// them on every read (SELECT SUM(points) …), run on the same entries.
import { createLoyaltyEngine, defineProgram, entryEffect, manualClock, memoryLoyaltyStore, MemberDraft, emptyMemberRecord, type LoyaltyEngine, type MemberChange } from '@memberkit/core';

const quick = process.argv.includes('--quick');
const MEMBERS = quick ? 5_000 : 100_000;
const TARGET_ENTRIES = 10_000;
const DAY = 86_400_000;
let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

const program = defineProgram({
  currency: 'CNY',
  returnWindowDays: 7,
  expiry: { kind: 'days', days: 3650 },
  points: { perCurrencyUnit: 1, actions: { check_in: { points: 5, maxPerDay: 1 } } },
  tiers: { metric: 'spend', levels: [{ id: 'basic', name: '普通', threshold: 0 }, { id: 'gold', name: '金卡', threshold: 500_000, benefits: { pointsMultiplier: 1.5 } }] },
});

const order = (memberId: string, orderId: string, total: number, timestamp: number) => ({
  id: `e-${orderId}`, type: 'order_completed', timestamp, userId: memberId, source: 'server',
  properties: { orderId, currency: 'CNY', total, products: [{ productId: 'p1', price: total, quantity: 1 }] },
});

interface Row { label: string; n: number; ms: number; cpuMs: number }

// Wall time and this process's CPU time: the machine is shared, so wall time includes waiting for a core.
async function timed(label: string, n: number, body: () => Promise<void>): Promise<Row> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await body();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  sampleRss();
  return { label, n, ms, cpuMs: (c.user + c.system) / 1000 };
}

/** The store primitive alone: atomic check-and-append of prepared changes (one lot + one entry + a source + a key). */
async function storeAppends(): Promise<Row> {
  const store = memoryLoyaltyStore();
  const changes: MemberChange[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const d = new MemberDraft(emptyMemberRecord(`s${i}`), 0);
    const lot = d.addLot({ origin: 'action', source: `action:sign_up:once`, earnedAt: 0, activatesAt: null, expiresAt: null, points: 50 });
    d.append('earn', lot.id, 'available', 50, 0, 'action:sign_up:once');
    d.claimSource('action:sign_up:once');
    changes.push(d.toChange({ key: `k${i}`, memberId: `s${i}`, fingerprint: 'f', result: null }));
  }
  return timed('store.commit (check-and-append, prepared change)', MEMBERS, async () => {
    for (const c of changes) {
      const o = await store.commit(c);
      if (o.status !== 'committed') throw new Error(o.status);
    }
  });
}

async function throughput() {
  const clock = manualClock('2026-01-01T00:00:00Z');
  const engine = createLoyaltyEngine({ program, clock });
  const ids = Array.from({ length: MEMBERS }, (_, i) => `m${i}`);
  const rows = [];
  rows.push(await timed('adjustPoints (credit 1,000)', MEMBERS, async () => {
    for (const m of ids) await engine.adjustPoints({ memberId: m, points: 1_000, reason: 'opening balance', idempotencyKey: `open-${m}` });
  }));
  rows.push(await timed('recordOrder (pending lot, growth, tier)', MEMBERS, async () => {
    for (let i = 0; i < MEMBERS; i++) await engine.recordOrder(order(ids[i] as string, `o${i}`, 10_000 + (i % 50_000), clock.now()));
  }));
  rows.push(await timed('redeemPoints (on an order)', MEMBERS, async () => {
    for (let i = 0; i < MEMBERS; i++) await engine.redeemPoints({ memberId: ids[i] as string, points: 300, orderId: `c${i}`, idempotencyKey: `r${i}` });
  }));
  rows.push(await timed('recordAction (check-in)', MEMBERS, async () => {
    for (const m of ids) await engine.recordAction({ memberId: m, action: 'check_in', idempotencyKey: `ci-${m}` });
  }));
  rows.push(await timed('recordRefund (half, by amount)', MEMBERS, async () => {
    for (let i = 0; i < MEMBERS; i++) {
      await engine.recordRefund({ id: `rf${i}`, type: 'order_refunded', timestamp: clock.now(), userId: ids[i], source: 'server', properties: { orderId: `o${i}`, currency: 'CNY', total: 5_000 } });
    }
  }));
  rows.push(await timed('replay (same key, no write)', MEMBERS, async () => {
    for (let i = 0; i < MEMBERS; i++) await engine.redeemPoints({ memberId: ids[i] as string, points: 300, orderId: `c${i}`, idempotencyKey: `r${i}` });
  }));
  clock.advance(8 * DAY);
  rows.push(await timed('settle (activate pending)', MEMBERS, async () => {
    for (const m of ids) await engine.settle(m);
  }));
  for (const m of ids.slice(0, 1000)) if (!(await engine.verify(m)).ok) throw new Error(`ledger check failed for ${m}`);
  return rows;
}

async function bigMember(): Promise<{ engine: LoyaltyEngine; now: number }> {
  const clock = manualClock('2020-01-01T00:00:00Z');
  const engine = createLoyaltyEngine({ program: defineProgram({ ...program, returnWindowDays: 0 }), clock });
  let i = 0;
  while (((await engine.member('big'))?.entries.length ?? 0) < TARGET_ENTRIES) {
    clock.advance(3_600_000);
    await engine.recordOrder(order('big', `b${i}`, 5_000 + (i % 7) * 1_000, clock.now()));
    if (i % 2 === 1) await engine.redeemPoints({ memberId: 'big', points: 60, idempotencyKey: `br${i}` });
    i++;
  }
  return { engine, now: clock.now() };
}

function latency(n: number, fn: () => unknown): number {
  for (let i = 0; i < Math.min(1000, n); i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  return (performance.now() - t0) / n;
}

async function main() {
  const rows = await throughput();
  const totalOps = rows.reduce((s, r) => s + r.n, 0);
  const totalMs = rows.reduce((s, r) => s + r.ms, 0);
  const totalCpu = rows.reduce((s, r) => s + r.cpuMs, 0);
  const store = await storeAppends();
  const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en');
  console.log(`\n### Ledger operations, memory store, ${MEMBERS.toLocaleString('en')} members (engine commands: validate, idempotency, settle, apply, tier, commit)\n`);
  console.log('| operation | ops | wall (ms) | ops/s (wall) | ops/s (CPU time) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of [...rows, store]) console.log(`| ${r.label} | ${r.n.toLocaleString('en')} | ${r.ms.toFixed(0)} | ${rate(r.n, r.ms)} | ${rate(r.n, r.cpuMs)} |`);
  console.log(`| **all engine commands (target ≥ 200,000 ops/s)** | ${totalOps.toLocaleString('en')} | ${totalMs.toFixed(0)} | **${rate(totalOps, totalMs)}** | **${rate(totalOps, totalCpu)}** |`);

  const { engine, now } = await bigMember();
  const record = (await engine.member('big'))!;
  const { balanceAt, explainBalance } = await import('@memberkit/core');
  const entries = record.entries;
  const naive = () => {
    let available = 0;
    let pending = 0;
    for (const e of entries) {
      const d = entryEffect(e);
      available += d.available;
      pending += d.pending;
    }
    return available + pending;
  };
  const cached = latency(100_000, () => balanceAt(record, now));
  // A read just after a lot activated or expired scans the open lots instead of using the cache.
  const scan = latency(2_000, () => balanceAt(record, Number.MAX_SAFE_INTEGER - 1));
  const explain = latency(500, () => explainBalance(program, record, now));
  const t0 = performance.now();
  for (let k = 0; k < 20_000; k++) await engine.balance('big');
  const engineBalance = (performance.now() - t0) / 20_000;
  const naiveMs = latency(2_000, naive);
  sampleRss();
  console.log(`\n### One member with ${entries.length.toLocaleString('en')} entries (${record.openLots.size.toLocaleString('en')} open lots)\n`);
  console.log('| read | mean latency (ms) | target |');
  console.log('|---|---:|---:|');
  console.log(`| balanceAt (cached snapshot) | ${cached.toFixed(5)} | < 0.05 |`);
  console.log(`| engine.balance (async, via store) | ${engineBalance.toFixed(5)} | < 0.05 |`);
  console.log(`| balanceAt after a due expiry (open-lot scan) | ${scan.toFixed(5)} | – |`);
  console.log(`| explainBalance | ${explain.toFixed(4)} | < 5 |`);
  console.log(`| peer: sum all entries on read | ${naiveMs.toFixed(5)} | – |`);
  console.log(`\nPeak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB (node ${process.version})`);
}

await main();
