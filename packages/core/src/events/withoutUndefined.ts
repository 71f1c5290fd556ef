/**
 * A shallow copy of `record` without the keys whose value is `undefined`, so
 * mapped payloads carry no `"key": undefined` noise and compare equal to
 * hand-written ones.
 *
 * @example
 * ```ts
 * import { withoutUndefined } from './withoutUndefined.ts';
 * withoutUndefined({ a: 1, b: undefined });
 * //=> { a: 1 }
 * ```
 */
export function withoutUndefined<T extends Record<string, unknown>>(record: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value !== undefined) out[key] = value;
  }
  return out as { [K in keyof T]: Exclude<T[K], undefined> };
}
