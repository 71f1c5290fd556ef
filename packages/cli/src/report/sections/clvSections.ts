import { customerLifetimeValue, fitBgNbd, fitGammaGamma, summarizeCustomers, toMajorUnits, currencyExponent, type CustomerSummary } from '@memberkit/core';
import type { OrderTable } from '../../csv/orderTable.ts';
import type { ClvData, PAliveData, Section, TrackingData } from '../reportData.ts';
import { distribution } from './histogramBins.ts';
import { orderRowsByTime } from './tableIterables.ts';

const DAY = 86_400_000;
/** Weeks per month, for monthly CLV periods (365.25 / 12 / 7). */
const WEEKS_PER_MONTH = 4.348;

/**
 * Options of {@link clvSections}.
 *
 * @example
 * ```ts
 * import type { ClvSectionOptions } from './clvSections.ts';
 * const options: ClvSectionOptions = { calibrationEnd: Date.UTC(1997, 8, 30), horizonWeeks: 52, margin: 0.3, discountRate: 0.1 };
 * ```
 */
export interface ClvSectionOptions {
  /** Last day of the calibration period, epoch ms at UTC midnight. */
  readonly calibrationEnd: number;
  readonly horizonWeeks: number;
  readonly margin: number;
  /** Yearly. */
  readonly discountRate: number;
  readonly top?: number;
  /** L2 penalty for the BG/NBD and Gamma-Gamma fits (lifetimes' `penalizer_coef`); default 0. */
  readonly penalizer?: number;
}

/**
 * The model sections of the report, all from `@memberkit/core`'s BTYD models:
 *
 * - tracking: `summarizeCustomers` up to the calibration end, `fitBgNbd` on
 *   it, then week by week the actual cumulative repeat purchase days of that
 *   cohort against Σ over customers of `expectedPurchases(t − t₀)` (Fader,
 *   Hardie & Lee 2005, fig. 3);
 * - P(alive) and CLV "as of now": the same models refitted on the whole
 *   history, `probabilityAlive` per customer, `fitGammaGamma` on repeat
 *   buyers and `customerLifetimeValue` over monthly periods with the yearly
 *   discount rate converted to monthly.
 *
 * @example
 * ```ts
 * import { readOrdersCsv } from '@memberkit/cli';
 * import { clvSections } from './clvSections.ts';
 * const table = await readOrdersCsv('examples/orders.csv', { currency: 'USD' });
 * const { tracking, pAlive, clv } = clvSections(table, { calibrationEnd: Date.UTC(1997, 8, 30), horizonWeeks: 52, margin: 0.3, discountRate: 0.1 });
 * [tracking().ok, pAlive().ok, clv().ok];
 * //=> [true, true, true]
 * ```
 */
