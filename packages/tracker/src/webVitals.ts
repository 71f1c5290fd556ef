// Entry point @memberkit/tracker/web-vitals.
export { webVitals, type VitalReporter } from './modules/webVitals.ts';
