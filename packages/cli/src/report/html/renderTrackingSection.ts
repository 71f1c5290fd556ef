import type { Section, TrackingData } from '../reportData.ts';
import type { ReportLabels } from '../reportLabels.ts';
import { renderChartSvg } from '../charts/renderChartSvg.ts';
import { trackingChart } from '../charts/trackingChart.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { ReportFormatters } from './reportFormatters.ts';
import { sectionShell } from './sectionShell.ts';

/**
 * The BG/NBD calibration/holdout tracking section, with the fitted
 * parameters and log-likelihood in small print for analysts.
 *
 * @example
 * ```ts
 * import type { ReportData } from '@memberkit/cli';
 * import { renderTrackingSection } from './renderTrackingSection.ts';
 * import { reportFormatters } from './reportFormatters.ts';
 * import { reportLabels } from '../reportLabels.ts';
 * declare const data: ReportData;
 * renderTrackingSection(data.tracking, reportLabels('en'), reportFormatters('en', data.currency));
 * ```
 */
export function renderTrackingSection(tracking: Section<TrackingData>, labels: ReportLabels, fmt: ReportFormatters): string {
  return sectionShell({ id: 'tracking', title: labels.trackingTitle, what: labels.trackingWhat }, tracking, labels, (data) => {
    const params = Object.entries(data.params)
      .map(([k, v]) => `${escapeHtml(k)} = ${v.toFixed(3)}`)
      .join(', ');
    return `<figure class="mk-chart">${renderChartSvg(trackingChart(data, labels), { width: 1060, height: 400 })}</figure>
<div class="mk-note">${labels.params} (${fmt.count(data.customers)} ${labels.customers}): ${params}; log-likelihood ${data.logLikelihood.toFixed(1)}</div>`;
  });
}