export function clvSections(
  table: OrderTable,
  options: ClvSectionOptions,
): { tracking: () => Section<TrackingData>; pAlive: () => Section<PAliveData>; clv: () => Section<ClvData> } {
  const times = table.orderTime;
  let first = Infinity;
  let last = -Infinity;
  for (const t of times) {
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const startDay = Math.floor(first / DAY);
  const lastDay = Math.floor(last / DAY);
  const calibrationDay = Math.floor(options.calibrationEnd / DAY);

  const tracking = (): Section<TrackingData> => {
    if (calibrationDay <= startDay || calibrationDay >= lastDay) {
      return { ok: false, reason: `the calibration end must fall inside the data (${iso(startDay)} … ${iso(lastDay)})` };
    }
    const rows = summarizeCustomers(orderRowsByTime(table), { calibrationEnd: calibrationDay * DAY, observationEnd: lastDay * DAY, unit: 'week' });
    const model = fitBgNbd(rows, { penalizer: options.penalizer ?? 0 });
    const weeks = Math.ceil((lastDay - startDay + 1) / 7);
    const { actual, firstDays } = repeatDaysByWeek(table, startDay, calibrationDay, weeks);
    const predicted = new Float64Array(weeks + 1);
    for (let w = 1; w <= weeks; w++) {
      let sum = 0;
      for (const [day, n] of firstDays) {
        const age = (startDay + 7 * w - day) / 7;
        if (age > 0) sum += n * model.expectedPurchases(age);
      }
      predicted[w] = sum;
    }
    return {
      ok: true,
      data: {
        weeks: Array.from({ length: weeks + 1 }, (_, w) => w),
        actual: [...actual],
        predicted: [...predicted],
        calibrationWeek: (calibrationDay + 1 - startDay) / 7,
        calibrationEnd: iso(calibrationDay),
        params: { ...(model.params as unknown as Record<string, number>) },
        logLikelihood: model.logLikelihood,
        customers: rows.length,
      },
    };
  };

  // The "as of now" fit is shared by the P(alive) and CLV sections.
  let now: { rows: CustomerSummary[]; model: ReturnType<typeof fitBgNbd> } | undefined;
  const fitNow = () => {
    if (now === undefined) {
      const rows = summarizeCustomers(orderRowsByTime(table), { calibrationEnd: lastDay * DAY, unit: 'week' });
      now = { rows, model: fitBgNbd(rows, { penalizer: options.penalizer ?? 0 }) };
    }
    return now;
  };

  const pAlive = (): Section<PAliveData> => {
    const { rows, model } = fitNow();
    const values = Float64Array.from(rows, (row) => model.probabilityAlive(row));
    const data = distribution(values, { bounds: [0, 1], bins: 10 });
    const oneTime = data.bins.map(() => 0);
    rows.forEach((row, i) => {
      if (row.frequency === 0) oneTime[Math.min(9, Math.floor((values[i] as number) * 10))]!++;
    });
    return { ok: true, data: { ...data, oneTime } };
  };

  const clv = (): Section<ClvData> => {
    const { rows, model } = fitNow();
    const scale = 10 ** currencyExponent(table.currency);
    // Fit the spend model in major units: the same p and q, a better-conditioned γ.
    const major = rows.map((r) => ({ ...r, monetary: toMajorUnits(r.monetary, table.currency) }));
    const spendModel = fitGammaGamma(major.filter((r) => r.frequency > 0), { penalizer: options.penalizer ?? 0 });
    const horizon = Math.max(1, Math.round(options.horizonWeeks / WEEKS_PER_MONTH));
    const monthlyRate = (1 + options.discountRate) ** (1 / 12) - 1;
    const values = customerLifetimeValue(major, {
      transactionModel: model,
      spendModel,
      horizon,
      periodLength: WEEKS_PER_MONTH,
      discountRate: monthlyRate,
      margin: options.margin,
    });
    const minor = Float64Array.from(values, (v) => Math.round(v.value * scale));
    const orders = ordersPerCustomer(table);
    const index = new Map(table.customers.map((id, i) => [id, i]));
    let total = 0;
    for (const v of minor) total += v;
    const ranked = [...minor.keys()].sort((a, b) => (minor[b] as number) - (minor[a] as number)).slice(0, options.top ?? 10);
    return {
      ok: true,
      data: {
        ...distribution(minor, { bins: 10 }),
        total,
        horizonWeeks: options.horizonWeeks,
        margin: options.margin,
        discountRate: options.discountRate,
        top: ranked.map((i) => {
          const row = rows[i] as CustomerSummary;
          return { customerId: row.customerId, clv: minor[i] as number, pAlive: model.probabilityAlive(row), orders: orders[index.get(row.customerId) ?? -1] ?? 0 };
        }),
      },
    };
  };

  return { tracking, pAlive, clv };
}

function iso(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function ordersPerCustomer(table: OrderTable): Int32Array {
  const n = new Int32Array(table.customers.length);
  for (let i = 0; i < table.orderCount; i++) n[table.orderCustomer[i] as number]!++;
  return n;
}

/**
 * Cumulative repeat purchase days per week of the calibration cohort
 * (customers whose first purchase is on or before the calibration end), and
 * how many of them started on each day. Same-day orders count once, as in
 * the model.
 */
function repeatDaysByWeek(table: OrderTable, startDay: number, calibrationDay: number, weeks: number): { actual: Float64Array; firstDays: Map<number, number> } {
  const customers = table.customers.length;
  const firstDay = new Int32Array(customers).fill(2 ** 31 - 1);
  for (let i = 0; i < table.orderCount; i++) {
    const c = table.orderCustomer[i] as number;
    const d = Math.floor((table.orderTime[i] as number) / DAY);
    if (d < (firstDay[c] as number)) firstDay[c] = d;
  }
  const seen = new Set<number>();
  const perWeek = new Float64Array(weeks + 1);
  for (let i = 0; i < table.orderCount; i++) {
    const c = table.orderCustomer[i] as number;
    const d = Math.floor((table.orderTime[i] as number) / DAY);
    const f = firstDay[c] as number;
    if (f > calibrationDay || d === f) continue;
    const key = c * 65_536 + (d - f);
    if (seen.has(key)) continue;
    seen.add(key);
    const w = Math.floor((d - startDay) / 7) + 1;
    if (w <= weeks) perWeek[w]!++;
  }
  for (let w = 1; w <= weeks; w++) perWeek[w]! += perWeek[w - 1] as number;
  const firstDays = new Map<number, number>();
  for (const f of firstDay) if (f <= calibrationDay) firstDays.set(f, (firstDays.get(f) ?? 0) + 1);
  return { actual: perWeek, firstDays };
}
