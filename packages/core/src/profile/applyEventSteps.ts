import type { MemberkitEvent } from '../events/memberkitEvent.ts';
import type { Identifier } from '../identity/eventIdentifiers.ts';
import { identitiesCompatible, UNIQUE_IDENTIFIER_KINDS } from '../identity/identityPolicy.ts';
import { mergeProfileSteps, pickSurvivor } from '../identity/mergeProfiles.ts';
import type { ProfileStoreSyncWriter } from '../ports/profileStore.ts';
import { isPending, runStepsSync, type AnyStoreWriter, type TransactionSteps } from '../ports/runTransactionSteps.ts';
import { applyRules, NO_RULE_CHANGES, type RuleChanges } from '../segments/applyRules.ts';
import type { IngestResult } from './ingestEvent.ts';
import type { MemberkitContext } from './memberkitContext.ts';
import type { Profile, ProfileIdentity, ProfileTraits, StoredEvent, TagAssignment } from './profile.ts';
import { reviseProfile } from './reviseProfile.ts';

/**
 * An event validated and with its identifiers cleaned (strongest first),
 * ready to apply inside a transaction.
 *
 * @example
 * ```ts
 * import { eventIdentifiers, parseEvent, type PreparedEvent } from '@memberkit/core';
 * const event = parseEvent({ id: 'e1', type: 'signed_in', timestamp: 0, userId: 'u1', properties: {} });
 * const prepared: PreparedEvent = { event, identifiers: eventIdentifiers(event) };
 * ```
 */
export interface PreparedEvent {
  readonly event: MemberkitEvent;
  readonly identifiers: readonly Identifier[];
}

// Shared by every result without merges or conflicts: never written to.
const NONE: readonly [] = Object.freeze([]) as readonly [];

// Merges re-link identifiers, so chains are short; the bound only guards
// against a corrupted store pointing profiles at each other.
const MAX_HOPS = 16;

// The profile with the event's traits, or the same object when they change nothing.
function withTraits(profile: Profile, traits: ProfileTraits | undefined, now: number): Profile {
  if (!traits) return profile;
  let changed = false;
  for (const k in traits) {
    const v = traits[k];
    if (v !== undefined && profile.traits[k] !== v) changed = true;
  }
  if (!changed) return profile;
  const next: Record<string, ProfileTraits[string]> = { ...profile.traits };
  for (const k in traits) if (traits[k] !== undefined) next[k] = traits[k]!;
  return reviseProfile(profile, now, profile.identities, next, profile.tags, profile.segments);
}

// identitiesCompatible for a single identifier, without building an array;
// indexed, as `identities` may be the frozen NONE (for…of over a frozen array
// allocates an iterator in optimised code).
function fits(identities: readonly ProfileIdentity[], i: Identifier): boolean {
  if (!UNIQUE_IDENTIFIER_KINDS.has(i.kind)) return true;
  for (let k = 0; k < identities.length; k++) {
    const x = identities[k]!;
    if (x.kind === i.kind && x.value !== i.value) return false;
  }
  return true;
}

// What one identifier of the walk (strongest first) means, decided the same
// way by both walks: not linked yet; linked to the first profile found
// (unless that holds another value of a unique kind the event also names);
// linked to that profile again; to another profile that belongs to someone
// else (two user ids, two phones); or to another profile of the same person,
// which merges in.
const UNLINKED = 0;
const TARGET = 1;
const SAME = 2;
const CONFLICT = 3;
const MERGE = 4;
function walkStep(owner: Profile | undefined, target: Profile | undefined, unlinked: readonly Identifier[] | undefined): number {
  if (!owner) return UNLINKED;
  // Nothing unlinked yet (the usual case): no need to read the owner's
  // identity list, often the one cold object the event would touch.
  if (target === undefined) return unlinked === undefined || identitiesCompatible(owner.identities, unlinked) ? TARGET : CONFLICT;
  if (owner.id === target.id) return SAME;
  if (!identitiesCompatible(owner.identities, target.identities) || !identitiesCompatible(owner.identities, unlinked ?? NONE)) return CONFLICT;
  return MERGE;
}

// What ingest answers for an event id already stored.
function duplicate(eventId: string, profileId: string): IngestResult {
  return { status: 'duplicate', eventId, profileId, created: false, merges: [], conflicts: [], ...NO_RULE_CHANGES };
}

