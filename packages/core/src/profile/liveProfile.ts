import { MemberkitError } from '../errors/memberkitError.ts';
import type { ProfileStoreReader } from '../ports/profileStore.ts';
import type { Profile } from './profile.ts';

// Merges re-link identifiers, so chains are short; the bound only guards
// against a corrupted store pointing profiles at each other.
const MAX_HOPS = 16;

/**
 * The live profile behind an id: a merged-away id leads to its survivor.
 * Throws `not_found` when there is none.
 *
 * @example
 * ```ts
 * import { liveProfile, memoryStore } from '@memberkit/core';
 * const err = await liveProfile(memoryStore(), 'nobody').catch((e) => e.code);
 * err;
 * //=> 'not_found'
 * ```
 */
export async function liveProfile(store: Pick<ProfileStoreReader, 'getProfile'>, profileId: string): Promise<Profile> {
  let p = await store.getProfile(profileId);
  for (let hops = 0; p?.mergedInto !== undefined && hops < MAX_HOPS; hops++) p = await store.getProfile(p.mergedInto);
  if (!p || p.mergedInto !== undefined) throw new MemberkitError('not_found', `No profile ${profileId}`, { field: 'profileId' });
  return p;
}
