import type { RfmData, Section } from '../reportData.ts';
import { segmentLabel, type ReportLabels, type ReportLang } from '../reportLabels.ts';
import { renderChartSvg } from '../charts/renderChartSvg.ts';
import { rfmGridChart } from '../charts/rfmGridChart.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { ReportFormatters } from './reportFormatters.ts';
import { sectionShell } from './sectionShell.ts';

/**
 * The RFM section: the R×F heatmap and the segment table (customers, share,
 * revenue, mean recency and frequency), largest segment first.
 *
 * @example
 * ```ts
 * import type { ReportData } from '@memberkit/cli';
 * import { renderRfmSection } from './renderRfmSection.ts';
 * import { reportFormatters } from './reportFormatters.ts';
 * import { reportLabels } from '../reportLabels.ts';
 * declare const data: ReportData;
 * renderRfmSection(data.rfm, reportLabels('en'), 'en', reportFormatters('en', data.currency));
 * ```
 */
export function renderRfmSection(rfm: Section<RfmData>, labels: ReportLabels, lang: ReportLang, fmt: ReportFormatters): string {
  return sectionShell({ id: 'rfm', title: labels.rfmTitle, what: labels.rfmWhat }, rfm, labels, (data) => {
    const svg = renderChartSvg(rfmGridChart(data, labels, lang), { width: 1060, height: 470 });
    const total = data.segments.reduce((s, r) => s + r.customers, 0) || 1;
    const maxShare = Math.max(...data.segments.map((r) => r.customers / total), 0.0001);
    const rows = [...data.segments]
      .sort((a, b) => b.customers - a.customers)
      .map((r) => {
        const share = r.customers / total;
        return `<tr><td>${escapeHtml(segmentLabel(r.segment, lang))}</td><td class="mk-num">${fmt.count(r.customers)}</td><td class="mk-num"><span class="mk-bar" style="width:${Math.round((share / maxShare) * 80)}px"></span>${fmt.percent(share)}</td><td class="mk-num">${fmt.moneyRounded(r.revenue)}</td><td class="mk-num">${fmt.count(Math.round(r.meanRecencyDays))}</td><td class="mk-num">${fmt.decimal(r.meanFrequency, 1)}</td></tr>`;
      })
      .join('\n');
    return `<figure class="mk-chart">${svg}</figure>
<div class="mk-scroll"><table class="mk-table"><thead><tr><th>${labels.segment}</th><th class="mk-num">${labels.customers}</th><th class="mk-num">${labels.share}</th><th class="mk-num">${labels.revenue}</th><th class="mk-num">${labels.meanRecency}</th><th class="mk-num">${labels.meanFrequency}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
  });
}
