import { describe, expect, it } from 'vitest';
import { createCouponWallet, createLoyaltyEngine, defineProgram, manualClock, memoryCouponStore, type CouponTemplateInput } from '../index.ts';
import { birthdayGiftKey } from './issueBirthdayGift.ts';

const bday: CouponTemplateInput = { id: 'bday', name: '生日券', currency: 'CNY', benefit: { kind: 'fixed', amount: 2000 }, validity: { type: 'relative', validDays: 30 } };
const silverGift: CouponTemplateInput = { ...bday, id: 'bday-silver', benefit: { kind: 'fixed', amount: 1000 } };

function setup(templates: readonly CouponTemplateInput[] = [bday, silverGift], total?: number) {
  const program = defineProgram({
    currency: 'CNY',
    timeZoneOffsetMinutes: 480,
    returnWindowDays: 0,
    points: { actions: { birthday: { points: 100, maxPerYear: 1 } } },
    tiers: {
      metric: 'spend',
      levels: [
        { id: 'basic', name: '普通', threshold: 0 },
        { id: 'silver', name: '银卡', threshold: 50_000, benefits: { birthdayCouponTemplateId: 'bday-silver' } },
        { id: 'gold', name: '金卡', threshold: 100_000, benefits: { birthdayCouponTemplateId: 'bday' } },
      ],
    },
    coupons: [bday, silverGift],
  });
  const clock = manualClock('2026-05-20T09:00:00+08:00');
  const limited = total === undefined ? templates : templates.map((t) => ({ ...t, limits: { total } }));
  const coupons = createCouponWallet({ store: memoryCouponStore(), templates: limited, clock });
  const engine = createLoyaltyEngine({ program, clock, coupons });
  const spend = (memberId: string, total: number) =>
    engine.recordOrder({ id: `e-${memberId}-${total}`, type: 'order_completed', timestamp: clock.now(), userId: memberId, source: 'server', properties: { orderId: `o-${memberId}-${total}`, currency: 'CNY', total, products: [{ productId: 'p', price: total, quantity: 1 }] } });
  return { clock, coupons, engine, spend };
}

describe('birthday gift coupon issued by the engine', () => {
  it('issues the tier gift through the wallet once per member per year; a replay returns the same coupon', async () => {
    const { clock, coupons, engine, spend } = setup();
    await spend('m1', 120_000); // gold
    const first = await engine.recordAction({ memberId: 'm1', action: 'birthday', idempotencyKey: 'bday-m1-2026' });
    expect(first).toMatchObject({ points: 100, couponTemplateIds: ['bday'], gifts: [{ templateId: 'bday', error: null, coupon: { memberId: 'm1', templateId: 'bday', state: 'available', source: { kind: 'benefit', benefitId: 'birthday_gift' } } }] });
    const replay = await engine.recordAction({ memberId: 'm1', action: 'birthday', idempotencyKey: 'bday-m1-2026' });
    expect(replay.gifts?.[0]?.coupon?.id).toBe(first.gifts?.[0]?.coupon?.id);
    // Recorded again the same year under another ref: no second gift, the first coupon comes back.
    const again = await engine.recordAction({ memberId: 'm1', action: 'birthday', ref: 'crm-retry', idempotencyKey: 'bday-m1-2026-b' });
    expect(again.points).toBe(0); // maxPerYear
    expect(again.gifts?.[0]?.coupon?.id).toBe(first.gifts?.[0]?.coupon?.id);
    expect(await coupons.list('m1')).toHaveLength(1);

    clock.set('2027-05-20T09:00:00+08:00');
    const nextYear = await engine.recordAction({ memberId: 'm1', action: 'birthday', idempotencyKey: 'bday-m1-2027' });
    expect(nextYear.gifts?.[0]?.coupon?.id).not.toBe(first.gifts?.[0]?.coupon?.id);
    expect(await coupons.list('m1')).toHaveLength(2);
  });

  it('gives nothing on a tier without a gift, and no coupon at all for other actions', async () => {
    const { coupons, engine } = setup();
    const r = await engine.recordAction({ memberId: 'm2', action: 'birthday', idempotencyKey: 'b-m2' });
    expect(r.couponTemplateIds).toEqual([]);
    expect(r.gifts).toBeUndefined();
    expect(await coupons.list('m2')).toEqual([]);
  });

  it('a wallet refusal is reported per gift and the points stay recorded', async () => {
    const { engine, spend } = setup([bday, silverGift], 1);
    await spend('a', 60_000); // silver
    await spend('b', 60_000);
    const a = await engine.recordAction({ memberId: 'a', action: 'birthday', idempotencyKey: 'b-a' });
    expect(a.gifts?.[0]?.coupon?.templateId).toBe('bday-silver');
    const b = await engine.recordAction({ memberId: 'b', action: 'birthday', idempotencyKey: 'b-b' });
    expect(b).toMatchObject({ points: 100, gifts: [{ templateId: 'bday-silver', coupon: null, error: { code: 'coupon_limit_reached' } }] });
    expect((await engine.balance('b')).available).toBe(600 + 100);
  });

  it('a template the wallet does not know is reported, not thrown', async () => {
    const { engine, spend } = setup([bday]);
    await spend('s', 60_000); // silver: gift bday-silver, unknown to this wallet
    const r = await engine.recordAction({ memberId: 's', action: 'birthday', idempotencyKey: 'b-s' });
    expect(r.gifts).toEqual([{ templateId: 'bday-silver', coupon: null, error: expect.objectContaining({ code: 'not_found' }) }]);
  });

  it('keys fit the wallet limit for long member ids', () => {
    expect(birthdayGiftKey('m'.repeat(200), 2026).length).toBeLessThanOrEqual(200);
    expect(birthdayGiftKey('m'.repeat(200), 2026)).not.toBe(birthdayGiftKey('m'.repeat(200), 2027));
  });
});
