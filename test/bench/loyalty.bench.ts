// Loyalty ledger benchmark: `pnpm bench:loyalty` (add `--quick` for a small run).
// 1. Ledger operations per second on the memory store with 100,000 members.
// 2. balance / explainBalance latency for one member with 10,000 ledger entries.
// The peer is what a hand-rolled ledger usually does: keep the entries and sum
// them on every read (SELECT SUM(points) …), run on the same entries.
import { GcPauses } from './gcPauses.ts';
import { HandRolledLedger } from './handRolledLedger.ts';
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
  points: { perCurrencyUnit: 1, actions: { check_in: { points: 5, maxPerDay: 1 }, review: { points: 10, maxPerDay: 5 } } },
  tiers: { metric: 'spend', levels: [{ id: 'basic', name: '普通', threshold: 0 }, { id: 'gold', name: '金卡', threshold: 500_000, benefits: { pointsMultiplier: 1.5 } }] },
});

const order = (memberId: string, orderId: string, total: number, timestamp: number) => ({
  id: `e-${orderId}`, type: 'order_completed', timestamp, userId: memberId, source: 'server',
  properties: { orderId, currency: 'CNY', total, products: [{ productId: 'p1', price: total, quantity: 1 }] },
});

interface Row { label: string; n: number; ms: number; cpuMs: number; t0: number; t1: number }

const gc = new GcPauses();

/** The rows that each write one kind of ledger entry set, one member after another. */
const WRITE_PHASES = ['adjustPoints', 'recordOrder', 'redeemPoints', 'recordAction', 'recordRefund'];

// Wall time and this process's CPU time: the machine is shared, so wall time includes waiting for a core.
async function timed(label: string, n: number, body: () => Promise<void>): Promise<Row> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await body();
  const t1 = performance.now();
  const c = process.cpuUsage(c0);
  sampleRss();
  return { label, n, ms: t1 - t0, cpuMs: (c.user + c.system) / 1000, t0, t1 };
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

/** The mixed workload: commands in random order over random members, as traffic arrives (not one kind at a time). */
const MIX = [
  ['recordOrder', 30],
  ['redeemPoints', 20],
  ['recordAction (review)', 15],
  ['recordRefund (partial)', 15],
  ['adjustPoints', 10],
  ['replay of an earlier redeem', 10],
] as const;

async function mixed(engine: LoyaltyEngine, ids: readonly string[], clock: { now(): number }): Promise<Row> {
  const n = MEMBERS;
  let seed = 42;
  const rand = () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 4_294_967_296);
  // Draw the plan first so drawing is not timed.
  const plan: { kind: number; m: number }[] = [];
  const total = MIX.reduce((a, [, w]) => a + w, 0);
  for (let i = 0; i < n; i++) {
    let r = rand() * total;
    let kind = 0;
    while (r >= (MIX[kind] as (typeof MIX)[number])[1]) r -= (MIX[kind++] as (typeof MIX)[number])[1];
    plan.push({ kind, m: Math.floor(rand() * ids.length) });
  }
  const mixLabel = MIX.map(([k, w]) => `${w}% ${k}`).join(', ');
  return timed(`**mixed workload, random members** (${mixLabel})`, n, async () => {
    for (let i = 0; i < n; i++) {
      const { kind, m } = plan[i] as { kind: number; m: number };
      const memberId = ids[m] as string;
      if (kind === 0) await engine.recordOrder(order(memberId, `x${i}`, 8_000 + (i % 997), clock.now()));
      else if (kind === 1) await engine.redeemPoints({ memberId, points: 10, idempotencyKey: `xr${i}` });
      else if (kind === 2) await engine.recordAction({ memberId, action: 'review', ref: `rv${i}`, idempotencyKey: `xa${i}` });
      else if (kind === 3) await engine.recordRefund({ id: `xrf${i}`, type: 'order_refunded', timestamp: clock.now(), userId: memberId, source: 'server', properties: { orderId: `o${m}`, currency: 'CNY', total: 10 } });
      else if (kind === 4) await engine.adjustPoints({ memberId, points: 5, reason: 'goodwill', idempotencyKey: `xj${i}` });
      else await engine.redeemPoints({ memberId, points: 300, orderId: `c${m}`, idempotencyKey: `r${m}` });
    }
  });
}

/** The five write commands, as both the engine and the hand-rolled peer take them. */
interface WriteTarget {
  adjustPoints(input: { memberId: string; points: number; reason: string; idempotencyKey: string }): Promise<unknown>;
  recordOrder(event: ReturnType<typeof order>): Promise<unknown>;
  redeemPoints(input: { memberId: string; points: number; orderId: string; idempotencyKey: string }): Promise<unknown>;
  recordAction(input: { memberId: string; action: 'check_in'; idempotencyKey: string }): Promise<unknown>;
  recordRefund(event: ReturnType<typeof refund>): Promise<unknown>;
}

const refund = (memberId: string, i: number, timestamp: number) => ({
  id: `rf${i}`, type: 'order_refunded', timestamp, userId: memberId, source: 'server',
  properties: { orderId: `o${i}`, currency: 'CNY', total: 5_000 },
});

