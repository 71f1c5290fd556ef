import type { IdentifierKind } from '../events/eventTypes.ts';
import type { ProfileStore, ProfileStoreSyncWriter, ProfileStoreWriter } from '../ports/profileStore.ts';
import type { MergeRecord, Profile, StoredEvent } from '../profile/profile.ts';
import { StringIndex } from '../ports/stringIndex.ts';

function insertByTime(s: Slot, event: StoredEvent): void {
  // Events mostly arrive in order: append, else binary-search the slot so the
  // list stays sorted for window scans. The times column moves with it.
  const { events, times } = s;
  const at = event.timestamp;
  const n = times.length;
  if (n === 0 || times[n - 1]! <= at) {
    events.push(event);
    times.push(at);
    return;
  }
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  events.splice(lo, 0, event);
  times.splice(lo, 0, at);
}

function removeEvent(s: Slot, id: string): void {
  // The newest event is the likeliest to go (a rolled-back append).
  const { events, times } = s;
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i]!.id === id) {
      events.splice(i, 1);
      times.splice(i, 1);
      return;
    }
  }
}

interface Slot {
  readonly id: string;
  profile: Profile | undefined;
  readonly events: StoredEvent[];
  /**
   * The events' timestamps, in the same order: a plain array of numbers,
   * which V8 keeps unboxed. Window scans read these instead of each event's
   * `timestamp`, which, over events of several shapes, V8 copies into a new
   * heap number on every read (16 bytes per event per rule).
   */
  readonly times: number[];
}

// Undo log entries are four flat slots (operation, key, before, extra) in one
// array: no closure per write on the ingest hot path.
const PUT_PROFILE = 0;
const LINK = 1;
const APPEND = 2;
const MOVE = 3;
const PUT_MERGE = 4;

/**
 * The embedded, in-process store: profiles, identities, events, tags and
 * merges in maps. Transactions are serialised and keep an undo log, so a
 * failed call leaves nothing behind. Use it for tests, simulations, single
 * process tools, and as the reference the SQL stores are tested against.
 * It also offers {@link ProfileStore.transactionSync}, which ingest uses to
 * apply a whole batch without a promise per read or write.
 *
 * Returned event lists are the store's own arrays: treat them as read-only.
 *
 * @example
 * ```ts
 * import { createMemberkit, memoryStore } from '@memberkit/core';
 * const mk = createMemberkit({ store: memoryStore() });
 * ```
 */
