/**
 * A canonical string for a request's parameters (JSON with object keys
 * sorted, `undefined` fields left out), so that a replay with the same
 * idempotency key can be told apart from a different request reusing it.
 *
 * @example
 * ```ts
 * import { requestFingerprint } from '@memberkit/core';
 * requestFingerprint('claim', { b: 1, a: [2, { d: 3, c: undefined }] });
 * //=> 'claim:{"a":[2,{"d":3}],"b":1}'
 * ```
 */
export function requestFingerprint(operation: string, params: unknown): string {
  return `${operation}:${canonical(params)}`;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .flatMap((k) => {
        const v = (value as Record<string, unknown>)[k];
        return v === undefined ? [] : [`${JSON.stringify(k)}:${canonical(v)}`];
      });
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
