import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAmount } from './parseAmount.ts';

describe('parseAmount', () => {
  it('reads major units with signs and separators into exact minor units', () => {
    expect(parseAmount('19.99', 'major', 'CNY')).toBe(1999);
    expect(parseAmount('¥1,299.50', 'major', 'CNY')).toBe(129950);
    expect(parseAmount('$ 5', 'major', 'USD')).toBe(500);
    expect(parseAmount('-3.10', 'major', 'CNY')).toBe(-310);
    expect(parseAmount('1200', 'major', 'JPY')).toBe(1200);
    expect(parseAmount('1.005', 'major', 'CNY')).toBe(101);
  });

  it('reads minor units as integers only', () => {
    expect(parseAmount('1990', 'minor', 'CNY')).toBe(1990);
    expect(parseAmount('19.90', 'minor', 'CNY')).toBeUndefined();
  });

  it('refuses text that is not a number', () => {
    for (const bad of ['', 'n/a', '1,2,3', '12,34', '1e3', 'NaN', '--1']) expect(parseAmount(bad, 'major', 'CNY')).toBeUndefined();
  });

  it('agrees with integer cents for every two-decimal amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (cents) => {
        const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        expect(parseAmount(text, 'major', 'CNY')).toBe(cents);
      }),
    );
  });
});
