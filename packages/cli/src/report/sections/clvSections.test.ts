import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeCustomers } from '@memberkit/core';
import { readOrdersCsv } from '../../csv/readOrdersCsv.ts';
import { clvSections } from './clvSections.ts';
import { orderRowsByTime } from './tableIterables.ts';

// The example is the CDNOW 1/10 sample (examples/orders.csv), so the
// calibration fit must give Fader, Hardie & Lee's (2005) published figures.
const example = resolve(import.meta.dirname, '../../../../../examples/orders.csv');
const table = await readOrdersCsv(example, { currency: 'USD' });
const calibrationEnd = Date.UTC(1997, 8, 30);
const sections = clvSections(table, { calibrationEnd, horizonWeeks: 52, margin: 0.3, discountRate: 0.1 });
const tracking = sections.tracking();
if (!tracking.ok) throw new Error(tracking.reason);
const t = tracking.data;

describe('clvSections on the CDNOW sample', () => {
  it('fits BG/NBD on 39 calibration weeks to the published parameters', () => {
    // Published to 3 decimals (r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL −9582.4): tolerance half a unit of the last digit.
    expect(t.calibrationWeek).toBe(39);
    expect(t.customers).toBe(2357);
    expect(t.params['r']).toBeCloseTo(0.243, 3);
    expect(t.params['alpha']).toBeCloseTo(4.414, 2);
    expect(t.params['a']).toBeCloseTo(0.793, 3);
    expect(t.params['b']).toBeCloseTo(2.426, 2);
    expect(t.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it('counts actual repeat purchase days as the BTYD summary does', () => {
    // Σ x over Hardie's published summary (cdnow_customers_summary.csv) is 2,457.
    expect(t.actual[39]).toBe(2457);
    const summary = summarizeCustomers(orderRowsByTime(table), { calibrationEnd, observationEnd: Date.UTC(1998, 5, 30), unit: 'week' });
    const holdout = summary.reduce((s, r) => s + (r.holdoutFrequency ?? 0), 0);
    expect((t.actual[78] ?? 0) - (t.actual[39] ?? 0)).toBe(holdout);
    for (let w = 1; w < t.actual.length; w++) expect(t.actual[w]).toBeGreaterThanOrEqual(t.actual[w - 1] ?? 0);
  });

  it('predicts a cumulative curve that starts at 0, only rises and tracks the calibration total', () => {
    expect(t.predicted[0]).toBe(0);
    for (let w = 1; w < t.predicted.length; w++) expect(t.predicted[w]).toBeGreaterThan(t.predicted[w - 1] ?? 0);
    // A maximum-likelihood fit reproduces the calibration total closely (here within 3 %).
    expect(Math.abs((t.predicted[39] ?? 0) / 2457 - 1)).toBeLessThan(0.03);
  });

  it('gives P(alive) in [0, 1] for every customer, one-time buyers in the top bin', () => {
    const s = sections.pAlive();
    if (!s.ok) throw new Error(s.reason);
    expect(s.data.customers).toBe(2357);
    expect(s.data.bins.reduce((n, b) => n + b.count, 0)).toBe(2357);
    expect(s.data.mean).toBeGreaterThan(0);
    expect(s.data.mean).toBeLessThanOrEqual(1);
    // BG/NBD: P(alive | x = 0) = 1, so every one-time buyer sits in the last bin.
    expect(s.data.oneTime.slice(0, 9).every((n) => n === 0)).toBe(true);
    const days = new Map<number, Set<number>>();
    for (let i = 0; i < table.orderCount; i++) {
      const c = table.orderCustomer[i] as number;
      if (!days.has(c)) days.set(c, new Set());
      days.get(c)?.add(Math.floor((table.orderTime[i] as number) / 864e5));
    }
    const oneDay = [...days.values()].filter((d) => d.size === 1).length;
    expect(s.data.oneTime[9]).toBe(oneDay);
  });

  it('values customers in minor units, scaled by the margin, and ranks the top ones', () => {
    const s = sections.clv();
    if (!s.ok) throw new Error(s.reason);
    const full = clvSections(table, { calibrationEnd, horizonWeeks: 52, margin: 1, discountRate: 0.1 }).clv();
    if (!full.ok) throw new Error(full.reason);
    expect(s.data.total / full.data.total).toBeCloseTo(0.3, 3);
    expect(s.data.bins.reduce((n, b) => n + b.count, 0)).toBe(2357);
    const top = s.data.top.map((c) => c.clv);
    expect(top).toEqual([...top].sort((x, y) => y - x));
    for (const c of s.data.top) expect(Number.isInteger(c.clv)).toBe(true);
  });

  it('refuses a calibration end outside the data', () => {
    const s = clvSections(table, { calibrationEnd: Date.UTC(2000, 0, 1), horizonWeeks: 52, margin: 1, discountRate: 0.1 }).tracking();
    expect(s).toEqual({ ok: false, reason: 'the calibration end must fall inside the data (1997-01-01 … 1998-06-30)' });
  });
});
