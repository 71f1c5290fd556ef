/**
 * Makes UUIDv7 message ids (RFC 9562): 48 bits of Unix milliseconds, then a
 * 12-bit counter seeded at random (method 1, so ids made in the same
 * millisecond still sort in creation order — the queue relies on that), then
 * 62 random bits. Time and randomness are injected.
 *
 * @example
 * ```ts
 * import { uuidv7Generator } from '@memberkit/tracker';
 * const next = uuidv7Generator(() => 0);
 * next(Date.UTC(2026, 0, 1));
 * //=> '019b76da-a800-7000-8000-000000000000'
 * ```
 */
export function uuidv7Generator(random: () => number, bytes?: (n: number) => number[]): (now: number) => string {
  let last = -1;
  let seq = 0;
  const rand = bytes ?? ((n: number) => Array.from({ length: n }, () => Math.floor(random() * 256)));
  return (now) => {
    if (now > last) {
      last = now;
      seq = Math.floor(random() * 2048);
    } else if (++seq > 4095) {
      // counter overflow: borrow the next millisecond, as RFC 9562 allows
      last++;
      seq = 0;
    }
    const r = rand(8);
    const hex = (v: number, len: number) => v.toString(16).padStart(len, '0');
    const tail = r.map((b, i) => hex(i ? b : (b & 0x3f) | 0x80, 2)).join('');
    const ms = hex(last, 12);
    return `${ms.slice(0, 8)}-${ms.slice(8)}-${hex(0x7000 | seq, 4)}-${tail.slice(0, 4)}-${tail.slice(4)}`;
  };
}
