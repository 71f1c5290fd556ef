import { describe, expect, it } from 'vitest';
import { bgBbModel, fitBgBb } from '../../src/clv/bgBb.ts';
import { bgNbdModel, fitBgNbd } from '../../src/clv/bgNbd.ts';
import { customerLifetimeValue } from '../../src/clv/customerLifetimeValue.ts';
import { fitGammaGamma, gammaGammaModel } from '../../src/clv/gammaGamma.ts';
import { fitModifiedBgNbd } from '../../src/clv/modifiedBgNbd.ts';
import { fitParetoNbd, paretoNbdModel } from '../../src/clv/paretoNbd.ts';
import { fitShiftedBetaGeometric } from '../../src/clv/shiftedBetaGeometric.ts';
import { cdnowSummary, donations } from './cdnowFixture.ts';

// Tolerances: half a unit in the last digit a figure was published with,
// unless a comment says otherwise.
const close = (actual: number, expected: number, tolerance: number): void => {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
};

describe('Pareto/NBD on CDNOW (Fader, Hardie & Lee 2005; R BTYD walkthrough)', () => {
  const model = fitParetoNbd(cdnowSummary());
  it('reaches the published log-likelihood −9595.0 and parameters', () => {
    close(model.logLikelihood, -9595.0, 0.05);
    close(model.params.r, 0.553, 5e-4);
    close(model.params.alpha, 10.578, 5e-4);
    close(model.params.s, 0.606, 5e-4);
    // β is weakly identified (its standard error is ~6): the likelihood is flat along it, so 0.01.
    close(model.params.beta, 11.669, 0.01);
  });
  const btyd = paretoNbdModel({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 });
  it("gives BTYD's P(alive) 0.9979 and conditional expectation 25.46 for x = 26, t_x = 30.86, T = 31", () => {
    const row = { frequency: 26, recency: 30.86, T: 31 };
    // The walkthrough prints P(alive) from its parameters (given to 4 dp here) and the
    // expectation from its unrounded fit, so the latter is checked on our fit.
    close(btyd.probabilityAlive(row), 0.9979, 5e-5);
    close(model.conditionalExpectedPurchases(52, row), 25.46, 0.005);
  });
  it("gives BTYD's pnbd.Expectation for t = 0…9 (manual example, params 0.55, 10.56, 0.61, 11.64)", () => {
    // Printed to 8 decimals from the same parameters: 5e-9.
    const manual = paretoNbdModel({ r: 0.55, alpha: 10.56, s: 0.61, beta: 11.64 });
    const expected = [0, 0.05077821, 0.09916088, 0.14542507, 0.1897993, 0.23247466, 0.27361274, 0.31335159, 0.35181024, 0.38909211];
    expected.forEach((e, t) => close(manual.expectedPurchases(t), e, 5e-9));
  });
});

describe("Pareto/NBD numerical edge cases from lifetimes' test suite", () => {
  it('does not underflow for x = 132 and 133 over t_x = T = 200 (lifetimes: 6.2060517889632418, 6.2528722475748113)', () => {
    const m = paretoNbdModel({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 });
    // Same parameters and inputs: agreement to 1e-9 (both are double-precision evaluations of the same formula).
    close(m.conditionalExpectedPurchases(10, { frequency: 132, recency: 200, T: 200 }), 6.2060517889632418, 1e-9);
    close(m.conditionalExpectedPurchases(10, { frequency: 133, recency: 200, T: 200 }), 6.2528722475748113, 1e-9);
  });
  it('keeps P(alive) finite and in [0, 1] where lifetimes once overflowed (α = 0.008, x up to 50)', () => {
    const m = paretoNbdModel({ r: 10.465, alpha: 7.98565181e-3, s: 3.0516, beta: 2.82 });
    for (const [x, tx, T] of [
      [40, 5, 6],
      [50, 1, 37],
      [50, 4, 37],
    ] as const) {
      const p = m.probabilityAlive({ frequency: x, recency: tx, T });
      expect(Number.isFinite(p) && p >= 0 && p <= 1).toBe(true);
    }
  });
});

describe('MBG/NBD on CDNOW (BTYDplus)', () => {
  it('reproduces BTYDplus mbgnbd.EstimateParameters: r 0.525, α 6.183, a 0.891, b 1.614', () => {
    const model = fitModifiedBgNbd(cdnowSummary());
    close(model.params.r, 0.525, 5e-4);
    close(model.params.alpha, 6.183, 5e-4);
    close(model.params.a, 0.891, 5e-4);
    close(model.params.b, 1.614, 5e-4);
  });
});

describe('BG/BB on the donations data (Fader, Hardie & Shang 2010)', () => {
  const rows = donations();
  const model = fitBgBb(rows);
  it('reproduces α 1.204, β 0.750, γ 0.657, δ 2.783 and LL −33,225.6', () => {
    close(model.params.alpha, 1.204, 5e-4);
    close(model.params.beta, 0.75, 5e-4);
    close(model.params.gamma, 0.657, 5e-4);
    close(model.params.delta, 2.783, 5e-4);
    close(model.logLikelihood, -33225.6, 0.05);
  });
  it('reproduces Table 6 P(alive in 2002) 0.11, 0.59, 0.93', () => {
    close(model.probabilityAlive({ frequency: 0, recency: 0, n: 6 }), 0.11, 0.005);
    close(model.probabilityAlive({ frequency: 2, recency: 4, n: 6 }), 0.59, 0.005);
    close(model.probabilityAlive({ frequency: 6, recency: 6, n: 6 }), 0.93, 0.005);
  });
  it("reproduces Hardie's spreadsheet totals: 12,884.2 expected donations in 2002–06, 3,454.9 and 1,253.1 donors with 0 and 6", () => {
    close(
      rows.reduce((s, r) => s + r.weight * model.conditionalExpectedPurchases(5, r), 0),
      12884.2,
      0.05,
    );
    close(11104 * model.probabilityOfPurchases(0, 6), 3454.9, 0.05);
    close(11104 * model.probabilityOfPurchases(6, 6), 1253.1, 0.05);
  });
  it('agrees with bgBbModel built from the published parameters (2 dp of P(alive))', () => {
    close(bgBbModel({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }).probabilityAlive({ frequency: 2, recency: 4, n: 6 }), 0.59, 0.005);
  });
});

