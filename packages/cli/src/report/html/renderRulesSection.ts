import type { RulesData, Section } from '../reportData.ts';
import type { ReportLabels } from '../reportLabels.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { ReportFormatters } from './reportFormatters.ts';
import { sectionShell } from './sectionShell.ts';

/**
 * The top association rules as a readable table: item chips on each side of
 * an arrow, then support, confidence (with a bar) and lift.
 *
 * @example
 * ```ts
 * import type { ReportData } from '@memberkit/cli';
 * import { renderRulesSection } from './renderRulesSection.ts';
 * import { reportFormatters } from './reportFormatters.ts';
 * import { reportLabels } from '../reportLabels.ts';
 * declare const data: ReportData;
 * renderRulesSection(data.rules, reportLabels('en'), reportFormatters('en', data.currency));
 * ```
 */
export function renderRulesSection(rules: Section<RulesData>, labels: ReportLabels, fmt: ReportFormatters): string {
  return sectionShell({ id: 'rules', title: labels.rulesTitle, what: labels.rulesWhat }, rules, labels, (data) => {
    const chips = (items: readonly string[], then: boolean) =>
      `<span class="mk-items">${items.map((i) => `<span class="mk-item${then ? ' mk-then' : ''}">${escapeHtml(i)}</span>`).join('')}</span>`;
    const rows = data.rules
      .map(
        (r) =>
          `<tr><td>${chips(r.antecedent, false)}<span class="mk-arrow">→</span>${chips(r.consequent, true)}</td><td class="mk-num">${fmt.percent(r.support, 2)}</td><td class="mk-num"><span class="mk-bar" style="width:${Math.round(r.confidence * 60)}px"></span>${fmt.percent(r.confidence, 0)}</td><td class="mk-num">${fmt.decimal(r.lift)}</td><td class="mk-num">${fmt.count(r.count)}</td></tr>`,
      )
      .join('\n');
    return `<div class="mk-stats"><span>${labels.count} <b>${fmt.count(data.baskets)}</b></span><span>${labels.support} ≥ <b>${fmt.percent(data.minSupport, 2)}</b></span><span>${labels.confidence} ≥ <b>${fmt.percent(data.minConfidence, 0)}</b></span></div>
<div class="mk-scroll"><table class="mk-table"><thead><tr><th>${labels.ruleIf} → ${labels.ruleThen}</th><th class="mk-num">${labels.support}</th><th class="mk-num">${labels.confidence}</th><th class="mk-num">${labels.lift}</th><th class="mk-num">${labels.count}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
  });
}
