// size-limit fixture: the web-vitals module with the three Core Web Vitals reporters.
export { webVitals } from '../../dist/web-vitals.js';
// Imported by path: size-limit leaves peer dependencies out of the measure.
export { onCLS, onINP, onLCP } from '../../node_modules/web-vitals/dist/web-vitals.js';
