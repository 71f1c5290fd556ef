import type { EChartsCoreOption } from 'echarts/core';
import type { CohortData } from '../reportData.ts';
import type { ReportLabels } from '../reportLabels.ts';
import { CHART_PALETTE } from './chartPalette.ts';

/**
 * The cohort retention triangle as a heatmap: one row per first-purchase
 * month (newest at the bottom), one column per month since, labelled in
 * percent. Month 0 is always 100 % and is left out of the colour scale so the
 * later months, where the differences are, get the full ramp.
 *
 * @example
 * ```ts
 * import { cohortHeatmapChart } from './cohortHeatmapChart.ts';
 * import { renderChartSvg } from './renderChartSvg.ts';
 * import { reportLabels } from '../reportLabels.ts';
 * const cohorts = { cohorts: ['2026-01', '2026-02'], sizes: [120, 80], retention: [[1, 0.25], [1, null]] };
 * renderChartSvg(cohortHeatmapChart(cohorts, reportLabels('en')), { width: 960, height: 480 }).startsWith('<svg');
 * //=> true
 * ```
 */
export function cohortHeatmapChart(cohorts: CohortData, labels: ReportLabels): EChartsCoreOption {
  const width = Math.max(0, ...cohorts.retention.map((row) => row.length));
  const data: { value: [number, number, number]; label: { color: string } }[] = [];
  let max = 0;
  cohorts.retention.forEach((row) => {
    row.forEach((v, k) => {
      if (v !== null && k > 0) max = Math.max(max, v);
    });
  });
  max = max > 0 ? max : 1;
  cohorts.retention.forEach((row, i) => {
    row.forEach((v, k) => {
      if (v === null) return;
      const shown = k === 0 ? max : v;
      data.push({ value: [k, i, shown], label: { color: shown / max > 0.55 ? '#ffffff' : '#0f172a' } });
    });
  });
  const pct = new Map(data.map((d) => [`${d.value[0]}:${d.value[1]}`, cohorts.retention[d.value[1]]?.[d.value[0]] ?? 0]));
  const yLabels = cohorts.cohorts.map((c, i) => `${c}  (${(cohorts.sizes[i] ?? 0).toLocaleString('en')})`);
  return {
    grid: { left: 130, right: 16, top: 8, bottom: 48 },
    xAxis: { type: 'category', data: Array.from({ length: width }, (_, k) => String(k)), name: labels.cohortAxisMonth, nameLocation: 'middle', nameGap: 30, axisTick: { show: false } },
    yAxis: { type: 'category', data: yLabels, inverse: true, axisTick: { show: false } },
    visualMap: { show: false, min: 0, max, inRange: { color: CHART_PALETTE.ramp } },
    series: [
      {
        type: 'heatmap',
        data,
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        label: {
          show: width <= 24,
          fontSize: width > 18 ? 9 : width > 12 ? 10 : 12,
          formatter: (p: { value: [number, number, number] }) => {
            const v = pct.get(`${p.value[0]}:${p.value[1]}`) ?? 0;
            return v >= 0.1 || v === 0 ? `${Math.round(v * 100)}%` : `${(v * 100).toFixed(1)}%`;
          },
        },
      },
    ],
  };
}