// A new profile for an event nobody is known by yet. A profile is as old as
// the first thing we know of the person: imported history keeps its real
// first-seen date (and merges keep the older one). Its empty traits, tags,
// segments and attributes are shared frozen values (every change builds new
// ones): most profiles keep some of them empty, and a shared one stays in
// cache where thousands of separate empties would each be a cold read on
// every event. Its identity list is its own (the steps fill it in place).
const NO_TRAITS: ProfileTraits = Object.freeze({});
const NO_TAGS: readonly TagAssignment[] = Object.freeze([]);
const NO_SEGMENTS: readonly string[] = Object.freeze([]);
const NO_ATTRIBUTES: Profile['attributes'] = Object.freeze({});
function newProfile(ctx: MemberkitContext, now: number, event: MemberkitEvent): Profile {
  return { id: ctx.ids.next('prof'), createdAt: Math.min(now, event.timestamp), updatedAt: now, identities: [], traits: NO_TRAITS, tags: NO_TAGS, segments: NO_SEGMENTS, attributes: NO_ATTRIBUTES };
}

// The answer for an accepted event.
function accepted(event: MemberkitEvent, profileId: string, created: boolean, merges: readonly string[], conflicts: readonly Identifier[], changes: RuleChanges): IngestResult {
  return {
    status: 'accepted',
    eventId: event.id,
    profileId,
    created,
    merges,
    conflicts,
    tagsEntered: changes.tagsEntered,
    tagsLeft: changes.tagsLeft,
    segmentsEntered: changes.segmentsEntered,
    segmentsLeft: changes.segmentsLeft,
  };
}

/**
 * Applies one prepared event inside a transaction, as steps that run on the
 * memory store's synchronous writer or on any async store (see
 * `ingestEvent` for the rules it follows). Exported for stores and
 * collectors that batch events their own way.
 *
 * @example
 * ```ts
 * import { applyEventSteps, createMemberkit, eventIdentifiers, parseEvent, runTransactionSteps } from '@memberkit/core';
 * const mk = createMemberkit();
 * const event = parseEvent({ id: 'e1', type: 'signed_in', timestamp: 0, userId: 'u1', properties: {} });
 * const r = await runTransactionSteps(mk.context.store, (tx) => applyEventSteps(mk.context, tx, { event, identifiers: eventIdentifiers(event) }));
 * r.status;
 * //=> 'accepted'
 * ```
 */
