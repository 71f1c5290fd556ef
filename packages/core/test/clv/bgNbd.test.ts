import { describe, expect, it } from 'vitest';
import { bgNbdModel, fitBgNbd } from '../../src/clv/bgNbd.ts';
import { cdnowSummary } from './cdnowFixture.ts';

// Published figures on the CDNOW 1/10 sample (Hardie's calibration summary,
// 2,357 customers, weeks). Tolerances follow the precision they were printed
// with: half a unit in the last published digit unless stated.
describe('fitBgNbd on CDNOW (Fader, Hardie & Lee 2005)', () => {
  const model = fitBgNbd(cdnowSummary());

  it('reproduces the published parameters and log-likelihood', () => {
    // FHL 2005 Table / Hardie's spreadsheet: r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4.
    expect(Math.abs(model.params.r - 0.243)).toBeLessThan(5e-4);
    expect(Math.abs(model.params.alpha - 4.414)).toBeLessThan(5e-4);
    expect(Math.abs(model.params.a - 0.793)).toBeLessThan(5e-4);
    expect(Math.abs(model.params.b - 2.426)).toBeLessThan(5e-4);
    expect(Math.abs(model.logLikelihood - -9582.4)).toBeLessThan(0.05);
    expect(model.diagnostics?.customers).toBe(2357);
  });

  it('matches lifetimes Quickstart to its 6 printed decimals, standard errors included', () => {
    // lifetimes docs/Quickstart.md bgf.summary. Estimates to 2e-6 (the optimizers stop at
    // gtol 1e-7 on slightly different paths); standard errors come from a numerical Hessian
    // on both sides, so 1e-4 relative.
    const published = { r: [0.242593, 0.012557], alpha: [4.413532, 0.378221], a: [0.792886, 0.185719], b: [2.425752, 0.705345] } as const;
    for (const [name, [coef, se]] of Object.entries(published)) {
      const key = name as keyof typeof published;
      expect(Math.abs(model.params[key] - coef) / coef).toBeLessThan(2e-6);
      expect(Math.abs(model.standardErrors[key] - se) / se).toBeLessThan(1e-4);
    }
  });

  it("ranks the same top 5 for next week's purchases as lifetimes' Quickstart, with its values", () => {
    // docs/Quickstart.md: t = 1, sorted ascending, printed to 6 decimals (fits agree to ~1e-6): 2e-6.
    const rows = cdnowSummary();
    const top = rows
      .map((r) => ({ id: r.id, e: model.conditionalExpectedPurchases(1, r) }))
      .sort((a, b) => a.e - b.e)
      .slice(-5);
    expect(top.map((t) => t.id)).toEqual(['509', '841', '1981', '157', '1516']);
    [0.424877, 0.474738, 0.486526, 0.662396, 0.710623].forEach((e, i) => expect(Math.abs(top[i]!.e - e)).toBeLessThan(2e-6));
  });

  it('predicts the holdout expectation 1.226 for x = 2, t_x = 30.43, T = 38.86 over 39 weeks', () => {
    expect(Math.abs(model.conditionalExpectedPurchases(39, { frequency: 2, recency: 30.43, T: 38.86 }) - 1.226)).toBeLessThan(5e-4);
  });

  it("matches Hardie's spreadsheet E[X(t)] (the lifetimes test, 3 decimals)", () => {
    const times = [0.1429, 1.0, 3.0, 31.8571, 32.0, 78.0];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => expect(Math.abs(model.expectedPurchases(t) - (expected[i] as number))).toBeLessThan(1.5e-3));
  });
});

describe('bgNbdModel with the published parameters (R BTYD reference values)', () => {
  const model = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
  it('gives bgnbd.pmf values to 1e-9 (same parameters, so only rounding differs)', () => {
    // BTYD manual, bgnbd.pmf examples, as tested in lifetimes' test_estimation.py.
    expect(Math.abs(model.probabilityOfPurchases(10, 2) - 1.07869e-7)).toBeLessThan(1e-11);
    expect(Math.abs(model.probabilityOfPurchases(0, 39) - 0.5737864)).toBeLessThan(1e-7);
    const pmf = [0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.000222226];
    pmf.forEach((p, i) => expect(Math.abs(model.probabilityOfPurchases(11 + i, 30) - p)).toBeLessThan(1e-10));
  });
  it('says a customer with no repeat purchase is alive', () => {
    expect(model.probabilityAlive({ frequency: 0, recency: 0, T: 100 })).toBe(1);
  });
});
