type TypedArray = Int32Array | Float64Array;

/**
 * An append-only typed-array column that doubles its capacity as it grows,
 * so millions of rows cost a few large buffers instead of millions of objects.
 *
 * @example
 * ```ts
 * import { GrowableColumn } from './growableColumn.ts';
 * const c = new GrowableColumn(Int32Array);
 * c.push(7);
 * c.view();
 * //=> Int32Array.of(7)
 * ```
 */
export class GrowableColumn<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(private readonly Ctor: new (n: number) => T, initialCapacity = 1024) {
    this.data = new Ctor(initialCapacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new this.Ctor(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index] as number;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  /** The filled part, without copying. */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
