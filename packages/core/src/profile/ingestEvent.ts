import { MemberkitError } from '../errors/memberkitError.ts';
import { parseEvent, type MemberkitEvent } from '../events/memberkitEvent.ts';
import { eventIdentifiers, type Identifier } from '../identity/eventIdentifiers.ts';
import { identitiesCompatible } from '../identity/identityPolicy.ts';
import { mergeProfiles, pickSurvivor } from '../identity/mergeProfiles.ts';
import type { ProfileStoreWriter } from '../ports/profileStore.ts';
import { applyRules, NO_RULE_CHANGES, type RuleChanges } from '../segments/applyRules.ts';
import { liveProfile } from './liveProfile.ts';
import type { MemberkitContext } from './memberkitContext.ts';
import type { Profile, ProfileIdentity, ProfileTraits } from './profile.ts';

/**
 * The outcome of ingesting one event.
 *
 * @example
 * ```ts
 * import type { IngestResult } from '@memberkit/core';
 * declare const r: IngestResult;
 * if (r.status === 'duplicate') console.log('already had', r.eventId);
 * ```
 */
export interface IngestResult extends RuleChanges {
  readonly status: 'accepted' | 'duplicate';
  readonly eventId: string;
  readonly profileId: string;
  /** True when this event created the profile. */
  readonly created: boolean;
  /** Ids of the merges this event caused (undo with `unmerge`). */
  readonly merges: readonly string[];
  /** Identifiers the event carried that belong to another person and were left alone. */
  readonly conflicts: readonly Identifier[];
}

function withTraits(profile: Profile, traits: ProfileTraits | undefined, now: number): Profile {
  if (!traits) return profile;
  const entries = Object.entries(traits).filter(([, v]) => v !== undefined);
  if (entries.every(([k, v]) => profile.traits[k] === v)) return profile;
  return { ...profile, traits: { ...profile.traits, ...Object.fromEntries(entries) }, updatedAt: now };
}

/** An event validated and with its identifiers cleaned, ready to apply. */
interface PreparedEvent {
  readonly event: MemberkitEvent;
  readonly identifiers: readonly Identifier[];
}

/**
 * Validates an event and cleans its identifiers, outside any transaction:
 * throws a `MemberkitError` for bad input before anything is touched.
 */
function prepareEvent(ctx: MemberkitContext, input: unknown): PreparedEvent {
  const event = parseEvent(input);
  return { event, identifiers: eventIdentifiers(event, ctx.defaultCountryCode) };
}

/**
 * Validates, deduplicates and attributes one event to a profile (R-EVT-4,
 * R-PROF-1), all in one store transaction:
 *
 * 1. identifiers are cleaned (phone to E.164, email lower-cased …);
 * 2. they are walked strongest first: the first one already linked picks the
 *    profile, later ones linked to *other* profiles merge them in, unless the
 *    two hold different values of a unique kind (two user ids, two phones):
 *    then they are different people and the identifier is reported in
 *    `conflicts` instead;
 * 3. unlinked identifiers are linked, traits updated, the event stored;
 * 4. rule tags and segments are re-evaluated for the profile.
 *
 * An event id seen before changes nothing and answers `duplicate`. Invalid
 * input throws a `MemberkitError` and stores nothing.
 *
 * @example
 * ```ts
 * import { createMemberkit } from '@memberkit/core';
 * const mk = createMemberkit();
 * const r = await mk.ingest({ id: 'e1', type: 'signed_up', timestamp: '2026-03-01T10:00:00Z', userId: 'u1', identifiers: { phone: '13812345678' }, properties: {} });
 * r.status;
 * //=> 'accepted'
 * ```
 */
export async function ingestEvent(ctx: MemberkitContext, input: unknown): Promise<IngestResult> {
  const prepared = prepareEvent(ctx, input);
  const known = await ctx.store.findEventProfileId(prepared.event.id);
  if (known !== undefined) return duplicate(prepared.event.id, known);
  return ctx.store.transaction((tx) => applyEvent(ctx, tx, prepared));
}

/**
 * One item of a batch answer: the ingest result, or why the event was
 * rejected (the others in the batch are unaffected).
 *
 * @example
 * ```ts
 * import type { BatchItemResult } from '@memberkit/core';
 * declare const r: BatchItemResult;
 * if (r.status === 'rejected') console.log(r.error.code, r.error.field);
 * ```
 */
export type BatchItemResult = IngestResult | { readonly status: 'rejected'; readonly index: number; readonly error: MemberkitError };

