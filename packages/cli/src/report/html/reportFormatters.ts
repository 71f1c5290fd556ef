import { toMajorUnits } from '@memberkit/core';
import type { ReportLang } from '../reportLabels.ts';

/**
 * Number, money and percent formatting for one report language and currency.
 *
 * @example
 * ```ts
 * import type { ReportFormatters } from './reportFormatters.ts';
 * import { reportFormatters } from './reportFormatters.ts';
 * const fmt: ReportFormatters = reportFormatters('en', 'USD');
 * fmt.moneyRounded(24_409_194);
 * //=> '$244,092'
 * ```
 */
export interface ReportFormatters {
  /** Minor units as money with cents (`$35.28`). */
  money(minor: number): string;
  /** Minor units as rounded money for big totals (`$244,092`). */
  moneyRounded(minor: number): string;
  /** Minor units as a short number of major units for axis labels (`1.2K`); the axis name carries the currency. */
  amountShort(minor: number): string;
  /** The currency's sign in this language (`$`, `US$`, `¥`). */
  readonly currencySign: string;
  count(n: number): string;
  percent(ratio: number, digits?: number): string;
  decimal(n: number, digits?: number): string;
}

/**
 * Formatters for the report, built on `Intl` so a CNY report reads `¥1,299.00`
 * and a USD one `$1,299.00`, in either language.
 *
 * @example
 * ```ts
 * import { reportFormatters } from './reportFormatters.ts';
 * reportFormatters('en', 'USD').money(3528);
 * //=> '$35.28'
 * ```
 */
export function reportFormatters(lang: ReportLang, currency: string): ReportFormatters {
  const locale = lang === 'zh-CN' ? 'zh-CN' : 'en-US';
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const rounded = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
  const short = new Intl.NumberFormat(locale, { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(locale);
  return {
    money: (minor) => money.format(toMajorUnits(minor, currency)),
    moneyRounded: (minor) => rounded.format(toMajorUnits(minor, currency)),
    amountShort: (minor) => short.format(toMajorUnits(minor, currency)),
    currencySign: money.formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency,
    count: (n) => count.format(n),
    percent: (ratio, digits = 1) => `${(ratio * 100).toFixed(digits)}%`,
    decimal: (n, digits = 2) => n.toFixed(digits),
  };
}
