import { zhCN } from './locales/zhCN.ts';
import type { MemberkitError } from './memberkitError.ts';

/**
 * Locales with translated error messages; `en` uses the error's own message.
 *
 * @example
 * ```ts
 * import type { MemberkitLocale } from '@memberkit/core';
 * const locale: MemberkitLocale = 'zh-CN';
 * ```
 */
export type MemberkitLocale = 'en' | 'zh-CN';

/**
 * The message to show a person for an error, in their locale. Codes and
 * messages are kept apart (as zod v4 does) so a UI can translate without
 * parsing English.
 *
 * @example
 * ```ts
 * import { MemberkitError, localizeError } from '@memberkit/core';
 * localizeError(new MemberkitError('coupon_expired', 'coupon expired on 2026-01-01'), 'zh-CN');
 * //=> '优惠券已过期'
 * ```
 */
export function localizeError(error: MemberkitError, locale: MemberkitLocale = 'en'): string {
  if (locale === 'zh-CN') return zhCN[error.code](error.details, error.field);
  return error.message;
}
