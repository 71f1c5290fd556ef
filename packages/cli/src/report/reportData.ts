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

/** Header figures; money in integer minor units. */
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

/** One cell of the R×F grid. */
export interface RfmCell {
  readonly r: number;
  readonly f: number;
  readonly customers: number;
  /** The segment most customers of this cell belong to. */
  readonly segment: string;
}

/** One row of the segment table. */
export interface RfmSegmentRow {
  readonly segment: string;
  readonly customers: number;
  readonly revenue: number;
  readonly meanRecencyDays: number;
  readonly meanFrequency: number;
}

export interface RfmData {
  readonly cells: readonly RfmCell[];
  readonly segments: readonly RfmSegmentRow[];
}

export interface CohortData {
  /** First-purchase months, `YYYY-MM`. */
  readonly cohorts: readonly string[];
  readonly sizes: readonly number[];
  /** `retention[i][k]`: share of cohort i buying in its k-th month after the first (k = 0 is 1). */
  readonly retention: readonly (readonly (number | null)[])[];
}

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

export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export interface DistributionData {
  readonly bins: readonly HistogramBin[];
  readonly mean: number;
  readonly median: number;
  readonly customers: number;
}

export interface PAliveData extends DistributionData {
  /**
   * Per bin, how many of its customers are one-time buyers. BG/NBD lets a
   * customer drop out only after a repeat purchase, so it rates every
   * one-time buyer as alive; the chart shows them apart so nobody mistakes
   * that for loyalty.
   */
  readonly oneTime: readonly number[];
}

export interface ClvData extends DistributionData {
  /** Sum of CLV over customers, minor units. */
  readonly total: number;
  readonly horizonWeeks: number;
  readonly margin: number;
  readonly discountRate: number;
  readonly top: readonly { readonly customerId: string; readonly clv: number; readonly pAlive: number; readonly orders: number }[];
}

/** One basket rule as `associationRules` returns it. */
export type RuleRow = AssociationRule;

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
