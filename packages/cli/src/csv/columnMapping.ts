import { MemberkitError } from '@memberkit/core';

/**
 * The order-history fields the report reads; `order` and `product` are optional.
 *
 * @example
 * ```ts
 * import type { OrderField } from '@memberkit/cli';
 * const field: OrderField = 'product';
 * ```
 */
export type OrderField = 'customer' | 'date' | 'amount' | 'order' | 'product';

/**
 * Header names chosen by the user (`--customer-col` …); unset fields are guessed from the header.
 *
 * @example
 * ```ts
 * import type { ColumnMapping } from '@memberkit/cli';
 * const mapping: ColumnMapping = { customer: 'member_no', amount: 'paid' };
 * ```
 */
export type ColumnMapping = Partial<Record<OrderField, string>>;

/**
 * Field → column index in the CSV header, after mapping and guessing.
 *
 * @example
 * ```ts
 * import { resolveColumns } from '@memberkit/cli';
 * import type { ResolvedColumns } from '@memberkit/cli';
 * const columns: ResolvedColumns = resolveColumns(['会员卡号', '付款时间', '实付金额'], {});
 * columns.names;
 * //=> { customer: '会员卡号', date: '付款时间', amount: '实付金额' }
 * ```
 */
export interface ResolvedColumns {
  readonly customer: number;
  readonly date: number;
  readonly amount: number;
  readonly order: number | undefined;
  readonly product: number | undefined;
  /** Field → header name actually used, for the report's "how the file was read" note. */
  readonly names: Readonly<Partial<Record<OrderField, string>>>;
}

// Common export headers from Shopify, Youzan, Taobao/Tmall, POS systems and
// the BTYD literature, compared case- and punctuation-insensitively.
const ALIASES: Record<OrderField, readonly string[]> = {
  customer: ['customer_id', 'customerid', 'customer', 'member_id', 'memberid', 'user_id', 'userid', 'buyer_id', 'client_id', 'cust', 'id', '客户id', '会员id', '用户id', '买家id', '客户', '会员', '会员卡号', '手机号'],
  date: ['date', 'order_date', 'orderdate', 'created_at', 'createdat', 'order_time', 'paid_at', 'purchase_date', 'invoice_date', 'invoicedate', 'timestamp', 'time', 'datetime', '日期', '下单时间', '付款时间', '支付时间', '订单日期', '交易时间', '创建时间'],
  amount: ['amount', 'total', 'order_total', 'value', 'revenue', 'sales', 'dollar_value', 'price', 'paid', 'line_total', 'payment', '金额', '实付金额', '订单金额', '支付金额', '销售额', '实收金额', '应付金额'],
  order: ['order_id', 'orderid', 'order', 'order_no', 'order_number', 'invoice', 'invoice_no', 'invoiceno', 'transaction_id', 'receipt', '订单号', '订单编号', '订单id', '交易号', '小票号'],
  product: ['product', 'product_name', 'productname', 'product_id', 'item', 'item_name', 'sku', 'description', 'category', '商品', '商品名称', '商品名', '商品编码', '品类', '货号'],
};

const REQUIRED: readonly OrderField[] = ['customer', 'date', 'amount'];
const FIELDS: readonly OrderField[] = ['customer', 'date', 'amount', 'order', 'product'];

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/[\s\-.]+/g, '_');
}

/**
 * Finds each field's column in a CSV header: an explicit mapping wins (and
 * must exist), otherwise a well-known header name is used. Throws
 * `invalid_csv` naming every missing required column and listing the header
 * so the user can pass `--customer-col` and friends.
 *
 * @example
 * ```ts
 * import { resolveColumns } from '@memberkit/cli';
 * resolveColumns(['Order ID', 'Member ID', 'Paid At', 'Total'], {}).amount;
 * //=> 3
 * ```
 */
export function resolveColumns(header: readonly string[], mapping: ColumnMapping): ResolvedColumns {
  const normalised = header.map(normalise);
  const found: Partial<Record<OrderField, number>> = {};
  const unknown: string[] = [];
  for (const field of FIELDS) {
    const wanted = mapping[field];
    if (wanted !== undefined) {
      let index = header.indexOf(wanted);
      if (index < 0) index = normalised.indexOf(normalise(wanted));
      if (index < 0) unknown.push(`--${field}-col "${wanted}"`);
      else found[field] = index;
      continue;
    }
    for (const alias of ALIASES[field]) {
      const index = normalised.indexOf(alias);
      if (index >= 0 && !Object.values(found).includes(index)) {
        found[field] = index;
        break;
      }
    }
  }
  const missing = REQUIRED.filter((f) => found[f] === undefined && mapping[f] === undefined);
  if (unknown.length > 0 || missing.length > 0) {
    const parts = [
      ...unknown.map((u) => `${u} is not a column`),
      ...missing.map((f) => `no ${f} column found (pass --${f}-col NAME)`),
    ];
    throw new MemberkitError('invalid_csv', `${parts.join('; ')}. The header has: ${header.map((h) => JSON.stringify(h)).join(', ')}`, {
      field: unknown.length > 0 ? 'columns' : (missing[0] ?? 'columns'),
      details: { missing, unknown, header: [...header] },
    });
  }
  const names: Partial<Record<OrderField, string>> = {};
  for (const field of FIELDS) {
    const index = found[field];
    if (index !== undefined) names[field] = header[index];
  }
  return {
    customer: found.customer as number,
    date: found.date as number,
    amount: found.amount as number,
    order: found.order,
    product: found.product,
    names,
  };
}
