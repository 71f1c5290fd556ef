/**
 * The report's colours: one blue ramp for "more is more" heatmaps, and two
 * contrasting series colours for actual vs predicted.
 *
 * @example
 * ```ts
 * import { CHART_PALETTE } from './chartPalette.ts';
 * CHART_PALETTE.actual;
 * //=> '#1d4ed8'
 * ```
 */
export const CHART_PALETTE = {
  ramp: ['#eff6ff', '#bfdbfe', '#60a5fa', '#2563eb', '#1e3a8a'],
  actual: '#1d4ed8',
  predicted: '#ea580c',
  bar: '#3b82f6',
  barAlt: '#10b981',
  oneTime: '#cbd5e1',
  grid: '#e2e8f0',
  muted: '#64748b',
} as const;
