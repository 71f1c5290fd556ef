import { fastChecks } from './fastChecks.ts';

// The properties of order events, checked by hand. They are the loyalty engine's hottest input
// (every order and refund) and ingest's biggest events: the generic spec reader in
// fastParseEvent looks each key up in a map, checks absent optional keys with a keyed `in` and
// builds its output with keyed stores, which took an order event's check from about 0.7 µs to
// 1.4 µs. Here each key is a `switch` case, each absent optional key a named `in` (a monomorphic
// look-up) and the usual output one literal. The rules are the generic reader's: a key seen
// must pass its check, a key not seen must be truly absent (not non-enumerable or inherited,
// which zod would read), unknown keys are dropped when zod drops them (`strips`) or give up,
// and the output has zod's key order, absent keys left out.

const { own, isPlain, id, str, money, positiveInt, currency, array } = fastChecks;
const NO = undefined;
const name500 = str(500);
const text200 = str(200);
const storeIdCheck = str(100);
const coupons = array(str(100), 0, 50);

function lineItem(v: unknown): unknown {
  if (!isPlain(v)) return NO;
  let productId: unknown = NO;
  let sku: unknown = NO;
  let name: unknown = NO;
  let category: unknown = NO;
  let brand: unknown = NO;
  let price: unknown = NO;
  let quantity: unknown = NO;
  let discount: unknown = NO;
  for (const key in v) {
    if (!own(v, key)) return NO;
    const x = v[key];
    switch (key) {
      case 'productId':
        if ((productId = id(x)) === NO) return NO;
        break;
      case 'price':
        if ((price = money(x)) === NO) return NO;
        break;
      case 'quantity':
        if ((quantity = positiveInt(x)) === NO) return NO;
        break;
      case 'sku':
        if ((sku = id(x)) === NO) return NO;
        break;
      case 'name':
        if ((name = name500(x)) === NO) return NO;
        break;
      case 'category':
        if ((category = text200(x)) === NO) return NO;
        break;
      case 'brand':
        if ((brand = text200(x)) === NO) return NO;
        break;
      case 'discount':
        if ((discount = money(x)) === NO) return NO;
        break;
      default:
        return NO;
    }
  }
  if (productId === NO || price === NO || quantity === NO) return NO;
  if (sku === NO && name === NO && category === NO && brand === NO && discount === NO) {
    if ('sku' in v || 'name' in v || 'category' in v || 'brand' in v || 'discount' in v) return NO;
    return { productId, price, quantity };
  }
  const out: Record<string, unknown> = { productId };
  if (sku !== NO) out.sku = sku;
  else if ('sku' in v) return NO;
  if (name !== NO) out.name = name;
  else if ('name' in v) return NO;
  if (category !== NO) out.category = category;
  else if ('category' in v) return NO;
  if (brand !== NO) out.brand = brand;
  else if ('brand' in v) return NO;
  out.price = price;
  out.quantity = quantity;
  if (discount !== NO) out.discount = discount;
  else if ('discount' in v) return NO;
  return out;
}

function refundLine(v: unknown): unknown {
  if (!isPlain(v)) return NO;
  let productId: unknown = NO;
  let sku: unknown = NO;
  let quantity: unknown = NO;
  let amount: unknown = NO;
  for (const key in v) {
    if (!own(v, key)) return NO;
    const x = v[key];
    switch (key) {
      case 'productId':
        if ((productId = id(x)) === NO) return NO;
        break;
      case 'sku':
        if ((sku = id(x)) === NO) return NO;
        break;
      case 'quantity':
        if ((quantity = positiveInt(x)) === NO) return NO;
        break;
      case 'amount':
        if ((amount = money(x)) === NO) return NO;
        break;
      default:
        return NO;
    }
  }
  if (productId === NO || quantity === NO) return NO;
  const out: Record<string, unknown> = { productId };
  if (sku !== NO) out.sku = sku;
  else if ('sku' in v) return NO;
  out.quantity = quantity;
  if (amount !== NO) out.amount = amount;
  else if ('amount' in v) return NO;
  return out;
}

const lineItems = array(lineItem, 1, 1000);
const refundLines = array(refundLine, 0, 1000);

/**
 * The property keys each hand-written reader knows, for the parser's check
 * that zod's schema declares exactly these (otherwise an unknown key gives up
 * instead of being dropped).
 *
 * @example
 * ```ts
 * import { ORDER_PROPERTY_KEYS } from './orderPropertyReaders.ts';
 * ORDER_PROPERTY_KEYS.order_refunded;
 * //=> ['orderId', 'refundId', 'currency', 'total', 'products']
 * ```
 */
export const ORDER_PROPERTY_KEYS = {
  order_completed: ['orderId', 'currency', 'total', 'subtotal', 'discount', 'shipping', 'tax', 'pointsRedeemed', 'products', 'coupons', 'storeId'],
  order_refunded: ['orderId', 'refundId', 'currency', 'total', 'products'],
} as const;

