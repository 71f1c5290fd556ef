import type { IdentifierKind } from '../events/eventTypes.ts';
import type { ProfileStore, ProfileStoreWriter } from '../ports/profileStore.ts';
import type { MergeRecord, Profile, StoredEvent } from '../profile/profile.ts';


function insertByTime(list: StoredEvent[], event: StoredEvent): void {
  // Events mostly arrive in order: append, else binary-search the slot so the
  // list stays sorted for window scans.
  const last = list[list.length - 1];
  if (last === undefined || last.timestamp <= event.timestamp) {
    list.push(event);
    return;
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.timestamp <= event.timestamp) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, event);
}

function removeEvent(list: StoredEvent[], id: string): void {
  const i = list.findIndex((e) => e.id === id);
  if (i >= 0) list.splice(i, 1);
}

/**
 * The embedded, in-process store: profiles, identities, events, tags and
 * merges in maps. Transactions are serialised and keep an undo log, so a
 * failed call leaves nothing behind. Use it for tests, simulations, single
 * process tools, and as the reference the SQL stores are tested against.
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
  const profiles = new Map<string, Profile>();
  // One map per identifier kind: no composite string keys to build and hash.
  const identities = new Map<IdentifierKind, Map<string, string>>();
  const kindMap = (kind: IdentifierKind): Map<string, string> => {
    let m = identities.get(kind);
    if (!m) {
      m = new Map();
      identities.set(kind, m);
    }
    return m;
  };
  const events = new Map<string, StoredEvent>();
  const eventsByProfile = new Map<string, StoredEvent[]>();
  const merges = new Map<string, MergeRecord>();
  const mergesBySurvivor = new Map<string, MergeRecord[]>();
  let live = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const reader = {
    getProfile: async (id: string) => profiles.get(id),
    findProfileId: async (kind: IdentifierKind, value: string) => identities.get(kind)?.get(value),
    findEventProfileId: async (eventId: string) => events.get(eventId)?.profileId,
    listEvents: async (profileId: string): Promise<readonly StoredEvent[]> => eventsByProfile.get(profileId) ?? [],
    getMerge: async (id: string) => merges.get(id),
    listMerges: async (profileId: string): Promise<readonly MergeRecord[]> => mergesBySurvivor.get(profileId) ?? [],
  };

  const eventList = (profileId: string): StoredEvent[] => {
    let list = eventsByProfile.get(profileId);
    if (!list) {
      list = [];
      eventsByProfile.set(profileId, list);
    }
    return list;
  };

  // One writer for all transactions: they are serialised, so the undo log of
  // the running one is simply swapped in. Avoids building closures per call.
  let undo: Array<() => void> = [];
  const writer: ProfileStoreWriter = {
    ...reader,
    async putProfile(profile) {
      const before = profiles.get(profile.id);
      const wasLive = before !== undefined && before.mergedInto === undefined;
      const isLive = profile.mergedInto === undefined;
      profiles.set(profile.id, profile);
      live += Number(isLive) - Number(wasLive);
      undo.push(() => {
        if (before) profiles.set(profile.id, before);
        else profiles.delete(profile.id);
        live -= Number(isLive) - Number(wasLive);
      });
    },
    async linkIdentifier(kind, value, profileId) {
      const m = kindMap(kind);
      const before = m.get(value);
      m.set(value, profileId);
      undo.push(() => (before === undefined ? m.delete(value) : m.set(value, before)));
    },
    async unlinkIdentifier(kind, value) {
      const m = kindMap(kind);
      const before = m.get(value);
      if (before === undefined) return;
      m.delete(value);
      undo.push(() => m.set(value, before));
    },
    async appendEvent(event) {
      if (events.has(event.id)) return false;
      events.set(event.id, event);
      insertByTime(eventList(event.profileId), event);
      undo.push(() => {
        events.delete(event.id);
        removeEvent(eventList(event.profileId), event.id);
      });
      return true;
    },
    async moveEvents(eventIds, toProfileId) {
      for (const id of eventIds) {
        const before = events.get(id);
        if (!before || before.profileId === toProfileId) continue;
        const moved: StoredEvent = { ...before, profileId: toProfileId };
        events.set(id, moved);
        removeEvent(eventList(before.profileId), id);
        insertByTime(eventList(toProfileId), moved);
        undo.push(() => {
          events.set(id, before);
          removeEvent(eventList(toProfileId), id);
          insertByTime(eventList(before.profileId), before);
        });
      }
    },
    async putMerge(record) {
      const before = merges.get(record.id);
      merges.set(record.id, record);
      const list = mergesBySurvivor.get(record.survivorId) ?? [];
      const index = list.findIndex((m) => m.id === record.id);
      if (index >= 0) list[index] = record;
      else list.push(record);
      mergesBySurvivor.set(record.survivorId, list);
      undo.push(() => {
        if (before) {
          merges.set(record.id, before);
          list[index] = before;
        } else {
          merges.delete(record.id);
          list.pop();
        }
      });
    },
  };

  return {
    ...reader,
    transaction<T>(fn: (tx: ProfileStoreWriter) => Promise<T>): Promise<T> {
      const run = async (): Promise<T> => {
        undo = [];
        try {
          return await fn(writer);
        } catch (error) {
          for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
          throw error;
        } finally {
          undo = [];
        }
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    async *listProfileIds() {
      for (const [id, p] of profiles) if (p.mergedInto === undefined) yield id;
    },
    countProfiles: async () => live,
  };
}
