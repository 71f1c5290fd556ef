import type { z } from 'zod';
import type { MemberkitErrorCode } from './errorCodes.ts';
import { MemberkitError, type MemberkitIssue } from './memberkitError.ts';

/**
 * Converts zod issues into {@link MemberkitIssue}s with a dotted `field`.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { toMemberkitIssues } from '@memberkit/core';
 * const r = z.object({ a: z.number() }).safeParse({ a: 'x' });
 * toMemberkitIssues(r.error!.issues)[0].field;
 * //=> 'a'
 * ```
 */
export function toMemberkitIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): MemberkitIssue[] {
  return issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    return { path, field: path.map(String).join('.'), code: issue.code, message: issue.message };
  });
}

/**
 * Validates `value` with a zod schema at a boundary and returns the parsed
 * value, or throws a {@link MemberkitError} naming the first bad field and
 * carrying every issue. Never lets a bare TypeError escape for bad input.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { parseOrThrow } from '@memberkit/core';
 * parseOrThrow(z.object({ n: z.number().int() }), { n: 2 }, 'invalid_input', 'options');
 * //=> { n: 2 }
 * ```
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code: MemberkitErrorCode = 'invalid_input',
  what = 'input',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = toMemberkitIssues(result.error.issues);
  const first = issues[0];
  const where = first && first.field !== '' ? ` at ${first.field}` : '';
  throw new MemberkitError(code, `Invalid ${what}${where}: ${first?.message ?? 'unknown problem'}`, { issues });
}
