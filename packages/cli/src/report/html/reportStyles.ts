/**
 * The report's whole stylesheet, inlined into the page so the file works
 * offline, in an email attachment or on a USB stick. Custom properties use
 * the `--mk-` prefix like the widgets do.
 *
 * @example
 * ```ts
 * import { REPORT_STYLES } from './reportStyles.ts';
 * `<style>${REPORT_STYLES}</style>`;
 * ```
 */
export const REPORT_STYLES = `
:root {
  --mk-bg: #f4f6fb; --mk-card: #ffffff; --mk-text: #0f172a; --mk-muted: #64748b; --mk-line: #e2e8f0;
  --mk-accent: #1d4ed8; --mk-accent-soft: #eff6ff; --mk-warn: #b45309; --mk-warn-soft: #fffbeb;
  --mk-radius: 14px;
  --mk-font: -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', Roboto, Helvetica, Arial, sans-serif;
}
* { box-sizing: border-box; }
html { background: var(--mk-bg); }
body { margin: 0; font-family: var(--mk-font); color: var(--mk-text); line-height: 1.5; -webkit-font-smoothing: antialiased; }
main { max-width: 1120px; margin: 0 auto; padding: 32px 24px 48px; }
header.mk-head { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: 8px 24px; margin-bottom: 24px; }
header.mk-head h1 { margin: 0; font-size: 28px; letter-spacing: -0.02em; }
header.mk-head .mk-meta { color: var(--mk-muted); font-size: 14px; }
header.mk-head .mk-meta b { color: var(--mk-text); font-weight: 600; }
.mk-kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 14px; margin-bottom: 24px; }
.mk-kpi { background: var(--mk-card); border-radius: var(--mk-radius); padding: 16px 18px; box-shadow: 0 1px 2px rgba(15, 23, 42, 0.06), 0 1px 8px rgba(15, 23, 42, 0.04); }
.mk-kpi .mk-kpi-label { color: var(--mk-muted); font-size: 13px; }
.mk-kpi .mk-kpi-value { font-size: 26px; font-weight: 700; letter-spacing: -0.02em; font-variant-numeric: tabular-nums; margin-top: 2px; }
.mk-kpi .mk-kpi-hint { color: var(--mk-muted); font-size: 12px; }
section.mk-section { background: var(--mk-card); border-radius: var(--mk-radius); padding: 22px 24px 18px; margin-bottom: 20px; box-shadow: 0 1px 2px rgba(15, 23, 42, 0.06), 0 1px 8px rgba(15, 23, 42, 0.04); }
section.mk-section h2 { margin: 0 0 4px; font-size: 19px; letter-spacing: -0.01em; }
section.mk-section p.mk-what { margin: 0 0 14px; color: var(--mk-muted); font-size: 14px; max-width: 78ch; }
.mk-pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(420px, 100%), 1fr)); gap: 20px; }
.mk-pair > section.mk-section { margin-bottom: 20px; }
figure.mk-chart { margin: 0; }
figure.mk-chart svg { display: block; width: 100%; height: auto; }
.mk-stats { display: flex; flex-wrap: wrap; gap: 8px 22px; margin: 6px 0 10px; font-size: 14px; color: var(--mk-muted); }
.mk-stats b { color: var(--mk-text); font-variant-numeric: tabular-nums; }
.mk-note { color: var(--mk-muted); font-size: 12px; margin-top: 8px; }
.mk-unavailable { background: var(--mk-accent-soft); color: var(--mk-muted); border-radius: 10px; padding: 14px 16px; font-size: 14px; }
table.mk-table { width: 100%; border-collapse: collapse; font-size: 14px; margin-top: 10px; }
table.mk-table th { text-align: left; font-weight: 600; color: var(--mk-muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.03em; border-bottom: 1px solid var(--mk-line); padding: 8px 10px; }
table.mk-table td { border-bottom: 1px solid var(--mk-line); padding: 8px 10px; vertical-align: middle; }
table.mk-table tr:last-child td { border-bottom: none; }
table.mk-table .mk-num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.mk-table th.mk-num { text-align: right; }
.mk-bar { display: inline-block; height: 8px; border-radius: 4px; background: #93c5fd; vertical-align: middle; margin-right: 8px; }
.mk-items { display: inline-flex; flex-wrap: wrap; gap: 4px; }
.mk-item { background: var(--mk-accent-soft); color: var(--mk-accent); border-radius: 999px; padding: 1px 10px; font-size: 13px; white-space: nowrap; }
.mk-item.mk-then { background: #fff7ed; color: #c2410c; }
.mk-arrow { color: var(--mk-muted); padding: 0 6px; }
section.mk-bad { border-left: 4px solid var(--mk-warn); }
section.mk-bad.mk-clean { border-left-color: #10b981; }
section.mk-bad code { background: var(--mk-warn-soft); padding: 1px 6px; border-radius: 6px; font-size: 13px; }
.mk-scroll { overflow-x: auto; }
#rules table.mk-table td:first-child { min-width: 220px; }
.mk-note, .mk-what { overflow-wrap: anywhere; }
@media (max-width: 640px) { main { padding: 20px 12px 32px; } section.mk-section { padding: 16px 14px 12px; } .mk-kpi .mk-kpi-value { font-size: 22px; } table.mk-table { font-size: 13px; } }
footer { color: var(--mk-muted); font-size: 12px; text-align: center; margin-top: 28px; }
@media print { html { background: #fff; } section.mk-section, .mk-kpi { box-shadow: none; border: 1px solid var(--mk-line); break-inside: avoid; } }
`;
