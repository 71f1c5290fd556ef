/**
 * The hand-written checks behind the loyalty engine's fast input paths
 * (`fastLoyaltyInput`). Each one accepts only what the
 * matching zod schema accepts **unchanged** (no trimming, no defaults to
 * fill), so a fast path can return a plain copy and leave everything else to
 * zod, which then produces the usual issues.
 *
 * @example
 * ```ts
 * import { inputChecks } from '@memberkit/core';
 * [inputChecks.trimmed('m1', 1, 200), inputChecks.trimmed(' m1', 1, 200), inputChecks.safeInt(1.5, 0)];
 * //=> [true, false, false]
 * ```
 */
export const inputChecks = {
  /** A plain object (what an object literal or JSON.parse gives), never an array, a Date or a class instance. */
  plain(value: unknown): value is Record<string, unknown> {
    if (typeof value !== 'object' || value === null) return false;
    const proto = Object.getPrototypeOf(value) as unknown;
    return proto === Object.prototype || proto === null;
  },
  /** A string of `min`–`max` UTF-16 units that `.trim()` would leave as it is. */
  trimmed(value: unknown, min: number, max: number): value is string {
    return typeof value === 'string' && value.length >= min && value.length <= max && value.trim() === value;
  },
  /** A string of `min`–`max` UTF-16 units. */
  bounded(value: unknown, min: number, max: number): value is string {
    return typeof value === 'string' && value.length >= min && value.length <= max;
  },
  /** A safe integer ≥ `min` (zod's `.int()` is safe-integer only). */
  safeInt(value: unknown, min: number): value is number {
    return Number.isSafeInteger(value) && (value as number) >= min;
  },
  /** An ISO 4217-shaped code: three capital letters A–Z. */
  currency(value: unknown): value is string {
    if (typeof value !== 'string' || value.length !== 3) return false;
    for (let i = 0; i < 3; i++) {
      const c = value.charCodeAt(i);
      if (c < 65 || c > 90) return false;
    }
    return true;
  },
  /** True when every own key of `value` is in `allowed`. */
  onlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
    for (const k in value) if (!allowed.has(k)) return false;
    return true;
  },
  /** `value` absent (or undefined) or passing `check`. */
  optional(value: Record<string, unknown>, key: string, check: (v: unknown) => boolean): boolean {
    const v = value[key];
    return v === undefined || check(v);
  },
} as const;