/**
 * The fast check of an `order_completed` event's properties (see the notes
 * at the top of this file): the checked properties, or `undefined` to give up
 * and let zod decide. `strips`: zod drops unknown keys of this object.
 *
 * @example
 * ```ts
 * import { orderCompletedProperties } from './orderPropertyReaders.ts';
 * const check = orderCompletedProperties(true);
 * check({ orderId: 'o1', currency: 'CNY', total: 990, products: [{ productId: 'p1', price: 990, quantity: 1 }], via: 'app' });
 * //=> { orderId: 'o1', currency: 'CNY', total: 990, products: [{ productId: 'p1', price: 990, quantity: 1 }] }
 * check({ orderId: 'o1', currency: 'CNY', total: -1, products: [] });
 * //=> undefined
 * ```
 */
export function orderCompletedProperties(strips: boolean): (v: unknown) => unknown {
  return (v) => {
    if (!isPlain(v)) return NO;
    let orderId: unknown = NO;
    let cur: unknown = NO;
    let total: unknown = NO;
    let subtotal: unknown = NO;
    let discount: unknown = NO;
    let shipping: unknown = NO;
    let tax: unknown = NO;
    let pointsRedeemed: unknown = NO;
    let products: unknown = NO;
    let couponList: unknown = NO;
    let storeId: unknown = NO;
    for (const key in v) {
      if (!own(v, key)) return NO;
      const x = v[key];
      switch (key) {
        case 'orderId':
          if ((orderId = id(x)) === NO) return NO;
          break;
        case 'currency':
          if ((cur = currency(x)) === NO) return NO;
          break;
        case 'total':
          if ((total = money(x)) === NO) return NO;
          break;
        case 'products':
          if ((products = lineItems(x)) === NO) return NO;
          break;
        case 'subtotal':
          if ((subtotal = money(x)) === NO) return NO;
          break;
        case 'discount':
          if ((discount = money(x)) === NO) return NO;
          break;
        case 'shipping':
          if ((shipping = money(x)) === NO) return NO;
          break;
        case 'tax':
          if ((tax = money(x)) === NO) return NO;
          break;
        case 'pointsRedeemed':
          if ((pointsRedeemed = money(x)) === NO) return NO;
          break;
        case 'coupons':
          if ((couponList = coupons(x)) === NO) return NO;
          break;
        case 'storeId':
          if ((storeId = storeIdCheck(x)) === NO) return NO;
          break;
        default:
          if (!strips) return NO;
      }
    }
    if (orderId === NO || cur === NO || total === NO || products === NO) return NO;
    if (subtotal === NO && discount === NO && shipping === NO && tax === NO && pointsRedeemed === NO && couponList === NO && storeId === NO) {
      if ('subtotal' in v || 'discount' in v || 'shipping' in v || 'tax' in v || 'pointsRedeemed' in v || 'coupons' in v || 'storeId' in v) return NO;
      return { orderId, currency: cur, total, products };
    }
    const out: Record<string, unknown> = { orderId, currency: cur, total };
    if (subtotal !== NO) out.subtotal = subtotal;
    else if ('subtotal' in v) return NO;
    if (discount !== NO) out.discount = discount;
    else if ('discount' in v) return NO;
    if (shipping !== NO) out.shipping = shipping;
    else if ('shipping' in v) return NO;
    if (tax !== NO) out.tax = tax;
    else if ('tax' in v) return NO;
    if (pointsRedeemed !== NO) out.pointsRedeemed = pointsRedeemed;
    else if ('pointsRedeemed' in v) return NO;
    out.products = products;
    if (couponList !== NO) out.coupons = couponList;
    else if ('coupons' in v) return NO;
    if (storeId !== NO) out.storeId = storeId;
    else if ('storeId' in v) return NO;
    return out;
  };
}

/**
 * The fast check of an `order_refunded` event's properties, as
 * {@link orderCompletedProperties} is for an order.
 *
 * @example
 * ```ts
 * import { orderRefundedProperties } from './orderPropertyReaders.ts';
 * orderRefundedProperties(true)({ orderId: 'o1', currency: 'CNY', total: 500 });
 * //=> { orderId: 'o1', currency: 'CNY', total: 500 }
 * ```
 */
export function orderRefundedProperties(strips: boolean): (v: unknown) => unknown {
  return (v) => {
    if (!isPlain(v)) return NO;
    let orderId: unknown = NO;
    let refundId: unknown = NO;
    let cur: unknown = NO;
    let total: unknown = NO;
    let products: unknown = NO;
    for (const key in v) {
      if (!own(v, key)) return NO;
      const x = v[key];
      switch (key) {
        case 'orderId':
          if ((orderId = id(x)) === NO) return NO;
          break;
        case 'refundId':
          if ((refundId = id(x)) === NO) return NO;
          break;
        case 'currency':
          if ((cur = currency(x)) === NO) return NO;
          break;
        case 'total':
          if ((total = money(x)) === NO) return NO;
          break;
        case 'products':
          if ((products = refundLines(x)) === NO) return NO;
          break;
        default:
          if (!strips) return NO;
      }
    }
    if (orderId === NO || cur === NO) return NO;
    if (refundId === NO && total !== NO && products === NO) {
      if ('refundId' in v || 'products' in v) return NO;
      return { orderId, currency: cur, total };
    }
    const out: Record<string, unknown> = { orderId };
    if (refundId !== NO) out.refundId = refundId;
    else if ('refundId' in v) return NO;
    out.currency = cur;
    if (total !== NO) out.total = total;
    else if ('total' in v) return NO;
    if (products !== NO) out.products = products;
    else if ('products' in v) return NO;
    return out;
  };
}
