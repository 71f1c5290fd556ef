import { describe, expect, it } from 'vitest';
import { MemberkitError, normalizeIdentifier, normalizePhone } from '../index.ts';

describe('normalizePhone', () => {
  it.each([
    ['13812345678', '+8613812345678'],
    ['138 1234 5678', '+8613812345678'],
    ['138-1234-5678', '+8613812345678'],
    ['+86 138 1234 5678', '+8613812345678'],
    ['+86-138-1234-5678', '+8613812345678'],
    ['008613812345678', '+8613812345678'],
    ['8613812345678', '+8613812345678'],
    ['(010) 6512-3456', '+861065123456'],
    ['0755-8888 1234', '+8675588881234'],
    ['tel:+85291234567', '+85291234567'],
  ])('%s → %s', (raw, e164) => {
    expect(normalizePhone(raw)).toBe(e164);
  });

  it('uses the configured default country code', () => {
    expect(normalizePhone('(415) 555-0132', { defaultCountryCode: '1' })).toBe('+14155550132');
    expect(normalizePhone('07911 123456', { defaultCountryCode: '44' })).toBe('+447911123456');
  });

  it.each(['12345', '1381234567', '23812345678', 'abc', '138 1234 567x', '+0 123 4567 890', ''])('rejects %j with invalid_phone', (raw) => {
    try {
      normalizePhone(raw, { field: 'identifiers.phone' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MemberkitError);
      expect((e as MemberkitError).code).toBe('invalid_phone');
      expect((e as MemberkitError).field).toBe('identifiers.phone');
    }
  });
});

describe('normalizeIdentifier', () => {
  it('lower-cases and trims emails, rejects bad ones', () => {
    expect(normalizeIdentifier('email', ' Li.Na@Example.COM ')).toBe('li.na@example.com');
    expect(() => normalizeIdentifier('email', 'li.na@')).toThrowError(/Invalid email/);
  });
  it('compacts member card numbers', () => {
    expect(normalizeIdentifier('memberCardNo', 'vip 0012-3456')).toBe('VIP00123456');
    expect(() => normalizeIdentifier('memberCardNo', '卡#1')).toThrowError(MemberkitError);
  });
  it('keeps opaque ids case-sensitive but trimmed', () => {
    expect(normalizeIdentifier('openid', ' oAbC123 ')).toBe('oAbC123');
    expect(() => normalizeIdentifier('userId', '   ')).toThrowError(MemberkitError);
  });
});
