import { z } from 'zod';
import { currencySchema } from '@memberkit/core';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-03-31');
const ratio = z.coerce.number().min(0).max(1);

/**
 * The `memberkit report` options after parsing, validated at the command-line
 * boundary so bad flags fail with the flag named (`--margin: expected ≤ 1`).
 *
 * @example
 * ```ts
 * import { reportOptionsSchema } from './reportOptions.ts';
 * reportOptionsSchema.parse({ file: 'orders.csv', margin: '0.3' }).margin;
 * //=> 0.3
 * ```
 */
export const reportOptionsSchema = z.object({
  file: z.string().min(1),
  out: z.string().min(1).default('report.html'),
  lang: z.enum(['en', 'zh-CN']).default('en'),
  title: z.string().min(1).optional(),
  'customer-col': z.string().min(1).optional(),
  'date-col': z.string().min(1).optional(),
  'amount-col': z.string().min(1).optional(),
  'order-col': z.string().min(1).optional(),
  'product-col': z.string().min(1).optional(),
  currency: currencySchema.default('CNY'),
  'amount-unit': z.enum(['major', 'minor']).default('major'),
  delimiter: z.string().min(1).max(4).optional(),
  encoding: z.string().min(1).default('utf-8'),
  strict: z.boolean().default(false),
  quiet: z.boolean().default(false),
  'calibration-end': isoDate.optional(),
  'horizon-weeks': z.coerce.number().int().min(1).max(520).default(52),
  margin: ratio.default(1),
  'discount-rate': z.coerce.number().min(0).max(1).default(0.1),
  penalizer: z.coerce.number().min(0).max(100).default(0),
  'min-support': z.coerce.number().gt(0).max(1).default(0.005),
  'min-confidence': ratio.default(0.2),
  'top-rules': z.coerce.number().int().min(1).max(500).default(15),
});

/**
 * Parsed `memberkit report` options.
 *
 * @example
 * ```ts
 * import type { ReportOptions } from './reportOptions.ts';
 * import { reportOptionsSchema } from './reportOptions.ts';
 * const options: ReportOptions = reportOptionsSchema.parse({ file: 'orders.csv' });
 * [options.currency, options.out];
 * //=> ['CNY', 'report.html']
 * ```
 */
export type ReportOptions = z.output<typeof reportOptionsSchema>;

/**
 * `node:util` parseArgs declarations for the same options (all strings but the switches).
 *
 * @example
 * ```ts
 * import { parseArgs } from 'node:util';
 * import { REPORT_ARG_SPEC } from './reportOptions.ts';
 * parseArgs({ args: ['orders.csv', '-q', '--margin', '0.3'], options: REPORT_ARG_SPEC, allowPositionals: true }).values;
 * //=> { quiet: true, margin: '0.3' }
 * ```
 */
export const REPORT_ARG_SPEC = {
  out: { type: 'string', short: 'o' },
  lang: { type: 'string' },
  title: { type: 'string' },
  'customer-col': { type: 'string' },
  'date-col': { type: 'string' },
  'amount-col': { type: 'string' },
  'order-col': { type: 'string' },
  'product-col': { type: 'string' },
  currency: { type: 'string' },
  'amount-unit': { type: 'string' },
  delimiter: { type: 'string' },
  encoding: { type: 'string' },
  strict: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'calibration-end': { type: 'string' },
  'horizon-weeks': { type: 'string' },
  margin: { type: 'string' },
  'discount-rate': { type: 'string' },
  penalizer: { type: 'string' },
  'min-support': { type: 'string' },
  'min-confidence': { type: 'string' },
  'top-rules': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
