import { cohortRetention } from '@memberkit/core';
import type { OrderTable } from '../../csv/orderTable.ts';
import type { CohortData, Section } from '../reportData.ts';
import { orderRecords } from './tableIterables.ts';

/** Most cohorts shown: the latest ones, so the heatmap stays readable. */
const MAX_COHORTS = 24;

/**
 * The cohort retention heatmap's data from `cohortRetention` (by first-order
 * month, UTC months): the latest 24 cohorts, with months not yet observed
 * left empty rather than shown as 0 %.
 *
 * @example
 * ```ts
 * import { readOrdersCsv } from '@memberkit/cli';
 * import { cohortSection } from './cohortSection.ts';
 * const table = await readOrdersCsv('examples/orders.csv', { currency: 'USD' });
 * const s = cohortSection(table);
 * s.ok && s.data.retention[0][0];
 * //=> 1
 * ```
 */
export function cohortSection(table: OrderTable): Section<CohortData> {
  const rows = cohortRetention(orderRecords(table)).slice(-MAX_COHORTS);
  if (rows.length === 0) return { ok: false, reason: 'no orders' };
  const width = Math.max(...rows.map((r) => r.retention.length));
  return {
    ok: true,
    data: {
      cohorts: rows.map((r) => r.cohort),
      sizes: rows.map((r) => r.size),
      retention: rows.map((r) => Array.from({ length: width }, (_, k) => r.retention[k] ?? null)),
    },
  };
}
