import type { AssociationRule } from '@memberkit/core';
import type { BadRow } from '../csv/badRow.ts';
import type { OrderField } from '../csv/columnMapping.ts';

/**
 * One report section: its data, or why it could not be computed (too few
 * customers, no product column, a model that did not converge). A failed
 * section never sinks the whole report.
 *
 * @example
 * ```ts
 * import type { Section } from '@memberkit/cli';
 * const s: Section<number> = { ok: false, reason: 'the file has no product column' };
 * ```
 */
export type Section<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly reason: string };

/**
 * Header figures; money in integer minor units.
 *
 * @example
 * ```ts
 * import type { KpiData } from './reportData.ts';
 * // examples/orders.csv (CDNOW): $244,091.94 from 6,919 orders of 2,357 customers
 * const kpis: KpiData = { customers: 2357, orders: 6919, revenue: 24_409_194, aov: 3528, repurchaseRate: 0.483, unitsPerTransaction: 1.87 };
 * ```
 */
export interface KpiData {
  readonly customers: number;
  readonly orders: number;
  readonly revenue: number;
  readonly aov: number;
  /** Share of customers with at least two orders, 0..1. */
  readonly repurchaseRate: number;
  /** Average distinct products per order (连带率), when products are known. */
  readonly unitsPerTransaction?: number;
}

/**
 * One cell of the R×F grid.
 *
 * @example
 * ```ts
 * import type { RfmCell } from './reportData.ts';
 * const cell: RfmCell = { r: 5, f: 5, customers: 40, segment: 'Champions' };
 * ```
 */
export interface RfmCell {
  readonly r: number;
  readonly f: number;
  readonly customers: number;
  /** The segment most customers of this cell belong to. */
  readonly segment: string;
}

/**
 * One row of the segment table.
 *
 * @example
 * ```ts
 * import type { RfmSegmentRow } from './reportData.ts';
 * const row: RfmSegmentRow = { segment: 'At Risk', customers: 310, revenue: 1_250_000, meanRecencyDays: 240, meanFrequency: 3.1 };
 * ```
 */
export interface RfmSegmentRow {
  readonly segment: string;
  readonly customers: number;
  readonly revenue: number;
  readonly meanRecencyDays: number;
  readonly meanFrequency: number;
}

/**
 * The RFM section: the 5×5 R×F grid and one row per segment.
 *
 * @example
 * ```ts
 * import type { RfmData } from './reportData.ts';
 * const rfm: RfmData = { cells: [{ r: 5, f: 5, customers: 40, segment: 'Champions' }], segments: [] };
 * ```
 */
export interface RfmData {
  readonly cells: readonly RfmCell[];
  readonly segments: readonly RfmSegmentRow[];
}

/**
 * Monthly acquisition cohorts and how many of each bought again, month by month.
 *
 * @example
 * ```ts
 * import type { CohortData } from './reportData.ts';
 * // 25% of January's new customers bought again in February; February's second month is still to come
 * const cohorts: CohortData = { cohorts: ['2026-01', '2026-02'], sizes: [120, 80], retention: [[1, 0.25], [1, null]] };
 * ```
 */
export interface CohortData {
  /** First-purchase months, `YYYY-MM`. */
  readonly cohorts: readonly string[];
  readonly sizes: readonly number[];
  /** `retention[i][k]`: share of cohort i buying in its k-th month after the first (k = 0 is 1). */
  readonly retention: readonly (readonly (number | null)[])[];
}

/**
 * The BG/NBD tracking plot: cumulative repeat purchases of the calibration
 * cohort, actual against what the model fitted up to `calibrationEnd` predicts.
 *
 * @example
 * ```ts
 * import type { ReportData } from '@memberkit/cli';
 * declare const data: ReportData;
 * if (data.tracking.ok) console.log(data.tracking.data.params); // the BG/NBD fit: r, alpha, a, b
 * ```
 */
export interface TrackingData {
  /** Week index from the first purchase in the data. */
  readonly weeks: readonly number[];
  readonly actual: readonly number[];
  readonly predicted: readonly number[];
  readonly calibrationWeek: number;
  readonly calibrationEnd: string;
  readonly params: Readonly<Record<string, number>>;
  readonly logLikelihood: number;
  readonly customers: number;
}

