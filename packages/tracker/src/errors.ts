// Entry point @memberkit/tracker/errors.
export { errorCapture, type CapturedError } from './modules/errorCapture.ts';