export function memoryStore(): ProfileStore {
  // One slot per profile id holds the profile and its events (oldest first):
  // one map lookup serves getProfile, listEvents, putProfile and appendEvent,
  // and the last slot used is remembered, since ingest asks about the same
  // profile several times in a row.
  const slots = new Map<string, Slot>();
  let lastId: string | undefined;
  let lastSlot: Slot | undefined;
  const slot = (id: string): Slot => {
    if (id === lastId) return lastSlot!;
    let s = slots.get(id);
    if (!s) {
      s = { id, profile: undefined, events: [], times: [] };
      slots.set(id, s);
    }
    lastId = id;
    lastSlot = s;
    return s;
  };
  const peek = (id: string): Slot | undefined => {
    if (id === lastId) return lastSlot;
    const s = slots.get(id);
    if (s) {
      lastId = id;
      lastSlot = s;
    }
    return s;
  };
  // One map per identifier kind: no composite string keys to build and hash.
  // Links point at slots, not ids: the profile read that follows a lookup
  // finds its slot remembered instead of hashing the id again.
  // Each kind's values are in a StringIndex, like event ids (see below): the
  // first identifier of most events is looked up and found cold. An unlinked
  // value maps to `undefined`.
  const identities = new Map<IdentifierKind, StringIndex<Slot | undefined>>();
  const kindMap = (kind: IdentifierKind): StringIndex<Slot | undefined> => {
    let m = identities.get(kind);
    if (!m) {
      m = new StringIndex();
      identities.set(kind, m);
    }
    return m;
  };
  // Every stored event by id, for dedupe: most look-ups are misses (a new
  // event), which a StringIndex answers from one slot of a typed array where
  // a Map walked a chain through cold key strings. It cannot delete: a
  // rolled-back append leaves the id mapped to `undefined`, which reads as
  // absent (and a later append of that id reuses its slot).
  const events = new StringIndex<StoredEvent | undefined>();
  const merges = new Map<string, MergeRecord>();
  const mergesBySurvivor = new Map<string, MergeRecord[]>();
  const noEvents: readonly StoredEvent[] = Object.freeze([]);
  const noTimes: readonly number[] = Object.freeze([]);
  const noMerges: readonly MergeRecord[] = Object.freeze([]);
  let live = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let running = 0;
  // An event id known to be absent: only appendEvent adds ids, and it clears this.
  let lastMiss: string | undefined;

  const setProfile = (s: Slot, profile: Profile | undefined): void => {
    const before = s.profile;
    live += Number(profile !== undefined && profile.mergedInto === undefined) - Number(before !== undefined && before.mergedInto === undefined);
    s.profile = profile;
  };

  // One writer for all transactions: they are serialised, so the undo log of
  // the running one is simply reset.
  // The log array keeps its capacity between transactions (emptying it with
  // `length = 0` would free it and grow it again on every ingest): `top`
  // marks its end, and `clearUndo` drops the references it held.
  const undo: unknown[] = [];
  let top = 0;
  const log = (op: number, key: string, before: unknown, extra: unknown): void => {
    undo[top] = op;
    undo[top + 1] = key;
    undo[top + 2] = before;
    undo[top + 3] = extra;
    top += 4;
  };
  const clearUndo = (): void => {
    // Twice per transaction, most often with nothing logged (a duplicate, or
    // the start of one): skip the builtin call then.
    if (top === 0) return;
    undo.fill(undefined, 0, top);
    top = 0;
  };
  const rollback = (): void => {
    lastMiss = undefined;
    for (let i = top - 4; i >= 0; i -= 4) {
      const key = undo[i + 1] as string;
      const before = undo[i + 2];
      const extra = undo[i + 3];
      switch (undo[i]) {
        case PUT_PROFILE:
          setProfile(slot(key), before as Profile | undefined);
          break;
        case LINK:
          (extra as StringIndex<Slot | undefined>).set(key, before as Slot | undefined);
          break;
        case APPEND:
          events.set(key, undefined);
          removeEvent(slot(extra as string), key);
          break;
        case MOVE: {
          const was = before as StoredEvent;
          events.set(key, was);
          removeEvent(slot(extra as string), key);
          insertByTime(slot(was.profileId), was);
          break;
        }
        case PUT_MERGE: {
          const record = extra as MergeRecord;
          const list = mergesBySurvivor.get(record.survivorId)!;
          const index = list.findIndex((m) => m.id === key);
          if (before) {
            merges.set(key, before as MergeRecord);
            list[index] = before as MergeRecord;
          } else {
            merges.delete(key);
            list.splice(index, 1);
          }
          break;
        }
      }
    }
  };

  const sync: ProfileStoreSyncWriter = {
    getProfile: (id) => peek(id)?.profile,
    findProfileId(kind, value) {
      const s = identities.get(kind)?.get(value);
      if (s === undefined) return undefined;
      lastId = s.id;
      lastSlot = s;
      return s.id;
    },
    findEventProfileId(eventId) {
      const e = events.get(eventId);
      // Ingest asks, then appends: remember the miss to skip a second lookup.
      if (e === undefined) lastMiss = eventId;
      return e?.profileId;
    },
    listEvents: (profileId) => peek(profileId)?.events ?? noEvents,
    listEventTimes: (profileId) => peek(profileId)?.times ?? noTimes,
    getMerge: (id) => merges.get(id),
    listMerges: (profileId) => mergesBySurvivor.get(profileId) ?? noMerges,
    putProfile(profile) {
      const s = slot(profile.id);
      log(PUT_PROFILE, profile.id, s.profile, undefined);
      setProfile(s, profile);
    },
    linkIdentifier(kind, value, profileId) {
      const m = kindMap(kind);
      const before = m.get(value);
      m.set(value, slot(profileId));
      log(LINK, value, before, m);
    },
    unlinkIdentifier(kind, value) {
      const m = kindMap(kind);
      const before = m.get(value);
      if (before === undefined) return;
      m.set(value, undefined);
      log(LINK, value, before, m);
    },
    appendEvent(event) {
      if (event.id !== lastMiss && events.get(event.id) !== undefined) return false;
      lastMiss = undefined;
      events.set(event.id, event);
      insertByTime(slot(event.profileId), event);
      log(APPEND, event.id, undefined, event.profileId);
      return true;
    },
    moveEvents(eventIds, toProfileId) {
      for (const id of eventIds) {
        const before = events.get(id);
        if (!before || before.profileId === toProfileId) continue;
        const moved: StoredEvent = { ...before, profileId: toProfileId };
        events.set(id, moved);
        removeEvent(slot(before.profileId), id);
        insertByTime(slot(toProfileId), moved);
        log(MOVE, id, before, toProfileId);
      }
    },
    putMerge(record) {
      const before = merges.get(record.id);
      merges.set(record.id, record);
      let list = mergesBySurvivor.get(record.survivorId);
      if (!list) {
        list = [];
        mergesBySurvivor.set(record.survivorId, list);
      }
      const index = list.findIndex((m) => m.id === record.id);
      if (index >= 0) list[index] = record;
      else list.push(record);
      log(PUT_MERGE, record.id, before, record);
    },
  };

  const writer: ProfileStoreWriter = {
    getProfile: async (id) => sync.getProfile(id),
    findProfileId: async (kind, value) => sync.findProfileId(kind, value),
    findEventProfileId: async (eventId) => sync.findEventProfileId(eventId),
    listEvents: async (profileId) => sync.listEvents(profileId),
    getMerge: async (id) => sync.getMerge(id),
    listMerges: async (profileId) => sync.listMerges(profileId),
    putProfile: async (profile) => sync.putProfile(profile),
    linkIdentifier: async (kind, value, profileId) => sync.linkIdentifier(kind, value, profileId),
    unlinkIdentifier: async (kind, value) => sync.unlinkIdentifier(kind, value),
    appendEvent: async (event) => sync.appendEvent(event),
    moveEvents: async (eventIds, toProfileId) => sync.moveEvents(eventIds, toProfileId),
    putMerge: async (record) => sync.putMerge(record),
  };

  const runSync = <T>(fn: (tx: ProfileStoreSyncWriter) => T): T => {
    clearUndo();
    try {
      return fn(sync);
    } catch (error) {
      rollback();
      throw error;
    } finally {
      clearUndo();
    }
  };

  return {
    getProfile: writer.getProfile,
    findProfileId: writer.findProfileId,
    findEventProfileId: writer.findEventProfileId,
    listEvents: writer.listEvents,
    getMerge: writer.getMerge,
    listMerges: writer.listMerges,
    transaction<T>(fn: (tx: ProfileStoreWriter) => Promise<T>): Promise<T> {
      const run = async (): Promise<T> => {
        clearUndo();
        try {
          return await fn(writer);
        } catch (error) {
          rollback();
          throw error;
        } finally {
          clearUndo();
          running--;
        }
      };
      running++;
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    transactionSync<T>(fn: (tx: ProfileStoreSyncWriter) => T): Promise<T> {
      // Nothing in flight: run now, in this turn, so no other code can
      // interleave. Otherwise wait for our turn like any transaction.
      if (running === 0) {
        running++;
        try {
          return Promise.resolve(runSync(fn));
        } catch (error) {
          return Promise.reject(error);
        } finally {
          running--;
        }
      }
      running++;
      const run = (): T => {
        try {
          return runSync(fn);
        } finally {
          running--;
        }
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    async *listProfileIds() {
      for (const [id, s] of slots) if (s.profile !== undefined && s.profile.mergedInto === undefined) yield id;
    },
    *liveProfileIdsSync() {
      for (const [id, s] of slots) {
        if (s.profile === undefined || s.profile.mergedInto !== undefined) continue;
        // The caller reads this profile next: its slot is the remembered one.
        lastId = id;
        lastSlot = s;
        yield id;
      }
    },
    countProfiles: async () => live,
  };
}