describe('shifted-beta-geometric (Fader & Hardie 2007, "How to project customer retention")', () => {
  // Table 1: customers still active at the start of years 1–8 of 1,000 acquired; fitted on 7 years.
  it('fits the regular segment: α 0.704, β 1.182, LL −1,680.3', () => {
    const m = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
    close(m.params.alpha, 0.704, 5e-4);
    close(m.params.beta, 1.182, 5e-4);
    close(m.logLikelihood, -1680.3, 0.05);
  });
  it('fits the high-end segment: α 0.668, β 3.806, LL −1,611.2', () => {
    const m = fitShiftedBetaGeometric([1000, 869, 743, 653, 593, 551, 517, 491]);
    close(m.params.alpha, 0.668, 5e-4);
    close(m.params.beta, 3.806, 5e-4);
    close(m.logLikelihood, -1611.2, 0.05);
    // Retention rises as the churn-prone leave: r(t) = (β + t − 1)/(α + β + t − 1).
    expect(m.retentionRate(2)).toBeGreaterThan(m.retentionRate(1));
  });
});

describe('Gamma-Gamma on CDNOW (Fader, Hardie & Lee 2005 "RFM and CLV"; lifetimes Quickstart)', () => {
  const rows = cdnowSummary();
  const model = fitGammaGamma(rows);
  it('reproduces p 6.25, q 3.74, γ 15.44 on the 946 repeat customers', () => {
    close(model.params.p, 6.25, 5e-3);
    close(model.params.q, 3.74, 5e-3);
    // Hardie's Solver stopped at 15.44; the maximum is 15.448 (lifetimes prints 15.45), so 0.01.
    close(model.params.gamma, 15.44, 0.01);
    expect(model.diagnostics?.customers).toBe(946);
  });
  it("matches lifetimes' conditional expected values for the first 10 customers and their mean 35.2529588", () => {
    // Printed to 6 decimals from lifetimes' own fit; the two optimizers stop ~1e-6 apart, so 5e-5.
    const expected = [24.658619, 18.911489, 35.170981, 35.170981, 35.170981, 71.462843, 18.911489, 35.170981, 27.282408, 35.170981];
    expected.forEach((e, i) => close(model.conditionalExpectedValue(rows[i]!), e, 5e-5));
    close(rows.reduce((s, r) => s + model.conditionalExpectedValue(r), 0) / rows.length, 35.2529588256, 5e-5);
  });
});

describe('customerLifetimeValue (lifetimes Quickstart DCF example)', () => {
  it('reproduces the 12-period, 1 %-discount CLVs of the first 10 CDNOW customers', () => {
    // lifetimes' example used freq "D" (30 time units per period) on weekly data; same here.
    const rows = cdnowSummary();
    const values = customerLifetimeValue(rows.slice(0, 10).map((r) => ({ ...r, customerId: r.id })), {
      transactionModel: fitBgNbd(rows),
      spendModel: fitGammaGamma(rows),
      horizon: 12,
      periodLength: 30,
      discountRate: 0.01,
    });
    const expected = [140.096211, 18.943467, 38.180574, 38.180574, 38.180574, 1003.868107, 28.109683, 38.180574, 167.418216, 38.180574];
    // Printed to 6 decimals from fits that agree to ~1e-6 relative: 1e-5 relative.
    expected.forEach((e, i) => expect(Math.abs(values[i]!.value - e) / e).toBeLessThan(1e-5));
    expect(values[0]!.customerId).toBe('1');
  });
  it('scales with margin and falls with the discount rate', () => {
    const base = {
      transactionModel: bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }),
      spendModel: gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 }),
      horizon: 12,
      periodLength: 4.345,
    };
    const row = [{ frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 }];
    const gross = customerLifetimeValue(row, base)[0]!.value;
    close(customerLifetimeValue(row, { ...base, margin: 0.3 })[0]!.value, 0.3 * gross, 1e-9);
    expect(customerLifetimeValue(row, { ...base, discountRate: 0.05 })[0]!.value).toBeLessThan(gross);
    // A promotion-only buyer: same frequency, lower net spend, lower value.
    expect(customerLifetimeValue([{ ...row[0]!, monetary: 12 }], base)[0]!.value).toBeLessThan(gross);
  });
  it('refuses bad options naming the field', () => {
    const m = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    const s = gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 });
    const row = [{ frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 }];
    expect(() => customerLifetimeValue(row, { transactionModel: m, spendModel: s, horizon: 0, periodLength: 1 })).toThrow(expect.objectContaining({ field: 'horizon' }));
    expect(() => customerLifetimeValue(row, { transactionModel: m, spendModel: s, horizon: 3, periodLength: 1, margin: 2 })).toThrow(expect.objectContaining({ field: 'margin' }));
    expect(() => customerLifetimeValue([{ ...row[0]!, monetary: -1 }], { transactionModel: m, spendModel: s, horizon: 3, periodLength: 1 })).toThrow(
      expect.objectContaining({ field: 'rows[0].monetary' }),
    );
  });
});
