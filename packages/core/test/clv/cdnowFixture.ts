// Loads the CDNOW and donations fixtures (see ../fixtures/*/README.md) for the CLV tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixture = (path: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8');

export interface SummaryRow {
  readonly id: string;
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly monetary: number;
}

/** Hardie's calibration summary of the CDNOW 1/10 sample (weeks, 2 dp), with zbar from lifetimes' copy. */
export function cdnowSummary(): SummaryRow[] {
  const zbar = new Map(
    fixture('cdnow/cdnow_customers_summary_with_transactions.csv')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [id, , , , z] = line.split(',');
        return [id as string, Number(z)] as const;
      }),
  );
  return fixture('cdnow/cdnow_customers_summary.csv')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [id, x, tx, T] = line.split(',');
      return { id: id as string, frequency: Number(x), recency: Number(tx), T: Number(T), monetary: zbar.get(id as string) ?? Number.NaN };
    });
}

export interface Transaction {
  readonly customerId: string;
  readonly at: number;
  readonly amount: number;
}

/** The CDNOW 1/10 sample's 6,919 transactions, amounts in cents. */
export function cdnowTransactions(): Transaction[] {
  return fixture('cdnow/CDNOW_sample.txt')
    .trim()
    .split('\n')
    .map((line) => {
      const [, id, date, , dollars] = line.trim().split(/\s+/);
      const d = date as string;
      return {
        customerId: String(Number(id)),
        at: Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8))),
        amount: Math.round(Number(dollars) * 100),
      };
    });
}

/** Fader, Hardie & Shang's (2010) donations data: 11,104 donors over 6 annual opportunities. */
export function donations(): { frequency: number; recency: number; n: number; weight: number }[] {
  return fixture('donations/donations.csv')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [x, tx, n, w] = line.split(',').map(Number);
      return { frequency: x as number, recency: tx as number, n: n as number, weight: w as number };
    });
}
