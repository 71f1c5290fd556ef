import { computeRfmColumns } from '@memberkit/core';
import type { OrderTable } from '../../csv/orderTable.ts';
import type { RfmCell, RfmData, RfmSegmentRow, Section } from '../reportData.ts';

/**
 * The RFM section from `computeRfmColumns` (ntile quintiles, the default
 * 11-segment table) as of the last order in the file: the 5×5 R×F grid with
 * each cell's customer count and main segment, and per-segment totals.
 *
 * @example
 * ```ts
 * import { readOrdersCsv } from '@memberkit/cli';
 * import { rfmSection } from './rfmSection.ts';
 * const table = await readOrdersCsv('examples/orders.csv', { currency: 'USD' });
 * const s = rfmSection(table, Date.UTC(1998, 5, 30));
 * s.ok && s.data.cells.length;
 * //=> 25
 * ```
 */
export function rfmSection(table: OrderTable, asOf: number): Section<RfmData> {
  const scores = computeRfmColumns(
    { kind: 'columns', customerIds: table.customers, customerIndex: table.orderCustomer, at: table.orderTime, amount: table.orderAmount },
    { asOf },
  );
  const names = scores.segmentNames;
  const n = scores.customerIds.length;
  // cellSegment[(r-1)*5 + (f-1)][segment] = customers
  const cellSegment = Array.from({ length: 25 }, () => new Int32Array(names.length));
  const perSegment = names.map(() => ({ customers: 0, revenue: 0, recency: 0, frequency: 0 }));
  for (let i = 0; i < n; i++) {
    const s = scores.segment[i] as number;
    cellSegment[((scores.r[i] as number) - 1) * 5 + ((scores.f[i] as number) - 1)]![s]!++;
    const agg = perSegment[s]!;
    agg.customers++;
    agg.revenue += scores.monetary[i] as number;
    agg.recency += scores.recencyDays[i] as number;
    agg.frequency += scores.frequency[i] as number;
  }
  const cells: RfmCell[] = [];
  for (let r = 1; r <= 5; r++) {
    for (let f = 1; f <= 5; f++) {
      const counts = cellSegment[(r - 1) * 5 + (f - 1)]!;
      let total = 0;
      let best = 0;
      counts.forEach((c, s) => {
        total += c;
        if (c > (counts[best] as number)) best = s;
      });
      cells.push({ r, f, customers: total, segment: total === 0 ? '' : (names[best] as string) });
    }
  }
  const segments: RfmSegmentRow[] = perSegment
    .map((a, s) => ({
      segment: names[s] as string,
      customers: a.customers,
      revenue: a.revenue,
      meanRecencyDays: a.customers === 0 ? 0 : a.recency / a.customers,
      meanFrequency: a.customers === 0 ? 0 : a.frequency / a.customers,
    }))
    .filter((row) => row.customers > 0);
  return { ok: true, data: { cells, segments } };
}
