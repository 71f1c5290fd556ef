import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTRY_KINDS, type LedgerEntry } from '../points/ledgerEntry.ts';
import { EntryLog } from './entryLog.ts';
import { LedgerColumns } from './ledgerColumns.ts';

const MEMBER = 'm1';

/** An entry as the draft writes it (derived ids), or with ids of its own when `odd` (near misses included: a leading zero, a trailing character, another version). */
const entryAt = (seq: number, v: { kind: number; available: boolean; points: number; at: number; note?: string | undefined; version: number; odd: number }): LedgerEntry => ({
  id: v.odd === 1 ? `x-${seq}` : v.odd === 3 ? `${MEMBER}#0${seq}` : v.odd === 4 ? `${MEMBER}#${seq}x` : `${MEMBER}#${seq}`,
  memberId: MEMBER,
  seq,
  kind: ENTRY_KINDS[v.kind]!,
  lotId: `${MEMBER}.L${seq % 3}`,
  bucket: v.available ? 'available' : 'pending',
  points: v.points,
  at: v.at,
  recordedAt: v.at + 1,
  source: `order:o${seq}`,
  operationId: v.odd === 2 ? `op-${seq}` : v.odd === 5 ? `${MEMBER}.op${v.version + 1}` : `${MEMBER}.op${v.version}`,
  note: v.note,
});

const value = fc.record({
  kind: fc.integer({ min: 0, max: ENTRY_KINDS.length - 1 }),
  available: fc.boolean(),
  points: fc.integer({ min: -1e9, max: 1e9 }),
  // Epoch ms up to year 2100 and beyond 2^32, where a 32-bit packing would break.
  at: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  note: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
  version: fc.integer({ min: 1, max: 2 ** 40 }),
  odd: fc.constantFrom(0, 0, 0, 0, 1, 2, 3, 4, 5),
});

describe('EntryLog', () => {
  it('gives back every entry exactly as written, derived ids or not, and a clone shares nothing', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), fc.boolean(), (values, copied) => {
        const log = new EntryLog(MEMBER);
        const written = values.map((v, seq) => entryAt(seq, v));
        written.forEach((e, i) => (copied ? log.pushCopied(e) : log.push(e, (values[i] as { version: number }).version)));
        expect(log.length).toBe(written.length);
        expect(log.toArray()).toEqual(written);
        for (let i = 0; i < written.length; i++) expect(log.entry(i)).toEqual(written[i]);
        const clone = log.clone();
        const more = entryAt(written.length, { kind: 0, available: true, points: 1, at: 0, version: 1, odd: 0 });
        clone.push(more, 1);
        expect(log.length).toBe(written.length);
        expect(clone.toArray()).toEqual([...written, more]);
      }),
      { numRuns: 300 },
    );
  });

  it('extends the array it gave out when read after more entries were written', () => {
    const log = new EntryLog(MEMBER);
    const v = { kind: 3, available: true, points: -5, at: 10, version: 1, odd: 0 };
    log.push(entryAt(0, v), 1);
    const first = log.toArray();
    log.pushOwn(entryAt(1, { ...v, version: 2 }), 2);
    expect(log.toArray()).toBe(first);
    expect(first.map((e) => e.operationId)).toEqual(['m1.op1', 'm1.op2']);
  });
});

describe('EntryLog over shared columns', () => {
  it('keeps each member its own entries when members write in turn, and clones into other columns', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), value), { maxLength: 60 }), (writes) => {
        const columns = new LedgerColumns();
        const members = ['a', 'b', 'c'];
        const logs = members.map((m) => new EntryLog(m, columns));
        const written: LedgerEntry[][] = [[], [], []];
        for (const [who, v] of writes) {
          const m = members[who] as string;
          const list = written[who] as LedgerEntry[];
          const e = { ...entryAt(list.length, { ...v, odd: 0 }), id: `${m}#${list.length}`, memberId: m, lotId: `${m}.L1`, operationId: `${m}.op${v.version}` };
          (logs[who] as EntryLog).push(e, v.version);
          list.push(e);
        }
        expect(columns.size).toBe(writes.length);
        logs.forEach((log, who) => {
          expect(log.toArray()).toEqual(written[who]);
          const list = written[who] as LedgerEntry[];
          if (list.length > 0) expect(log.entry(list.length - 1)).toEqual(list.at(-1));
          const other = new LedgerColumns();
          const copy = log.clone(other);
          expect(copy.toArray()).toEqual(list);
          expect(other.size).toBe(list.length);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('names the position when asked for an entry it does not have', () => {
    const log = new EntryLog(MEMBER);
    log.push(entryAt(0, { kind: 0, available: true, points: 1, at: 0, version: 1, odd: 0 }), 1);
    expect(() => log.entry(1)).toThrow(expect.objectContaining({ code: 'not_found', field: 'seq' }));
    expect(() => log.entry(-1)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
