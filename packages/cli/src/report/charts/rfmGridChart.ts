import type { EChartsCoreOption } from 'echarts/core';
import type { RfmData } from '../reportData.ts';
import { segmentLabel, type ReportLabels, type ReportLang } from '../reportLabels.ts';
import { CHART_PALETTE } from './chartPalette.ts';

/**
 * The R×F grid as a heatmap: frequency score across, recency score up, each
 * cell coloured by its number of customers and labelled with its main
 * segment, so the merchant sees where customers sit and what they are called.
 *
 * @example
 * ```ts
 * import { rfmGridChart } from './rfmGridChart.ts';
 * import { renderChartSvg } from './renderChartSvg.ts';
 * import { reportLabels } from '../reportLabels.ts';
 * const rfm = { cells: [{ r: 5, f: 5, customers: 40, segment: 'Champions' }, { r: 1, f: 1, customers: 95, segment: 'Lost' }], segments: [] };
 * renderChartSvg(rfmGridChart(rfm, reportLabels('en'), 'en'), { width: 960, height: 460 }).startsWith('<svg');
 * //=> true
 * ```
 */
export function rfmGridChart(rfm: RfmData, labels: ReportLabels, lang: ReportLang): EChartsCoreOption {
  const scores = ['1', '2', '3', '4', '5'];
  const max = Math.max(1, ...rfm.cells.map((c) => c.customers));
  const byCell = new Map(rfm.cells.map((c) => [`${c.r}:${c.f}`, c]));
  // Dark cells get white text: the ramp's last two steps are too dark for black.
  const data = rfm.cells.map((c) => ({ value: [c.f - 1, c.r - 1, c.customers], label: { color: c.customers / max > 0.5 ? '#ffffff' : '#0f172a' } }));
  return {
    grid: { left: 70, right: 20, top: 10, bottom: 56 },
    xAxis: { type: 'category', data: scores, name: labels.rfmAxisF, nameLocation: 'middle', nameGap: 32, splitArea: { show: false }, axisTick: { show: false } },
    yAxis: { type: 'category', data: scores, name: labels.rfmAxisR, nameLocation: 'middle', nameGap: 40, axisTick: { show: false } },
    visualMap: { show: false, min: 0, max, inRange: { color: CHART_PALETTE.ramp } },
    series: [
      {
        type: 'heatmap',
        data,
        itemStyle: { borderColor: '#ffffff', borderWidth: 3, borderRadius: 6 },
        label: {
          show: true,
          fontSize: 12,
          lineHeight: 17,
          formatter: (p: { value: [number, number, number] }) => {
            const cell = byCell.get(`${p.value[1] + 1}:${p.value[0] + 1}`);
            if (cell === undefined || cell.customers === 0) return '';
            return `{name|${segmentLabel(cell.segment, lang)}}\n{count|${cell.customers.toLocaleString('en')}}`;
          },
          rich: {
            name: { fontSize: 11, lineHeight: 16 },
            count: { fontSize: 15, fontWeight: 'bold', lineHeight: 20 },
          },
        },
      },
    ],
  };
}
