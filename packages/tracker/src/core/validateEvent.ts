import { EVENT_TYPES, MemberkitError, type EventType } from '@memberkit/core';

// Fields each canonical event cannot do without (the collector's zod schema
// is the full check; this catches the mistakes worth catching on the device
// without shipping zod to the browser).
const REQUIRED: Partial<Record<EventType, readonly string[]>> = {
  product_viewed: ['productId'],
  products_searched: ['query'],
  product_favorited: ['productId'],
  product_unfavorited: ['productId'],
  product_added: ['productId', 'price', 'quantity', 'currency'],
  product_removed: ['productId', 'price', 'quantity', 'currency'],
  checkout_started: ['currency'],
  checkout_step_completed: ['step'],
  order_completed: ['orderId', 'currency', 'total', 'products'],
  product_reviewed: ['productId'],
  store_visited: ['storeId'],
};
const MONEY = ['price', 'total', 'subtotal', 'discount', 'shipping', 'tax'];

const fail = (field: string, message: string) => new MemberkitError('invalid_event', message, { field });

function checkMoney(o: Record<string, unknown>, at: string): MemberkitError | undefined {
  for (const k of MONEY) {
    const v = o[k];
    if (v !== undefined && !(Number.isSafeInteger(v) && (v as number) >= 0)) return fail(at + k, `${at + k} must be a non-negative integer in minor units (fen, cents)`);
  }
  const q = o.quantity;
  if (q !== undefined && !(Number.isSafeInteger(q) && (q as number) > 0)) return fail(at + 'quantity', `${at}quantity must be a positive integer`);
  return undefined;
}

/**
 * Checks an event from the page before it is queued: a canonical type that a
 * browser may send, a plain properties object, required fields present,
 * money in integer minor units, a 3-letter currency. Returns the problem as
 * a {@link MemberkitError} (`invalid_event`, field named) or undefined.
 *
 * @example
 * ```ts
 * import { validateEvent } from '@memberkit/tracker';
 * validateEvent('product_added', { productId: 'p1', price: 12.5, quantity: 1, currency: 'CNY' })?.field;
 * //=> 'price'
 * ```
 */
export function validateEvent(type: string, properties: unknown): MemberkitError | undefined {
  if (!(EVENT_TYPES as readonly string[]).includes(type) || type === 'order_refunded') return fail('type', `Unknown or server-only event type "${type}"`);
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return fail('properties', 'properties must be an object');
  const p = properties as Record<string, unknown>;
  for (const k of REQUIRED[type as EventType] ?? []) if (p[k] === undefined || p[k] === '') return fail(k, `${type} needs ${k}`);
  if (p.currency !== undefined && !/^[A-Z]{3}$/.test(String(p.currency))) return fail('currency', 'currency must be an ISO 4217 code such as CNY');
  const products = p.products;
  if (products !== undefined && !Array.isArray(products)) return fail('products', 'products must be an array');
  let err = checkMoney(p, '');
  (products as Record<string, unknown>[] | undefined)?.forEach((line, i) => (err ??= checkMoney(line, `products.${i}.`)));
  return err;
}
