import type { ClvData, PAliveData, Section } from '../reportData.ts';
import type { ReportLabels } from '../reportLabels.ts';
import { renderChartSvg } from '../charts/renderChartSvg.ts';
import { histogramChart } from '../charts/histogramChart.ts';
import { CHART_PALETTE } from '../charts/chartPalette.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { ReportFormatters } from './reportFormatters.ts';
import { sectionShell } from './sectionShell.ts';

/**
 * The P(alive) and CLV histograms side by side, then the most valuable
 * customers with their P(alive), orders and CLV.
 *
 * @example
 * ```ts
 * import type { ReportData } from '@memberkit/cli';
 * import { renderDistributionSections } from './renderDistributionSections.ts';
 * import { reportFormatters } from './reportFormatters.ts';
 * import { reportLabels } from '../reportLabels.ts';
 * declare const data: ReportData;
 * renderDistributionSections(data.pAlive, data.clv, reportLabels('en'), reportFormatters('en', data.currency));
 * ```
 */
export function renderDistributionSections(pAlive: Section<PAliveData>, clv: Section<ClvData>, labels: ReportLabels, fmt: ReportFormatters): string {
  const size = { width: 540, height: 330 };
  const alive = sectionShell({ id: 'p-alive', title: labels.pAliveTitle, what: labels.pAliveWhat }, pAlive, labels, (data) => {
    const chart = histogramChart(data.bins, {
      xName: `${labels.pAliveAxisX} (%)`,
      yName: labels.histogramCustomers,
      format: (v) => String(Math.round(v * 100)),
      split: { counts: data.oneTime, name: labels.oneTimeBuyers, restName: labels.repeatBuyers },
    });
    return `<div class="mk-stats"><span>${labels.clvMean} <b>${fmt.percent(data.mean)}</b></span><span>${labels.clvMedian} <b>${fmt.percent(data.median)}</b></span></div>
<figure class="mk-chart">${renderChartSvg(chart, size)}</figure>`;
  });
  const value = sectionShell({ id: 'clv', title: labels.clvTitle, what: labels.clvWhat }, clv, labels, (data) => {
    const chart = histogramChart(data.bins, { xName: `${labels.clvAxisX} (${fmt.currencySign})`, yName: labels.histogramCustomers, format: fmt.amountShort, color: CHART_PALETTE.barAlt, openEnded: true });
    return `<div class="mk-stats"><span>${labels.clvTotal} <b>${fmt.moneyRounded(data.total)}</b></span><span>${labels.clvMean} <b>${fmt.money(data.mean)}</b></span><span>${labels.clvMedian} <b>${fmt.money(data.median)}</b></span></div>
<figure class="mk-chart">${renderChartSvg(chart, size)}</figure>
<div class="mk-note">${data.horizonWeeks} ${labels.horizon} · ${labels.margin} ${fmt.percent(data.margin, 0)} · ${labels.discount} ${fmt.percent(data.discountRate, 0)}</div>`;
  });
  const top = clv.ok && clv.data.top.length > 0 ? renderTopCustomers(clv.data, labels, fmt) : '';
  return `<div class="mk-pair">\n${alive}\n${value}\n</div>\n${top}`;
}

function renderTopCustomers(data: ClvData, labels: ReportLabels, fmt: ReportFormatters): string {
  const rows = data.top
    .map(
      (c) =>
        `<tr><td>${escapeHtml(c.customerId)}</td><td class="mk-num">${fmt.count(c.orders)}</td><td class="mk-num">${fmt.percent(c.pAlive, 0)}</td><td class="mk-num">${fmt.money(c.clv)}</td></tr>`,
    )
    .join('\n');
  return `<section class="mk-section" id="clv-top" aria-labelledby="clv-top-title">
<h2 id="clv-top-title">${escapeHtml(labels.clvTop)}</h2>
<div class="mk-scroll"><table class="mk-table"><thead><tr><th>${labels.customerId}</th><th class="mk-num">${labels.orders}</th><th class="mk-num">${labels.pAlive}</th><th class="mk-num">${labels.clv}</th></tr></thead>
<tbody>${rows}</tbody></table></div>
</section>`;
}
