import type { ReportData } from './reportData.ts';
import { reportLabels, type ReportLang } from './reportLabels.ts';
import { escapeHtml } from './html/escapeHtml.ts';
import { reportFormatters } from './html/reportFormatters.ts';
import { REPORT_STYLES } from './html/reportStyles.ts';
import { renderKpis } from './html/renderKpis.ts';
import { renderRfmSection } from './html/renderRfmSection.ts';
import { renderCohortSection } from './html/renderCohortSection.ts';
import { renderTrackingSection } from './html/renderTrackingSection.ts';
import { renderDistributionSections } from './html/renderDistributionSections.ts';
import { renderRulesSection } from './html/renderRulesSection.ts';
import { renderBadRowsSection } from './html/renderBadRowsSection.ts';

/**
 * Renders the report as one self-contained HTML page: inline CSS, charts as
 * inline SVG rendered by ECharts on the server, no script and no external
 * request, so it opens offline and can be mailed as a single file.
 *
 * @example
 * ```ts
 * import { computeReportData, readOrdersCsv, renderReportHtml } from '@memberkit/cli';
 * const table = await readOrdersCsv('examples/orders.csv', { currency: 'USD' });
 * const html = renderReportHtml(computeReportData(table, { sourceName: 'orders.csv' }), { lang: 'zh-CN' });
 * html.startsWith('<!doctype html>');
 * //=> true
 * ```
 */
export function renderReportHtml(data: ReportData, options: { lang?: ReportLang; title?: string } = {}): string {
  const lang = options.lang ?? 'en';
  const labels = reportLabels(lang);
  const fmt = reportFormatters(lang, data.currency);
  const title = options.title ?? labels.title;
  return `<!doctype html>
<html lang="${labels.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="memberkit">
<title>${escapeHtml(title)} · ${escapeHtml(data.sourceName)}</title>
<style>${REPORT_STYLES}</style>
</head>
<body>
<main>
<header class="mk-head">
<h1>${escapeHtml(title)}</h1>
<div class="mk-meta">${labels.source} <b>${escapeHtml(data.sourceName)}</b> · ${labels.period} <b>${data.period.from}</b> ${labels.to} <b>${data.period.to}</b> · ${labels.generated} ${escapeHtml(data.generatedAt)}</div>
</header>
${renderKpis(data.kpis, labels, fmt)}
${renderRfmSection(data.rfm, labels, lang, fmt)}
${renderCohortSection(data.cohorts, labels)}
${renderTrackingSection(data.tracking, labels, fmt)}
${renderDistributionSections(data.pAlive, data.clv, labels, fmt)}
${renderRulesSection(data.rules, labels, fmt)}
${renderBadRowsSection(data.ingest, labels, lang, fmt)}
<footer>${escapeHtml(labels.footer)}</footer>
</main>
</body>
</html>
`;
}
