import type { ReportData } from '../reportData.ts';
import { BAD_ROW_REASONS_ZH, type ReportLabels, type ReportLang } from '../reportLabels.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { ReportFormatters } from './reportFormatters.ts';

/** How many bad rows the page lists; the rest are counted. */
const SHOWN = 200;

/**
 * The "rows not used" section: every bad row with its line number, column,
 * value and reason, so nothing is dropped without the merchant seeing it.
 *
 * @example
 * ```ts
 * import type { ReportData } from '@memberkit/cli';
 * import { renderBadRowsSection } from './renderBadRowsSection.ts';
 * import { reportFormatters } from './reportFormatters.ts';
 * import { reportLabels } from '../reportLabels.ts';
 * declare const data: ReportData;
 * renderBadRowsSection(data.ingest, reportLabels('en'), 'en', reportFormatters('en', data.currency));
 * ```
 */
export function renderBadRowsSection(ingest: ReportData['ingest'], labels: ReportLabels, lang: ReportLang, fmt: ReportFormatters): string {
  const clean = ingest.badRowCount === 0;
  const head = `<h2 id="bad-rows-title">${escapeHtml(labels.badTitle)} (${fmt.count(ingest.badRowCount)})</h2>`;
  const read = `<div class="mk-note">${fmt.count(ingest.rowsRead)} ${labels.rowsRead} · ${labels.columnsUsed}: ${Object.entries(ingest.columns)
    .map(([field, name]) => `${escapeHtml(field)} = <code>${escapeHtml(name ?? '')}</code>`)
    .join(', ')}</div>`;
  if (clean) {
    return `<section class="mk-section mk-bad mk-clean" id="bad-rows" aria-labelledby="bad-rows-title">${head}<p class="mk-what">${escapeHtml(labels.badNone)}</p>${read}</section>`;
  }
  const shown = ingest.badRows.slice(0, SHOWN);
  const rows = shown
    .map((b) => {
      const reason = lang === 'zh-CN' ? (BAD_ROW_REASONS_ZH[b.kind] ?? b.message) : b.message;
      return `<tr><td class="mk-num">${b.line}</td><td>${escapeHtml(b.column ?? '')}</td><td>${b.value === undefined ? '' : `<code>${escapeHtml(b.value === '' ? '∅' : b.value)}</code>`}</td><td>${escapeHtml(reason)}</td></tr>`;
    })
    .join('\n');
  const more = ingest.badRowCount - shown.length;
  return `<section class="mk-section mk-bad" id="bad-rows" aria-labelledby="bad-rows-title">${head}
<p class="mk-what">${escapeHtml(labels.badWhat)}</p>
<div class="mk-scroll"><table class="mk-table"><thead><tr><th class="mk-num">${labels.line}</th><th>${labels.column}</th><th>${labels.value}</th><th>${labels.reason}</th></tr></thead>
<tbody>${rows}</tbody></table></div>
${more > 0 ? `<div class="mk-note">+ ${fmt.count(more)} ${labels.badMore}</div>` : ''}
${read}
</section>`;
}
