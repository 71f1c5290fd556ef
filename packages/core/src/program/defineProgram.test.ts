import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineProgram, MemberkitError, programCalendar } from '../index.ts';

const basic = { id: 'basic', name: '普通', threshold: 0 };

function issuesOf(input: unknown): string[] {
  try {
    defineProgram(input);
  } catch (e) {
    expect(e).toBeInstanceOf(MemberkitError);
    expect((e as MemberkitError).code).toBe('invalid_config');
    return (e as MemberkitError).issues.map((i) => `${i.field}: ${i.message}`);
  }
  throw new Error('expected defineProgram to throw');
}

describe('defineProgram', () => {
  it('fills defaults and freezes the result', () => {
    const p = defineProgram({ currency: 'CNY', tiers: { metric: 'growth', levels: [basic] } });
    expect(p.returnWindowDays).toBe(7);
    expect(p.refundPolicy).toEqual({ whenSpent: 'within_balance', negativeFloor: 0 });
    expect(p.tiers.levels[0]?.benefits.pointsMultiplier).toBe(1);
    expect(Object.isFrozen(p.tiers.levels[0])).toBe(true);
  });

  it('lists every problem at once: overlapping thresholds, negative multiplier, keep above threshold, negative coupon cap, unknown coupon', () => {
    const issues = issuesOf({
      currency: 'CNY',
      tiers: {
        metric: 'growth',
        levels: [
          { id: 'basic', name: '普通', threshold: 0 },
          { id: 'silver', name: '银卡', threshold: 1000, keep: 1200, benefits: { pointsMultiplier: -1 } },
          { id: 'gold', name: '金卡', threshold: 1000, benefits: { birthdayCouponTemplateId: 'nope' } },
        ],
      },
      coupons: [{ id: 'c85', name: '85折', currency: 'CNY', benefit: { kind: 'percentage', payPercent: 85, maxDiscount: -5000 }, validity: { type: 'relative', validDays: 30 } }],
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^tiers\.levels\.1\.benefits\.pointsMultiplier: /),
        expect.stringMatching(/^coupons\.0\.benefit\.maxDiscount: /),
        expect.stringMatching(/^tiers\.levels\.2\.threshold: threshold 1000 overlaps/),
        expect.stringMatching(/^tiers\.levels\.1\.keep: keep 1200 is above/),
        expect.stringMatching(/^tiers\.levels\.2\.benefits\.birthdayCouponTemplateId: no coupon template/),
      ]),
    );
    expect(issues).toHaveLength(5);
  });

  it('rejects a ladder not starting at 0, duplicate ids, a currency mismatch and a floor without allow_negative', () => {
    const issues = issuesOf({
      currency: 'CNY',
      refundPolicy: { whenSpent: 'within_balance', negativeFloor: -100 },
      tiers: { metric: 'spend', levels: [{ id: 'a', name: 'A', threshold: 5 }, { id: 'a', name: 'B', threshold: 10 }] },
      coupons: [{ id: 'usd', name: 'x', currency: 'USD', benefit: { kind: 'fixed', amount: 100 }, validity: { type: 'relative', validDays: 1 } }],
    });
    expect(issues.map((i) => i.split(':')[0])).toEqual(
      expect.arrayContaining(['tiers.levels.0.threshold', 'tiers.levels.1.id', 'coupons.0.currency', 'refundPolicy.negativeFloor']),
    );
  });

  it('accepts coupon templates and links birthday gifts to them', () => {
    const p = defineProgram({
      currency: 'CNY',
      tiers: { metric: 'growth', levels: [basic, { id: 'gold', name: '金卡', threshold: 100, benefits: { birthdayCouponTemplateId: 'bday' } }] },
      coupons: [{ id: 'bday', name: '生日券', currency: 'CNY', benefit: { kind: 'fixed', amount: 2000 }, validity: { type: 'relative', validDays: 30 } }],
    });
    expect(p.coupons[0]?.id).toBe('bday');
  });
});

describe('docs/loyalty.md validation snippet', () => {
  it('reports the three problems in field order', () => {
    const fields = issuesOf({
      currency: 'CNY',
      tiers: { metric: 'growth', levels: [
        { id: 'basic', name: '普通', threshold: 0 },
        { id: 'silver', name: '银卡', threshold: 1000, keep: 1200, benefits: { pointsMultiplier: -1 } },
        { id: 'gold', name: '金卡', threshold: 1000 },
      ] },
    }).map((i) => i.split(':')[0]);
    expect(fields).toEqual(['tiers.levels.1.benefits.pointsMultiplier', 'tiers.levels.1.keep', 'tiers.levels.2.threshold']);
  });
});

describe('programCalendar', () => {
  it('counts days, months and years in the program offset', () => {
    const cal = programCalendar(480);
    expect(cal.dayKey(Date.parse('2026-01-01T16:30:00Z'))).toBe('2026-01-02');
    expect(new Date(cal.monthStart(Date.parse('2026-01-31T20:00:00Z'), 0)).toISOString()).toBe('2026-01-31T16:00:00.000Z');
    expect(new Date(cal.yearStart(Date.parse('2026-12-31T17:00:00Z'), 0)).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(new Date(programCalendar(0).addMonths(Date.UTC(2026, 0, 31, 5), 1)).toISOString()).toBe('2026-02-28T05:00:00.000Z');
    expect(new Date(programCalendar(0).addMonths(Date.UTC(2026, 2, 15), -12)).toISOString()).toBe('2025-03-15T00:00:00.000Z');
  });

  it('gives the same day and year with its one-day cache as computed afresh, in any order of calls', () => {
    const instant = fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.constantFrom(Date.UTC(2026, 0, 1) - 1, Date.UTC(2026, 0, 1), Date.UTC(2025, 11, 31, 16), Date.UTC(2025, 11, 31, 15, 59, 59, 999)));
    fc.assert(
      fc.property(fc.constantFrom(-720, -300, 0, 330, 480, 840), fc.array(instant, { minLength: 1, maxLength: 20 }), (offset, list) => {
        const cal = programCalendar(offset);
        for (const ms of list) {
          const local = new Date(ms + offset * 60_000);
          expect(cal.dayKey(ms)).toBe(local.toISOString().slice(0, 10));
          expect(cal.year(ms)).toBe(local.getUTCFullYear());
        }
      }),
    );
  });
});
