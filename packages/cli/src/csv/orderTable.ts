import { GrowableColumn } from './growableColumn.ts';
import type { BadRow } from './badRow.ts';
import type { ResolvedColumns } from './columnMapping.ts';

/**
 * An order history held column-wise with interned ids: one entry per order
 * (customer index, time, amount in minor units) and one per line item
 * (order index, product index) when the file names products.
 *
 * @example
 * ```ts
 * import { readOrdersCsv } from '@memberkit/cli';
 * const table = await readOrdersCsv('examples/orders.csv', { currency: 'USD' });
 * table.orderCount;
 * //=> 6919
 * ```
 */
export interface OrderTable {
  readonly customers: readonly string[];
  readonly products: readonly string[];
  readonly orderCustomer: Int32Array;
  /** Epoch milliseconds of each order. */
  readonly orderTime: Float64Array;
  /** Integer minor units; Float64 so totals above 2^31 fen stay exact. */
  readonly orderAmount: Float64Array;
  readonly orderCount: number;
  readonly lineOrder: Int32Array;
  readonly lineProduct: Int32Array;
  readonly lineCount: number;
  readonly currency: string;
  readonly columns: ResolvedColumns;
  /** Data rows read (header and blank lines excluded), good and bad. */
  readonly rowsRead: number;
  /** The first bad rows with line number and reason (at most `maxBadRowsKept`). */
  readonly badRows: readonly BadRow[];
  /** Every bad row, including those not kept in `badRows`. */
  readonly badRowCount: number;
}

/**
 * Builds an {@link OrderTable} one CSV row at a time.
 *
 * @example
 * ```ts
 * import { OrderTableBuilder } from './orderTable.ts';
 * const builder = new OrderTableBuilder();
 * builder.add('C1', 'O1', Date.UTC(2026, 0, 5), 1990, 'milk');
 * builder.add('C1', 'O1', Date.UTC(2026, 0, 5), 990, 'bread');
 * builder.ownerOf('O1');
 * //=> 'C1'
 * ```
 */
export class OrderTableBuilder {
  private readonly customerIndex = new Map<string, number>();
  private readonly productIndex = new Map<string, number>();
  private readonly orderIndex = new Map<string, number>();
  readonly customers: string[] = [];
  readonly products: string[] = [];
  private readonly orderCustomer = new GrowableColumn(Int32Array);
  private readonly orderTime = new GrowableColumn(Float64Array);
  private readonly orderAmount = new GrowableColumn(Float64Array);
  private readonly lineOrder = new GrowableColumn(Int32Array);
  private readonly lineProduct = new GrowableColumn(Int32Array);

  /** The customer an order key already belongs to, to catch an order id reused by two customers. */
  ownerOf(orderKey: string): string | undefined {
    const index = this.orderIndex.get(orderKey);
    return index === undefined ? undefined : this.customers[this.orderCustomer.get(index)];
  }

  /** Adds one row: a new order, or a further line of an order already seen (amounts add up). */
  add(customerId: string, orderKey: string | undefined, time: number, amount: number, product: string | undefined): void {
    let order = orderKey === undefined ? undefined : this.orderIndex.get(orderKey);
    if (order === undefined) {
      let customer = this.customerIndex.get(customerId);
      if (customer === undefined) {
        customer = this.customers.length;
        this.customers.push(customerId);
        this.customerIndex.set(customerId, customer);
      }
      order = this.orderCustomer.length;
      this.orderCustomer.push(customer);
      this.orderTime.push(time);
      this.orderAmount.push(amount);
      if (orderKey !== undefined) this.orderIndex.set(orderKey, order);
    } else {
      this.orderAmount.set(order, this.orderAmount.get(order) + amount);
    }
    if (product !== undefined && product !== '') {
      let p = this.productIndex.get(product);
      if (p === undefined) {
        p = this.products.length;
        this.products.push(product);
        this.productIndex.set(product, p);
      }
      this.lineOrder.push(order);
      this.lineProduct.push(p);
    }
  }

  build(meta: Pick<OrderTable, 'currency' | 'columns' | 'rowsRead' | 'badRows' | 'badRowCount'>): OrderTable {
    return {
      customers: this.customers,
      products: this.products,
      orderCustomer: this.orderCustomer.view(),
      orderTime: this.orderTime.view(),
      orderAmount: this.orderAmount.view(),
      orderCount: this.orderCustomer.length,
      lineOrder: this.lineOrder.view(),
      lineProduct: this.lineProduct.view(),
      lineCount: this.lineOrder.length,
      ...meta,
    };
  }
}
