// The points ledger a developer writes by hand without memberkit, as the write peer in
// loyalty.bench.ts: a Map of members, an array of entry objects per member, a Map of idempotency
// keys to first results. It is deliberately lean — no lots, expiry, pending activation, tiers,
// growth value, refund policy or schema checks beyond `typeof` — so its rate is close to what plain
// JavaScript manages on this machine for "look up, check, append, remember the key". The ratio of
// memberkit's rate to this one says what memberkit's guarantees cost, independent of the machine.
const DAY = 86_400_000;

interface Entry { memberId: string; kind: string; points: number; at: number; source: string }
interface Member { available: number; pending: number; entries: Entry[]; orders: Map<string, { points: number; total: number; reversed: number }>; checkIns: Map<number, number> }
interface Seen { memberId: string; fingerprint: string; result: unknown }
interface Result { memberId: string; points: number; balance: { available: number; pending: number } }

interface OrderLike { id: string; type: string; timestamp: number; userId?: string; source?: string; properties: { orderId: string; currency: string; total: number } }

function fail(field: string): never {
  throw new Error(`invalid ${field}`);
}

/** The hand-rolled ledger: the same five write commands as the engine, over the same inputs. */
export class HandRolledLedger {
  private readonly members = new Map<string, Member>();
  private readonly keys = new Map<string, Seen>();

  constructor(private readonly now: () => number) {}

  private member(memberId: string): Member {
    let m = this.members.get(memberId);
    if (m === undefined) {
      m = { available: 0, pending: 0, entries: [], orders: new Map(), checkIns: new Map() };
      this.members.set(memberId, m);
    }
    return m;
  }

  /** Replays a key's first result, or runs `write` and remembers its result under the key. */
  private once(key: string, memberId: string, fingerprint: string, write: (m: Member) => number): Result {
    const seen = this.keys.get(key);
    if (seen !== undefined) {
      if (seen.memberId !== memberId || seen.fingerprint !== fingerprint) throw new Error('idempotency conflict');
      return seen.result as Result;
    }
    const m = this.member(memberId);
    const points = write(m);
    const result = { memberId, points, balance: { available: m.available, pending: m.pending } };
    this.keys.set(key, { memberId, fingerprint, result });
    return result;
  }

  private append(m: Member, memberId: string, kind: string, points: number, source: string): void {
    m.entries.push({ memberId, kind, points, at: this.now(), source });
  }

  async adjustPoints(input: { memberId: string; points: number; reason: string; idempotencyKey: string }): Promise<Result> {
    const { memberId, points, reason, idempotencyKey } = input;
    if (typeof memberId !== 'string' || !Number.isSafeInteger(points) || typeof reason !== 'string' || typeof idempotencyKey !== 'string') fail('adjustment');
    return this.once(idempotencyKey, memberId, `adjust|${points}|${reason}`, (m) => {
      m.available += points;
      this.append(m, memberId, 'adjust', points, `adjust:${idempotencyKey}`);
      return points;
    });
  }

  async recordOrder(event: OrderLike): Promise<Result> {
    const p = event.properties;
    const memberId = event.userId;
    if (event.type !== 'order_completed' || event.source !== 'server' || typeof memberId !== 'string' || typeof p?.orderId !== 'string' || !Number.isSafeInteger(p.total)) fail('order');
    return this.once(`event:${event.id}`, memberId, `order|${p.orderId}|${p.total}`, (m) => {
      const points = Math.floor(p.total / 100);
      m.pending += points;
      m.orders.set(p.orderId, { points, total: p.total, reversed: 0 });
      this.append(m, memberId, 'pending', points, `order:${p.orderId}`);
      return points;
    });
  }

  async redeemPoints(input: { memberId: string; points: number; orderId?: string; idempotencyKey: string }): Promise<Result> {
    const { memberId, points, idempotencyKey } = input;
    if (typeof memberId !== 'string' || !Number.isSafeInteger(points) || points <= 0 || typeof idempotencyKey !== 'string') fail('redemption');
    return this.once(idempotencyKey, memberId, `redeem|${points}|${input.orderId ?? ''}`, (m) => {
      if (m.available < points) throw new Error('insufficient points');
      m.available -= points;
      this.append(m, memberId, 'redeem', -points, `redeem:${idempotencyKey}`);
      return -points;
    });
  }

  async recordAction(input: { memberId: string; action: string; idempotencyKey: string }): Promise<Result> {
    const { memberId, action, idempotencyKey } = input;
    if (typeof memberId !== 'string' || action !== 'check_in' || typeof idempotencyKey !== 'string') fail('action');
    return this.once(idempotencyKey, memberId, `action|${action}`, (m) => {
      const day = Math.floor(this.now() / DAY);
      if ((m.checkIns.get(day) ?? 0) >= 1) return 0;
      m.checkIns.set(day, 1);
      m.available += 5;
      this.append(m, memberId, 'earn', 5, `action:${action}:${day}`);
      return 5;
    });
  }

  async recordRefund(event: OrderLike): Promise<Result> {
    const p = event.properties;
    const memberId = event.userId;
    if (event.type !== 'order_refunded' || event.source !== 'server' || typeof memberId !== 'string' || typeof p?.orderId !== 'string' || !Number.isSafeInteger(p.total)) fail('refund');
    return this.once(`event:${event.id}`, memberId, `refund|${p.orderId}|${p.total}`, (m) => {
      const order = m.orders.get(p.orderId);
      if (order === undefined) return 0;
      // At the original rate, never more than is left of the award.
      const back = Math.min(order.points - order.reversed, Math.round((order.points * p.total) / order.total));
      order.reversed += back;
      m.pending -= back;
      this.append(m, memberId, 'reverse', -back, `refund:${event.id}`);
      return -back;
    });
  }
}
