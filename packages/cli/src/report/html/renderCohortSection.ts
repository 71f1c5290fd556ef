import type { CohortData, Section } from '../reportData.ts';
import type { ReportLabels } from '../reportLabels.ts';
import { renderChartSvg } from '../charts/renderChartSvg.ts';
import { cohortHeatmapChart } from '../charts/cohortHeatmapChart.ts';
import { sectionShell } from './sectionShell.ts';

/**
 * The cohort retention section: one heatmap row per first-purchase month.
 *
 * @example
 * ```ts
 * import type { ReportData } from '@memberkit/cli';
 * import { renderCohortSection } from './renderCohortSection.ts';
 * import { reportLabels } from '../reportLabels.ts';
 * declare const data: ReportData;
 * renderCohortSection(data.cohorts, reportLabels('zh-CN'));
 * ```
 */
export function renderCohortSection(cohorts: Section<CohortData>, labels: ReportLabels): string {
  return sectionShell({ id: 'cohorts', title: labels.cohortTitle, what: labels.cohortWhat }, cohorts, labels, (data) => {
    const height = Math.max(200, 60 + data.cohorts.length * (data.cohorts.length > 12 ? 26 : 40));
    return `<figure class="mk-chart">${renderChartSvg(cohortHeatmapChart(data, labels), { width: 1060, height })}</figure>
<div class="mk-note">${labels.cohortAxisCohort} (${labels.cohortSize})</div>`;
  });
}
