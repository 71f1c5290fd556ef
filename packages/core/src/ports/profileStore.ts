import type { IdentifierKind } from '../events/eventTypes.ts';
import type { MergeRecord, Profile, StoredEvent } from '../profile/profile.ts';

/**
 * Reads a profile store answers, inside or outside a transaction.
 *
 * @example
 * ```ts
 * import { memoryStore } from '@memberkit/core';
 * const store = memoryStore();
 * await store.getProfile('prof_1');
 * //=> undefined
 * ```
 */
export interface ProfileStoreReader {
  getProfile(id: string): Promise<Profile | undefined>;
  /** The profile an identifier is linked to. */
  findProfileId(kind: IdentifierKind, value: string): Promise<string | undefined>;
  /** The profile an event id was attributed to, if it was stored (dedupe, R-EVT-4). */
  findEventProfileId(eventId: string): Promise<string | undefined>;
  /** A profile's events, oldest first. */
  listEvents(profileId: string): Promise<readonly StoredEvent[]>;
  getMerge(id: string): Promise<MergeRecord | undefined>;
  /** Merges whose survivor is `profileId`, oldest first. */
  listMerges(profileId: string): Promise<readonly MergeRecord[]>;
}

/**
 * Writes, only available inside {@link ProfileStore.transaction}.
 *
 * @example
 * ```ts
 * import { memoryStore } from '@memberkit/core';
 * const store = memoryStore();
 * await store.transaction(async (tx) => tx.linkIdentifier('email', 'a@b.cn', 'prof_1'));
 * ```
 */
export interface ProfileStoreWriter extends ProfileStoreReader {
  putProfile(profile: Profile): Promise<void>;
  linkIdentifier(kind: IdentifierKind, value: string, profileId: string): Promise<void>;
  unlinkIdentifier(kind: IdentifierKind, value: string): Promise<void>;
  /** Stores an event; `false` (and no change) when its id is already stored. */
  appendEvent(event: StoredEvent): Promise<boolean>;
  /** Re-attributes the given events to another profile. */
  moveEvents(eventIds: readonly string[], toProfileId: string): Promise<void>;
  putMerge(record: MergeRecord): Promise<void>;
}

/**
 * {@link ProfileStoreWriter} with plain return values instead of promises:
 * what {@link ProfileStore.transactionSync} hands its body.
 *
 * @example
 * ```ts
 * import { memoryStore } from '@memberkit/core';
 * const store = memoryStore();
 * await store.transactionSync!((tx) => tx.findProfileId('email', 'a@b.cn'));
 * //=> undefined
 * ```
 */
export type ProfileStoreSyncWriter = { [K in keyof ProfileStoreWriter]: (...args: Parameters<ProfileStoreWriter[K]>) => Awaited<ReturnType<ProfileStoreWriter[K]>> } & {
  /**
   * Optional: the timestamps of `listEvents(profileId)`, in the same order,
   * for a store that keeps them as a column. Rule windows read them instead
   * of each event object's `timestamp` (a cold read, and over events of
   * several shapes V8 boxes the number into a new heap object each time).
   */
  listEventTimes?(profileId: string): readonly number[];
};

/**
 * The storage port for profiles, identities, events, tags and merges. The
 * memory store is the embedded default; SQL stores implement the same
 * contract. `transaction` is atomic and serialised: if `fn` throws, none of
 * its writes are visible, and no two transactions interleave their writes.
 *
 * @example
 * ```ts
 * import { memoryStore, type ProfileStore } from '@memberkit/core';
 * const store: ProfileStore = memoryStore();
 * for await (const id of store.listProfileIds()) console.log(id);
 * ```
 */
export interface ProfileStore extends ProfileStoreReader {
  transaction<T>(fn: (tx: ProfileStoreWriter) => Promise<T>): Promise<T>;
  /**
   * Optional, for in-process stores: a transaction whose body is synchronous
   * (no promise per read or write). Same guarantees as `transaction`: atomic,
   * and serialised after any transaction still running, hence the promise.
   * Ingest and batch evaluation use it when present.
   */
  transactionSync?<T>(fn: (tx: ProfileStoreSyncWriter) => T): Promise<T>;
  /**
   * Optional, with `transactionSync`: every live profile id, synchronously,
   * for batch passes that read them in chunks inside sync transactions.
   * Profiles added meanwhile may or may not be visited.
   */
  liveProfileIdsSync?(): Iterable<string>;
  /** Every live (not merged-away) profile id. */
  listProfileIds(): AsyncIterable<string>;
  /** Number of live profiles. */
  countProfiles(): Promise<number>;
}
