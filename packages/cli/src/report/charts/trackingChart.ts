import type { EChartsCoreOption } from 'echarts/core';
import type { TrackingData } from '../reportData.ts';
import type { ReportLabels } from '../reportLabels.ts';
import { CHART_PALETTE } from './chartPalette.ts';

/**
 * The calibration/holdout tracking plot of Fader, Hardie & Lee (2005,
 * figure 3): cumulative repeat purchases per week, actual (solid) against
 * what the model fitted on the calibration period predicts (dashed), with the
 * holdout period shaded.
 *
 * @example
 * ```ts
 * import type { TrackingData } from '../reportData.ts';
 * import { trackingChart } from './trackingChart.ts';
 * import { renderChartSvg } from './renderChartSvg.ts';
 * import { reportLabels } from '../reportLabels.ts';
 * declare const tracking: TrackingData;
 * renderChartSvg(trackingChart(tracking, reportLabels('en')), { width: 960, height: 400 });
 * ```
 */
export function trackingChart(tracking: TrackingData, labels: ReportLabels): EChartsCoreOption {
  const last = tracking.weeks[tracking.weeks.length - 1] ?? 0;
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    grid: { left: 70, right: 24, top: 48, bottom: 50 },
    legend: { top: 0, right: 10, icon: 'roundRect', itemWidth: 22, itemHeight: 4, data: [labels.trackingActual, labels.trackingPredicted] },
    xAxis: { type: 'value', min: 0, max: last, name: labels.trackingAxisX, nameLocation: 'middle', nameGap: 30, splitLine: { show: false } },
    yAxis: { type: 'value', name: labels.trackingAxisY, nameLocation: 'middle', nameGap: 52, splitLine: { lineStyle: { color: CHART_PALETTE.grid } } },
    series: [
      {
        name: labels.trackingActual,
        type: 'line',
        showSymbol: false,
        lineStyle: { width: 2.5, color: CHART_PALETTE.actual },
        itemStyle: { color: CHART_PALETTE.actual },
        data: tracking.weeks.map((w, i) => [w, tracking.actual[i] ?? 0]),
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(148, 163, 184, 0.12)' },
          data: [[{ xAxis: tracking.calibrationWeek }, { xAxis: last }]],
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: CHART_PALETTE.muted, type: 'dotted', width: 1.5 },
          label: { formatter: `${labels.trackingCalibration} ${tracking.calibrationEnd}`, position: 'end', color: CHART_PALETTE.muted, fontSize: 11 },
          data: [{ xAxis: tracking.calibrationWeek }],
        },
      },
      {
        name: labels.trackingPredicted,
        type: 'line',
        showSymbol: false,
        lineStyle: { width: 2.5, type: 'dashed', color: CHART_PALETTE.predicted },
        itemStyle: { color: CHART_PALETTE.predicted },
        data: tracking.weeks.map((w, i) => [w, round(tracking.predicted[i] ?? 0)]),
      },
    ],
  };
}
