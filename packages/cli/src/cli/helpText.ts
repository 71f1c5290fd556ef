/**
 * The `memberkit --help` text.
 *
 * @example
 * ```ts
 * import { HELP_TEXT } from './helpText.ts';
 * HELP_TEXT.startsWith('memberkit');
 * //=> true
 * ```
 */
export const HELP_TEXT = `memberkit — customer analytics for retail order histories

Usage:
  memberkit report <orders.csv> [--out report.html] [options]
  memberkit --help | --version

Reads an order history (one row per order or per order line) and writes a
self-contained HTML report: KPIs, RFM segments, cohort retention, BG/NBD
model check, P(alive) and CLV distributions, basket rules, and every row
that could not be read, with its line number. Use "-" to read stdin.

Columns (guessed from common header names when not given):
  --customer-col NAME    customer / member id             (customer_id, 会员ID, ...)
  --date-col NAME        order date or time               (order_date, 下单时间, ...)
  --amount-col NAME      order or line amount             (amount, 实付金额, ...)
  --order-col NAME       order id: rows with one id are one basket (optional)
  --product-col NAME     product or category, for basket rules (optional)
  --currency CODE        ISO 4217 currency of the amounts (default CNY)
  --amount-unit U        major (19.90, default) or minor (1990)
  --delimiter C          field delimiter (default: guessed from the header)
  --encoding E           file encoding, e.g. gbk (default utf-8)

Report:
  -o, --out FILE         where to write the HTML (default report.html)
  --lang en|zh-CN        report language (default en)
  --title TEXT           report title
  --calibration-end D    end of the BG/NBD calibration period, YYYY-MM-DD
                         (default: halfway through the data)
  --horizon-weeks N      CLV horizon in weeks (default 52)
  --margin R             gross margin for CLV, 0..1 (default 1 = revenue)
  --discount-rate R      yearly discount rate for CLV (default 0.1)
  --penalizer P          L2 penalty for the BG/NBD fits, e.g. 0.001, when a
                         fit reports no well-defined maximum (default 0)
  --min-support S        basket rules: minimum support (default 0.005)
  --min-confidence C     basket rules: minimum confidence (default 0.2)
  --top-rules N          rules listed (default 15)

Behaviour:
  --strict               fail (exit 1) if any row cannot be read
  -q, --quiet            no progress or summary on stderr

Exit codes: 0 ok, 1 bad input (missing file or column, bad rows with
--strict), 2 bad command line, 70 internal error.
`;
