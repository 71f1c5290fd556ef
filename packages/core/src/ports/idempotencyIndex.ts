import type { IdempotencyRecord } from './loyaltyStore.ts';
import { StringIndex } from './stringIndex.ts';
import { recentFingerprint } from '../idempotency/commandFingerprint.ts';

const DIGITS = '0123456789abcdefghijklmnopqrstuv';
/** Digit values by character code (−1 = not a digit). */
const DIGIT_VALUE = Int8Array.from({ length: 128 }, (_, c) => DIGITS.indexOf(String.fromCharCode(c)));
/** `commandFingerprint` writes 53 bits as ten base-32 digits and a last digit of three bits. */
const HASH_DIGITS = 11;

/**
 * The memory store's idempotency keys, for hundreds of thousands of them:
 * per key, the first result and, in arrays by the key's position, the
 * member id and the fingerprint. A fingerprint in `commandFingerprint`'s
 * form (`redeem:` and 11 digits) is kept as its operation (a string every
 * such key shares) and its 53-bit hash as a number; any other fingerprint is
 * kept as it is. So a stored key costs its result and a few array slots,
 * not a record object and a fingerprint string of its own that the garbage
 * collector copies and traces for as long as the store lives. `get` builds
 * the record (only a replay or a conflict reads one).
 *
 * @example
 * ```ts
 * import { IdempotencyIndex } from '@memberkit/core';
 * const keys = new IdempotencyIndex();
 * keys.set({ key: 'k1', memberId: 'm1', fingerprint: 'redeem:0a1b2c3d4e7', result: { ok: true } });
 * [keys.get('k1')?.fingerprint, keys.get('k2'), keys.size];
 * //=> ['redeem:0a1b2c3d4e7', undefined, 1]
 * ```
 */
export class IdempotencyIndex {
  private readonly results = new StringIndex<unknown>();
  private readonly owners: string[] = [];
  /** The operation of a compact fingerprint, or the whole fingerprint. */
  private readonly ops: string[] = [];
  /** The hash of a compact fingerprint; −1 when `ops` holds the whole fingerprint. */
  private readonly hashes: number[] = [];
  /** One string per operation name, shared by every key of that operation. */
  private readonly opNames = new Map<string, string>();

  get size(): number {
    return this.results.size;
  }

  get(key: string): IdempotencyRecord | undefined {
    const i = this.results.indexOf(key);
    if (i < 0) return undefined;
    const hash = this.hashes[i] as number;
    const op = this.ops[i] as string;
    return { key, memberId: this.owners[i] as string, fingerprint: hash < 0 ? op : `${op}:${hashDigits(hash)}`, result: this.results.get(key) };
  }

  set(record: IdempotencyRecord): void {
    const at = this.results.set(record.key, record.result);
    const fp = record.fingerprint;
    // The engine stores a fingerprint just built: its parts are known without reading the text.
    const known = recentFingerprint(fp);
    let hash: number;
    let op: string;
    if (known !== undefined) {
      hash = known.hash;
      op = known.operation;
    } else {
      const colon = fp.length - HASH_DIGITS - 1;
      hash = colon > 0 && fp.charCodeAt(colon) === 58 ? parseHash(fp, colon + 1) : -1;
      op = fp;
      if (hash >= 0) {
        const name = fp.slice(0, colon);
        op = this.opNames.get(name) ?? name;
        if (op === name) this.opNames.set(name, name);
      }
    }
    if (at === this.owners.length) {
      this.owners.push(record.memberId);
      this.ops.push(op);
      this.hashes.push(hash);
    } else {
      this.owners[at] = record.memberId;
      this.ops[at] = op;
      this.hashes[at] = hash;
    }
  }
}

/** The 53-bit number written by the 11 digits from `from`, or −1 if they are not in that form. */
function parseHash(s: string, from: number): number {
  let n = 0;
  for (let i = 0; i < HASH_DIGITS - 1; i++) {
    const c = s.charCodeAt(from + i);
    const d = c < 128 ? (DIGIT_VALUE[c] as number) : -1;
    if (d < 0) return -1;
    n = n * 32 + d;
  }
  const c = s.charCodeAt(from + HASH_DIGITS - 1);
  const last = c < 128 ? (DIGIT_VALUE[c] as number) : -1;
  if (last < 0 || last > 7) return -1;
  return n * 8 + last;
}

/** The 11 digits of a hash from {@link parseHash}. */
function hashDigits(hash: number): string {
  let out = DIGITS[hash % 8] as string;
  let n = Math.floor(hash / 8);
  for (let i = 0; i < HASH_DIGITS - 1; i++) {
    out = (DIGITS[n % 32] as string) + out;
    n = Math.floor(n / 32);
  }
  return out;
}
