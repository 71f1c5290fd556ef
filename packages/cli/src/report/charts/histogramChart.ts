import type { EChartsCoreOption } from 'echarts/core';
import type { HistogramBin } from '../reportData.ts';
import { CHART_PALETTE } from './chartPalette.ts';

/**
 * A histogram as a bar chart: one bar per bin, labelled `from–to` by the
 * given formatter (`≥ from` for an open last bin), the count on top of each
 * bar.
 *
 * @example
 * ```ts
 * import { histogramChart } from './histogramChart.ts';
 * const option = histogramChart([{ from: 0, to: 0.1, count: 12 }], { xName: 'P(alive)', yName: 'Customers', format: (v) => `${v * 100}%` });
 * ```
 */
export function histogramChart(
  bins: readonly HistogramBin[],
  options: {
    xName: string;
    yName: string;
    format: (v: number) => string;
    color?: string;
    openEnded?: boolean;
    /** Split each bar: `counts` of it drawn on top in grey under `name`, the rest under `restName`. */
    split?: { counts: readonly number[]; name: string; restName: string };
  },
): EChartsCoreOption {
  const last = bins.length - 1;
  const names = bins.map((b, i) => (options.openEnded === true && i === last ? `≥${options.format(b.from)}` : `${options.format(b.from)}–${options.format(b.to)}`));
  const count = new Intl.NumberFormat('en');
  return {
    grid: { left: 64, right: 12, top: options.split === undefined ? 28 : 40, bottom: 56 },
    xAxis: { type: 'category', data: names, name: options.xName, nameLocation: 'middle', nameGap: 34, axisLabel: { interval: 0, rotate: bins.length > 10 ? 30 : 0, fontSize: 11, hideOverlap: false }, axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', name: options.yName, nameLocation: 'middle', nameGap: 46, splitLine: { lineStyle: { color: CHART_PALETTE.grid } } },
    ...(options.split === undefined ? {} : { legend: { top: 0, right: 8, itemWidth: 12, itemHeight: 12, data: [options.split.restName, options.split.name] } }),
    series: [
      ...(options.split === undefined
        ? []
        : [
            {
              name: options.split.restName,
              type: 'bar',
              stack: 'all',
              data: bins.map((b, i) => b.count - (options.split?.counts[i] ?? 0)),
              barCategoryGap: '12%',
              itemStyle: { color: options.color ?? CHART_PALETTE.bar },
            },
          ]),
      {
        ...(options.split === undefined ? {} : { name: options.split.name, stack: 'all' }),
        type: 'bar',
        data: options.split === undefined ? bins.map((b) => b.count) : bins.map((_, i) => options.split?.counts[i] ?? 0),
        barCategoryGap: '12%',
        itemStyle: { color: options.split === undefined ? (options.color ?? CHART_PALETTE.bar) : CHART_PALETTE.oneTime, borderRadius: [4, 4, 0, 0] },
        // On a split bar the label is the bar's total, drawn above the top part.
        label: { show: true, position: 'top', fontSize: 11, color: CHART_PALETTE.muted, formatter: (p: { dataIndex: number }) => count.format(bins[p.dataIndex]?.count ?? 0) },
      },
    ],
  };
}
