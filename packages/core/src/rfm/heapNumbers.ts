/**
 * An array of `n` numbers that lives on the JS heap (V8 keeps them unboxed, 8
 * bytes each, like a `Float64Array`). Why not a typed array: a typed array's
 * memory is external, and V8 starts a full garbage collection once 64 MB of it
 * has been allocated since the last one. When the caller holds ten million
 * order objects that collection costs over a second; heap memory instead
 * counts against the old generation's limit, which grows with the heap.
 * Filled with a non-integer so the array holds doubles from the start (an
 * array of small integers would be copied whole on its first double).
 * Internal to the RFM aggregators.
 *
 * @example
 * ```ts
 * heapNumbers(3).length;
 * //=> 3
 * ```
 */
export function heapNumbers(n: number): number[] {
  return new Array<number>(n).fill(0.5);
}