/**
 * Ingests a batch (what a collector receives from one tracker request): each
 * event is validated on its own, so one bad event is rejected with its error
 * while the rest are applied, in order, in a single store transaction. This
 * is the fast path: one transaction per batch instead of one per event.
 *
 * @example
 * ```ts
 * import { createMemberkit } from '@memberkit/core';
 * const mk = createMemberkit();
 * const results = await mk.ingestBatch([
 *   { id: 'e1', type: 'products_searched', timestamp: 0, anonymousId: 'a1', properties: { query: '奶粉' } },
 *   { id: 'e2', type: 'products_searched', timestamp: 0, properties: { query: 'no identity' } },
 * ]);
 * results.map((r) => r.status);
 * //=> ['accepted', 'rejected']
 * ```
 */
export async function ingestBatch(ctx: MemberkitContext, inputs: readonly unknown[]): Promise<BatchItemResult[]> {
  const results: BatchItemResult[] = new Array(inputs.length);
  const ready: Array<[number, PreparedEvent]> = [];
  inputs.forEach((input, index) => {
    try {
      ready.push([index, prepareEvent(ctx, input)]);
    } catch (error) {
      if (!(error instanceof MemberkitError)) throw error;
      results[index] = { status: 'rejected', index, error };
    }
  });
  if (ready.length > 0) {
    await ctx.store.transaction(async (tx) => {
      for (const [index, prepared] of ready) results[index] = await applyEvent(ctx, tx, prepared);
    });
  }
  return results;
}

async function applyEvent(ctx: MemberkitContext, tx: ProfileStoreWriter, { event, identifiers }: PreparedEvent): Promise<IngestResult> {
  const again = await tx.findEventProfileId(event.id);
  if (again !== undefined) return duplicate(event.id, again);
  const now = ctx.clock.now();
  const merges: string[] = [];
  const conflicts: Identifier[] = [];
  const unlinked: Identifier[] = [];
  let target: Profile | undefined;

  for (const identifier of identifiers) {
    const owner = await liveOwner(tx, identifier);
    if (!owner) {
      unlinked.push(identifier);
      continue;
    }
    if (target === undefined) {
      if (identitiesCompatible(owner.identities, unlinked)) target = owner;
      else conflicts.push(identifier);
      continue;
    }
    if (owner.id === target.id) continue;
    if (!identitiesCompatible(owner.identities, target.identities) || !identitiesCompatible(owner.identities, unlinked)) {
      conflicts.push(identifier);
      continue;
    }
    const survivor = pickSurvivor(target, owner);
    const merged = survivor === target ? owner : target;
    const result = await mergeProfiles(tx, survivor, merged, {
      id: ctx.ids.next('merge'),
      now,
      reason: { ...identifier, eventId: event.id },
    });
    merges.push(result.record.id);
    target = result.survivor;
  }

  const created = target === undefined;
  // A profile is as old as the first thing we know of the person: imported
  // history keeps its real first-seen date (and merges keep the older one).
  let profile: Profile = target ?? { id: ctx.ids.next('prof'), createdAt: Math.min(now, event.timestamp), updatedAt: now, identities: [], traits: {}, tags: [], segments: [], attributes: {} };
  if (unlinked.length > 0) {
    const linked: ProfileIdentity[] = [];
    for (const i of unlinked) {
      if (!identitiesCompatible(profile.identities, [i])) {
        conflicts.push(i);
        continue;
      }
      await tx.linkIdentifier(i.kind, i.value, profile.id);
      linked.push({ kind: i.kind, value: i.value, linkedAt: now });
    }
    if (linked.length > 0) profile = { ...profile, identities: [...profile.identities, ...linked], updatedAt: now };
  }
  profile = withTraits(profile, event.traits as ProfileTraits | undefined, now);
  await tx.appendEvent({ ...event, profileId: profile.id });
  const ruled = applyRules(profile, await tx.listEvents(profile.id), now, ctx.ruleTags, ctx.segments, event.type);
  if (created || ruled.profile !== target) await tx.putProfile(ruled.profile);
  return { status: 'accepted', eventId: event.id, profileId: profile.id, created, merges, conflicts, ...ruled.changes };
}

async function liveOwner(tx: ProfileStoreWriter, identifier: Identifier): Promise<Profile | undefined> {
  const id = await tx.findProfileId(identifier.kind, identifier.value);
  // Links are moved on merge, but follow tombstones defensively.
  return id === undefined ? undefined : liveProfile(tx, id).catch(() => undefined);
}

function duplicate(eventId: string, profileId: string): IngestResult {
  return { status: 'duplicate', eventId, profileId, created: false, merges: [], conflicts: [], ...NO_RULE_CHANGES };
}
