import type { Identifier } from '../identity/eventIdentifiers.ts';
import { identitiesCompatible } from '../identity/identityPolicy.ts';
import type { ProfileStoreSyncWriter } from '../ports/profileStore.ts';
import { runStepsSync } from '../ports/runTransactionSteps.ts';
import { applyRules } from '../segments/applyRules.ts';
import { accepted, applyEventSteps, duplicate, fits, MAX_HOPS, newProfile, NONE, withTraits, type PreparedEvent } from './applyEventSteps.ts';
import type { IngestResult } from './ingestEvent.ts';
import type { MemberkitContext } from './memberkitContext.ts';
import type { Profile, ProfileIdentity, ProfileTraits, StoredEvent } from './profile.ts';

// The live profile an identifier is linked to (links move on merge;
// tombstones are followed anyway).
function liveOwner(tx: ProfileStoreSyncWriter, identifier: Identifier): Profile | undefined {
  let owner: Profile | undefined;
  for (let hops = 0, next = tx.findProfileId(identifier.kind, identifier.value); next !== undefined && hops <= MAX_HOPS; hops++) {
    owner = tx.getProfile(next);
    next = owner?.mergedInto;
  }
  return owner?.mergedInto === undefined ? owner : undefined;
}

/**
 * {@link applyEventSteps} for a synchronous store writer (the memory store's
 * `transactionSync`), as a plain function: the generator, its saved
 * registers and its resumes cost more than the rest of a typical event's
 * work. It covers the events that merge nobody (nearly all) and hands any
 * that would merge to the generator, before it has written anything: the
 * steps start over on the same transaction, whose reads have no effects.
 */
export function applyEventSync(ctx: MemberkitContext, tx: ProfileStoreSyncWriter, prepared: PreparedEvent): IngestResult {
  const { event, identifiers } = prepared;
  const again = tx.findEventProfileId(event.id);
  if (again !== undefined) return duplicate(event.id, again);
  let conflicts: Identifier[] | undefined;
  let unlinked: Identifier[] | undefined;
  let target: Profile | undefined;
  // The same walk as applyEventSteps, strongest identifier first.
  for (const identifier of identifiers) {
    const owner = liveOwner(tx, identifier);
    if (!owner) {
      (unlinked ??= []).push(identifier);
      continue;
    }
    if (target === undefined) {
      if (identitiesCompatible(owner.identities, unlinked ?? NONE)) target = owner;
      else (conflicts ??= []).push(identifier);
      continue;
    }
    if (owner.id === target.id) continue;
    if (!identitiesCompatible(owner.identities, target.identities) || !identitiesCompatible(owner.identities, unlinked ?? NONE)) {
      (conflicts ??= []).push(identifier);
      continue;
    }
    return runStepsSync(applyEventSteps(ctx, tx, prepared));
  }

  const now = ctx.clock.now();
  const created = target === undefined;
  let profile: Profile = target ?? newProfile(ctx, now, event);
  if (unlinked !== undefined) {
    const had = created ? NONE : profile.identities;
    const linked: ProfileIdentity[] = [];
    for (const i of unlinked) {
      if (!fits(had, i)) {
        (conflicts ??= []).push(i);
        continue;
      }
      tx.linkIdentifier(i.kind, i.value, profile.id);
      linked.push({ kind: i.kind, value: i.value, linkedAt: now });
    }
    // Stored lists are copied to their exact length (concat, slice): the
    // pushed-to one has spare capacity the profile would keep. A new
    // profile is ours until stored: its list is set in place.
    if (created) (profile as { identities: readonly ProfileIdentity[] }).identities = linked.slice();
    else if (linked.length > 0) profile = { ...profile, identities: profile.identities.concat(linked), updatedAt: now };
  }
  profile = withTraits(profile, event.traits as ProfileTraits | undefined, now);
  // The parsed event is ours (validation built it): stored as is.
  const stored = event as StoredEvent & { profileId: string };
  stored.profileId = profile.id;
  tx.appendEvent(stored);
  // A new profile: every rule may have changed; else only those this event can affect.
  const ruled = applyRules(profile, tx.listEvents(profile.id), now, ctx.ruleTags, ctx.segments, created ? undefined : event);
  if (created || ruled.profile !== target) tx.putProfile(ruled.profile);
  return accepted(event, profile.id, created, NONE, conflicts ?? NONE, ruled.changes);
}
