import { describe, expect, it } from 'vitest';
import { MemberkitError, parseEvent } from '../index.ts';

const order = {
  id: 'evt_1',
  type: 'order_completed',
  timestamp: '2026-03-01T10:00:00+08:00',
  userId: 'u1',
  source: 'server',
  properties: {
    orderId: 'o1',
    currency: 'CNY',
    total: 25900,
    products: [{ productId: 'p1', price: 12950, quantity: 2 }],
  },
} as const;

describe('parseEvent', () => {
  it('normalises the timestamp to epoch ms and keeps typed properties', () => {
    const e = parseEvent(order);
    expect(e.timestamp).toBe(Date.parse('2026-03-01T02:00:00Z'));
    expect(e.type === 'order_completed' && e.properties.total).toBe(25900);
  });

  it('defaults source to client', () => {
    expect(parseEvent({ id: 'e', type: 'signed_in', timestamp: 1, anonymousId: 'a', properties: {} }).source).toBe('client');
  });

  it('rejects float money with the field named', () => {
    const bad = { ...order, properties: { ...order.properties, total: 259.0001 } };
    const err = (() => {
      try {
        parseEvent(bad);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(MemberkitError);
    expect((err as MemberkitError).code).toBe('invalid_event');
    expect((err as MemberkitError).field).toBe('properties.total');
  });

  it('rejects unknown types and events that name nobody', () => {
    expect(() => parseEvent({ ...order, type: 'Order Done' })).toThrow(/Unknown event type/);
    expect(() => parseEvent({ id: 'e', type: 'signed_in', timestamp: 1, properties: {} })).toThrowError(MemberkitError);
    expect(() => parseEvent(null)).toThrowError(MemberkitError);
    expect(() => parseEvent('x')).toThrowError(MemberkitError);
  });

  it('rejects unknown envelope keys instead of silently dropping them', () => {
    expect(() => parseEvent({ ...order, userid: 'typo' })).toThrowError(MemberkitError);
  });
});

describe('page_viewed from the tracker modules', () => {
  it('keeps web vitals and captured errors', () => {
    const e = parseEvent({ id: 'v1', type: 'page_viewed', timestamp: 1, anonymousId: 'a', properties: { path: '/', dwellMs: 1200, vitals: { LCP: 1800, CLS: 40 }, errors: [{ message: 'x is undefined', source: 'app.js', line: 12 }] } });
    expect(e.type === 'page_viewed' && e.properties.vitals).toEqual({ LCP: 1800, CLS: 40 });
    expect(e.type === 'page_viewed' && e.properties.errors?.[0]?.line).toBe(12);
  });
});
