import type { WalletCoupon } from '../coupons/walletCoupon.ts';
import type { BeginRequestResult, CouponStore, InsertCouponResult, IssueLimits } from './couponStore.ts';

interface RequestRecord {
  readonly fingerprint: string;
  done: boolean;
  result: unknown;
}

/**
 * An in-memory {@link CouponStore} for tests, demos and single-process use.
 * Each method does all its work synchronously before it returns a promise,
 * so on one JavaScript thread every method is atomic, which is exactly the
 * contract the port asks of a SQL store.
 *
 * @example
 * ```ts
 * import { memoryCouponStore } from '@memberkit/core';
 * const store = memoryCouponStore();
 * await store.countIssued('spend200save30');
 * //=> 0
 * ```
 */
export function memoryCouponStore(): CouponStore {
  const byId = new Map<string, WalletCoupon>();
  const idByCode = new Map<string, string>();
  const idsByMember = new Map<string, string[]>();
  const issuedTotal = new Map<string, number>();
  const issuedMember = new Map<string, number>();
  const requests = new Map<string, RequestRecord>();
  const memberKey = (templateId: string, memberId: string) => `${templateId}\u0000${memberId}`;

  return {
    async insertCoupon(coupon: WalletCoupon, limits: IssueLimits): Promise<InsertCouponResult> {
      if (idByCode.has(coupon.code) || byId.has(coupon.id)) return { status: 'duplicate_code' };
      const mk = memberKey(coupon.templateId, coupon.memberId);
      const total = issuedTotal.get(coupon.templateId) ?? 0;
      const mine = issuedMember.get(mk) ?? 0;
      if (limits.perMember !== undefined && mine >= limits.perMember) return { status: 'limit_reached', scope: 'member', limit: limits.perMember };
      if (limits.total !== undefined && total >= limits.total) return { status: 'limit_reached', scope: 'total', limit: limits.total };
      issuedTotal.set(coupon.templateId, total + 1);
      issuedMember.set(mk, mine + 1);
      byId.set(coupon.id, coupon);
      idByCode.set(coupon.code, coupon.id);
      const list = idsByMember.get(coupon.memberId);
      if (list) list.push(coupon.id);
      else idsByMember.set(coupon.memberId, [coupon.id]);
      return { status: 'inserted' };
    },
    async getCoupon(id) {
      return byId.get(id);
    },
    async getCouponByCode(code) {
      const id = idByCode.get(code);
      return id === undefined ? undefined : byId.get(id);
    },
    async listMemberCoupons(memberId) {
      return (idsByMember.get(memberId) ?? []).flatMap((id) => {
        const c = byId.get(id);
        return c ? [c] : [];
      });
    },
    async listExpiring(before, limit) {
      const out: WalletCoupon[] = [];
      for (const c of byId.values()) {
        if (out.length >= limit) break;
        if ((c.state === 'available' || c.state === 'locked') && c.endsAt <= before) out.push(c);
      }
      return out;
    },
    async countIssued(templateId, memberId) {
      return memberId === undefined ? (issuedTotal.get(templateId) ?? 0) : (issuedMember.get(memberKey(templateId, memberId)) ?? 0);
    },
    async compareAndSet(next, expectedVersion) {
      const current = byId.get(next.id);
      if (current === undefined || current.version !== expectedVersion || next.version !== expectedVersion + 1 || next.code !== current.code) return false;
      byId.set(next.id, next);
      return true;
    },
    async beginRequest(key, fingerprint): Promise<BeginRequestResult> {
      const r = requests.get(key);
      if (r === undefined) {
        requests.set(key, { fingerprint, done: false, result: undefined });
        return { status: 'new' };
      }
      if (r.fingerprint !== fingerprint) return { status: 'conflict' };
      return r.done ? { status: 'done', result: r.result } : { status: 'in_progress' };
    },
    async completeRequest(key, result) {
      const r = requests.get(key);
      if (r) {
        r.done = true;
        r.result = result;
      }
    },
    async abandonRequest(key) {
      const r = requests.get(key);
      if (r && !r.done) requests.delete(key);
    },
  };
}
