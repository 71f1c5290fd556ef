import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MemberkitError } from '../../errors/memberkitError.ts';
import { funnelReport } from './funnelReport.ts';

const steps = ['home', 'category', 'product', 'checkout'];

describe('funnelReport', () => {
  it('counts ordered progress with drop-off per step; out-of-order steps do not count', () => {
    const e = (actorId: string, at: number, step: string) => ({ actorId, at, step });
    const report = funnelReport(
      [
        e('s1', 1, 'home'), e('s1', 2, 'category'), e('s1', 3, 'product'), e('s1', 4, 'checkout'),
        e('s2', 1, 'home'), e('s2', 2, 'search'), e('s2', 3, 'category'), e('s2', 4, 'product'),
        e('s3', 1, 'home'), e('s3', 2, 'product'), // skipped category
        e('s4', 1, 'category'), e('s4', 2, 'home'), // category before home does not count
      ],
      { steps },
    );
    expect(report.map((r) => [r.step, r.reached, r.dropOff])).toEqual([
      ['home', 4, 0],
      ['category', 2, 2],
      ['product', 2, 0],
      ['checkout', 1, 1],
    ]);
    expect(report[3]!.conversion).toBe(0.25);
    expect(report[3]!.stepConversion).toBe(0.5);
  });

  it('only counts steps within the window of the first, and a later attempt can succeed', () => {
    const r = funnelReport(
      [
        { actorId: 'a', at: 0, step: 'home' },
        { actorId: 'a', at: 100, step: 'category' }, // too late
        { actorId: 'a', at: 200, step: 'home' }, // new attempt
        { actorId: 'a', at: 210, step: 'category' },
      ],
      { steps, windowMs: 50 },
    );
    expect(r.map((s) => s.reached)).toEqual([1, 1, 0, 0]);
  });

  it('is monotone: no step has more actors than the one before', () => {
    const ev = fc.array(fc.record({ actorId: fc.constantFrom('a', 'b', 'c'), step: fc.constantFrom(...steps, 'other') }), { maxLength: 60 });
    fc.assert(
      fc.property(ev, (raw) => {
        const r = funnelReport(raw.map((x, i) => ({ ...x, at: i })), { steps });
        for (let k = 1; k < r.length; k++) expect(r[k]!.reached).toBeLessThanOrEqual(r[k - 1]!.reached);
      }),
    );
  });

  it('rejects events out of time order for an actor, naming the row', () => {
    try {
      funnelReport([{ actorId: 'a', at: 5, step: 'home' }, { actorId: 'a', at: 4, step: 'category' }], { steps });
      expect.unreachable();
    } catch (e) {
      expect((e as MemberkitError).field).toBe('events.1.at');
    }
  });
});
