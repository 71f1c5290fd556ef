import { MemberkitError } from '../errors/memberkitError.ts';
import type { ProfileStoreWriter } from '../ports/profileStore.ts';
import type { Profile } from '../profile/profile.ts';

/**
 * Undoes one merge inside a transaction: both profiles come back exactly as
 * they were when merged, the merged profile's identifiers and events return
 * to it. Identifiers linked and events received after the merge stay with
 * the survivor. Merges must be undone newest first: undoing an older merge
 * while a later one into the same survivor stands, or after the survivor was
 * itself merged away, fails with `merge_conflict`. Undoing twice is a no-op.
 *
 * @example
 * ```ts
 * import { createMemberkit } from '@memberkit/core';
 * const mk = createMemberkit();
 * // const { survivor, restored } = await mk.unmerge(mergeId);
 * ```
 */
export async function unmergeProfiles(tx: ProfileStoreWriter, mergeId: string, now: number): Promise<{ survivor: Profile; restored: Profile }> {
  const record = await tx.getMerge(mergeId);
  if (!record) throw new MemberkitError('merge_not_found', `No merge ${mergeId}`, { field: 'mergeId' });
  const current = await tx.getProfile(record.survivorId);
  if (!current) throw new MemberkitError('merge_not_found', `Survivor ${record.survivorId} of merge ${mergeId} no longer exists`, { field: 'mergeId' });
  if (record.undoneAt !== undefined) {
    return { survivor: current, restored: (await tx.getProfile(record.mergedId)) ?? record.mergedBefore };
  }
  if (current.mergedInto !== undefined) {
    throw new MemberkitError('merge_conflict', `Profile ${current.id} was later merged into ${current.mergedInto}; undo that merge first`, {
      field: 'mergeId',
      details: { mergedInto: current.mergedInto },
    });
  }
  // listMerges is oldest first: everything after this record was merged later.
  const history = await tx.listMerges(record.survivorId);
  const newer = history.slice(history.findIndex((m) => m.id === record.id) + 1).filter((m) => m.undoneAt === undefined);
  if (newer.length > 0) {
    throw new MemberkitError('merge_conflict', `Undo the later merges into ${record.survivorId} first: ${newer.map((m) => m.id).join(', ')}`, {
      field: 'mergeId',
      details: { later: newer.map((m) => m.id) },
    });
  }

  const mergedKeys = new Set(record.mergedBefore.identities.map((i) => `${i.kind}\u0000${i.value}`));
  const beforeKeys = new Set(record.survivorBefore.identities.map((i) => `${i.kind}\u0000${i.value}`));
  const addedSince = current.identities.filter((i) => !mergedKeys.has(`${i.kind}\u0000${i.value}`) && !beforeKeys.has(`${i.kind}\u0000${i.value}`));
  const survivor: Profile = { ...record.survivorBefore, identities: [...record.survivorBefore.identities, ...addedSince] };

  await tx.moveEvents(record.movedEventIds, record.mergedId);
  for (const identity of record.mergedBefore.identities) await tx.linkIdentifier(identity.kind, identity.value, record.mergedId);
  await tx.putProfile(survivor);
  await tx.putProfile(record.mergedBefore);
  await tx.putMerge({ ...record, undoneAt: now });
  return { survivor, restored: record.mergedBefore };
}
