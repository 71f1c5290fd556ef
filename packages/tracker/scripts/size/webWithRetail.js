// size-limit fixture: the web core with the retail helpers.
export { createTracker } from '../../dist/index.js';
export { retail } from '../../dist/retail.js';