/** The write phases of the table ({@link WRITE_PHASES}), one kind at a time over every member. */
async function writePhases(target: WriteTarget, ids: readonly string[], clock: { now(): number }, suffix = ''): Promise<Row[]> {
  const rows: Row[] = [];
  rows.push(await timed(`adjustPoints (credit 1,000)${suffix}`, MEMBERS, async () => {
    for (const m of ids) await target.adjustPoints({ memberId: m, points: 1_000, reason: 'opening balance', idempotencyKey: `open-${m}` });
  }));
  rows.push(await timed(`recordOrder (pending lot, growth, tier)${suffix}`, MEMBERS, async () => {
    for (let i = 0; i < MEMBERS; i++) await target.recordOrder(order(ids[i] as string, `o${i}`, 10_000 + (i % 50_000), clock.now()));
  }));
  rows.push(await timed(`redeemPoints (on an order)${suffix}`, MEMBERS, async () => {
    for (let i = 0; i < MEMBERS; i++) await target.redeemPoints({ memberId: ids[i] as string, points: 300, orderId: `c${i}`, idempotencyKey: `r${i}` });
  }));
  rows.push(await timed(`recordAction (check-in)${suffix}`, MEMBERS, async () => {
    for (const m of ids) await target.recordAction({ memberId: m, action: 'check_in', idempotencyKey: `ci-${m}` });
  }));
  rows.push(await timed(`recordRefund (half, by amount)${suffix}`, MEMBERS, async () => {
    for (let i = 0; i < MEMBERS; i++) await target.recordRefund(refund(ids[i] as string, i, clock.now()));
  }));
  return rows;
}

async function throughput() {
  const clock = manualClock('2026-01-01T00:00:00Z');
  const engine = createLoyaltyEngine({ program, clock });
  const ids = Array.from({ length: MEMBERS }, (_, i) => `m${i}`);
  const rows = await writePhases(engine, ids, clock);
  rows.push(await timed('replay (same key, no write)', MEMBERS, async () => {
    for (let i = 0; i < MEMBERS; i++) await engine.redeemPoints({ memberId: ids[i] as string, points: 300, orderId: `c${i}`, idempotencyKey: `r${i}` });
  }));
  rows.push(await mixed(engine, ids, clock));
  clock.advance(8 * DAY);
  rows.push(await timed('settle (activate pending)', MEMBERS, async () => {
    for (const m of ids) await engine.settle(m);
  }));
  for (const m of ids.slice(0, 1000)) if (!(await engine.verify(m)).ok) throw new Error(`ledger check failed for ${m}`);
  return rows;
}

/** The same write phases on the hand-rolled peer (see handRolledLedger.ts), in this process, after the engine's. */
async function peerWrites(): Promise<Row[]> {
  const clock = manualClock('2026-01-01T00:00:00Z');
  const peer = new HandRolledLedger(() => clock.now());
  const ids = Array.from({ length: MEMBERS }, (_, i) => `p${i}`);
  return writePhases(peer, ids, clock, ' — hand-rolled peer');
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

/** How fast this machine runs plain JavaScript right now, so the figures above can be compared across machines. */
function calibration(): string {
  const event = order('m1', 'o1', 19_900, 1_767_225_600_000);
  const json = latency(200_000, () => JSON.stringify(event)) * 1000;
  const m = new Map<string, number>();
  let i = 0;
  const set = latency(500_000, () => m.set(`k${i++}`, i)) * 1000;
  return `Machine calibration (same run): JSON.stringify of one order event ${json.toFixed(2)} µs, Map.set of a new string key ${set.toFixed(2)} µs.`;
}

async function main() {
  gc.start();
  const rows = await throughput();
  const writes = rows.filter((r) => WRITE_PHASES.some((w) => r.label.startsWith(w)));
  const store = await storeAppends();
  const peer = await peerWrites();
  await gc.settle();
  // GC pauses on the main thread during the rows: scavenges, and major collections that finished then.
  const pauses = (list: Row[]) => {
    const g = gc.during(list);
    return `${g.scavenges} · ${g.scavengeMs.toFixed(0)} ms | ${g.majors === 0 ? '–' : `${g.majors} · ${g.majorMs.toFixed(0)} ms`}`;
  };
  const sum = (list: Row[]) => ({ n: list.reduce((s, r) => s + r.n, 0), ms: list.reduce((s, r) => s + r.ms, 0), cpuMs: list.reduce((s, r) => s + r.cpuMs, 0), rows: list });
  const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en');
  const line = (label: string, r: { n: number; ms: number; cpuMs: number; rows: Row[] }) => console.log(`| ${label} | ${r.n.toLocaleString('en')} | ${r.ms.toFixed(0)} | ${rate(r.n, r.ms)} | ${rate(r.n, r.cpuMs)} | ${pauses(r.rows)} |`);
  const one = (r: Row) => ({ ...r, rows: [r] });
  console.log(`\n### Ledger operations, memory store, ${MEMBERS.toLocaleString('en')} members (engine commands: validate, idempotency, settle, apply, tier, commit)\n`);
  console.log('| operation | ops | wall (ms) | ops/s (wall) | ops/s (CPU time) | scavenges · pause | major GCs · pause |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of [...rows, store]) line(r.label, one(r));
  line('**ledger writes, one kind at a time** (adjust, order, redeem, action, refund; target ≥ 200,000 ops/s)', sum(writes));
  line('**all engine commands above** (writes, mixed, replays, settle)', sum(rows));
  for (const r of peer) line(r.label, one(r));
  const peerSum = sum(peer);
  line('**peer: ledger writes, one kind at a time** (hand-rolled Map + entry objects; no lots, expiry, tiers or schema)', peerSum);
  const ours = sum(writes);
  console.log(`\nmemberkit's write rate is ${((ours.n / ours.ms) / (peerSum.n / peerSum.ms)).toFixed(2)}× the hand-rolled peer's (wall), ${((ours.n / ours.cpuMs) / (peerSum.n / peerSum.cpuMs)).toFixed(2)}× (CPU).`);
  console.log(`\n${calibration()} CPU time is this process's user + system time (GC and JIT threads included), so it can exceed wall time.`);
  console.log('GC columns: main-thread pauses while the row ran. A major collection marks the heap alongside the phase it lands in (in steps on the main thread and on a helper thread) before that short final pause, and slows that phase well beyond it; which phase it lands in moves with everything the process holds.');

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
