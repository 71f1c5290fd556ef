/**
 * The figures one run of `loyalty.bench.ts` prints that a series of runs is judged by: the
 * one-kind write rate (the headline), the hand-rolled peer's rate in the same process,
 * and the machine calibration line (this machine's speed moves the write rate by more than
 * 10 % from one spell to the next, and the calibration line moves with it).
 */
export interface LoyaltyRunFigures {
  /** Ledger writes per second (wall) over the five one-kind write phases. */
  readonly writesPerSecond: number;
  /** The hand-rolled peer's rate over the same five phases. */
  readonly peerWritesPerSecond: number;
  /** Calibration: µs per `Map.set` of a new string key. */
  readonly mapSetMicros: number;
  /** Calibration: µs per `JSON.stringify` of one order event. */
  readonly jsonMicros: number;
}

/** The ops/s (wall) column of the table row whose label starts with `label`. */
function rowRate(output: string, label: string): number | undefined {
  const line = output.split('\n').find((l) => l.startsWith(`| ${label}`));
  if (line === undefined) return undefined;
  // | label | ops | wall (ms) | ops/s (wall) | …
  const cell = line.split('|')[4]?.trim().replaceAll(',', '');
  const rate = Number(cell);
  return cell === undefined || cell === '' || !Number.isFinite(rate) ? undefined : rate;
}

function micros(output: string, what: RegExp): number | undefined {
  const m = what.exec(output);
  return m === null ? undefined : Number(m[1]);
}

/**
 * Reads a run's figures from its printed output; throws naming the figure that is missing
 * (a run that crashed, or a table whose labels changed).
 *
 * @example
 * ```ts
 * import { loyaltyRunFigures } from './loyaltyRunFigures.ts';
 * loyaltyRunFigures(output).writesPerSecond; // e.g. 200626
 * ```
 */
export function loyaltyRunFigures(output: string): LoyaltyRunFigures {
  const figures = {
    writesPerSecond: rowRate(output, '**ledger writes, one kind at a time**'),
    peerWritesPerSecond: rowRate(output, '**peer: ledger writes, one kind at a time**'),
    mapSetMicros: micros(output, /Map\.set of a new string key ([0-9.]+) µs/),
    jsonMicros: micros(output, /JSON\.stringify of one order event ([0-9.]+) µs/),
  };
  for (const [name, value] of Object.entries(figures)) {
    if (value === undefined) throw new Error(`the loyalty benchmark's output has no ${name} figure`);
  }
  return figures as LoyaltyRunFigures;
}
