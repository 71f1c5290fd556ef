// Entry point @memberkit/tracker/autocapture.
export { autocapture } from './modules/autocapture.ts';
