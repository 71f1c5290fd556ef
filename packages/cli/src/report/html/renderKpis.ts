import type { KpiData } from '../reportData.ts';
import type { ReportLabels } from '../reportLabels.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { ReportFormatters } from './reportFormatters.ts';

/**
 * The KPI cards at the top: customers, orders, revenue, AOV (客单价),
 * repurchase rate (复购率) and, with products, items per order (连带率).
 *
 * @example
 * ```ts
 * import type { ReportData } from '@memberkit/cli';
 * import { renderKpis } from './renderKpis.ts';
 * import { reportFormatters } from './reportFormatters.ts';
 * import { reportLabels } from '../reportLabels.ts';
 * declare const data: ReportData;
 * renderKpis(data.kpis, reportLabels('en'), reportFormatters('en', data.currency)); // '<div class="mk-kpis" id="kpis">…'
 * ```
 */
export function renderKpis(kpis: KpiData, labels: ReportLabels, fmt: ReportFormatters): string {
  const cards: [string, string, string?][] = [
    [labels.kpiCustomers, fmt.count(kpis.customers)],
    [labels.kpiOrders, fmt.count(kpis.orders)],
    [labels.kpiRevenue, fmt.moneyRounded(kpis.revenue)],
    [labels.kpiAov, fmt.money(kpis.aov)],
    [labels.kpiRepurchase, fmt.percent(kpis.repurchaseRate), labels.kpiRepurchaseHint],
  ];
  if (kpis.unitsPerTransaction !== undefined) cards.push([labels.kpiUpt, fmt.decimal(kpis.unitsPerTransaction)]);
  const html = cards
    .map(
      ([label, value, hint]) =>
        `<div class="mk-kpi"><div class="mk-kpi-label">${escapeHtml(label)}</div><div class="mk-kpi-value">${escapeHtml(value)}</div>${
          hint === undefined ? '' : `<div class="mk-kpi-hint">${escapeHtml(hint)}</div>`
        }</div>`,
    )
    .join('\n');
  return `<div class="mk-kpis" id="kpis">\n${html}\n</div>`;
}
