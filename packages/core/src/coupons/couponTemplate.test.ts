import { describe, expect, it } from 'vitest';
import { MemberkitError } from '../errors/memberkitError.ts';
import { couponTemplateSchema, parseCouponTemplate, percentOffBasisPoints } from './couponTemplate.ts';

const base = { id: 't', name: 'T', currency: 'CNY', validity: { type: 'relative', validDays: 30 } } as const;

function issuesOf(input: unknown): string[] {
  try {
    parseCouponTemplate(input);
  } catch (e) {
    expect(e).toBeInstanceOf(MemberkitError);
    expect((e as MemberkitError).code).toBe('invalid_config');
    return (e as MemberkitError).issues.map((i) => `${i.field}: ${i.message}`);
  }
  throw new Error('expected a validation error');
}

describe('couponTemplateSchema', () => {
  it('fills defaults: exclusive stacking, empty scope, no limits, priority 0', () => {
    const t = couponTemplateSchema.parse({ ...base, benefit: { kind: 'fixed', amount: 1000 } });
    expect(t.stacking).toEqual({ mode: 'exclusive' });
    expect(t.scope).toEqual({});
    expect(t.limits).toEqual({});
    expect(t.priority).toBe(0);
  });

  it('parses absolute dates into epoch milliseconds', () => {
    const t = parseCouponTemplate({ ...base, benefit: { kind: 'free_shipping' }, validity: { type: 'absolute', startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-02-01T00:00:00Z' } });
    expect(t.validity).toEqual({ type: 'absolute', startsAt: Date.UTC(2026, 0, 1), endsAt: Date.UTC(2026, 1, 1) });
  });

  it('lists every problem at once', () => {
    const issues = issuesOf({
      ...base,
      benefit: { kind: 'percentage', payPercent: 120, maxDiscount: -5 },
      limits: { perMember: 0, total: -1 },
    });
    expect(issues.map((i) => i.split(':')[0])).toEqual(['benefit.payPercent', 'benefit.maxDiscount', 'limits.perMember', 'limits.total']);
  });

  it('reports cross-field problems together with range problems', () => {
    const issues = issuesOf({
      ...base,
      benefit: { kind: 'threshold', threshold: { amount: 20000 }, discount: 30000, maxDiscount: 100 },
      minSpend: 100,
      scope: { products: ['a'], excludeProducts: ['a'] },
      limits: { perMember: 5, total: 2 },
      validity: { type: 'absolute', startsAt: '2026-02-01', endsAt: '2026-01-01' },
    });
    expect(issues).toEqual([
      'benefit.discount: discount exceeds the spend threshold',
      'benefit.maxDiscount: maxDiscount applies only to stepped thresholds',
      'benefit.maxDiscount: maxDiscount is below one step discount',
      'minSpend: a threshold coupon takes its spend from benefit.threshold',
      'scope.excludeProducts: product a is both applicable and excluded',
      'validity.endsAt: endsAt must be after startsAt',
      'limits.perMember: perMember exceeds the total issue limit',
    ]);
  });

  it('requires exactly one of payPercent / offPercent', () => {
    expect(issuesOf({ ...base, benefit: { kind: 'percentage' } })[0]).toMatch(/payPercent.*offPercent/);
    expect(issuesOf({ ...base, benefit: { kind: 'percentage', payPercent: 88, offPercent: 12 } })[0]).toMatch(/not both/);
    expect(issuesOf({ ...base, benefit: { kind: 'percentage', offPercent: 12.345 } })[0]).toMatch(/two decimals/);
  });

  it('rejects float money', () => {
    expect(issuesOf({ ...base, benefit: { kind: 'fixed', amount: 9.5 } })[0]).toMatch(/^benefit\.amount/);
  });
});

describe('percentOffBasisPoints', () => {
  it('reads 88折 and 12% off as the same rate', () => {
    expect(percentOffBasisPoints({ payPercent: 88 })).toBe(1200);
    expect(percentOffBasisPoints({ offPercent: 12 })).toBe(1200);
    expect(percentOffBasisPoints({ payPercent: 85.5 })).toBe(1450);
    expect(percentOffBasisPoints({ offPercent: 0.07 })).toBe(7);
  });
});