export function* applyEventSteps(ctx: MemberkitContext, tx: AnyStoreWriter, { event, identifiers }: PreparedEvent): TransactionSteps<IngestResult> {
  // Each store call is yielded only when it answered with a promise: on the
  // memory store's synchronous writer the whole body runs in one resume.
  const seen = tx.findEventProfileId(event.id);
  const again = isPending(seen) ? ((yield seen) as string | undefined) : seen;
  if (again !== undefined) return duplicate(event.id, again);
  const now = ctx.clock.now();
  // Most events merge nothing and conflict with nobody: share empty arrays
  // until something is added.
  let merges: string[] | undefined;
  let conflicts: Identifier[] | undefined;
  let unlinked: Identifier[] | undefined;
  let target: Profile | undefined;

  for (const identifier of identifiers) {
    // The live profile the identifier is linked to (inlined: no generator
    // per identifier). Links move on merge; tombstones are followed anyway.
    const found = tx.findProfileId(identifier.kind, identifier.value);
    const ownerId = isPending(found) ? ((yield found) as string | undefined) : found;
    let owner: Profile | undefined;
    for (let hops = 0, next = ownerId; next !== undefined && hops <= MAX_HOPS; hops++) {
      const read = tx.getProfile(next);
      owner = isPending(read) ? ((yield read) as Profile | undefined) : read;
      next = owner?.mergedInto;
    }
    if (owner?.mergedInto !== undefined) owner = undefined;
    const step = walkStep(owner, target, unlinked);
    if (step === UNLINKED) (unlinked ??= []).push(identifier);
    else if (step === CONFLICT) (conflicts ??= []).push(identifier);
    else if (step === TARGET) target = owner;
    if (step !== MERGE || owner === undefined || target === undefined) continue;
    const survivor = pickSurvivor(target, owner);
    const merged = survivor === target ? owner : target;
    const result = yield* mergeProfileSteps(tx, survivor, merged, {
      id: ctx.ids.next('merge'),
      now,
      reason: { ...identifier, eventId: event.id },
    });
    (merges ??= []).push(result.record.id);
    target = result.survivor;
  }

  const created = target === undefined;
  let profile: Profile = target ?? newProfile(ctx, now, event);
  if (unlinked !== undefined) {
    // A new profile's identity list is ours until stored: fill it in place
    // rather than copy the profile; the check still sees the stored list.
    const had = created ? NONE : profile.identities;
    const linked: ProfileIdentity[] = created ? (profile.identities as ProfileIdentity[]) : [];
    for (const i of unlinked) {
      if (!fits(had, i)) {
        (conflicts ??= []).push(i);
        continue;
      }
      const linking = tx.linkIdentifier(i.kind, i.value, profile.id);
      if (isPending(linking)) yield linking;
      linked.push({ kind: i.kind, value: i.value, linkedAt: now });
    }
    if (!created && linked.length > 0) profile = reviseProfile(profile, now, profile.identities.concat(linked), profile.traits, profile.tags, profile.segments);
  }
  profile = withTraits(profile, event.traits as ProfileTraits | undefined, now);
  // The parsed event is ours (validation built it): store it as is, with
  // its profile, instead of keeping a second copy.
  const stored = event as StoredEvent & { profileId: string };
  stored.profileId = profile.id;
  const appending = tx.appendEvent(stored);
  if (isPending(appending)) yield appending;
  // A new profile or a merge: every rule may have changed; else only those
  // this event can affect.
  const listing = tx.listEvents(profile.id);
  const history = isPending(listing) ? ((yield listing) as readonly StoredEvent[]) : listing;
  // The memory store's sync writer (merges run these steps on it) keeps the times column.
  const times = 'listEventTimes' in tx ? tx.listEventTimes?.(profile.id) : undefined;
  const ruled = applyRules(profile, history, now, ctx.ruleTags, ctx.segments, created || merges !== undefined ? undefined : event, times);
  if (created || ruled.profile !== target) {
    const putting = tx.putProfile(ruled.profile);
    if (isPending(putting)) yield putting;
  }
  return accepted(event, profile.id, created, merges ?? NONE, conflicts ?? NONE, ruled.changes);
}

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
 * Ingest uses it whenever the store offers `transactionSync`.
 *
 * @example
 * ```ts
 * import { createMemberkit, eventIdentifiers, parseEvent } from '@memberkit/core';
 * import { applyEventSync } from './applyEventSteps.ts';
 * const mk = createMemberkit();
 * const event = parseEvent({ id: 'e1', type: 'signed_in', timestamp: 0, userId: 'u1', properties: {} });
 * const r = await mk.context.store.transactionSync!((tx) => applyEventSync(mk.context, tx, { event, identifiers: eventIdentifiers(event) }));
 * r.status;
 * //=> 'accepted'
 * ```
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
    const step = walkStep(owner, target, unlinked);
    if (step === UNLINKED) (unlinked ??= []).push(identifier);
    else if (step === CONFLICT) (conflicts ??= []).push(identifier);
    else if (step === TARGET) target = owner;
    else if (step === MERGE) return runStepsSync(applyEventSteps(ctx, tx, prepared));
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
    else if (linked.length > 0) profile = reviseProfile(profile, now, profile.identities.concat(linked), profile.traits, profile.tags, profile.segments);
  }
  profile = withTraits(profile, event.traits as ProfileTraits | undefined, now);
  // The parsed event is ours (validation built it): stored as is.
  const stored = event as StoredEvent & { profileId: string };
  stored.profileId = profile.id;
  tx.appendEvent(stored);
  // A new profile: every rule may have changed; else only those this event can affect.
  const ruled = applyRules(profile, tx.listEvents(profile.id), now, ctx.ruleTags, ctx.segments, created ? undefined : event, tx.listEventTimes?.(profile.id));
  if (created || ruled.profile !== target) tx.putProfile(ruled.profile);
  return accepted(event, profile.id, created, NONE, conflicts ?? NONE, ruled.changes);
}