/**
 * One bar of a histogram: the values in `[from, to)`; the last bar also counts those at or above `to`.
 *
 * @example
 * ```ts
 * import type { HistogramBin } from './reportData.ts';
 * const bin: HistogramBin = { from: 0.9, to: 1, count: 412 };
 * ```
 */
export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/**
 * A histogram of one value per customer with its mean and median.
 *
 * @example
 * ```ts
 * import type { DistributionData } from './reportData.ts';
 * import { distribution } from './sections/histogramBins.ts';
 * const d: DistributionData = distribution([0.05, 0.5, 0.95], { bounds: [0, 1], bins: 10 });
 * [d.customers, d.median];
 * //=> [3, 0.5]
 * ```
 */
export interface DistributionData {
  readonly bins: readonly HistogramBin[];
  readonly mean: number;
  readonly median: number;
  readonly customers: number;
}

/**
 * The P(alive) section: the probability each customer is still active, as a histogram.
 *
 * @example
 * ```ts
 * import type { ReportData } from '@memberkit/cli';
 * declare const data: ReportData;
 * if (data.pAlive.ok) console.log(data.pAlive.data.median, data.pAlive.data.oneTime);
 * ```
 */
export interface PAliveData extends DistributionData {
  /**
   * Per bin, how many of its customers are one-time buyers. BG/NBD lets a
   * customer drop out only after a repeat purchase, so it rates every
   * one-time buyer as alive; the chart shows them apart so nobody mistakes
   * that for loyalty.
   */
  readonly oneTime: readonly number[];
}

/**
 * The CLV section: each customer's expected value over the horizon, as a
 * histogram, with the total and the most valuable customers.
 *
 * @example
 * ```ts
 * import type { ReportData } from '@memberkit/cli';
 * declare const data: ReportData;
 * if (data.clv.ok) console.log(data.clv.data.total, data.clv.data.top[0]?.customerId);
 * ```
 */
export interface ClvData extends DistributionData {
  /** Sum of CLV over customers, minor units. */
  readonly total: number;
  readonly horizonWeeks: number;
  readonly margin: number;
  readonly discountRate: number;
  readonly top: readonly { readonly customerId: string; readonly clv: number; readonly pAlive: number; readonly orders: number }[];
}

/**
 * One basket rule as `associationRules` returns it.
 *
 * @example
 * ```ts
 * import type { ReportData } from '@memberkit/cli';
 * declare const data: ReportData;
 * if (data.rules.ok) for (const r of data.rules.data.rules) console.log(`${r.antecedent.join(' + ')} → ${r.consequent[0]} (lift ${r.lift.toFixed(1)})`);
 * ```
 */
export type RuleRow = AssociationRule;

/**
 * The basket-rules section: the top rules and the thresholds they were mined with.
 *
 * @example
 * ```ts
 * import type { ReportData } from '@memberkit/cli';
 * declare const data: ReportData;
 * if (data.rules.ok) console.log(`${data.rules.data.rules.length} of ${data.rules.data.totalRules} rules shown`);
 * ```
 */
export interface RulesData {
  readonly rules: readonly RuleRow[];
  readonly totalRules: number;
  readonly baskets: number;
  readonly minSupport: number;
  readonly minConfidence: number;
}

/**
 * Everything the HTML report shows, computed once and rendered by
 * {@link renderReportHtml}. Plain data, so it can also be written as JSON.
 *
 * @example
 * ```ts
 * import type { ReportData } from '@memberkit/cli';
 * declare const data: ReportData;
 * if (data.rfm.ok) console.log(data.rfm.data.segments);
 * else console.log('RFM not available:', data.rfm.reason);
 * ```
 */
export interface ReportData {
  readonly sourceName: string;
  readonly generatedAt: string;
  readonly currency: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly ingest: {
    readonly rowsRead: number;
    readonly orders: number;
    readonly lines: number;
    readonly products: number;
    readonly badRowCount: number;
    readonly badRows: readonly BadRow[];
    readonly columns: Readonly<Partial<Record<OrderField, string>>>;
  };
  readonly kpis: KpiData;
  readonly rfm: Section<RfmData>;
  readonly cohorts: Section<CohortData>;
  readonly tracking: Section<TrackingData>;
  readonly pAlive: Section<PAliveData>;
  readonly clv: Section<ClvData>;
  readonly rules: Section<RulesData>;
}
