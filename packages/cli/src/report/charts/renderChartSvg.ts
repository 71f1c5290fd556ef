import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, HeatmapChart, LineChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, VisualMapComponent, SVGRenderer]);

/**
 * The font stack every chart uses, with CJK fallbacks so Chinese labels render on any OS.
 *
 * @example
 * ```ts
 * import { CHART_FONT } from './renderChartSvg.ts';
 * CHART_FONT.includes('PingFang SC');
 * //=> true
 * ```
 */
export const CHART_FONT = "-apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', Roboto, Helvetica, Arial, sans-serif";

/**
 * Renders an ECharts option to a standalone SVG string on the server (ECharts'
 * SSR mode: no DOM, no browser), with animation off so the picture is final.
 *
 * @example
 * ```ts
 * import { renderChartSvg } from './renderChartSvg.ts';
 * renderChartSvg({ xAxis: { type: 'category', data: ['a'] }, yAxis: {}, series: [{ type: 'bar', data: [1] }] }, { width: 400, height: 300 }).startsWith('<svg');
 * //=> true
 * ```
 */
export function renderChartSvg(option: EChartsCoreOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT, color: '#334155' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
