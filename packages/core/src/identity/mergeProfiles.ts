import type { ProfileStoreWriter } from '../ports/profileStore.ts';
import { runStepsAsync, type AnyStoreWriter, type TransactionSteps } from '../ports/runTransactionSteps.ts';
import type { MergeRecord, Profile, StoredEvent } from '../profile/profile.ts';
import type { Identifier } from './eventIdentifiers.ts';

/**
 * Which of two profiles survives a merge: the older one (ties by id), so
 * that the id shops already stored keeps working.
 *
 * @example
 * ```ts
 * import { pickSurvivor } from '@memberkit/core';
 * const base = { identities: [], traits: {}, tags: [], segments: [], attributes: {}, updatedAt: 0 };
 * pickSurvivor({ ...base, id: 'b', createdAt: 1 }, { ...base, id: 'a', createdAt: 2 }).id;
 * //=> 'b'
 * ```
 */
export function pickSurvivor(a: Profile, b: Profile): Profile {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? a : b;
  return a.id < b.id ? a : b;
}

/**
 * What a merge needs besides the two profiles: its id, the time, and the
 * identifier (and event) that proved the two are one person.
 *
 * @example
 * ```ts
 * import type { MergeContext } from '@memberkit/core';
 * const c: MergeContext = { id: 'merge_1', now: 0, reason: { kind: 'phone', value: '+8613812345678', eventId: 'e9' } };
 * ```
 */
export interface MergeContext {
  readonly id: string;
  readonly now: number;
  readonly reason: Identifier & { readonly eventId?: string };
}

/**
 * Merges `merged` into `survivor` inside a transaction (R-PROF-1): the
 * merged profile's events and identifiers move to the survivor, its traits
 * fill the survivor's gaps, tags and attributes are united (the survivor's
 * win), and the merged profile is kept as a tombstone pointing at the
 * survivor. The record keeps both profiles as they were, so that
 * `unmerge` can restore them exactly.
 *
 * @example
 * ```ts
 * import { mergeProfiles, memoryStore } from '@memberkit/core';
 * // Normally called by ingest when one identifier proves two profiles are one person.
 * ```
 */
export function mergeProfiles(
  tx: ProfileStoreWriter,
  survivor: Profile,
  merged: Profile,
  context: MergeContext,
): Promise<{ survivor: Profile; record: MergeRecord }> {
  return runStepsAsync(mergeProfileSteps(tx, survivor, merged, context));
}

/**
 * {@link mergeProfiles} as transaction steps, for bodies that run on either
 * kind of store writer (ingest uses it inside its own steps).
 *
 * @example
 * ```ts
 * import { memoryStore, mergeProfileSteps, runTransactionSteps } from '@memberkit/core';
 * const base = { createdAt: 0, updatedAt: 0, identities: [], traits: {}, tags: [], segments: [], attributes: {} };
 * const r = await runTransactionSteps(memoryStore(), (tx) => mergeProfileSteps(tx, { ...base, id: 'a' }, { ...base, id: 'b' }, { id: 'm1', now: 1, reason: { kind: 'email', value: 'a@b.cn' } }));
 * r.record.mergedId;
 * //=> 'b'
 * ```
 */
export function* mergeProfileSteps(
  tx: AnyStoreWriter,
  survivor: Profile,
  merged: Profile,
  context: MergeContext,
): TransactionSteps<{ survivor: Profile; record: MergeRecord }> {
  const events: readonly StoredEvent[] = yield tx.listEvents(merged.id);
  const movedEventIds = events.map((e) => e.id);
  yield tx.moveEvents(movedEventIds, survivor.id);
  for (const identity of merged.identities) yield tx.linkIdentifier(identity.kind, identity.value, survivor.id);

  const have = new Set(survivor.identities.map((i) => `${i.kind}\u0000${i.value}`));
  const tags = [...survivor.tags, ...merged.tags.filter((t) => !survivor.tags.some((s) => s.tag === t.tag))];
  const next: Profile = {
    ...survivor,
    updatedAt: context.now,
    identities: [...survivor.identities, ...merged.identities.filter((i) => !have.has(`${i.kind}\u0000${i.value}`))],
    traits: { ...merged.traits, ...survivor.traits },
    tags,
    segments: [...new Set([...survivor.segments, ...merged.segments])],
    attributes: { ...merged.attributes, ...survivor.attributes },
  };
  yield tx.putProfile(next);
  yield tx.putProfile({ ...merged, mergedInto: survivor.id, updatedAt: context.now });
  const record: MergeRecord = {
    id: context.id,
    at: context.now,
    survivorId: survivor.id,
    mergedId: merged.id,
    reason: context.reason,
    survivorBefore: survivor,
    mergedBefore: merged,
    movedEventIds,
  };
  yield tx.putMerge(record);
  return { survivor: next, record };
}
