// Entry point @memberkit/tracker/retail: typed retail event helpers.
export { retail, type RetailHelpers } from './retail/retail.ts';
