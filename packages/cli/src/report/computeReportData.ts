import { isMemberkitError } from '@memberkit/core';
import type { OrderTable } from '../csv/orderTable.ts';
import type { ReportData, Section } from './reportData.ts';
import { computeKpis } from './sections/computeKpis.ts';
import { rfmSection } from './sections/rfmSection.ts';
import { rulesSection } from './sections/rulesSection.ts';
import { cohortSection } from './sections/cohortSection.ts';
import { clvSections } from './sections/clvSections.ts';

/**
 * Options of {@link computeReportData}; every model setting has a merchant-friendly default.
 *
 * @example
 * ```ts
 * import type { ReportDataOptions } from '@memberkit/cli';
 * const options: ReportDataOptions = { sourceName: 'orders.csv', calibrationEnd: '1997-09-30', margin: 0.3 };
 * ```
 */
export interface ReportDataOptions {
  /** The file name shown in the header. */
  readonly sourceName: string;
  /** Shown in the header; defaults to now (pass one for reproducible output). */
  readonly generatedAt?: string;
  /** End of the BG/NBD calibration period (`YYYY-MM-DD`); default: halfway through the data. */
  readonly calibrationEnd?: string;
  /** CLV horizon in weeks; default 52. */
  readonly horizonWeeks?: number;
  /** Gross margin applied to CLV, 0..1; default 1 (revenue). */
  readonly margin?: number;
  /** Yearly discount rate for CLV; default 0.1. */
  readonly discountRate?: number;
  /** L2 penalty for the BG/NBD fits, for histories where the plain fit has no well-defined maximum; default 0. */
  readonly penalizer?: number;
  /** Association-rule thresholds; defaults 0.005 and 0.2 suit shops with a few hundred products. */
  readonly minSupport?: number;
  readonly minConfidence?: number;
  /** Rules shown; default 15. */
  readonly topRules?: number;
  /** Called before each long step with its name, and after it with `done`. */
  readonly onStep?: (step: string, phase: 'start' | 'done') => void;
}

const DAY = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Runs one report step; a `MemberkitError` (too little data, a model that did
 * not converge) turns into a "not available" section with its message, so
 * one failing analysis never sinks the whole report. Anything else is a bug
 * and propagates.
 */
function step<T>(name: string, options: ReportDataOptions, run: () => Section<T>): Section<T> {
  options.onStep?.(name, 'start');
  try {
    return run();
  } catch (error) {
    if (isMemberkitError(error)) return { ok: false, reason: error.message };
    throw error;
  } finally {
    options.onStep?.(name, 'done');
  }
}

/**
 * Computes everything the report shows from an {@link OrderTable}: KPIs, RFM
 * grid and segments, cohort retention, the BG/NBD tracking plot, P(alive)
 * and CLV distributions and the top basket rules. Heavy lifting is done by
 * `@memberkit/core`; this function only feeds it and shapes the results.
 *
 * @example
 * ```ts
 * import { computeReportData, readOrdersCsv } from '@memberkit/cli';
 * const data = computeReportData(await readOrdersCsv('examples/orders.csv', { currency: 'USD' }), { sourceName: 'orders.csv' });
 * data.kpis.customers;
 * //=> 2357
 * data.rfm.ok;
 * //=> true
 * ```
 */
export function computeReportData(table: OrderTable, options: ReportDataOptions): ReportData {
  let first = Infinity;
  let last = -Infinity;
  for (const t of table.orderTime) {
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const empty = table.orderCount === 0;
  const firstDay = Math.floor(first / DAY);
  const lastDay = Math.floor(last / DAY);
  const calibrationEnd = options.calibrationEnd === undefined ? (firstDay + Math.floor((lastDay - firstDay) / 2)) * DAY : Date.parse(`${options.calibrationEnd}T00:00:00Z`);
  const models = clvSections(table, {
    calibrationEnd,
    horizonWeeks: options.horizonWeeks ?? 52,
    margin: options.margin ?? 1,
    discountRate: options.discountRate ?? 0.1,
    penalizer: options.penalizer ?? 0,
  });
  const tooFew: Section<never> = { ok: false, reason: 'the file has no usable orders' };
  return {
    sourceName: options.sourceName,
    generatedAt: options.generatedAt ?? `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    currency: table.currency,
    period: { from: empty ? '' : isoDay(first), to: empty ? '' : isoDay(Math.floor(last / DAY) * DAY) },
    ingest: {
      rowsRead: table.rowsRead,
      orders: table.orderCount,
      lines: table.lineCount,
      products: table.products.length,
      badRowCount: table.badRowCount,
      badRows: table.badRows,
      columns: table.columns.names,
    },
    kpis: computeKpis(table),
    rfm: empty ? tooFew : step('RFM segments', options, () => rfmSection(table, last)),
    cohorts: empty ? tooFew : step('cohort retention', options, () => cohortSection(table)),
    tracking: empty ? tooFew : step('BG/NBD calibration fit', options, models.tracking),
    pAlive: empty ? tooFew : step('BG/NBD fit and P(alive)', options, models.pAlive),
    clv: empty ? tooFew : step('Gamma-Gamma and CLV', options, models.clv),
    rules: empty
      ? tooFew
      : step('basket rules', options, () =>
          rulesSection(table, { minSupport: options.minSupport ?? 0.005, minConfidence: options.minConfidence ?? 0.2, top: options.topRules ?? 15 }),
        ),
  };
}
