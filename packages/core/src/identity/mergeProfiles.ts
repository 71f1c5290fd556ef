import type { ProfileStoreWriter } from '../ports/profileStore.ts';
import type { MergeRecord, Profile } from '../profile/profile.ts';
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
export async function mergeProfiles(
  tx: ProfileStoreWriter,
  survivor: Profile,
  merged: Profile,
  context: { readonly id: string; readonly now: number; readonly reason: Identifier & { readonly eventId?: string } },
): Promise<{ survivor: Profile; record: MergeRecord }> {
  const events = await tx.listEvents(merged.id);
  const movedEventIds = events.map((e) => e.id);
  await tx.moveEvents(movedEventIds, survivor.id);
  for (const identity of merged.identities) await tx.linkIdentifier(identity.kind, identity.value, survivor.id);

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
  await tx.putProfile(next);
  await tx.putProfile({ ...merged, mergedInto: survivor.id, updatedAt: context.now });
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
  await tx.putMerge(record);
  return { survivor: next, record };
}
