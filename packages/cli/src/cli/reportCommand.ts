import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { MemberkitError, parseOrThrow } from '@memberkit/core';
import { readOrdersCsv } from '../csv/readOrdersCsv.ts';
import type { ColumnMapping } from '../csv/columnMapping.ts';
import { computeReportData } from '../report/computeReportData.ts';
import { renderReportHtml } from '../report/renderReportHtml.ts';
import { createProgressBar } from '../progress/progressBar.ts';
import { reportOptionsSchema } from './reportOptions.ts';
import type { CliIo } from './cliIo.ts';

/** Bad rows echoed on stderr; the report lists many more. */
const ECHOED = 5;

/**
 * `memberkit report <file>`: reads the CSV, computes the analytics, writes
 * the HTML and prints a one-line summary. Bad rows are listed on stderr and
 * in the report; with `--strict` they fail the command instead.
 *
 * @example
 * ```ts
 * import { tmpdir } from 'node:os';
 * import { reportCommand } from './reportCommand.ts';
 * const io = { stdout: process.stdout, stderr: process.stderr };
 * const { customers, badRows } = await reportCommand({ file: 'examples/orders.csv', out: `${tmpdir()}/report.html`, currency: 'USD', quiet: true }, io);
 * [customers, badRows];
 * //=> [2357, 3]
 * ```
 */
export async function reportCommand(raw: Record<string, unknown>, io: CliIo): Promise<{ out: string; customers: number; badRows: number }> {
  const opts = parseOrThrow(reportOptionsSchema, raw, 'invalid_input', 'command line');
  const bar = createProgressBar({ stream: io.stderr, enabled: !opts.quiet && io.stderr.isTTY === true });
  const columns: ColumnMapping = {
    ...(opts['customer-col'] === undefined ? {} : { customer: opts['customer-col'] }),
    ...(opts['date-col'] === undefined ? {} : { date: opts['date-col'] }),
    ...(opts['amount-col'] === undefined ? {} : { amount: opts['amount-col'] }),
    ...(opts['order-col'] === undefined ? {} : { order: opts['order-col'] }),
    ...(opts['product-col'] === undefined ? {} : { product: opts['product-col'] }),
  };
  const sourceName = opts.file === '-' ? 'stdin' : basename(opts.file);
  bar.start(`reading ${sourceName}`, undefined, 'bytes');
  const table = await readOrdersCsv(opts.file, {
    columns,
    currency: opts.currency,
    amountUnit: opts['amount-unit'],
    encoding: opts.encoding,
    ...(opts.delimiter === undefined ? {} : { delimiter: opts.delimiter === '\\t' || opts.delimiter === 'tab' ? '\t' : opts.delimiter }),
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.finish(`${table.rowsRead.toLocaleString('en')} rows`);

  if (table.badRowCount > 0) {
    const lines = table.badRows.slice(0, ECHOED).map((b) => `  line ${b.line}: ${b.column === undefined ? '' : `${b.column}: `}${b.message}${b.value === undefined ? '' : ` (${JSON.stringify(b.value)})`}`);
    const more = table.badRowCount - lines.length;
    if (opts.strict) {
      throw new MemberkitError('invalid_csv', `${table.badRowCount} row(s) of ${sourceName} cannot be read (--strict):\n${lines.join('\n')}${more > 0 ? `\n  ... and ${more} more` : ''}`, {
        field: 'file',
        details: { line: table.badRows[0]?.line, badRows: table.badRowCount },
      });
    }
    if (!opts.quiet) {
      io.stderr.write(`warning: ${table.badRowCount} row(s) not used; they are listed in the report's "Rows not used" section:\n${lines.join('\n')}${more > 0 ? `\n  ... and ${more} more\n` : '\n'}`);
    }
  }

  const data = computeReportData(table, {
    sourceName,
    ...(io.generatedAt === undefined ? {} : { generatedAt: io.generatedAt }),
    ...(opts['calibration-end'] === undefined ? {} : { calibrationEnd: opts['calibration-end'] }),
    horizonWeeks: opts['horizon-weeks'],
    margin: opts.margin,
    discountRate: opts['discount-rate'],
    penalizer: opts.penalizer,
    minSupport: opts['min-support'],
    minConfidence: opts['min-confidence'],
    topRules: opts['top-rules'],
    onStep: (name, phase) => (phase === 'start' ? bar.start(name) : bar.finish()),
  });
  const html = renderReportHtml(data, { lang: opts.lang, ...(opts.title === undefined ? {} : { title: opts.title }) });
  const out = resolve(opts.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, html);
  if (!opts.quiet) {
    io.stderr.write(`wrote ${opts.out}: ${data.kpis.customers.toLocaleString('en')} customers, ${data.kpis.orders.toLocaleString('en')} orders, ${table.badRowCount} bad row(s)\n`);
  }
  return { out, customers: data.kpis.customers, badRows: table.badRowCount };
}
